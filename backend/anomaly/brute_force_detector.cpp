// Brute-force core (see the header). Anomaly runner's thread; pure.
#include "anomaly/brute_force_detector.h"

#include <algorithm>
#include <vector>

namespace vigie::anomaly {

BruteForceDetector::BruteForceDetector(BruteForceParams params) : params_(params) {}

void BruteForceDetector::failure(KeyState& state, UnixSeconds t) const
{
    state.recent.push_back(t);
    while (!state.recent.empty() && state.recent.front() < t - params_.failure_window)
        state.recent.pop_front();
    if (state.burst && t - state.burst->last <= params_.failure_window) {
        ++state.burst->count;
        state.burst->last = t;
    } else if (static_cast<std::int64_t>(state.recent.size()) >= params_.failures) {
        state.burst = Burst{state.recent.front(), t, static_cast<std::int64_t>(state.recent.size())};
    }
}

void BruteForceDetector::prune(UnixSeconds now)
{
    const UnixSeconds horizon = now - params_.failure_window - params_.success_within;
    std::erase_if(keys_, [&](const auto& entry) {
        const KeyState& s = entry.second;
        const UnixSeconds latest =
            std::max(s.recent.empty() ? horizon - 1 : s.recent.back(), s.burst ? s.burst->last : horizon - 1);
        return latest < horizon;
    });
}

std::vector<AnomalyFinding> BruteForceDetector::observe(std::span<const ActivityRow> rows)
{
    std::vector<const ActivityRow*> ordered;
    ordered.reserve(rows.size());
    for (const ActivityRow& row : rows)
        if (!row.key1.empty())
            ordered.push_back(&row);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const ActivityRow* a, const ActivityRow* b) { return a->time < b->time; });

    std::vector<AnomalyFinding> findings;
    for (const ActivityRow* row : ordered) {
        if (!row->success) {
            failure(keys_[row->key1], row->time);
            continue;
        }
        const auto it = keys_.find(row->key1);
        if (it == keys_.end() || !it->second.burst)
            continue;
        const Burst burst = *it->second.burst;
        if (row->time - burst.last > params_.success_within)
            continue;
        it->second.burst.reset();
        it->second.recent.clear();
        AnomalyFinding f;
        f.kind = FindingTemplate::BruteForce;
        f.entity = row->key1;
        f.key1 = row->key1;
        f.user = row->user;
        f.host = row->host;
        f.start = row->time;
        f.last = row->time;
        f.count = burst.count;
        f.first_failure = burst.first;
        f.last_failure = burst.last;
        f.level = AnomalyLevel::High;
        findings.push_back(std::move(f));
    }
    if (!ordered.empty())
        prune(ordered.back()->time);
    return findings;
}

} // namespace vigie::anomaly
