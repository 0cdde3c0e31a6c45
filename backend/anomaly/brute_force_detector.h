#pragma once
// Brute-force core (design notes §4): for one key (source address; or user on host), at least
// `failures` failures within `failure_window`, then a success no later than `success_within`
// after the last of them, is one finding per (key, success); the success consumes the burst,
// so an attacker's later sessions do not repeat the alert. Failures alone (a scanner that never
// gets in) and a few typos before a login are not findings. Pure, single-threaded.
#include "anomaly/anomaly_finding.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigie::anomaly {

struct BruteForceParams {
    std::int64_t failures = 20;
    UnixSeconds failure_window = 600;
    UnixSeconds success_within = 1800;
};

class BruteForceDetector {
public:
    explicit BruteForceDetector(BruteForceParams params = {});

    // Rows (failures and successes, key1 = the key) of the next stretch of time, after every
    // earlier one; sorted here by time.
    std::vector<AnomalyFinding> observe(std::span<const ActivityRow> rows);

private:
    struct Burst {
        UnixSeconds first = 0;
        UnixSeconds last = 0;
        std::int64_t count = 0;
    };
    struct KeyState {
        std::deque<UnixSeconds> recent; // failures within failure_window of the latest
        std::optional<Burst> burst;
    };

    void failure(KeyState& state, UnixSeconds t) const;
    // Forgets keys whose last failure can no longer take part in a finding.
    void prune(UnixSeconds now);

    BruteForceParams params_;
    std::unordered_map<std::string, KeyState> keys_;
};

} // namespace vigie::anomaly
