#pragma once
// DetectorStore: the `anomaly_detectors` table (migration 0011) as the settings dialog sees it
// — list, find, save with optimistic version, "relearn from history", and each detector's
// learning progress from `anomaly_state`. The anomaly runner notices every change through
// changeStamp(). Every value travels as a parameter. Borrows one PgConnection; like it, one
// thread (a models worker, the runner, or vigiectl).
#include "anomaly/detector_config.h"
#include "event/event.h"
#include "store/pg_connection.h"
#include "store/store_error.h"

#include <optional>
#include <string>
#include <vector>

namespace vigie::anomaly {

// A save made on an older version than the stored one (someone saved meanwhile), or on a
// detector that is gone: nothing was changed.
class StaleDetectorError : public store::StoreError {
public:
    using store::StoreError::StoreError;
};

// Where a detector stands, for the settings dialog ("Learning… 40 %", "Live since …").
struct DetectorProgress {
    enum class Phase {
        Disabled, // not enabled: the runner leaves it alone
        Waiting,  // enabled, the runner has not started on it (or was asked to relearn)
        Learning, // reading history or still inside its learning period: no alerts yet
        Live,     // alerts
    };
    std::string detector_id;
    Phase phase = Phase::Waiting;
    double fraction = 0;                      // of learning done, 0…1 (1 when live)
    std::optional<Timestamp> learned_from;    // oldest history learned
    std::optional<Timestamp> learned_until;   // history learned up to here
    std::optional<Timestamp> evaluated_until; // live: windows evaluated up to here
};

class DetectorStore {
public:
    explicit DetectorStore(store::PgConnection& db) : db_(db) {}

    // Every detector, by id. A row whose settings cannot be read keeps its defaults (it is
    // shown and can be saved again); the runner skips it.
    std::vector<DetectorConfig> list();
    std::optional<DetectorConfig> find(const std::string& id);

    // Saves title, enabled and settings of `config.id` if its version is still
    // `config.version`; returns the row as stored (version + 1). Throws DetectorConfigError
    // (validate) or StaleDetectorError. A change of settingsHash makes the runner relearn.
    DetectorConfig update(const DetectorConfig& config);

    // Forgets what the detector learned (state, baselines, seen values) and bumps its version
    // so the runner reloads it and learns again from history. Throws StaleDetectorError when
    // it is gone.
    DetectorConfig requestRelearn(const std::string& id);

    // Progress of every detector, by id, at `now`.
    std::vector<DetectorProgress> progress(Timestamp now);

    // Changes whenever a detector is saved, enabled, disabled or relearned: the runner polls it.
    std::string changeStamp();

private:
    store::PgConnection& db_;
};

// Progress of one detector from its state row (nullopt: none) — shared with the runner's logs.
DetectorProgress progressOf(const DetectorConfig& config, std::optional<Timestamp> learned_from,
                            std::optional<Timestamp> learned_until, std::optional<Timestamp> evaluated_until,
                            bool hash_matches, Timestamp now);

} // namespace vigie::anomaly
