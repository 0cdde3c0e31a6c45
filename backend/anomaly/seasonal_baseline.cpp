// Seasonal EWMA baseline (see the header). Pure code, called on the anomaly runner's thread
// and by tile workers reading bands.
#include "anomaly/seasonal_baseline.h"

#include <algorithm>
#include <cmath>

namespace vigie::anomaly {
namespace {

constexpr std::int64_t kSecondsPerWeek = 7 * 24 * 3600;
constexpr double kDispersionMinMean = 5;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

std::int64_t WindowGrid::indexOf(std::int64_t unix_seconds) const
{
    return floorDiv(unix_seconds, window_seconds);
}

int WindowGrid::slotOf(std::int64_t index) const
{
    const std::int64_t local = startOf(index) + utc_offset_seconds;
    // 1970-01-01 was a Thursday: shift by three days so that Monday 00:00 is 0.
    const std::int64_t shifted = local + 3 * 86400;
    const std::int64_t in_week = shifted - floorDiv(shifted, kSecondsPerWeek) * kSecondsPerWeek;
    return static_cast<int>(in_week / 3600);
}

void RunningStats::add(double x, double alpha)
{
    const double a = std::max(alpha, 1.0 / (n + 1.0));
    const double d = x - mean;
    mean += a * d;
    var = (1 - a) * (var + a * d * d);
    ++n;
}

void SeasonalBaseline::zeroFillUntil(const WindowGrid& grid, std::int64_t index, const BaselineParams& params)
{
    if (last_window_ < 0 || index - last_window_ <= 1)
        return;
    const std::int64_t week_windows = std::max<std::int64_t>(1, kSecondsPerWeek / grid.window_seconds);
    const std::int64_t cap = params.max_zero_fill;
    // Beyond `cap` weeks every slot has had its `cap` zeros: older windows change nothing.
    const std::int64_t first = std::max(last_window_ + 1, index - week_windows * cap);
    std::array<std::int64_t, kSlotsPerWeek> zeros{};
    for (std::int64_t w = first; w < index; ++w) {
        auto& z = zeros[static_cast<std::size_t>(grid.slotOf(w))];
        z = std::min(z + 1, cap);
    }
    for (std::size_t s = 0; s < zeros.size(); ++s)
        for (std::int64_t i = 0; i < zeros[s]; ++i)
            slots_[s].add(0, params.alpha);
    // The global stats forget faster than `cap` zeros matter: after 1/α_global · 5 windows the
    // old mean weighs less than 1 %.
    const auto global_zeros = std::min<std::int64_t>(
        index - last_window_ - 1, static_cast<std::int64_t>(5.0 / params.alpha_global) + cap);
    for (std::int64_t i = 0; i < global_zeros; ++i)
        global_.add(0, params.alpha_global);
}

void SeasonalBaseline::update(const WindowGrid& grid, std::int64_t index, double count,
                              const BaselineParams& params)
{
    if (index <= last_window_)
        return;
    zeroFillUntil(grid, index, params);
    RunningStats& slot = slots_[static_cast<std::size_t>(grid.slotOf(index))];
    // Dispersion is measured where it can be: a slot that already knows its level, with enough
    // events for (x − μ)² − μ to say more than Poisson noise.
    if (slot.n >= 2 && slot.mean >= kDispersionMinMean) {
        const double d = count - slot.mean;
        const double sample = std::clamp((d * d - slot.mean) / (slot.mean * slot.mean), -1.0, 4.0);
        dispersion_ += params.alpha_global * (sample - dispersion_);
    }
    slot.add(count, params.alpha);
    global_.add(count, params.alpha_global);
    last_window_ = index;
}

BaselineEstimate SeasonalBaseline::estimate(const WindowGrid& grid, std::int64_t index,
                                            const BaselineParams& params) const
{
    SeasonalBaseline filled = *this;
    filled.zeroFillUntil(grid, index, params);
    const RunningStats& s = filled.slots_[static_cast<std::size_t>(grid.slotOf(index))];
    const RunningStats& g = filled.global_;
    // The global stats stand in for a slot until it has its own warm-up's worth of windows:
    // they mix the quiet and busy hours, so once the slot knows its hour they would only bias
    // a busy slot down (and a quiet one up) and widen its spread with the day/night contrast.
    const double prior =
        params.warmup_slot <= 0
            ? 0.0
            : params.prior_weight * std::max(0.0, 1.0 - s.n / static_cast<double>(params.warmup_slot));
    const double ws = s.n / (s.n + prior);
    const double wg = 1 - ws;
    const double mean = ws * s.mean + wg * g.mean;
    // The variance of the mixture, not only the weighted variances: while a busy slot still
    // leans on a quiet global mean, μ* sits below the slot's level, and the spread between the
    // two keeps z from reading that bias as an anomaly.
    const double diff = s.mean - g.mean;
    const double var = ws * s.var + wg * g.var + ws * wg * diff * diff;
    // Poisson floor: counts vary at least like √mean (more for a bursty entity), never by less than 1.
    const double floor = mean * (1 + std::max(0.0, dispersion_) * mean);
    return {mean, std::sqrt(std::max({var, floor, 1.0}))};
}

bool SeasonalBaseline::warm(const WindowGrid& grid, std::int64_t index, const BaselineParams& params) const
{
    if (empty())
        return false;
    SeasonalBaseline filled = *this;
    filled.zeroFillUntil(grid, index, params);
    return filled.slots_[static_cast<std::size_t>(grid.slotOf(index))].n >= params.warmup_slot ||
           filled.global_.n >= params.warmup_global;
}

SeasonalBaseline::Band SeasonalBaseline::band(const WindowGrid& grid, std::int64_t index, double k,
                                              const BaselineParams& params) const
{
    const BaselineEstimate e = estimate(grid, index, params);
    return {std::max(0.0, e.mean - k * e.sd), e.mean, e.mean + k * e.sd};
}

SeasonalBaseline SeasonalBaseline::restore(const std::array<RunningStats, kSlotsPerWeek>& slots,
                                           RunningStats global, double dispersion, std::int64_t last_window)
{
    SeasonalBaseline b;
    b.slots_ = slots;
    b.global_ = global;
    b.dispersion_ = dispersion;
    b.last_window_ = last_window;
    return b;
}

} // namespace vigie::anomaly
