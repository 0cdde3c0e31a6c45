// Rare-value core (see the header). Anomaly runner's thread; pure.
#include "anomaly/rare_value_detector.h"

namespace vigie::anomaly {

RareValueDetector::RareValueDetector(RareValueParams params) : params_(params) {}

std::vector<AnomalyFinding> RareValueDetector::observeWindow(std::span<const ActivityRow> rows)
{
    std::vector<AnomalyFinding> findings;
    for (const SeenPairs::Observation& o : seen_.record(rows)) {
        if (!o.before) {
            const UnixSeconds learned_from = seen_.learnedFrom().value_or(o.first);
            if (o.first - learned_from < params_.learning_seconds)
                continue;
            findings.push_back(pairFinding(FindingTemplate::RareNew, o));
            continue;
        }
        // Only values established before the learning horizon can be called rare: a value
        // first seen yesterday is still being learned.
        if (o.before->count > params_.max_count || o.first - o.before->first < params_.learning_seconds)
            continue;
        AnomalyFinding f = pairFinding(FindingTemplate::RareValue, o);
        f.previous_count = o.before->count;
        findings.push_back(std::move(f));
    }
    return findings;
}

} // namespace vigie::anomaly
