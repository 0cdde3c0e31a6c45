#pragma once
// Retro-hunt (issue #5): the rules run over a stretch of stored history, oldest first, with
// the same detector, correlations and suppression as the live stream, and what they find is
// stored as alerts marked retro-hunt (with the matched rows' ids, which history knows).
// Blocking; any thread with its own connection. Reports progress and stops when asked.
#include "detect/live_detection.h"
#include "query/query.h"
#include "store/pg_connection.h"

#include <atomic>
#include <functional>
#include <memory>

namespace vigie::detect {

struct RetroHuntProgress {
    std::uint64_t events = 0; // read so far
    std::uint64_t alerts = 0; // hits found so far
    double fraction = 0;      // of the time range covered, 0..1
};

struct RetroHuntResult {
    std::uint64_t events = 0;
    std::uint64_t alerts = 0; // hits stored (one alert row may count several)
    bool cancelled = false;   // stopped early; what was found until then is stored
};

// `detection` must be a fresh one (its correlation and suppression state is the hunt's own).
// `range.from` and `range.to` are required. Throws StoreError.
RetroHuntResult runRetroHunt(store::PgConnection& db, const std::shared_ptr<LiveDetection>& detection,
                             const query::TimeRange& range,
                             const std::function<void(const RetroHuntProgress&)>& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

} // namespace vigie::detect
