// AnomalyStore (see the header): anomaly_state and anomaly_baselines I/O. The caller's thread.
#include "anomaly/anomaly_store.h"

#include "event/event_json.h"
#include "store/rollup_builder.h"

#include <charconv>
#include <ctime>

namespace vigie::anomaly {
namespace {

std::optional<std::string> timeOrNull(const std::optional<Timestamp>& ts)
{
    return ts ? std::optional(formatTimestamp(*ts)) : std::nullopt;
}

std::optional<Timestamp> microsAt(const store::PgResult& result, int row, int column)
{
    if (result.isNull(row, column))
        return std::nullopt;
    return Timestamp(std::chrono::microseconds(result.integer(row, column)));
}

// "1,2,3" (array_to_string) into numbers; throws StoreError on anything else.
template <typename T> std::vector<T> numbers(std::string_view text)
{
    std::vector<T> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        T value{};
        if (std::from_chars(item.data(), item.data() + item.size(), value).ec != std::errc())
            throw store::StoreError("anomaly_baselines: unreadable number " + std::string(item));
        out.push_back(value);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

// Shortest text that reads back as the same number.
template <typename T> std::string numberText(T value)
{
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, result.ptr);
}

template <typename T> std::string arrayOf(const std::vector<T>& values)
{
    std::vector<std::optional<std::string>> texts;
    texts.reserve(values.size());
    for (const T value : values)
        texts.emplace_back(numberText(value));
    return store::RollupBuilder::arrayLiteral(texts);
}

} // namespace

WindowGrid gridFor(const DetectorSettings& settings)
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return WindowGrid{std::chrono::seconds(settings.window).count(), local.tm_gmtoff};
}

RateParams rateParams(const DetectorSettings& settings)
{
    RateParams p;
    p.k = settings.k;
    p.min_count = settings.min_count;
    p.min_ratio = settings.min_ratio;
    p.baseline.alpha = settings.alpha;
    p.baseline.warmup_slot = settings.warmup_slot;
    p.baseline.warmup_global = settings.warmup_global;
    p.admit_after = isAddressField(settings.entity) ? 3 : 0;
    p.max_entities = static_cast<std::size_t>(settings.max_entities);
    return p;
}

std::optional<DetectorState> AnomalyStore::state(const std::string& detector_id)
{
    const auto result =
        db_.exec("SELECT settings_hash, (extract(epoch FROM learned_from) * 1000000)::bigint, "
                 "(extract(epoch FROM learned_until) * 1000000)::bigint, "
                 "(extract(epoch FROM evaluated_until) * 1000000)::bigint "
                 "FROM anomaly_state WHERE detector_id = $1",
                 {detector_id});
    if (result.rows() == 0)
        return std::nullopt;
    return DetectorState{std::string(result.text(0, 0)), microsAt(result, 0, 1), microsAt(result, 0, 2),
                         microsAt(result, 0, 3)};
}

void AnomalyStore::saveState(const std::string& detector_id, const DetectorState& state)
{
    db_.exec("INSERT INTO anomaly_state (detector_id, settings_hash, learned_from, learned_until, "
             "evaluated_until) "
             "VALUES ($1, $2, $3::timestamptz, $4::timestamptz, $5::timestamptz) "
             "ON CONFLICT (detector_id) DO UPDATE SET settings_hash = excluded.settings_hash, "
             "learned_from = excluded.learned_from, learned_until = excluded.learned_until, "
             "evaluated_until = excluded.evaluated_until",
             {detector_id, state.settings_hash, timeOrNull(state.learned_from),
              timeOrNull(state.learned_until), timeOrNull(state.evaluated_until)});
}

void AnomalyStore::startLearning(const std::string& detector_id, const std::string& settings_hash,
                                 Timestamp learned_from)
{
    db_.exec("DELETE FROM anomaly_baselines WHERE detector_id = $1", {detector_id});
    db_.exec("DELETE FROM anomaly_seen WHERE detector_id = $1", {detector_id});
    saveState(detector_id, DetectorState{settings_hash, learned_from, learned_from, std::nullopt});
}

