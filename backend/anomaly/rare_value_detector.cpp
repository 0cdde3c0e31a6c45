// Rare-value core (see the header). Anomaly runner's thread; pure.
#include "anomaly/rare_value_detector.h"

namespace vigie::anomaly {

std::optional<AnomalyFinding> rareFinding(const SeenPairs::Observation& o, UnixSeconds learned_from,
                                          const RareValueParams& params)
{
    if (!o.before) {
        if (o.first - learned_from < params.learning_seconds)
            return std::nullopt;
        return pairFinding(FindingTemplate::RareNew, o);
    }
    // Only values established before the learning horizon can be called rare: a value
    // first seen yesterday is still being learned.
    if (o.before->count > params.max_count || o.first - o.before->first < params.learning_seconds)
        return std::nullopt;
    AnomalyFinding f = pairFinding(FindingTemplate::RareValue, o);
    f.previous_count = o.before->count;
    return f;
}

RareValueDetector::RareValueDetector(RareValueParams params) : params_(params) {}

std::vector<AnomalyFinding> RareValueDetector::observeWindow(std::span<const ActivityRow> rows)
{
    std::vector<AnomalyFinding> findings;
    for (const SeenPairs::Observation& o : seen_.record(rows)) {
        if (auto f = rareFinding(o, seen_.learnedFrom().value_or(o.first), params_))
            findings.push_back(std::move(*f));
    }
    return findings;
}

} // namespace vigie::anomaly
