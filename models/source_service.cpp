#include "source_service.h"

#include "conn_info.h"

#include <QThread>

namespace vigie::models {

SourceService::SourceService(QObject* parent) : QObject(parent), model_(new SourceListModel(this))
{
    qRegisterMetaType<SourceConfig>();
    qRegisterMetaType<SourceOutcome>();
}

SourceService::~SourceService()
{
    detach();
}

bool SourceService::attach(ingest::Engine* engine, const QString& conninfo, QString* error)
{
    QString options;
    if (!engine || !ConnInfo::qpsqlOptionsFor(conninfo, &options, error))
        return false;
    detach();
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("source worker"));
    worker_ = new SourceWorker(engine, options);
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    // Answers from a worker detached meanwhile are dropped by its generation.
    connect(worker_, &SourceWorker::done, this,
            [this, generation = ++generation_](const SourceOutcome& outcome) {
                if (generation == generation_)
                    onDone(outcome);
            });
    thread_->start();
    Q_EMIT attachedChanged(true);
    loadRequest_ = reload();
    return true;
}

void SourceService::detach()
{
    if (!thread_)
        return;
    // The worker is deleted on its own thread when the loop ends; the wait lasts as long as
    // the request being applied.
    thread_->quit();
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    worker_ = nullptr;
    ++generation_;
    pending_ = 0;
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

template <typename Call> quint64 SourceService::post(Call call)
{
    if (!worker_)
        return 0;
    const quint64 request = ++nextRequest_;
    ++pending_;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, request, call] { call(worker, request); }, Qt::QueuedConnection);
    return request;
}

quint64 SourceService::reload()
{
    return post([](SourceWorker* worker, quint64 request) { worker->load(request); });
}

quint64 SourceService::add(const SourceConfig& source)
{
    return post([source](SourceWorker* worker, quint64 request) { worker->add(request, source); });
}

quint64 SourceService::restore(const SourceConfig& source)
{
    return post([source](SourceWorker* worker, quint64 request) { worker->restore(request, source); });
}

quint64 SourceService::update(const SourceConfig& source)
{
    model_->markApplying(source.id);
    return post([source](SourceWorker* worker, quint64 request) { worker->update(request, source); });
}

quint64 SourceService::setEnabled(qint64 id, bool enabled)
{
    model_->markApplying(id, enabled);
    return post(
        [id, enabled](SourceWorker* worker, quint64 request) { worker->setEnabled(request, id, enabled); });
}

quint64 SourceService::remove(qint64 id)
{
    model_->markApplying(id);
    return post([id](SourceWorker* worker, quint64 request) { worker->remove(request, id); });
}

void SourceService::onDone(const SourceOutcome& outcome)
{
    pending_ = std::max(pending_ - 1, 0);
    qint64 id = 0;
    if (outcome.op == SourceOutcome::Op::Load) {
        if (outcome.ok)
            model_->resetEntries(outcome.entries);
    } else if (outcome.op == SourceOutcome::Op::Remove && outcome.ok) {
        id = outcome.removedId;
        model_->removeId(outcome.removedId);
    } else {
        // Success or not, the entries say how the source now stands (a failed request leaves
        // it as it was before).
        for (const SourceEntry& entry : outcome.entries) {
            model_->upsert(entry);
            id = entry.config.id;
        }
    }
    Q_EMIT finished(outcome.request, outcome.error, id);
    if (outcome.request == loadRequest_) {
        loadRequest_ = 0;
        Q_EMIT loaded();
    }
}

} // namespace vigie::models
