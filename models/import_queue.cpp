#include "import_queue.h"

namespace vigie::models {

ImportQueue::ImportQueue(QObject* parent) : QObject(parent) {}

ImportQueue::~ImportQueue()
{
    pending_.clear();
    delete current_; // cancels and waits
}

void ImportQueue::attach(ingest::Engine* engine)
{
    if (engine == engine_)
        return;
    if (current_) {
        // The job belongs to the engine that goes: stop it now, without its summary.
        disconnect(current_, nullptr, this, nullptr);
        delete current_;
        current_ = nullptr;
    }
    engine_ = engine;
    startNext();
}

void ImportQueue::enqueue(const QStringList& paths, parse::Format format)
{
    for (const QString& path : paths)
        pending_.append({path, format});
    Q_EMIT pendingChanged(pendingCount());
    startNext();
}

void ImportQueue::cancelCurrent()
{
    if (current_)
        current_->cancel();
}

void ImportQueue::cancelAll()
{
    if (!pending_.isEmpty()) {
        pending_.clear();
        Q_EMIT pendingChanged(0);
    }
    cancelCurrent();
}

void ImportQueue::startNext()
{
    if (current_ || !engine_ || pending_.isEmpty())
        return;
    const Pending next = pending_.takeFirst();
    Q_EMIT pendingChanged(pendingCount());
    current_ = new FileImportJob(engine_, next.path, next.format, this);
    current_->setChunkSize(chunkSize_);
    connect(current_, &FileImportJob::progress, this, &ImportQueue::progress);
    connect(current_, &FileImportJob::phaseChanged, this, &ImportQueue::phaseChanged);
    connect(current_, &FileImportJob::finished, this, &ImportQueue::onJobFinished);
    Q_EMIT started(current_);
    current_->start();
}

void ImportQueue::onJobFinished(const ImportSummary& summary)
{
    FileImportJob* job = current_;
    current_ = nullptr;
    summaries_.append(summary);
    Q_EMIT finished(summary);
    if (job)
        job->deleteLater();
    startNext();
    if (isIdle())
        Q_EMIT idle();
}

} // namespace vigie::models
