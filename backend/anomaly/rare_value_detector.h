#pragma once
// Rare-value core (design notes §4): a value of a field (process, destination port, app),
// optionally per key (host), seen now although it was seen at most `max_count` times before
// and first seen more than `learning_seconds` ago is "rare"; a value never seen before, once
// the detector has learned, is `rare_new`. Counts run since the start of learning (the
// runner's retention bounds them). Pure, single-threaded (anomaly runner).
#include "anomaly/anomaly_finding.h"
#include "anomaly/seen_pairs.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace vigie::anomaly {

struct RareValueParams {
    std::int64_t max_count = 3;
    UnixSeconds learning_seconds = 14 * 86400;
};

// The rule for one observation (a value of a window, with what was known of it before):
// rare_value, rare_new or nothing. `learned_from` is when the detector started learning.
// Shared by the core below and the anomaly runner, which keeps the history in anomaly_seen.
std::optional<AnomalyFinding> rareFinding(const SeenPairs::Observation& o, UnixSeconds learned_from,
                                          const RareValueParams& params);

class RareValueDetector {
public:
    explicit RareValueDetector(RareValueParams params = {});

    // Rows of one closed window: key1 = the value, key2 = the per key ("-" when there is none).
    std::vector<AnomalyFinding> observeWindow(std::span<const ActivityRow> rows);

private:
    RareValueParams params_;
    SeenPairs seen_;
};

} // namespace vigie::anomaly
