#pragma once
// WorkstationSession: the back end running inside the desktop app — the managed local
// PostgreSQL cluster (when no server is configured), the ingest Engine and, in demo mode,
// the DemoFeeder sending the scenario to the engine's own TCP listener — and the services that
// act on the running engine: the configured sources (SourceService: every enabled source is
// added to the engine as soon as it runs) and file imports (ImportQueue). Both do their engine
// and database work on their own worker threads.
// start() does the slow work (initdb, pg_ctl, connect, migrations) on a worker thread and
// answers with the queued signals ready() or failed(); the GUI thread never waits for it.
// stop() waits for that work and shuts everything down; call it once the window is gone.
#include "ingest/engine.h"

#include "import_queue.h"
#include "retention_service.h"
#include "rule_service.h"
#include "source_service.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>

namespace vigie::store {
class LocalCluster;
}
namespace vigie::anomaly {
class AnomalyRunner;
}
namespace vigie::demo {
class DemoFeeder;
}

namespace vigie::models {

struct SessionConfig {
    // libpq conninfo of an existing server; empty means the managed local cluster.
    QString conninfo;
    // Where the managed cluster lives (store::LocalCluster::defaultDirectory).
    QString clusterDirectory;
    bool demo = false;
    double demoLinesPerSecond = 25;
};

class WorkstationSession : public QObject {
    Q_OBJECT
public:
    enum class Phase { Idle, StartingLocalCluster, StartingEngine, Running, Suspended, Failed, Stopped };
    Q_ENUM(Phase)

    explicit WorkstationSession(SessionConfig config, QObject* parent = nullptr);
    ~WorkstationSession() override; // stop()

    bool usesLocalCluster() const { return config_.conninfo.trimmed().isEmpty(); }
    Phase phase() const { return phase_; }
    // Valid from ready() until the session is destroyed; nullptr for an analyst's role on a
    // shared database, where the server collects (see isAnalystRole).
    ingest::Engine* engine() const { return phase_ == Phase::Running ? engine_.get() : nullptr; }
    // Live for the session's whole life; attached to the engine while it runs.
    SourceService* sources() const { return sources_; }
    ImportQueue* imports() const { return imports_; }
    // The retention window and its daily maintenance, attached while the engine runs.
    RetentionService* retention() const { return retention_; }
    // The stored detection rules (Rule manager), attached while the engine runs: its changes
    // reach the engine live. The engine starts with the enabled stored rules.
    RuleService* rules() const { return rules_; }
    QString conninfo() const { return conninfo_; }
    // The demo listener's URI, empty when not in demo mode.
    QString demoListener() const { return demoListener_; }

    void start();
    void stop();
    // For a restore, which replaces the tables under the writer: stops the imports, the
    // sources, the demo feeder and the engine (storing what was received), on a worker; answers
    // with ingestSuspended(). resumeIngest() starts a new engine and announces ready() again,
    // so the window reloads its events.
    void suspendIngest();
    void resumeIngest();

Q_SIGNALS:
    void phaseChanged(vigie::models::WorkstationSession::Phase phase);
    // The engine runs; `conninfo` reaches its database (it may hold a password: keep it in
    // memory only).
    void ready(const QString& conninfo);
    void failed(const QString& message);
    void ingestSuspended();

private:
    void runStart(); // worker thread
    void postPhase(Phase phase);
    // Worker thread. True when `conninfo`'s role may not change the schema (an analyst of a
    // shared database): the desktop then reads and works on tickets while collection runs on the
    // server (`vigiectl serve`) — no engine, sources, imports, retention or anomaly runner here.
    // Throws when such a role finds the schema older than this program.
    static bool isAnalystRole(const std::string& conninfo);
    // Queues the switch to Running and ready() on the GUI thread.
    void announceReady(const QString& conninfo, const QString& demoListener);

    SessionConfig config_;
    Phase phase_ = Phase::Idle;
    SourceService* sources_;
    ImportQueue* imports_;
    RetentionService* retention_;
    RuleService* rules_;
    // The engine stopped by suspendIngest(): kept until the new one is announced, since the
    // engine status may still read its counters until then.
    std::unique_ptr<ingest::Engine> retiredEngine_;
    QFuture<void> startWork_;
    // Written by the worker before it posts ready(); read on the GUI thread after that.
    std::unique_ptr<store::LocalCluster> cluster_;
    std::unique_ptr<ingest::Engine> engine_;
    std::unique_ptr<demo::DemoFeeder> feeder_;
    // Its own thread and connection; made and stopped off the GUI thread with the engine.
    std::unique_ptr<anomaly::AnomalyRunner> anomalies_;
    QString conninfo_;
    QString demoListener_;
};

} // namespace vigie::models
