#pragma once
// EngineStatus: what the ingest status bar shows, sampled once a second on the GUI thread
// from ingest::Engine::stats() (atomics only, so cheap and never blocking): rates of
// received and stored events, totals, parse errors, drops, and the database state. Before
// an engine exists, the start-up code tells it what is happening (starting, failed).
#include "ingest/engine.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace vigie::models {

class EngineStatus : public QObject {
    Q_OBJECT
public:
    enum class DatabaseState {
        NotConnected,  // nothing started yet
        StartingLocal, // the managed local cluster is being created or started
        Connecting,    // connecting to the server and applying migrations
        Up,            // the engine's writer is connected
        Down,          // the engine runs but its writer lost the database (events are kept)
        Failed,        // start-up failed; see databaseError()
        Server,        // connected as an analyst; the server collects (no engine on this desktop)
    };
    Q_ENUM(DatabaseState)

    explicit EngineStatus(QObject* parent = nullptr);

    // Samples `engine` from now on (nullptr stops). The engine must outlive this object or
    // be detached first.
    void setEngine(const ingest::Engine* engine);
    void setStartingLocal();
    void setConnecting();
    void setFailed(const QString& message);
    // Connected to a shared database whose server collects: this desktop runs no engine.
    void setCollectedByServer();
    void setInterval(std::chrono::milliseconds interval) { timer_.setInterval(interval); }

    // Takes a sample now (the timer calls it every second).
    void sample();

    double receivedPerSecond() const { return receivedRate_; }
    double storedPerSecond() const { return storedRate_; }
    quint64 received() const { return stats_.received; }
    quint64 stored() const { return stats_.stored; }
    quint64 parseErrors() const { return stats_.parse_errors; }
    quint64 dropped() const { return stats_.dropped; }
    DatabaseState databaseState() const { return state_; }
    // The latest sample as a whole, per-source counters included (empty before an engine).
    const ingest::EngineStats& stats() const { return stats_; }
    QString databaseError() const { return error_; }

Q_SIGNALS:
    void changed();

private:
    void setState(DatabaseState state, const QString& error);

    const ingest::Engine* engine_ = nullptr;
    QTimer timer_;
    QElapsedTimer clock_;
    ingest::EngineStats stats_;
    double receivedRate_ = 0;
    double storedRate_ = 0;
    DatabaseState state_ = DatabaseState::NotConnected;
    QString error_;
};

} // namespace vigie::models
