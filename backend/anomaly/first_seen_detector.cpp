// First-seen core (see the header). Anomaly runner's thread; pure.
#include "anomaly/first_seen_detector.h"

#include <algorithm>

namespace vigie::anomaly {

FirstSeenDetector::FirstSeenDetector(FirstSeenParams params) : params_(params) {}

std::vector<AnomalyFinding> FirstSeenDetector::observeWindow(std::span<const ActivityRow> rows)
{
    for (const ActivityRow& row : rows) {
        if (row.key1.empty() || row.key2.empty())
            continue;
        auto [it, inserted] = host_first_.try_emplace(row.key2, row.time);
        if (!inserted)
            it->second = std::min(it->second, row.time);
    }
    std::vector<AnomalyFinding> findings;
    for (const SeenPairs::Observation& o : seen_.record(rows)) {
        if (o.before)
            continue;
        const UnixSeconds learned_from = seen_.learnedFrom().value_or(o.first);
        if (o.first - learned_from < params_.learning_seconds)
            continue;
        const UnixSeconds host_since = host_first_[o.key2];
        if (o.first - host_since < params_.new_host_grace) {
            findings.push_back(foldNewHostPair(new_host_, o, host_since));
            continue;
        }
        findings.push_back(pairFinding(FindingTemplate::FirstSeen, o));
    }
    return findings;
}

} // namespace vigie::anomaly
