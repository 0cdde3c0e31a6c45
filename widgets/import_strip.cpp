#include "import_strip.h"

#include "import_queue.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace vigie::widgets {

using models::FileImportJob;

ImportStrip::ImportStrip(models::ImportQueue* queue, QWidget* parent)
    : ProgressStrip(QStringLiteral("import"), parent), queue_(queue), pending_(new QLabel(this)),
      details_(new QPushButton(this))
{
    pending_->setObjectName(QStringLiteral("importPending"));
    details_->setObjectName(QStringLiteral("importShowCounters"));
    addProgressWidget(pending_);
    addOutcomeWidget(details_);

    connect(queue_, &models::ImportQueue::started, this, &ImportStrip::onStarted);
    connect(queue_, &models::ImportQueue::progress, this, &ImportStrip::onProgress);
    connect(queue_, &models::ImportQueue::phaseChanged, this, &ImportStrip::onPhase);
    connect(queue_, &models::ImportQueue::finished, this, &ImportStrip::onFinished);
    connect(queue_, &models::ImportQueue::pendingChanged, this, &ImportStrip::updatePending);
    connect(cancelButton(), &QPushButton::clicked, queue_, &models::ImportQueue::cancelCurrent);
    connect(details_, &QPushButton::clicked, this, [this] { Q_EMIT countersRequested(lastFeed_); });
    connect(closeButton(), &QToolButton::clicked, this, [this] { finished_.clear(); });
    retranslate();
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
    begin(currentPath_, currentPath_);
    updatePending();
    retranslate();
    show();
}

void ImportStrip::onProgress(quint64 bytesRead, quint64 fileSize, quint64 records, double seconds)
{
    const QLocale locale;
    if (fileSize > 0)
        setFraction(bytesRead, fileSize);
    else
        setBusy(); // size unknown
    const double rate = seconds > 0 ? static_cast<double>(records) / seconds : 0;
    setDetail(tr("%1 of %2 · %3 lines · %4 lines/s")
                  .arg(locale.formattedDataSize(static_cast<qint64>(bytesRead)),
                       locale.formattedDataSize(static_cast<qint64>(fileSize)), locale.toString(records),
                       locale.toString(rate, 'f', 0)));
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
    showOutcome(sentences.join(QLatin1Char('\n')), problem);
    details_->setVisible(!lastFeed_.isEmpty());
}

void ImportStrip::updatePending()
{
    const int pending = queue_->pendingCount();
    pending_->setText(tr("%n more file(s) queued", nullptr, pending));
    pending_->setVisible(pending > 0 && queue_->current());
}

void ImportStrip::retranslate()
{
    const bool storing = phase_ == FileImportJob::Phase::Storing;
    cancelButton()->setText(storing ? tr("Stop Waiting") : tr("Cancel"));
    cancelButton()->setToolTip(
        storing ? tr("Stop waiting for the database; the records already read are still stored")
                : tr("Stop reading the file; the records already read are still stored"));
    progressBar()->setFormat(storing ? tr("Storing…") : QStringLiteral("%p%"));
    details_->setText(tr("Show Counters"));
    closeButton()->setToolTip(tr("Close"));
    updatePending();
}

} // namespace vigie::widgets
