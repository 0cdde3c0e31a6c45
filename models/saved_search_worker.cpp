// SavedSearchWorker: each request of the Saved searches panel as one repository call, answered
// with done(). Worker thread.
#include "saved_search_worker.h"

#include "saved_search_repository.h"

namespace vigie::models {

SavedSearchWorker::SavedSearchWorker(QString connectOptions)
    : repository_(std::make_unique<SavedSearchRepository>(std::move(connectOptions)))
{
}

SavedSearchWorker::~SavedSearchWorker() = default;

void SavedSearchWorker::load(quint64 request)
{
    SavedSearchOutcome outcome;
    outcome.request = request;
    outcome.op = SavedSearchOutcome::Op::Load;
    repository_->loadAll(&outcome.searches, &outcome.error);
    Q_EMIT done(outcome);
}

void SavedSearchWorker::write(quint64 request, SavedSearchOutcome::Op op, SavedSearch search,
                              const std::function<bool(SavedSearch*, QString*)>& statement)
{
    SavedSearchOutcome outcome;
    outcome.request = request;
    outcome.op = op;
    outcome.id = search.id;
    if (statement(&search, &outcome.error)) {
        outcome.id = search.id;
        outcome.searches.append(search);
    }
    Q_EMIT done(outcome);
}

void SavedSearchWorker::save(quint64 request, const SavedSearch& search)
{
    write(request, SavedSearchOutcome::Op::Save, search,
          [this](SavedSearch* row, QString* error) { return repository_->insert(row, false, error); });
}

void SavedSearchWorker::restore(quint64 request, const SavedSearch& search)
{
    write(request, SavedSearchOutcome::Op::Restore, search,
          [this](SavedSearch* row, QString* error) { return repository_->insert(row, true, error); });
}

void SavedSearchWorker::rename(quint64 request, qint64 id, const QString& name)
{
    SavedSearch search;
    search.id = id;
    search.name = name;
    write(request, SavedSearchOutcome::Op::Rename, search,
          [this](SavedSearch* row, QString* error) { return repository_->rename(row, error); });
}

void SavedSearchWorker::updateSearch(quint64 request, const SavedSearch& search)
{
    write(request, SavedSearchOutcome::Op::UpdateSearch, search,
          [this](SavedSearch* row, QString* error) { return repository_->updateSearch(row, error); });
}

void SavedSearchWorker::remove(quint64 request, qint64 id)
{
    SavedSearchOutcome outcome;
    outcome.request = request;
    outcome.op = SavedSearchOutcome::Op::Remove;
    outcome.id = id;
    repository_->remove(id, &outcome.error);
    Q_EMIT done(outcome);
}

} // namespace vigie::models
