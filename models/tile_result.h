#pragma once
// TileResult: what a tile query worker hands back to the GUI thread for one tile of one
// refresh — the aggregate's numbers, the baseline band of a baseline tile, or the error the
// tile shows instead of a chart. A value type, copied across threads as a queued signal
// argument (registered as a metatype).
#include "query/aggregate.h"
#include "store/aggregate_runner.h"
#include <QMetaType>
#include <QString>
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace vigie::models {

// The usual range of a baseline tile: one point per bucket of the result's buckets, from the
// detector's seasonal baseline scaled to the bucket length (mean ± k deviations).
struct TileBand {
    std::vector<double> lower;
    std::vector<double> mean;
    std::vector<double> upper;
    std::vector<int> breaches; // indexes of buckets whose count lies above `upper`
};

struct TileResult {
    std::uint64_t generation = 0; // the dashboard refresh that asked; older answers are dropped
    QString tile_id;
    query::AggregateKind kind = query::AggregateKind::Total;
    store::AggregateResult data;
    bool has_band = false; // baseline tiles whose detector has learned this entity
    TileBand band;
    QString error; // not empty: the tile shows this sentence instead of a chart
    // A number tile with a sparkline: the count over time of the same query and range.
    std::optional<store::AggregateResult> sparkline;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::TileResult)
