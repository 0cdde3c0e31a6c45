#pragma once
// AnomalyStore: what the anomaly runner keeps between ticks and restarts (migration 0011) —
// anomaly_state (learning progress, evaluated_until) and anomaly_baselines (a rate detector's
// seasonal baselines, upserted for the entities a window touched, restored on start and read
// by dashboard bands). anomaly_seen is written by the statements of anomaly_sql.h. Every value
// travels as a parameter. Borrows one PgConnection; like it, one thread (the runner, or a tile
// worker reading a band).
#include "anomaly/detector_config.h"
#include "anomaly/rate_detector.h"
#include "anomaly/seasonal_baseline.h"
#include "event/event.h"
#include "store/pg_connection.h"

#include <optional>
#include <string>
#include <vector>

namespace vigie::anomaly {

// The grid a rate detector counts on: its window, hours of the week in the server's local zone.
WindowGrid gridFor(const DetectorSettings& settings);
// The rate core's parameters from the settings.
RateParams rateParams(const DetectorSettings& settings);

struct DetectorState {
    std::string settings_hash;
    std::optional<Timestamp> learned_from;
    std::optional<Timestamp> learned_until;
    std::optional<Timestamp> evaluated_until; // nullopt while learning from history
};

struct StoredBaseline {
    std::string entity;
    SeasonalBaseline baseline;
    double cusum = 0;
};

class AnomalyStore {
public:
    explicit AnomalyStore(store::PgConnection& db) : db_(db) {}

    std::optional<DetectorState> state(const std::string& detector_id);
    void saveState(const std::string& detector_id, const DetectorState& state);
    // Forgets what the detector learned (baselines, seen pairs) and starts a new state with
    // `settings_hash`, learning from `learned_from`.
    void startLearning(const std::string& detector_id, const std::string& settings_hash,
                       Timestamp learned_from);

    // Every baseline of the detector, or only `entity`'s.
    std::vector<StoredBaseline> baselines(const std::string& detector_id, const WindowGrid& grid,
                                          const std::optional<std::string>& entity = std::nullopt);
    // Upserts the baselines of `entities` as `detector` holds them.
    void saveBaselines(const std::string& detector_id, const RateDetector& detector,
                       const std::vector<std::string>& entities);

    // Deletes the baselines of `entities` (evicted by the detector).
    void deleteBaselines(const std::string& detector_id, const std::vector<std::string>& entities);

    // The oldest event's time, nullopt when there is none.
    std::optional<Timestamp> oldestEvent();

private:
    store::PgConnection& db_;
};

} // namespace vigie::anomaly
