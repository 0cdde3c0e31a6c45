#pragma once
// DashboardStoreWorker: does what DashboardService asks, on its own thread, through
// store::DashboardStore over a libpq connection of its own (opened on first use, reopened when
// the server dropped it); reads and writes dashboard .json files there too. After each change
// it sends NOTIFY vigie_dashboards so other desktops reload, and it LISTENs on a QPSQL
// connection of its own to hear theirs (changedElsewhere()). One request at a time, in the
// order they were made; each is answered with one queued done() carrying plain values.
#include "dashboard_list_model.h"

#include "dashboard/dashboard_spec.h"
#include "store/dashboard_store.h"

#include <QObject>

#include <memory>
#include <optional>
#include <string>

namespace vigie::store {
class PgConnection;
}

namespace vigie::models {

// What an import does when the file's uid is already stored.
enum class DashboardImportMode {
    Ask,     // refuse with DashboardOutcome::uidTaken set (the panel asks replace or copy)
    Replace, // the stored dashboard with that uid takes the file's definition
    Copy,    // stored as a new dashboard: new uid, name made unique
};

struct DashboardOutcome {
    enum class Op {
        Load,
        Open,
        Save,
        Add,
        Rename,
        Duplicate,
        Remove,
        Restore,
        RestoreShipped,
        Import,
        Export,
        Changed
    };
    quint64 request = 0;
    Op op = Op::Load;
    QString error;         // empty on success; otherwise a sentence for the analyst (nothing changed)
    bool stale = false;    // Save/Rename refused: someone saved meanwhile; `dashboard` is the current one
    bool uidTaken = false; // Import with Ask: the file's uid is stored as `dashboard`
    bool listed = false;   // `entries` holds every dashboard as it now is
    DashboardEntries entries;
    // Open/Save/Add/Rename/Duplicate/Restore/Import: the dashboard as now stored; Remove: as it
    // was (for undo); stale Save: as the colleague stored it.
    std::optional<store::StoredDashboard> dashboard;
    int count = 0; // RestoreShipped: dashboards added back
    QString path;  // Import/Export: the file
};

class DashboardStoreWorker : public QObject {
    Q_OBJECT
public:
    // `conninfo`: libpq syntax (the store); `qpsqlOptions`: the same for QPSQL (LISTEN).
    DashboardStoreWorker(std::string conninfo, QString qpsqlOptions);
    ~DashboardStoreWorker() override; // on the worker's thread, which owns the connections

public Q_SLOTS:
    // Seeds the shipped dashboards never seeded in this database, then lists.
    void load(quint64 request);
    void open(quint64 request, qint64 id);
    void save(quint64 request, qint64 id, const vigie::dashboard::DashboardSpec& spec, int expectedVersion);
    void add(quint64 request, const vigie::dashboard::DashboardSpec& spec);
    void rename(quint64 request, qint64 id, const QString& name, int expectedVersion);
    // Stores a copy of `id` named `name` (new uid, not shipped).
    void duplicate(quint64 request, qint64 id, const QString& name);
    void remove(quint64 request, qint64 id);
    void restore(quint64 request, const vigie::store::StoredDashboard& dashboard);
    void restoreShipped(quint64 request);
    void importFile(quint64 request, const QString& path, vigie::models::DashboardImportMode mode);
    // Writes `spec` when given, else the stored definition of `id`, canonically.
    void exportFile(quint64 request, qint64 id, const std::optional<vigie::dashboard::DashboardSpec>& spec,
                    const QString& path);
    // Starts listening for other desktops' changes (LISTEN vigie_dashboards over QPSQL).
    // Falls back to polling the list every `pollMs` when the driver cannot subscribe.
    void listen(int pollMs);

Q_SIGNALS:
    void done(const vigie::models::DashboardOutcome& outcome);
    // Another desktop changed a dashboard: the list as it now is (op Changed, request 0).
    void changedElsewhere(const vigie::models::DashboardOutcome& outcome);

private:
    store::PgConnection& connection();
    // Runs `work` (given the store) and lists the dashboards afterwards, also when the request
    // was refused; store errors become outcome->error. Sends NOTIFY when `notify` and no error.
    template <typename Work> void run(DashboardOutcome* outcome, bool notify, Work work);
    void poll();

    std::string conninfo_;
    QString qpsqlOptions_;
    std::unique_ptr<store::PgConnection> db_;
    bool seeded_ = false;
    QString lastListKey_; // poll fallback: ids and versions of the last list seen
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::DashboardOutcome)
Q_DECLARE_METATYPE(vigie::models::DashboardImportMode)
Q_DECLARE_METATYPE(vigie::dashboard::DashboardSpec)
Q_DECLARE_METATYPE(vigie::store::StoredDashboard)
