// ExportStrip (export_strip.h). GUI thread.
#include "export_strip.h"

#include "event_export_job.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace vigie::widgets {

using models::EventExportJob;

ExportStrip::ExportStrip(QWidget* parent)
    : QFrame(parent), file_(new QLabel(this)), bar_(new QProgressBar(this)), detail_(new QLabel(this)),
      cancel_(new QPushButton(this)), summary_(new QLabel(this)), close_(new QToolButton(this))
{
    setObjectName(QStringLiteral("exportStrip"));
    file_->setObjectName(QStringLiteral("exportFile"));
    bar_->setObjectName(QStringLiteral("exportProgress"));
    detail_->setObjectName(QStringLiteral("exportDetail"));
    cancel_->setObjectName(QStringLiteral("exportCancel"));
    summary_->setObjectName(QStringLiteral("exportSummary"));
    close_->setObjectName(QStringLiteral("exportClose"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    bar_->setRange(0, 1000);
    bar_->setTextVisible(true);
    bar_->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse); // the path can be copied
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

    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (job_)
            job_->cancel();
        cancel_->setEnabled(false);
    });
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    retranslate();
    hide();
}

void ExportStrip::follow(EventExportJob* job)
{
    if (job_)
        job_->disconnect(this);
    job_ = job;
    counting_ = false;
    problem_ = false;
    file_->setText(QFileInfo(job->path()).fileName());
    file_->setToolTip(QDir::toNativeSeparators(job->path()));
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    detail_->clear();
    for (QWidget* w : {static_cast<QWidget*>(file_), static_cast<QWidget*>(bar_),
                       static_cast<QWidget*>(detail_), static_cast<QWidget*>(cancel_)})
        w->show();
    cancel_->setEnabled(true);
    summary_->hide();
    close_->hide();

    connect(job, &EventExportJob::counting, this, [this] {
        counting_ = true;
        bar_->setRange(0, 0); // busy until the count is known
        retranslate();
    });
    connect(job, &EventExportJob::progress, this, &ExportStrip::onProgress);
    connect(job, &EventExportJob::finished, this, [this](quint64 rows, const QString& path, double seconds) {
        const QLocale locale;
        // Labels rather than a sentence: no plural form to get wrong for one event.
        showOutcome(
            tr("Export complete · Events: %1 · File: %2 · Time: %3 s")
                .arg(locale.toString(rows), QDir::toNativeSeparators(path), locale.toString(seconds, 'f', 1)),
            false);
    });
    connect(job, &EventExportJob::failed, this,
            [this](const QString& message) { showOutcome(tr("Export failed: %1").arg(message), true); });
    connect(job, &EventExportJob::cancelled, this,
            [this] { showOutcome(tr("Export cancelled: no file was written."), false); });
    retranslate();
    show();
}

void ExportStrip::onProgress(quint64 rows, qint64 total, double seconds)
{
    const QLocale locale;
    counting_ = false;
    if (total > 0) {
        bar_->setRange(0, 1000);
        bar_->setValue(static_cast<int>(std::min<quint64>(rows * 1000 / static_cast<quint64>(total), 1000)));
    } else if (total == 0) {
        bar_->setRange(0, 1000);
        bar_->setValue(1000);
    }
    const QString rate = locale.toString(seconds > 0 ? static_cast<double>(rows) / seconds : 0.0, 'f', 0);
    detail_->setText(total >= 0 ? tr("%1 of about %2 events · %3 events/s")
                                      .arg(locale.toString(rows), locale.toString(total), rate)
                                : tr("%1 events · %2 events/s").arg(locale.toString(rows), rate));
    retranslate();
}

void ExportStrip::showOutcome(const QString& text, bool problem)
{
    problem_ = problem;
    summary_->setText(text);
    summary_->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    for (QWidget* w : {static_cast<QWidget*>(file_), static_cast<QWidget*>(bar_),
                       static_cast<QWidget*>(detail_), static_cast<QWidget*>(cancel_)})
        w->hide();
    summary_->show();
    close_->show();
    show();
}

int ExportStrip::progressPercent() const
{
    return bar_->maximum() > 0 ? bar_->value() * 100 / bar_->maximum() : -1;
}

QString ExportStrip::fileText() const
{
    return file_->text();
}

QString ExportStrip::detailText() const
{
    return detail_->text();
}

QString ExportStrip::summaryText() const
{
    return summary_->isHidden() ? QString() : summary_->text();
}

void ExportStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ExportStrip::retranslate()
{
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop the export; no file is left under the chosen name"));
    bar_->setFormat(counting_ ? tr("Counting…") : QStringLiteral("%p%"));
    close_->setToolTip(tr("Close"));
}

} // namespace vigie::widgets
