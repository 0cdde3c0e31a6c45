#pragma once
// SavedSearchService: the Saved searches panel's back end. GUI thread. It owns the
// SavedSearchListModel and a worker thread (SavedSearchWorker) that reads and writes the
// `saved_searches` table, so the database never blocks the GUI thread. Every request returns an
// id; finished() answers it once the worker is done, the model being updated just before.
// attach() starts the worker and loads the table; detach() ends it.
#include "saved_search.h"
#include "saved_search_list_model.h"
#include "saved_search_worker.h"
#include "worker_thread.h"

#include <QObject>

namespace vigie::models {

class SavedSearchService : public QObject {
    Q_OBJECT
public:
    explicit SavedSearchService(QObject* parent = nullptr);
    ~SavedSearchService() override; // detach()

    // Starts the worker over the database at `conninfo` (libpq syntax) and reads the saved
    // searches. Returns false (with *error) when the conninfo cannot be used.
    bool attach(const QString& conninfo, QString* error = nullptr);
    // Waits for the request being handled, then stops the worker.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first load.
    bool isLoading() const { return loadRequest_ != 0; }

    SavedSearchListModel* model() const { return model_; }

    // Each returns the request id finished() will carry, or 0 when detached.
    quint64 reload();
    quint64 save(const SavedSearch& search);
    // Puts back a deleted search with the id it had (undo).
    quint64 restore(const SavedSearch& search);
    quint64 rename(qint64 id, const QString& name);
    // Replaces the query and range of the search with search.id.
    quint64 updateSearch(const SavedSearch& search);
    quint64 remove(qint64 id);
    int pendingRequests() const { return worker_.pendingRequests(); }

Q_SIGNALS:
    void attachedChanged(bool attached);
    // `error` is empty on success, a sentence for the analyst otherwise (nothing changed then);
    // `id` is the search's (for a save, the id the database gave it).
    void finished(quint64 request, const QString& error, qint64 id);
    void loaded();

private:
    void onDone(const vigie::models::SavedSearchOutcome& outcome);

    SavedSearchListModel* model_;
    WorkerThread<SavedSearchWorker> worker_;
    quint64 loadRequest_ = 0;
};

} // namespace vigie::models
