// Rate detector core (see the header). Runs on the anomaly runner's thread; pure.
#include "anomaly/rate_detector.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace vigie::anomaly {

double stabilisedZ(double x, const BaselineEstimate& estimate)
{
    const double mean = std::max(estimate.mean, 0.0);
    return 2 * std::sqrt(std::max(mean, 1.0)) * (std::sqrt(x + 0.375) - std::sqrt(mean + 0.375)) /
           estimate.sd;
}

AnomalyLevel levelForZ(double z)
{
    if (z >= 16)
        return AnomalyLevel::Critical;
    if (z >= 8)
        return AnomalyLevel::High;
    return AnomalyLevel::Medium;
}

RateDetector::RateDetector(RateParams params, WindowGrid grid) : params_(std::move(params)), grid_(grid) {}

const SeasonalBaseline* RateDetector::baseline(std::string_view entity) const
{
    const auto it = entities_.find(std::string(entity));
    return it == entities_.end() ? nullptr : &it->second.baseline;
}

double RateDetector::cusum(std::string_view entity) const
{
    const auto it = entities_.find(std::string(entity));
    return it == entities_.end() ? 0.0 : it->second.cusum;
}

void RateDetector::restore(const std::string& entity, SeasonalBaseline baseline, double cusum)
{
    EntityState& state = entities_[entity];
    state.baseline = std::move(baseline);
    state.cusum = cusum;
    state.cusum_index = state.baseline.lastWindow();
}

RateDetector::Check RateDetector::check(const SeasonalBaseline& baseline, std::int64_t index,
                                        std::int64_t count) const
{
    const BaselineParams& bp = params_.baseline;
    const auto x = static_cast<double>(count);
    Check c;
    c.estimate = baseline.estimate(grid_, index, bp);
    c.warm = baseline.warm(grid_, index, bp);
    if (!c.warm) {
        c.fresh = count >= params_.new_entity_factor * params_.min_count;
        return c;
    }
    c.z = stabilisedZ(x, c.estimate);
    c.spike = c.z >= params_.k && count >= params_.min_count && x >= params_.min_ratio * c.estimate.mean;
    return c;
}

AnomalyFinding RateDetector::report(std::optional<Episode>& episode, FindingTemplate kind,
                                    const std::string& entity, std::int64_t index, std::int64_t count,
                                    double z, const BaselineEstimate& estimate) const
{
    const int gap = kind == FindingTemplate::RateShift ? params_.shift_gap : params_.max_gap;
    const bool continues = episode && index - episode->last_index <= gap + 1;
    if (!continues) {
        episode = Episode{};
        AnomalyFinding& f = episode->finding;
        f.kind = kind;
        f.entity = entity;
        f.start = grid_.startOf(index);
        f.window_seconds = grid_.window_seconds;
        f.z = -1e300;
    }
    AnomalyFinding& f = episode->finding;
    episode->last_index = index;
    f.last = grid_.startOf(index + 1);
    f.count += count;
    // The explanation quotes the most anomalous window of the episode.
    if (z > f.z) {
        f.z = z;
        f.observed = count;
        f.mean = estimate.mean;
        f.sd = estimate.sd;
        f.slot = grid_.slotOf(index);
    }
    f.level = kind == FindingTemplate::RateSpike ? levelForZ(f.z) : AnomalyLevel::Medium;
    return f;
}

double RateDetector::advanceCusum(EntityState& state, std::int64_t index, double z, double reference,
                                  bool spiked) const
{
    // Windows without a row had a negative residual, each at most −drift: a lazy upper bound.
    if (state.cusum_index >= 0)
        state.cusum = std::max(0.0, state.cusum - params_.cusum_drift *
                                                      static_cast<double>(index - state.cusum_index - 1));
    state.cusum_index = index;
    // A spike is reported by its own episode; letting it also charge the CUSUM would report
    // the same excess twice.
    if (spiked)
        return state.cusum = 0;
    state.cusum = std::max(0.0, state.cusum + std::min(z, params_.k) - reference);
    return state.cusum;
}

