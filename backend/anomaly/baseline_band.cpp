// readBand (see the header). The tile worker's thread.
#include "anomaly/baseline_band.h"

#include "anomaly/anomaly_store.h"
#include "anomaly/detector_store.h"

#include <cmath>

namespace vigie::anomaly {

std::vector<BandPoint> readBand(store::PgConnection& db, const std::string& detector_id,
                                const std::string& entity, const std::vector<Timestamp>& bucket_starts,
                                std::chrono::seconds bucket)
{
    const auto config = DetectorStore(db).find(detector_id);
    if (!config || config->kind != DetectorKind::Rate)
        return {};
    const WindowGrid grid = gridFor(config->settings);
    const auto stored = AnomalyStore(db).baselines(detector_id, grid, entity);
    if (stored.empty() || stored.front().baseline.empty())
        return {};
    const RateParams params = rateParams(config->settings);
    const double k = params.k;
    const double scale = static_cast<double>(bucket.count()) / static_cast<double>(grid.window_seconds);
    std::vector<BandPoint> band;
    band.reserve(bucket_starts.size());
    for (const Timestamp start : bucket_starts) {
        const auto unix = std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count();
        const BaselineEstimate e =
            stored.front().baseline.estimate(grid, grid.indexOf(unix), params.baseline);
        const double mean = e.mean * scale;
        const double sd = e.sd * std::sqrt(scale);
        band.push_back(BandPoint{std::max(0.0, mean - k * sd), mean, mean + k * sd});
    }
    return band;
}

} // namespace vigie::anomaly
