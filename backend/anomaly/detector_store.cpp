// DetectorStore (see the header): the settings dialog's and the runner's view of
// anomaly_detectors and anomaly_state. The caller's thread, like its PgConnection.
#include "anomaly/detector_store.h"

#include <algorithm>

namespace vigie::anomaly {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, kind, title, enabled, version, settings::text FROM anomaly_detectors";

std::optional<Timestamp> microsAt(const store::PgResult& result, int row, int column)
{
    if (result.isNull(row, column))
        return std::nullopt;
    return Timestamp(std::chrono::microseconds(result.integer(row, column)));
}

DetectorConfig configAt(const store::PgResult& result, int row)
{
    DetectorConfig config;
    config.id = result.text(row, 0);
    config.kind = kindFromName(result.text(row, 1)).value_or(DetectorKind::Rate);
    config.title = result.text(row, 2);
    config.enabled = result.text(row, 3) == "t";
    config.version = static_cast<int>(result.integer(row, 4));
    try {
        config.settings = readSettings(config.kind, result.text(row, 5));
    } catch (const DetectorConfigError&) {
        // Kept at defaults so the dialog can show and repair it; the runner validates first.
    }
    return config;
}

std::vector<DetectorConfig> configs(const store::PgResult& result)
{
    std::vector<DetectorConfig> all;
    for (int row = 0; row < result.rows(); ++row)
        all.push_back(configAt(result, row));
    return all;
}

} // namespace

std::vector<DetectorConfig> DetectorStore::list()
{
    return configs(db_.exec(std::string(kSelect) + " ORDER BY id"));
}

std::optional<DetectorConfig> DetectorStore::find(const std::string& id)
{
    const auto result = db_.exec(std::string(kSelect) + " WHERE id = $1", {id});
    if (result.rows() == 0)
        return std::nullopt;
    return configAt(result, 0);
}

DetectorConfig DetectorStore::update(const DetectorConfig& config)
{
    validate(config);
    const auto result = db_.exec(
        "UPDATE anomaly_detectors SET title = $3, enabled = $4::boolean, settings = $5::jsonb, "
        "version = version + 1, updated_at = now(), updated_by = current_user "
        "WHERE id = $1 AND version = $2::int RETURNING id, kind, title, enabled, version, settings::text",
        {config.id, std::to_string(config.version), config.title,
         std::string(config.enabled ? "true" : "false"), writeSettings(config.kind, config.settings)});
    if (result.rows() == 0)
        throw StaleDetectorError("the detector \"" + config.title +
                                 "\" was changed or removed meanwhile; reload it and try again");
    return configAt(result, 0);
}

DetectorConfig DetectorStore::requestRelearn(const std::string& id)
{
    // One statement: the state goes with the version bump, so the runner cannot miss either.
    const auto result = db_.exec(
        "WITH s AS (DELETE FROM anomaly_state WHERE detector_id = $1), "
        "b AS (DELETE FROM anomaly_baselines WHERE detector_id = $1), "
        "p AS (DELETE FROM anomaly_seen WHERE detector_id = $1) "
        "UPDATE anomaly_detectors SET version = version + 1, updated_at = now(), updated_by = current_user "
        "WHERE id = $1 RETURNING id, kind, title, enabled, version, settings::text",
        {id});
    if (result.rows() == 0)
        throw StaleDetectorError("the detector " + id + " was removed meanwhile");
    return configAt(result, 0);
}

std::vector<DetectorProgress> DetectorStore::progress(Timestamp now)
{
    const auto result =
        db_.exec("SELECT d.id, d.kind, d.title, d.enabled, d.version, d.settings::text, s.settings_hash, "
                 "(extract(epoch FROM s.learned_from) * 1000000)::bigint, "
                 "(extract(epoch FROM s.learned_until) * 1000000)::bigint, "
                 "(extract(epoch FROM s.evaluated_until) * 1000000)::bigint "
                 "FROM anomaly_detectors d LEFT JOIN anomaly_state s ON s.detector_id = d.id ORDER BY d.id");
    std::vector<DetectorProgress> all;
    for (int row = 0; row < result.rows(); ++row) {
        const DetectorConfig config = configAt(result, row);
        const bool matches = !result.isNull(row, 6) && result.text(row, 6) == settingsHash(config);
        all.push_back(progressOf(config, microsAt(result, row, 7), microsAt(result, row, 8),
                                 microsAt(result, row, 9), matches, now));
    }
    return all;
}

std::string DetectorStore::changeStamp()
{
    const auto result = db_.exec("SELECT count(*)::text || ':' || coalesce(sum(version), 0)::text || ':' || "
                                 "coalesce(max(updated_at)::text, '') FROM anomaly_detectors");
    return std::string(result.text(0, 0));
}

DetectorProgress progressOf(const DetectorConfig& config, std::optional<Timestamp> learned_from,
                            std::optional<Timestamp> learned_until, std::optional<Timestamp> evaluated_until,
                            bool hash_matches, Timestamp now)
{
    DetectorProgress p;
    p.detector_id = config.id;
    if (!config.enabled) {
        p.phase = DetectorProgress::Phase::Disabled;
        return p;
    }
    if (!hash_matches || !learned_from)
        return p; // Waiting
    p.learned_from = learned_from;
    p.learned_until = learned_until;
    p.evaluated_until = evaluated_until;
    const auto span = [](Timestamp a, Timestamp b) { return std::chrono::duration<double>(b - a).count(); };
    if (!evaluated_until) {
        // Reading history: how far it got towards now.
        const double total = span(*learned_from, now);
        p.phase = DetectorProgress::Phase::Learning;
        p.fraction = total > 0 && learned_until
                         ? std::clamp(span(*learned_from, *learned_until) / total, 0.0, 1.0)
                         : 0.0;
        return p;
    }
    // Row detectors stay quiet until they have seen learning_days of activity.
    if (config.kind == DetectorKind::FirstSeen || config.kind == DetectorKind::Rare) {
        const double needed = config.settings.learning_days * 86400.0;
        const double seen = span(*learned_from, *evaluated_until);
        if (seen < needed) {
            p.phase = DetectorProgress::Phase::Learning;
            p.fraction = std::clamp(seen / needed, 0.0, 1.0);
            return p;
        }
    }
    p.phase = DetectorProgress::Phase::Live;
    p.fraction = 1;
    return p;
}

} // namespace vigie::anomaly
