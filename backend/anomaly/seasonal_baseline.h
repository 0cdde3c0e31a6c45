#pragma once
// The seasonal baseline of one entity (design notes §4): an exponentially weighted mean and
// variance for each of the 168 hours of the week, plus global ones, updated once per window.
// Windows without a row are zeros, applied lazily (arithmetic on window indexes) when the
// entity is next seen or its band is read, so silent entities cost nothing. Estimates shrink
// a young slot towards the global stats and never go below Poisson noise (or the entity's own
// learned overdispersion). Pure value type:
// one owner thread (the anomaly runner, or a tile worker reading a band).
#include <array>
#include <cstdint>

namespace vigie::anomaly {

inline constexpr int kSlotsPerWeek = 168;

// Tumbling windows aligned on the epoch, and how a window maps to its hour of the week.
// The offset is the zone's offset from UTC; the runner passes the wall-clock offset of the
// configured zone (DST changes move slots by one hour for a week, as a wall clock does).
struct WindowGrid {
    std::int64_t window_seconds = 600;
    std::int64_t utc_offset_seconds = 0;

    std::int64_t indexOf(std::int64_t unix_seconds) const;
    std::int64_t startOf(std::int64_t index) const { return index * window_seconds; }
    int slotOf(std::int64_t index) const; // Monday 00:00 local = 0 … Sunday 23:00 = 167
};

struct BaselineParams {
    double alpha = 0.15;        // slot smoothing: ~1/α updates of that hour (≈ a week) to absorb a shift
    double alpha_global = 0.02; // global smoothing: ~50 windows
    int warmup_slot = 12;       // two weeks of that hour at 10-minute windows
    int warmup_global = 432;    // three days of windows
    int max_zero_fill = 50;     // zeros applied per slot after a silence, at most
    double prior_weight =
        6; // weight of the global stats in a new slot's estimate, fading to 0 at warmup_slot
};

// A running mean/variance (West's EWMA form), plain mean while young so it warms up fast.
struct RunningStats {
    std::int32_t n = 0;
    double mean = 0;
    double var = 0;

    void add(double x, double alpha);
};

struct BaselineEstimate {
    double mean = 0;
    double sd = 1;
};

class SeasonalBaseline {
public:
    // Folds the count of window `index` in, after the zeros of the windows since the last one.
    // Windows must come in increasing order; an older window is ignored.
    void update(const WindowGrid& grid, std::int64_t index, double count, const BaselineParams& params);

    // μ*, σ* for window `index` (which may lie after the last update: pending zeros count).
    BaselineEstimate estimate(const WindowGrid& grid, std::int64_t index, const BaselineParams& params) const;

    // Whether the estimate for window `index` is trustworthy enough to alert on.
    bool warm(const WindowGrid& grid, std::int64_t index, const BaselineParams& params) const;

    // The band μ* ± k·σ* (low clamped at 0) for a dashboard tile.
    struct Band {
        double low = 0;
        double mean = 0;
        double high = 0;
    };
    Band band(const WindowGrid& grid, std::int64_t index, double k, const BaselineParams& params) const;

    bool empty() const { return last_window_ < 0; }
    std::int64_t lastWindow() const { return last_window_; }
    const RunningStats& slot(int s) const { return slots_[static_cast<std::size_t>(s)]; }
    const RunningStats& global() const { return global_; }
    double dispersion() const { return dispersion_; }

    // Restores a stored baseline (anomaly_baselines row).
    static SeasonalBaseline restore(const std::array<RunningStats, kSlotsPerWeek>& slots, RunningStats global,
                                    double dispersion, std::int64_t last_window);

private:
    // Applies the zeros of the windows strictly between last_window_ and `index`.
    void zeroFillUntil(const WindowGrid& grid, std::int64_t index, const BaselineParams& params);

    std::array<RunningStats, kSlotsPerWeek> slots_{};
    RunningStats global_;
    // Extra-Poisson variance of the entity, φ in var = μ + φ·μ² (negative binomial), pooled over
    // all its windows: one slot sees too few windows to tell a bursty host from a spike, the
    // entity's whole history does.
    double dispersion_ = 0;
    std::int64_t last_window_ = -1;
};

} // namespace vigie::anomaly
