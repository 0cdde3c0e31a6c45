#pragma once
// TileQueryWorker: one of TileQueryPool's workers. Lives on its own thread with its own
// store::PgConnection (opened on first use, reopened when the server dropped it); runs one
// tile request at a time: dashboard::tileRequest -> query::buildAggregate ->
// store::AggregateRunner, plus the baseline band, and answers with a TileResult whose error is
// a translated sentence when anything failed.
#include "tile_result.h"

#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"

#include <QObject>
#include <QStringList>

#include <chrono>
#include <memory>
#include <string>

namespace vigie::store {
class AggregateRunner;
class PgConnection;
} // namespace vigie::store

namespace vigie::models {

class TileQueryWorker : public QObject {
    Q_OBJECT
public:
    explicit TileQueryWorker(std::string conninfo);
    ~TileQueryWorker() override; // on the worker's thread, which owns the connection

    // Computes one tile; pure apart from the database (the pool calls it on the worker's
    // thread). `generation` and the tile id are copied into the result.
    TileResult compute(quint64 generation, const dashboard::DashboardSpec& dashboard,
                       const dashboard::TileSpec& tile, const dashboard::TileContext& context);
    // The values of a variable's field (top 50 over `range`).
    QStringList variableValues(const dashboard::VariableSpec& variable, const query::TimeRange& range,
                               QString* error);

    // A sentence for the analyst for an exception thrown while computing a tile.
    static QString describe(const std::exception& error);

private:
    // The runner over this worker's connection, reconnecting when the server dropped it.
    store::AggregateRunner& runner();
    // The detector's usual range for `entity` under a baseline tile's counts, and the buckets
    // above it; nothing when the detector has not learned that entity yet.
    void addBand(const dashboard::TileSpec& tile, const std::string& entity, std::chrono::seconds bucket,
                 TileResult& result);

    std::string conninfo_;
    std::unique_ptr<store::PgConnection> db_;
    std::unique_ptr<store::AggregateRunner> runner_;
};

} // namespace vigie::models
