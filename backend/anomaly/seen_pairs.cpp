// Exact seen-pair set (see the header). Anomaly runner's thread; pure.
#include "anomaly/seen_pairs.h"

#include <algorithm>

namespace vigie::anomaly {

std::vector<SeenPairs::Observation> SeenPairs::record(std::span<const ActivityRow> rows)
{
    std::map<std::pair<std::string, std::string>, Observation> window;
    for (const ActivityRow& row : rows) {
        if (row.key1.empty() || row.key2.empty())
            continue;
        auto [it, inserted] = window.try_emplace({row.key1, row.key2});
        Observation& o = it->second;
        if (inserted) {
            o.key1 = row.key1;
            o.key2 = row.key2;
            o.first = row.time;
            o.last = row.time;
        }
        o.first = std::min(o.first, row.time);
        o.last = std::max(o.last, row.time);
        ++o.count;
    }
    std::vector<Observation> out;
    out.reserve(window.size());
    for (auto& [key, o] : window) {
        Seen& seen = seen_[key];
        if (seen.count > 0) {
            o.before = seen;
        } else {
            seen.first = o.first;
            seen.last = o.last;
        }
        seen.count += o.count;
        seen.first = std::min(seen.first, o.first);
        seen.last = std::max(seen.last, o.last);
        learned_from_ = learned_from_ ? std::min(*learned_from_, o.first) : o.first;
        out.push_back(std::move(o));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Observation& a, const Observation& b) { return a.first < b.first; });
    return out;
}

const SeenPairs::Seen* SeenPairs::find(const std::string& key1, const std::string& key2) const
{
    const auto it = seen_.find({key1, key2});
    return it == seen_.end() ? nullptr : &it->second;
}

AnomalyFinding pairFinding(FindingTemplate kind, const SeenPairs::Observation& o)
{
    AnomalyFinding f;
    f.kind = kind;
    f.entity = o.key1 + '|' + o.key2;
    f.key1 = o.key1;
    f.key2 = o.key2;
    f.start = o.first;
    f.last = o.first;
    f.count = o.count;
    f.level = AnomalyLevel::Medium;
    return f;
}

const AnomalyFinding& foldNewHostPair(std::map<std::string, AnomalyFinding>& folded,
                                      const SeenPairs::Observation& o, UnixSeconds host_since)
{
    auto [it, opened] = folded.try_emplace(o.key2);
    AnomalyFinding& f = it->second;
    if (opened) {
        f.kind = FindingTemplate::FirstSeenNewHost;
        f.entity = o.key2;
        f.key2 = o.key2;
        f.start = host_since;
        f.level = AnomalyLevel::Low;
    }
    f.count += 1;
    f.last = std::max(f.last, o.first);
    return f;
}

} // namespace vigie::anomaly
