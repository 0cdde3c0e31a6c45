// SavedSearchService: posts the panel's requests to the saved-search worker and applies its
// answers to the list model. GUI thread.
#include "saved_search_service.h"

#include "conn_info.h"

namespace vigie::models {

SavedSearchService::SavedSearchService(QObject* parent)
    : QObject(parent), model_(new SavedSearchListModel(this)), worker_(QStringLiteral("saved search worker"))
{
    qRegisterMetaType<SavedSearch>();
    qRegisterMetaType<SavedSearchOutcome>();
}

SavedSearchService::~SavedSearchService()
{
    detach();
}

bool SavedSearchService::attach(const QString& conninfo, QString* error)
{
    QString options;
    if (!ConnInfo::qpsqlOptionsFor(conninfo, &options, error))
        return false;
    detach();
    worker_.start<SavedSearchOutcome>(new SavedSearchWorker(options), &SavedSearchWorker::done, this,
                                      [this](const SavedSearchOutcome& outcome) { onDone(outcome); });
    // Loading before telling: a panel reading isLoading() on attachedChanged shows "Reading…",
    // not "nothing yet", during the first load.
    loadRequest_ = reload();
    Q_EMIT attachedChanged(true);
    return true;
}

void SavedSearchService::detach()
{
    if (!worker_.isRunning())
        return;
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

quint64 SavedSearchService::reload()
{
    return worker_.post([](SavedSearchWorker* worker, quint64 request) { worker->load(request); });
}

quint64 SavedSearchService::save(const SavedSearch& search)
{
    return worker_.post(
        [search](SavedSearchWorker* worker, quint64 request) { worker->save(request, search); });
}

quint64 SavedSearchService::restore(const SavedSearch& search)
{
    return worker_.post(
        [search](SavedSearchWorker* worker, quint64 request) { worker->restore(request, search); });
}

quint64 SavedSearchService::rename(qint64 id, const QString& name)
{
    return worker_.post(
        [id, name](SavedSearchWorker* worker, quint64 request) { worker->rename(request, id, name); });
}

quint64 SavedSearchService::updateSearch(const SavedSearch& search)
{
    return worker_.post(
        [search](SavedSearchWorker* worker, quint64 request) { worker->updateSearch(request, search); });
}

quint64 SavedSearchService::remove(qint64 id)
{
    return worker_.post([id](SavedSearchWorker* worker, quint64 request) { worker->remove(request, id); });
}

void SavedSearchService::onDone(const SavedSearchOutcome& outcome)
{
    if (outcome.error.isEmpty()) {
        if (outcome.op == SavedSearchOutcome::Op::Load)
            model_->resetSearches(outcome.searches);
        else if (outcome.op == SavedSearchOutcome::Op::Remove)
            model_->removeId(outcome.id);
        else
            for (const SavedSearch& search : outcome.searches)
                model_->upsert(search);
    }
    Q_EMIT finished(outcome.request, outcome.error, outcome.id);
    if (outcome.request == loadRequest_) {
        loadRequest_ = 0;
        Q_EMIT loaded();
    }
}

} // namespace vigie::models
