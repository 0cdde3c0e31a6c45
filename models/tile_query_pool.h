#pragma once
// TileQueryPool: runs dashboard tiles' aggregates on 2 worker threads, each with its own
// store::PgConnection (2 cores: more connections only contend). GUI-thread object; the work
// happens on the workers: dashboard::tileRequest -> query::buildAggregate ->
// store::AggregateRunner (+ anomaly::readBand for baseline tiles) -> TileResult, posted per
// tile as soon as it is ready so the first tiles draw while the others run.
//
// A refresh is one `generation` (an increasing number): submitting a newer generation for a
// tile cancels that tile's older jobs not started yet, and answers older than the tile's
// latest generation are dropped (so refreshing one edited tile leaves the others' refresh
// running). Tiles whose requests are identical within one refresh
// run once and share the answer. Errors become a translated sentence in TileResult::error.
#include "tile_result.h"

#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <QThread>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace vigie::models {

class TileQueryWorker;

class TileQueryPool : public QObject {
    Q_OBJECT
public:
    static constexpr int kWorkers = 2;

    explicit TileQueryPool(QObject* parent = nullptr);
    ~TileQueryPool() override; // stop()

    // Starts the workers over the database at `conninfo` (libpq syntax). Connections open on
    // first use.
    void start(const QString& conninfo);
    // Waits for the queries running, then ends the threads.
    void stop();
    bool isRunning() const;

    // Queues every tile of `dashboard` (or only `tileIds` when not empty) under `generation`
    // (greater than any submitted before); cancels what older generations still have queued
    // for those tiles. Each tile is answered by one tileReady(); finished(generation) follows
    // its last tile (also when none could be asked).
    void submit(quint64 generation, const dashboard::DashboardSpec& dashboard,
                const dashboard::TileContext& context, const QStringList& tileIds = {});
    // Drops everything queued and ignores answers still to come (the dashboard was closed).
    void cancel();
    // The variables bar's values for `variable` over `range` (its field's top 50); answered by
    // variableValuesReady() (errors: empty list and a sentence).
    void requestVariableValues(const dashboard::VariableSpec& variable, const query::TimeRange& range);

    quint64 currentGeneration() const { return generation_; }
    // Tiles of the current generation not answered yet.
    int pendingTiles() const;

Q_SIGNALS:
    void tileReady(const vigie::models::TileResult& result);
    void finished(quint64 generation);
    void variableValuesReady(const QString& variable, const QStringList& values, const QString& error);

private:
    struct Job {
        quint64 generation = 0;
        QString key;       // identical requests of one generation share the job
        int cost = 0;      // heavier jobs start first
        QStringList tiles; // the tiles waiting for this answer
        std::shared_ptr<const dashboard::DashboardSpec> dashboard;
        dashboard::TileSpec tile;
        dashboard::TileContext context;
        std::optional<dashboard::VariableSpec> variable; // a variable's values instead of a tile
        query::TimeRange range;                          // the variable's range
    };
    struct Slot {
        std::unique_ptr<QThread> thread;
        TileQueryWorker* worker = nullptr; // lives on `thread`
        std::shared_ptr<Job> job;          // running, null when idle
    };

    // Starts queued jobs on idle workers.
    void dispatch();
    void onTileAnswer(std::size_t slot, const vigie::models::TileResult& result);
    void onVariableAnswer(std::size_t slot, const QStringList& values, const QString& error);
    // Emits `result` for each tile of `job` still waiting for this generation.
    void deliver(const Job& job, const TileResult& result);
    // One tile of `generation` answered or cancelled: finished() after its last.
    void tileDone(quint64 generation);
    // Queues a tile (or shares an identical job of the same generation).
    void enqueue(quint64 generation, const std::shared_ptr<const dashboard::DashboardSpec>& dashboard,
                 const dashboard::TileSpec& tile, const dashboard::TileContext& context);

    std::vector<Slot> slots_;
    std::vector<std::shared_ptr<Job>> queue_;
    std::map<QString, quint64> latest_; // tile id -> newest generation asked for it
    std::map<quint64, int> remaining_;  // generation -> its tiles not answered yet
    quint64 floor_ = 0;                 // answers of older generations are dropped (cancel)
    quint64 generation_ = 0;
};

} // namespace vigie::models
