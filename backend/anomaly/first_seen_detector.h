#pragma once
// First-seen core (design notes §4): a (key1, key2) pair — user on host, process on host,
// source address for a user — never seen before is a finding, once the detector has learned
// for `learning_seconds`. First logins on a host that is itself new (first seen less than
// `new_host_grace` ago) are folded into one informational finding per host, so bringing a
// server up does not page once per account. Pure, single-threaded (anomaly runner).
#include "anomaly/anomaly_finding.h"
#include "anomaly/seen_pairs.h"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace vigie::anomaly {

struct FirstSeenParams {
    UnixSeconds learning_seconds = 14 * 86400;
    UnixSeconds new_host_grace = 24 * 3600;
};

class FirstSeenDetector {
public:
    explicit FirstSeenDetector(FirstSeenParams params = {});

    // Records the rows of one closed window (in increasing window order) and returns the
    // findings it raises; a new-host finding is repeated, with a higher count, by later windows.
    std::vector<AnomalyFinding> observeWindow(std::span<const ActivityRow> rows);

    const SeenPairs& seen() const { return seen_; }

private:
    FirstSeenParams params_;
    SeenPairs seen_;
    std::map<std::string, UnixSeconds> host_first_;  // key2 -> first seen ("*" rows)
    std::map<std::string, AnomalyFinding> new_host_; // key2 -> its folded finding
};

} // namespace vigie::anomaly
