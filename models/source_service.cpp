#include "source_service.h"

#include "conn_info.h"

namespace vigie::models {

SourceService::SourceService(QObject* parent)
    : QObject(parent), model_(new SourceListModel(this)), worker_(QStringLiteral("source worker"))
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
    worker_.start<SourceOutcome>(new SourceWorker(engine, options), &SourceWorker::done, this,
                                 [this](const SourceOutcome& outcome) { onDone(outcome); });
    // Loading before telling: a panel reading isLoading() on attachedChanged shows "Reading…",
    // not "nothing yet", during the first load.
    loadRequest_ = reload();
    Q_EMIT attachedChanged(true);
    return true;
}

void SourceService::detach()
{
    if (!worker_.isRunning())
        return;
    // The wait lasts as long as the request being applied.
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

quint64 SourceService::reload()
{
    return worker_.post([](SourceWorker* worker, quint64 request) { worker->load(request); });
}

quint64 SourceService::add(const SourceConfig& source)
{
    return worker_.post([source](SourceWorker* worker, quint64 request) { worker->add(request, source); });
}

quint64 SourceService::restore(const SourceConfig& source)
{
    return worker_.post(
        [source](SourceWorker* worker, quint64 request) { worker->restore(request, source); });
}

quint64 SourceService::update(const SourceConfig& source)
{
    model_->markApplying(source.id);
    return worker_.post([source](SourceWorker* worker, quint64 request) { worker->update(request, source); });
}

quint64 SourceService::setEnabled(qint64 id, bool enabled)
{
    model_->markApplying(id, enabled);
    return worker_.post(
        [id, enabled](SourceWorker* worker, quint64 request) { worker->setEnabled(request, id, enabled); });
}

quint64 SourceService::remove(qint64 id)
{
    model_->markApplying(id);
    return worker_.post([id](SourceWorker* worker, quint64 request) { worker->remove(request, id); });
}

void SourceService::onDone(const SourceOutcome& outcome)
{
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
