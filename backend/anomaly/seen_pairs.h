#pragma once
// The exact set of (key1, key2) pairs a detector has seen, with first/last time and count:
// the in-memory twin of the `anomaly_seen` table (design notes §4; no Bloom filter, so a
// "first" is never a false one). Shared by the first-seen and rare-value detectors, which
// differ only in what they do with a pair's history. Pure, single-threaded.
#include "anomaly/anomaly_finding.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace vigie::anomaly {

class SeenPairs {
public:
    struct Seen {
        UnixSeconds first = 0;
        UnixSeconds last = 0;
        std::int64_t count = 0;
    };
    // One pair of a window, and what was known of it before that window.
    struct Observation {
        std::string key1;
        std::string key2;
        UnixSeconds first = 0; // earliest row of the pair in the window
        UnixSeconds last = 0;  // latest one
        std::int64_t count = 0;
        std::optional<Seen> before;
    };

    // Records the rows of one window (rows with an empty key are skipped, as the SQL's
    // `IS NOT NULL`), returning its pairs in time order of their first row.
    std::vector<Observation> record(std::span<const ActivityRow> rows);

    // The time of the first row ever recorded: the start of learning.
    std::optional<UnixSeconds> learnedFrom() const { return learned_from_; }
    const Seen* find(const std::string& key1, const std::string& key2) const;
    std::size_t size() const { return seen_.size(); }

private:
    std::map<std::pair<std::string, std::string>, Seen> seen_;
    std::optional<UnixSeconds> learned_from_;
};

// The medium-level finding of one pair observation, as the first-seen and rare-value detectors
// report it (entity "key1|key2", over the pair's first row of the window).
AnomalyFinding pairFinding(FindingTemplate kind, const SeenPairs::Observation& o);

// First-seen: folds `o`, a first pair on host o.key2 that is itself new (first seen at
// `host_since`), into that host's one low-level finding in `folded` (key2 -> finding), and
// returns the finding as it now stands.
const AnomalyFinding& foldNewHostPair(std::map<std::string, AnomalyFinding>& folded,
                                      const SeenPairs::Observation& o, UnixSeconds host_since);

} // namespace vigie::anomaly
