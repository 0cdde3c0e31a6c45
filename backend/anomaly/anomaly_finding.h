#pragma once
// What every anomaly detector produces and consumes (design notes §4): a finding names one
// alert by (template, entity, start), so a detector that reports the same episode again
// (one more breaching window, one more first login on a new host) yields the same identity
// and the runner upserts one alert row. Plain values, no threads, no database.
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::anomaly {

// Times are Unix seconds (UTC); the runner converts from the database's timestamptz.
using UnixSeconds = std::int64_t;

enum class AnomalyLevel { Low, Medium, High, Critical };

std::string_view levelName(AnomalyLevel level);

// The explanation templates; their ids go to `details.template` for the GUI's translations.
enum class FindingTemplate {
    RateSpike,        // one window far above the seasonal baseline
    RateShift,        // CUSUM: a sustained rise that never reaches k in one window
    RateNewEntity,    // no baseline yet, but already a high volume
    FirstSeen,        // a (key1, key2) pair never seen before
    FirstSeenNewHost, // first logins on a host itself new: folded into one informational finding
    BruteForce,       // many failures then a success for one key
    RareValue,        // a value seen at most max_count times before
    RareNew,          // a value never seen before (per key)
};

std::string_view templateId(FindingTemplate kind);

struct AnomalyFinding {
    FindingTemplate kind = FindingTemplate::RateSpike;
    std::string entity;     // the entity value ("web-01"; "alice|web-01" for pairs)
    UnixSeconds start = 0;  // episode start: with kind and entity, the alert's identity
    UnixSeconds last = 0;   // end of the latest window (or time of the latest row) of the episode
    std::int64_t count = 0; // events in the episode (rate), failures (brute force), logins (new host)
    AnomalyLevel level = AnomalyLevel::Medium;

    // Rate numbers (the observed window, its slot and the baseline it broke).
    std::int64_t observed = 0; // count in the window that gave the largest z
    double mean = 0;           // μ* of that window's slot
    double sd = 0;             // σ*
    double z = 0;              // largest z of the episode
    int slot = -1;             // hour of week, Monday 00:00 = 0
    std::int64_t window_seconds = 0;

    // Row detectors: the keys and, for brute force, what happened.
    std::string key1;
    std::string key2;
    std::string user; // brute force: the account of the successful login
    std::string host; // brute force: where it happened
    UnixSeconds first_failure = 0;
    UnixSeconds last_failure = 0;
    std::int64_t previous_count = 0; // rare values: how often the value was seen before
};

// One row of activity for the row detectors: (time, keys, outcome), plus the account and host
// of the login that a brute-force explanation names.
struct ActivityRow {
    UnixSeconds time = 0;
    std::string key1;
    std::string key2;
    bool success = true;
    std::string user;
    std::string host;
};

} // namespace vigie::anomaly