std::vector<AnomalyFinding> RateDetector::evaluate(std::int64_t index, std::span<const EntityCount> counts)
{
    std::vector<AnomalyFinding> findings;
    const BaselineParams& bp = params_.baseline;
    for (const EntityCount& c : counts) {
        if (c.count <= 0)
            continue;
        EntityState* admitted = admit(c.entity, index, c.count, findings);
        if (!admitted)
            continue;
        EntityState& state = *admitted;
        const auto x = static_cast<double>(c.count);
        const Check ch = check(state.baseline, index, c.count);
        const BaselineEstimate& est = ch.estimate;
        if (!ch.warm) {
            if (ch.fresh)
                findings.push_back(
                    report(state.fresh, FindingTemplate::RateNewEntity, c.entity, index, c.count, 0, est));
            state.baseline.update(grid_, index, x, bp);
            continue;
        }
        const double z = ch.z;
        if (ch.spike)
            findings.push_back(
                report(state.spike, FindingTemplate::RateSpike, c.entity, index, c.count, z, est));
        // The CUSUM reference: half the smallest rise worth reporting. In σ alone (0.5) it would
        // read the lag of a smoothly growing busy entity (the slot EWMA trails 1 %/day growth by
        // ~7 %, which is 0.4σ at 30 events and 1σ at 200) as a shift; a relative floor does not.
        const double reference = std::max(
            params_.cusum_drift, stabilisedZ(est.mean * (1 + (params_.shift_min_ratio - 1) / 2), est));
        if (advanceCusum(state, index, z, reference, ch.spike) >= params_.cusum_threshold) {
            findings.push_back(
                report(state.shift, FindingTemplate::RateShift, c.entity, index, c.count, z, est));
            state.cusum = 0;
        }
        // Winsorised learning: a spike does not inflate the baseline, a lasting shift is
        // absorbed within ~1/α windows of each slot.
        state.baseline.update(grid_, index, std::min(x, est.mean + params_.k * est.sd), bp);
    }
    evictBeyondCap();
    // Candidates idle for a day start again from zero: one-off addresses do not pile up.
    const std::int64_t day = std::max<std::int64_t>(1, 86400 / grid_.window_seconds);
    if (index - candidates_swept_ >= day) {
        std::erase_if(candidates_, [&](const auto& c) { return index - c.second.last_index > day; });
        candidates_swept_ = index;
    }
    return findings;
}

RateDetector::EntityState* RateDetector::admit(const std::string& entity, std::int64_t index,
                                               std::int64_t count, std::vector<AnomalyFinding>& findings)
{
    if (const auto it = entities_.find(entity); it != entities_.end() || params_.admit_after <= 1)
        return it != entities_.end() ? &it->second : &entities_[entity];
    Candidate& candidate = candidates_[entity];
    if (candidate.last_index != index) {
        ++candidate.windows;
        candidate.last_index = index;
    }
    if (candidate.windows < params_.admit_after) {
        const Check ch = check(SeasonalBaseline{}, index, count);
        if (ch.fresh)
            findings.push_back(report(candidate.fresh, FindingTemplate::RateNewEntity, entity, index, count,
                                      0, ch.estimate));
        return nullptr;
    }
    EntityState& state = entities_[entity];
    state.fresh = std::move(candidate.fresh);
    candidates_.erase(entity);
    return &state;
}

void RateDetector::evictBeyondCap()
{
    if (params_.max_entities == 0 || entities_.size() <= params_.max_entities)
        return;
    std::vector<std::pair<std::int64_t, std::string>> by_activity;
    by_activity.reserve(entities_.size());
    for (const auto& [entity, state] : entities_)
        by_activity.emplace_back(state.baseline.lastWindow(), entity);
    const auto excess = static_cast<std::ptrdiff_t>(entities_.size() - params_.max_entities);
    std::nth_element(by_activity.begin(), by_activity.begin() + excess, by_activity.end());
    for (auto it = by_activity.begin(); it != by_activity.begin() + excess; ++it) {
        entities_.erase(it->second);
        evicted_.push_back(std::move(it->second));
    }
}

std::vector<AnomalyFinding> RateDetector::preview(std::int64_t index, std::span<const EntityCount> counts,
                                                  UnixSeconds until) const
{
    static const EntityState kUnknown;
    std::vector<AnomalyFinding> findings;
    for (const EntityCount& c : counts) {
        if (c.count <= 0)
            continue;
        const auto it = entities_.find(c.entity);
        const EntityState& state = it == entities_.end() ? kUnknown : it->second;
        const Check ch = check(state.baseline, index, c.count);
        const auto candidate = it == entities_.end() ? candidates_.find(c.entity) : candidates_.end();
        // Copies of the episodes: the finding carries the identity the closed window will have.
        std::optional<Episode> episode;
        if (ch.spike) {
            episode = state.spike;
            findings.push_back(
                report(episode, FindingTemplate::RateSpike, c.entity, index, c.count, ch.z, ch.estimate));
        } else if (ch.fresh) {
            episode = candidate != candidates_.end() ? candidate->second.fresh : state.fresh;
            findings.push_back(
                report(episode, FindingTemplate::RateNewEntity, c.entity, index, c.count, 0, ch.estimate));
        } else {
            continue;
        }
        findings.back().last = std::min(findings.back().last, until);
    }
    return findings;
}

} // namespace vigie::anomaly
