#pragma once
// DashboardService: the dashboard panel's back end. GUI thread. It owns the DashboardListModel
// (the tabs) and a worker thread (DashboardStoreWorker) that reads and writes the `dashboards`
// table and the .json files, so neither blocks the GUI thread. Every request returns an id (0
// when detached); finished() answers it once the worker is done, the model being updated just
// before (also when refused: the model then shows the dashboards as they now are).
//
// Saves are optimistic (DESIGN §8): save(id, spec, version) is refused when someone saved a
// newer version meanwhile; the service then emits saveRefused() with the current definition
// (which the open DashboardDocument reloads) and finished() with a sentence saying so.
// Undo, for the panel's QUndoStack:
//   rename     rename(id, oldName, versionAfterRename)
//   duplicate  remove(newId)
//   remove     removed() carries the whole dashboard: restore(dashboard) puts it back (same id,
//              uid, tab position, shipped key)
// Changes made on other desktops (NOTIFY vigie_dashboards, or a poll when QPSQL cannot
// LISTEN) refresh the model and emit changedElsewhere().
#include "dashboard_list_model.h"
#include "dashboard_store_worker.h"
#include "worker_thread.h"

#include <QObject>

namespace vigie::models {

class DashboardService : public QObject {
    Q_OBJECT
public:
    explicit DashboardService(QObject* parent = nullptr);
    ~DashboardService() override; // detach()

    // Starts the worker over the database at `conninfo` (libpq syntax), seeds the shipped
    // dashboards the first time, lists them and starts listening. False (with *error) when the
    // conninfo cannot be used.
    bool attach(const QString& conninfo, QString* error = nullptr);
    // Waits for the request being handled, then stops the worker.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first load.
    bool isLoading() const { return loadRequest_ != 0; }
    int pendingRequests() const { return worker_.pendingRequests(); }

    DashboardListModel* model() const { return model_; }

    quint64 reload();
    // Answered by opened() then finished().
    quint64 open(qint64 id);
    // Answered by saved() (or saveRefused()) then finished().
    quint64 save(qint64 id, const dashboard::DashboardSpec& spec, int expectedVersion);
    // A new dashboard (given a uid); answered by saved() then finished() with its id.
    quint64 add(const dashboard::DashboardSpec& spec);
    quint64 rename(qint64 id, const QString& name, int expectedVersion);
    // Answered by saved() (the copy) then finished() with the copy's id.
    quint64 duplicate(qint64 id, const QString& name);
    // Answered by removed() then finished().
    quint64 remove(qint64 id);
    quint64 restore(const store::StoredDashboard& dashboard);
    // "Restore shipped dashboards": finished() then restoredShipped(count).
    quint64 restoreShipped();
    // Reads a .json file (on the worker). With Ask and a uid already stored: importConflict()
    // (nothing stored) — ask the analyst, then import again with Replace or Copy.
    quint64 importFile(const QString& path, DashboardImportMode mode = DashboardImportMode::Ask);
    // Writes the stored definition of `id` (or `spec`, e.g. an unsaved open dashboard) canonically.
    quint64 exportFile(qint64 id, const QString& path);
    quint64 exportSpec(const dashboard::DashboardSpec& spec, const QString& path);

    // A name no dashboard has: `base`, else "base (2)", "base (3)"…
    QString uniqueName(const QString& base) const;

Q_SIGNALS:
    void attachedChanged(bool attached);
    void loaded();
    // `error` empty on success, a sentence for the analyst otherwise; `id` the dashboard's.
    void finished(quint64 request, const QString& error, qint64 id);
    void opened(quint64 request, const vigie::store::StoredDashboard& dashboard);
    // After save/add/rename/duplicate/restore/import: the dashboard as now stored.
    void saved(quint64 request, const vigie::store::StoredDashboard& dashboard);
    // A stale save or rename: `current` is what the colleague stored (reload it).
    void saveRefused(quint64 request, const vigie::store::StoredDashboard& current, const QString& message);
    void removed(quint64 request, const vigie::store::StoredDashboard& dashboard);
    void restoredShipped(quint64 request, int count);
    void importConflict(quint64 request, const QString& path, const QString& existingName);
    // Another desktop changed dashboards; the model is already updated. Documents open on a
    // dashboard whose version went up reload it (see DashboardDocument::reloadIfChanged).
    void changedElsewhere();

private:
    void onDone(const vigie::models::DashboardOutcome& outcome);
    void onChangedElsewhere(const vigie::models::DashboardOutcome& outcome);

    DashboardListModel* model_;
    WorkerThread<DashboardStoreWorker> worker_;
    quint64 loadRequest_ = 0;
};

} // namespace vigie::models
