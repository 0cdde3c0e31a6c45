#pragma once
// The rate detector's core (design notes §4): per entity, the count of each closed window
// goes in; spikes (z ≥ k against the seasonal baseline, with a minimum count and ratio; z on
// the square-root scale, see stabilisedZ), level shifts (CUSUM on clipped residuals, reference
// at least half of a +40 % rise) and high-volume entities without a baseline come
// out as findings. Consecutive breaching windows (at most `max_gap` normal windows between
// them) form one episode: its findings share (template, entity, start), which the runner turns
// into one upserted alert. Pure and single-threaded (the anomaly runner's thread); the store
// persists `baseline()` and `cusum()` per entity and gives them back through `restore()`.
#include "anomaly/anomaly_finding.h"
#include "anomaly/seasonal_baseline.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigie::anomaly {

struct RateParams {
    double k = 4;                       // deviations for a spike
    std::int64_t min_count = 10;        // a spike needs at least this many events…
    double min_ratio = 3;               // …and this many times the usual count
    std::int64_t new_entity_factor = 5; // no baseline: alert at new_entity_factor × min_count
    double cusum_drift = 0.5;           // residual (in σ) a shift must exceed per window…
    double shift_min_ratio = 1.4; // …and half of this relative rise: report sustained rises of +40 % or more
    double cusum_threshold = 6;   // CUSUM level that reports a shift
    int max_gap = 1;              // normal windows allowed inside one episode
    int shift_gap = 144;          // a shift stays one alert while it re-fires within a day
    // Admission (source addresses: scans touch thousands once): an entity gets a baseline only
    // from its `admit_after`-th window with activity (until then only a high volume alerts), and
    // at most `max_entities` baselines are kept, the least recently active evicted. 0 = no limit.
    int admit_after = 0;
    std::size_t max_entities = 0;
    BaselineParams baseline;
};

struct EntityCount {
    std::string entity;
    std::int64_t count = 0;
};

class RateDetector {
public:
    RateDetector(RateParams params, WindowGrid grid);

    // Evaluates the closed window `index` from its non-zero counts (absent entities counted 0),
    // then learns from it. Windows must come in increasing order. Returns one finding per
    // entity and template that breaches in this window, carrying its episode's identity.
    std::vector<AnomalyFinding> evaluate(std::int64_t index, std::span<const EntityCount> counts);

    // Early warning (design notes §4): the partial counts of the still open window `index`,
    // counted up to `until`, checked against the full window's threshold without learning.
    // A count that already breaches gives the finding evaluate() will give when the window
    // closes — same episode identity, the count so far — so its alert is created now and
    // updated then. Changes nothing.
    std::vector<AnomalyFinding> preview(std::int64_t index, std::span<const EntityCount> counts,
                                        UnixSeconds until) const;

    const SeasonalBaseline* baseline(std::string_view entity) const;
    double cusum(std::string_view entity) const;
    // Reinstates a stored entity (anomaly_baselines row) before the next window is evaluated.
    void restore(const std::string& entity, SeasonalBaseline baseline, double cusum);
    // Entities whose baselines were evicted since the last call (their stored rows must go).
    std::vector<std::string> takeEvicted() { return std::exchange(evicted_, {}); }
    const RateParams& params() const { return params_; }
    const WindowGrid& grid() const { return grid_; }

private:
    struct Episode {
        AnomalyFinding finding;
        std::int64_t last_index = 0;
    };
    struct EntityState {
        SeasonalBaseline baseline;
        double cusum = 0;
        std::int64_t cusum_index = -1;
        std::optional<Episode> spike;
        std::optional<Episode> shift;
        std::optional<Episode> fresh;
    };

    // How one window's count stands against the entity's baseline.
    struct Check {
        BaselineEstimate estimate;
        bool warm = false;
        double z = 0;
        bool spike = false; // warm, and z, count and ratio all over their thresholds
        bool fresh = false; // cold, but already a high volume
    };
    // An entity waiting for admission: its windows with activity, and its high-volume episode.
    struct Candidate {
        int windows = 0;
        std::int64_t last_index = -1;
        std::optional<Episode> fresh;
    };
    Check check(const SeasonalBaseline& baseline, std::int64_t index, std::int64_t count) const;
    // Counts a window of a not yet admitted entity; the entity's state once it is admitted.
    EntityState* admit(const std::string& entity, std::int64_t index, std::int64_t count,
                       std::vector<AnomalyFinding>& findings);
    void evictBeyondCap();
    // Extends the entity's open episode of that kind, or opens a new one, and returns it.
    AnomalyFinding report(std::optional<Episode>& episode, FindingTemplate kind, const std::string& entity,
                          std::int64_t index, std::int64_t count, double z,
                          const BaselineEstimate& estimate) const;
    double advanceCusum(EntityState& state, std::int64_t index, double z, double reference,
                        bool spiked) const;

    RateParams params_;
    WindowGrid grid_;
    std::unordered_map<std::string, EntityState> entities_;
    std::unordered_map<std::string, Candidate> candidates_;
    std::int64_t candidates_swept_ = 0;
    std::vector<std::string> evicted_;
};

// The score of count x against a baseline, in deviations. Counts are Poisson-like: on a few
// events the plain (x − μ*)/σ* has a long upper tail (4 "deviations" above a mean of 4 happens
// once in a thousand windows, not once in 30,000), which over thousands of entity-windows a day
// means false alerts. So the difference is taken on the square-root scale, where counts are
// nearly normal (Anscombe): z = 2·√μ*·(√(x+3/8) − √(μ*+3/8)) / σ*. For counts near a large mean
// it equals the plain z; μ* is floored at 1 so a silent slot still scores.
double stabilisedZ(double x, const BaselineEstimate& estimate);

AnomalyLevel levelForZ(double z);

} // namespace vigie::anomaly
