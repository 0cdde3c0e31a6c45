#pragma once
// SourceService: the Sources panel's back end. GUI thread. It owns the SourceListModel and a
// worker thread (SourceWorker) that persists each change in the `sources` table and applies it
// to the running engine, so neither the database nor a bind ever blocks the GUI thread. Every
// request returns an id; finished() answers it once the worker is done, and the model is
// updated just before. attach() loads the table and starts every enabled source; detach()
// (before the engine stops) ends the worker.
#include "source_config.h"
#include "source_list_model.h"
#include "source_worker.h"
#include "worker_thread.h"

#include <QObject>

namespace vigie::ingest {
class Engine;
}

namespace vigie::models {

class SourceService : public QObject {
    Q_OBJECT
public:
    explicit SourceService(QObject* parent = nullptr);
    ~SourceService() override; // detach()

    // Starts the worker over `engine` and the database at `conninfo` (libpq syntax), reads the
    // sources and adds the enabled ones to the engine. Returns false (with *error) when the
    // conninfo cannot be used. The engine must stay running until detach().
    bool attach(ingest::Engine* engine, const QString& conninfo, QString* error = nullptr);
    // Waits for the request being applied, then stops the worker. Listeners stay in the engine.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first load.
    bool isLoading() const { return loadRequest_ != 0; }

    SourceListModel* model() const { return model_; }

    // Each returns the request id finished() will carry, or 0 when detached.
    quint64 reload();
    quint64 add(const SourceConfig& source);
    quint64 restore(const SourceConfig& source);
    quint64 update(const SourceConfig& source);
    quint64 setEnabled(qint64 id, bool enabled);
    quint64 remove(qint64 id);
    // Requests sent and not answered yet.
    int pendingRequests() const { return worker_.pendingRequests(); }

Q_SIGNALS:
    void attachedChanged(bool attached);
    // `error` is empty on success; for add and restore, `id` is the source's id.
    void finished(quint64 request, const QString& error, qint64 id);
    void loaded();

private:
    void onDone(const vigie::models::SourceOutcome& outcome);

    SourceListModel* model_;
    WorkerThread<SourceWorker> worker_;
    quint64 loadRequest_ = 0;
};

} // namespace vigie::models
