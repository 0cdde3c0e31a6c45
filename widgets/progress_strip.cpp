// ProgressStrip (progress_strip.h): the shared look of the import and export strips. GUI thread.
#include "progress_strip.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace vigie::widgets {

ProgressStrip::ProgressStrip(const QString& name, QWidget* parent)
    : QFrame(parent), file_(new QLabel(this)), bar_(new QProgressBar(this)), detail_(new QLabel(this)),
      cancel_(new QPushButton(this)), summary_(new QLabel(this)), close_(new QToolButton(this))
{
    setObjectName(name + QLatin1String("Strip"));
    file_->setObjectName(name + QLatin1String("File"));
    bar_->setObjectName(name + QLatin1String("Progress"));
    detail_->setObjectName(name + QLatin1String("Detail"));
    cancel_->setObjectName(name + QLatin1String("Cancel"));
    summary_->setObjectName(name + QLatin1String("Summary"));
    close_->setObjectName(name + QLatin1String("Close"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    bar_->setRange(0, 1000);
    bar_->setTextVisible(true);
    bar_->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse); // a path can be copied
    close_->setAutoRaise(true);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    QFont bold = file_->font();
    bold.setBold(true);
    file_->setFont(bold);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(file_);
    layout->addWidget(bar_, 1);
    layout->addWidget(detail_);
    layout->addWidget(cancel_);
    layout->addWidget(summary_, 1);
    layout->addWidget(close_);

    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    summary_->hide();
    close_->hide();
    hide();
}

void ProgressStrip::addProgressWidget(QWidget* widget)
{
    // Tab goes through the widgets in the order they stand.
    setTabOrder(progressWidgets_.isEmpty() ? detail_ : progressWidgets_.last(), widget);
    static_cast<QHBoxLayout*>(layout())->insertWidget(layout()->indexOf(cancel_), widget);
    progressWidgets_.append(widget);
}

void ProgressStrip::addOutcomeWidget(QWidget* widget)
{
    setTabOrder(outcomeWidgets_.isEmpty() ? summary_ : outcomeWidgets_.last(), widget);
    static_cast<QHBoxLayout*>(layout())->insertWidget(layout()->indexOf(close_), widget);
    outcomeWidgets_.append(widget);
    widget->hide();
}

void ProgressStrip::begin(const QString& path, const QString& toolTip)
{
    problem_ = false;
    file_->setText(QFileInfo(path).fileName());
    file_->setToolTip(toolTip);
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    detail_->clear();
    for (QWidget* w : {static_cast<QWidget*>(file_), static_cast<QWidget*>(bar_),
                       static_cast<QWidget*>(detail_), static_cast<QWidget*>(cancel_)})
        w->show();
    cancel_->setEnabled(true);
    summary_->hide();
    for (QWidget* w : std::as_const(outcomeWidgets_))
        w->hide();
    close_->hide();
}

void ProgressStrip::setFraction(quint64 done, quint64 total)
{
    bar_->setRange(0, 1000);
    bar_->setValue(total > 0 ? static_cast<int>(std::min<quint64>(done * 1000 / total, 1000)) : 1000);
}

void ProgressStrip::setBusy()
{
    bar_->setRange(0, 0);
}

void ProgressStrip::setDetail(const QString& text)
{
    detail_->setText(text);
}

void ProgressStrip::showOutcome(const QString& text, bool problem)
{
    problem_ = problem;
    summary_->setText(text);
    summary_->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    for (QWidget* w : {static_cast<QWidget*>(file_), static_cast<QWidget*>(bar_),
                       static_cast<QWidget*>(detail_), static_cast<QWidget*>(cancel_)})
        w->hide();
    for (QWidget* w : std::as_const(progressWidgets_))
        w->hide();
    summary_->show();
    close_->show();
    show();
}

int ProgressStrip::progressPercent() const
{
    return bar_->maximum() > 0 ? bar_->value() * 100 / bar_->maximum() : -1;
}

QString ProgressStrip::fileText() const
{
    return file_->text();
}

QString ProgressStrip::detailText() const
{
    return detail_->text();
}

QString ProgressStrip::summaryText() const
{
    return summary_->isHidden() ? QString() : summary_->text();
}

void ProgressStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace vigie::widgets
