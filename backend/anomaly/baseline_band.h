#pragma once
// readBand: a rate detector's usual count for one entity, as a band under a dashboard tile's
// counts (contract E1, design notes §2 "baseline"). Reads the detector's settings and stored
// baseline and asks SeasonalBaseline for μ* ± k·σ* per bucket — the estimate the runner alerts
// on, not a copy of it. Runs on the caller's thread (a tile query worker) with its connection.
#include "event/event.h"
#include "store/pg_connection.h"

#include <chrono>
#include <string>
#include <vector>

namespace vigie::anomaly {

struct BandPoint {
    double lower = 0, mean = 0, upper = 0;
};

// For each bucket start, the detector's usual count for that entity scaled to `bucket` length
// (mean and variance × bucket/window), mean ± k·σ, lower clamped at 0. Empty when the detector or the
// entity has no learned baseline. entity "" = the detector's whole-count series (entity none).
std::vector<BandPoint> readBand(store::PgConnection& db, const std::string& detector_id,
                                const std::string& entity, const std::vector<Timestamp>& bucket_starts,
                                std::chrono::seconds bucket);

} // namespace vigie::anomaly
