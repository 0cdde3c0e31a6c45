#pragma once
// Retro-hunt (issue #5): the rules run over a stretch of stored history, oldest first, with
// the same detector, correlations and suppression as the live stream, and what they find is
// stored as alerts marked retro-hunt (with the matched rows' ids, which history knows) — or,
// in a dry run, only counted per rule, so a rule can be tried on the last hours before it is
// enabled. Blocking; any thread with its own connection. Reports progress and stops when asked.
#include "detect/live_detection.h"
#include "query/query.h"
#include "store/pg_connection.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vigie::detect {

struct RetroHuntOptions {
    // False: a dry run, which writes nothing and only counts what each rule finds.
    bool store_alerts = true;
};

struct RetroHuntProgress {
    std::uint64_t events = 0; // read so far
    std::uint64_t alerts = 0; // hits found so far
    double fraction = 0;      // of the time range covered, 0..1
};

// What one rule (or correlation) found over the range.
struct RuleHits {
    std::string rule_id; // as the alerts table names it: the rule's id, its title when it has none
    std::string title;
    std::uint64_t hits = 0;   // matching events (correlations: firings)
    std::uint64_t alerts = 0; // alert rows they make: one per entity and suppression window
    Timestamp first{};        // of the earliest hit
    Timestamp last{};         // of the latest hit
};

struct RetroHuntResult {
    std::uint64_t events = 0;
    std::uint64_t alerts = 0;     // hits stored, or counted in a dry run (one alert row may count several)
    std::uint64_t alert_rows = 0; // distinct alerts those hits make (the sum of rules' alerts)
    bool cancelled = false;       // stopped early; what was found until then is stored
    std::vector<RuleHits> rules;  // each rule that hit, most hits first
};

// `detection` must be a fresh one (its correlation and suppression state is the hunt's own).
// `range.from` and `range.to` are required. Throws StoreError.
RetroHuntResult runRetroHunt(store::PgConnection& db, const std::shared_ptr<LiveDetection>& detection,
                             const query::TimeRange& range,
                             const std::function<void(const RetroHuntProgress&)>& progress = {},
                             const std::atomic<bool>* cancel = nullptr, const RetroHuntOptions& options = {});

} // namespace vigie::detect
