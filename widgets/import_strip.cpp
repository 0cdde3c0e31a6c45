#include "import_strip.h"

#include "import_queue.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace vigie::widgets {

using models::FileImportJob;

ImportStrip::ImportStrip(models::ImportQueue* queue, QWidget* parent)
    : QFrame(parent), queue_(queue), file_(new QLabel(this)), bar_(new QProgressBar(this)),
      detail_(new QLabel(this)), pending_(new QLabel(this)), cancel_(new QPushButton(this)),
      summary_(new QLabel(this)), details_(new QPushButton(this)), close_(new QToolButton(this))
{
    setObjectName(QStringLiteral("importStrip"));
    file_->setObjectName(QStringLiteral("importFile"));
    bar_->setObjectName(QStringLiteral("importProgress"));
    detail_->setObjectName(QStringLiteral("importDetail"));
    pending_->setObjectName(QStringLiteral("importPending"));
    cancel_->setObjectName(QStringLiteral("importCancel"));
    summary_->setObjectName(QStringLiteral("importSummary"));
    details_->setObjectName(QStringLiteral("importShowCounters"));
    close_->setObjectName(QStringLiteral("importClose"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    bar_->setRange(0, 1000);
    bar_->setTextVisible(true);
    bar_->setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    layout->addWidget(pending_);
    layout->addWidget(cancel_);
    layout->addWidget(summary_, 1);
    layout->addWidget(details_);
    layout->addWidget(close_);

    connect(queue_, &models::ImportQueue::started, this, &ImportStrip::onStarted);
    connect(queue_, &models::ImportQueue::progress, this, &ImportStrip::onProgress);
    connect(queue_, &models::ImportQueue::phaseChanged, this, &ImportStrip::onPhase);
    connect(queue_, &models::ImportQueue::finished, this, &ImportStrip::onFinished);
    connect(queue_, &models::ImportQueue::pendingChanged, this, &ImportStrip::updatePending);
    connect(cancel_, &QPushButton::clicked, queue_, &models::ImportQueue::cancelCurrent);
    connect(details_, &QPushButton::clicked, this, [this] { Q_EMIT countersRequested(lastFeed_); });
    connect(close_, &QToolButton::clicked, this, [this] {
        finished_.clear();
        hide();
    });
    for (QWidget* w :
         {static_cast<QWidget*>(summary_), static_cast<QWidget*>(details_), static_cast<QWidget*>(close_)})
        w->hide();
    retranslate();
    hide();
}

int ImportStrip::progressPercent() const
{
    return bar_->maximum() > 0 ? bar_->value() * 100 / bar_->maximum() : -1;
}

QString ImportStrip::fileText() const
{
    return file_->text();
}

QString ImportStrip::detailText() const
{
    return detail_->text();
}

QString ImportStrip::summaryText() const
{
    return summary_->isHidden() ? QString() : summary_->text();
}

QString ImportStrip::summarySentence(const models::ImportSummary& s)
{
    const QLocale locale;
    if (!s.error.isEmpty() && s.received == 0)
        return tr("%1: %2").arg(s.fileName(), s.error);
    QString text = tr("%1: %2 received, %3 stored · Parse errors: %4 · Dropped: %5")
                       .arg(s.fileName(), locale.toString(s.received), locale.toString(s.stored),
                            locale.toString(s.parseErrors), locale.toString(s.dropped));
    if (s.cancelled)
        text += QLatin1Char(' ') + tr("(cancelled after %1 of %2)")
                                       .arg(locale.formattedDataSize(static_cast<qint64>(s.bytesRead)),
                                            locale.formattedDataSize(static_cast<qint64>(s.fileSize)));
    if (!s.complete)
        text +=
            QLatin1Char(' ') +
            tr("— %1 still waiting for the database").arg(locale.toString(s.received - s.stored - s.dropped));
    if (!s.error.isEmpty())
        text += QLatin1Char(' ') + s.error;
    return text;
}

void ImportStrip::onStarted(FileImportJob* job)
{
    currentPath_ = job->path();
    phase_ = FileImportJob::Phase::Reading;
    file_->setText(QFileInfo(currentPath_).fileName());
    file_->setToolTip(currentPath_);
    bar_->setRange(0, 1000);
    bar_->setValue(0);
    detail_->clear();
    for (QWidget* w : {static_cast<QWidget*>(file_), static_cast<QWidget*>(bar_),
                       static_cast<QWidget*>(detail_), static_cast<QWidget*>(cancel_)})
        w->show();
    summary_->hide();
    details_->hide();
    close_->hide();
    updatePending();
    retranslate();
    show();
}

void ImportStrip::onProgress(quint64 bytesRead, quint64 fileSize, quint64 records, double seconds)
{
    const QLocale locale;
    if (fileSize > 0) {
        bar_->setRange(0, 1000);
        bar_->setValue(static_cast<int>(std::min<quint64>(bytesRead * 1000 / fileSize, 1000)));
    } else {
        bar_->setRange(0, 0); // size unknown: busy indicator
    }
    const double rate = seconds > 0 ? static_cast<double>(records) / seconds : 0;
    detail_->setText(tr("%1 of %2 · %3 lines · %4 lines/s")
                         .arg(locale.formattedDataSize(static_cast<qint64>(bytesRead)),
                              locale.formattedDataSize(static_cast<qint64>(fileSize)),
                              locale.toString(records), locale.toString(rate, 'f', 0)));
}

void ImportStrip::onPhase(FileImportJob::Phase phase)
{
    phase_ = phase;
    retranslate();
}

void ImportStrip::onFinished(const models::ImportSummary& summary)
{
    finished_.append(summary);
    if (!summary.feedName.isEmpty())
        lastFeed_ = summary.feedName;
    if (!queue_->isIdle())
        return; // the next file starts at once; the summaries are shown at the end
    QStringList sentences;
    bool problem = false;
    for (const models::ImportSummary& s : finished_) {
        sentences << summarySentence(s);
        problem = problem || !s.error.isEmpty() || s.dropped > 0;
    }
    summary_->setText(sentences.join(QLatin1Char('\n')));
    summary_->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    for (QWidget* w :
         {static_cast<QWidget*>(file_), static_cast<QWidget*>(bar_), static_cast<QWidget*>(detail_),
          static_cast<QWidget*>(pending_), static_cast<QWidget*>(cancel_)})
        w->hide();
    summary_->show();
    details_->setVisible(!lastFeed_.isEmpty());
    close_->show();
    show();
}

void ImportStrip::updatePending()
{
    const int pending = queue_->pendingCount();
    pending_->setText(tr("%n more file(s) queued", nullptr, pending));
    pending_->setVisible(pending > 0 && queue_->current());
}

void ImportStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void ImportStrip::retranslate()
{
    const bool storing = phase_ == FileImportJob::Phase::Storing;
    cancel_->setText(storing ? tr("Stop Waiting") : tr("Cancel"));
    cancel_->setToolTip(storing
                            ? tr("Stop waiting for the database; the records already read are still stored")
                            : tr("Stop reading the file; the records already read are still stored"));
    bar_->setFormat(storing ? tr("Storing…") : QStringLiteral("%p%"));
    details_->setText(tr("Show Counters"));
    close_->setToolTip(tr("Close"));
    updatePending();
}

} // namespace vigie::widgets