std::vector<StoredBaseline> AnomalyStore::baselines(const std::string& detector_id, const WindowGrid& grid,
                                                    const std::optional<std::string>& entity)
{
    const auto result =
        db_.exec("SELECT entity, array_to_string(slot_n, ','), array_to_string(slot_mean, ','), "
                 "array_to_string(slot_var, ','), g_n, g_mean, g_var, dispersion, cusum, "
                 "extract(epoch FROM last_window)::bigint FROM anomaly_baselines "
                 "WHERE detector_id = $1 AND ($2::text IS NULL OR entity = $2)",
                 {detector_id, entity});
    std::vector<StoredBaseline> all;
    for (int row = 0; row < result.rows(); ++row) {
        const auto n = numbers<std::int32_t>(result.text(row, 1));
        const auto mean = numbers<double>(result.text(row, 2));
        const auto var = numbers<double>(result.text(row, 3));
        if (n.size() != kSlotsPerWeek || mean.size() != kSlotsPerWeek || var.size() != kSlotsPerWeek)
            throw store::StoreError("anomaly_baselines: a baseline of " + detector_id + " has not 168 slots");
        std::array<RunningStats, kSlotsPerWeek> slots{};
        for (std::size_t s = 0; s < slots.size(); ++s)
            slots[s] = RunningStats{n[s], mean[s], var[s]};
        const auto real = [&](int column) { return numbers<double>(result.text(row, column)).at(0); };
        const RunningStats global{static_cast<std::int32_t>(result.integer(row, 4)), real(5), real(6)};
        all.push_back(StoredBaseline{
            std::string(result.text(row, 0)),
            SeasonalBaseline::restore(slots, global, real(7), grid.indexOf(result.integer(row, 9))),
            real(8)});
    }
    return all;
}

void AnomalyStore::saveBaselines(const std::string& detector_id, const RateDetector& detector,
                                 const std::vector<std::string>& entities)
{
    for (const std::string& entity : entities) {
        const SeasonalBaseline* b = detector.baseline(entity);
        if (!b || b->empty())
            continue;
        std::vector<std::int32_t> n;
        std::vector<double> mean, var;
        for (int s = 0; s < kSlotsPerWeek; ++s) {
            n.push_back(b->slot(s).n);
            mean.push_back(b->slot(s).mean);
            var.push_back(b->slot(s).var);
        }
        db_.exec(
            "INSERT INTO anomaly_baselines (detector_id, entity, slot_n, slot_mean, slot_var, g_n, g_mean, "
            "g_var, dispersion, cusum, last_window) VALUES ($1, $2, $3::integer[], $4::float8[], "
            "$5::float8[], $6::integer, $7::float8, $8::float8, $9::float8, $10::float8, "
            "to_timestamp($11::bigint)) "
            "ON CONFLICT (detector_id, entity) DO UPDATE SET slot_n = excluded.slot_n, "
            "slot_mean = excluded.slot_mean, slot_var = excluded.slot_var, g_n = excluded.g_n, "
            "g_mean = excluded.g_mean, g_var = excluded.g_var, dispersion = excluded.dispersion, "
            "cusum = excluded.cusum, last_window = excluded.last_window",
            {detector_id, entity, arrayOf(n), arrayOf(mean), arrayOf(var), std::to_string(b->global().n),
             numberText(b->global().mean), numberText(b->global().var), numberText(b->dispersion()),
             numberText(detector.cusum(entity)), std::to_string(detector.grid().startOf(b->lastWindow()))});
    }
}

void AnomalyStore::deleteBaselines(const std::string& detector_id, const std::vector<std::string>& entities)
{
    if (entities.empty())
        return;
    std::vector<std::optional<std::string>> texts(entities.begin(), entities.end());
    db_.exec("DELETE FROM anomaly_baselines WHERE detector_id = $1 AND entity = ANY($2::text[])",
             {detector_id, store::RollupBuilder::arrayLiteral(texts)});
}

std::optional<Timestamp> AnomalyStore::oldestEvent()
{
    const auto result = db_.exec("SELECT (extract(epoch FROM min(ts)) * 1000000)::bigint FROM events");
    return microsAt(result, 0, 0);
}

} // namespace vigie::anomaly
