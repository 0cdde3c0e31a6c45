#include "store/alert_store.h"

#include "event/event_json.h"
#include "store/rollup_builder.h"

#include <simdjson.h>

#include <map>
#include <tuple>
#include <type_traits>

namespace vigie::store {
namespace {

std::optional<std::string> textOrNull(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional(text);
}

// The elements of a JSON array PostgreSQL wrote (array_to_json), read with simdjson like the
// events' fields (decodeFields), so every escape is decoded. Throws StoreError if it is not one.
template <typename T> std::vector<T> jsonArray(std::string_view json)
{
    simdjson::dom::parser parser;
    simdjson::dom::array array;
    if (parser.parse(json.data(), json.size()).get(array) != simdjson::SUCCESS)
        throw StoreError("alerts: unreadable array " + std::string(json.substr(0, 80)));
    // Strings are read as views into the parser's buffer and copied before it goes.
    using Read = std::conditional_t<std::is_same_v<T, std::string>, std::string_view, T>;
    std::vector<T> values;
    for (const auto element : array) {
        Read value{};
        if (element.get(value) != simdjson::SUCCESS)
            throw StoreError("alerts: unexpected array element in " + std::string(json.substr(0, 80)));
        values.emplace_back(value);
    }
    return values;
}

} // namespace

std::string_view originOf(const AlertRecord& record)
{
    return record.anomaly ? "anomaly" : record.retro_hunt ? "retro-hunt" : "live";
}

std::vector<AlertRecord> mergeAlerts(const std::vector<AlertRecord>& records)
{
    std::vector<AlertRecord> merged;
    std::map<std::tuple<std::string_view, std::string_view, Timestamp, std::string_view>, std::size_t> at;
    for (const auto& record : records) {
        const auto [found, fresh] = at.try_emplace(
            {record.rule_id, record.entity, record.window_start, originOf(record)}, merged.size());
        if (fresh) {
            merged.push_back(record);
            continue;
        }
        AlertRecord& into = merged[found->second];
        if (record.anomaly) { // the later report of an episode covers the earlier one
            const std::int64_t count = std::max(into.count, record.count);
            const Timestamp first = std::min(into.first_ts, record.first_ts);
            into = record;
            into.count = count;
            into.first_ts = first;
            continue;
        }
        into.count += record.count;
        into.first_ts = std::min(into.first_ts, record.first_ts);
        into.last_ts = std::max(into.last_ts, record.last_ts);
        for (const auto id : record.event_ids)
            if (into.event_ids.size() < static_cast<std::size_t>(AlertStore::kMaxEventIds))
                into.event_ids.push_back(id);
        if (into.sample_json.empty())
            into.sample_json = record.sample_json;
    }
    return merged;
}

void AlertStore::add(const std::vector<AlertRecord>& records)
{
    static constexpr std::string_view kUpsert =
        "INSERT INTO alerts (rule_id, rule_title, level, tags, host, entity, window_start, first_ts, "
        "last_ts, count, event_ids, sample, origin, explanation, details) "
        "VALUES ($1, $2, $3, $4::text[], $5, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz, "
        "$10::bigint, ($11::bigint[])[1:100], $12::jsonb, $13, $14, $15::jsonb) "
        "ON CONFLICT ON CONSTRAINT alerts_window_key DO UPDATE SET "
        "count = CASE WHEN EXCLUDED.origin = 'anomaly' THEN greatest(alerts.count, EXCLUDED.count) "
        "ELSE alerts.count + EXCLUDED.count END, "
        "level = CASE WHEN EXCLUDED.origin = 'anomaly' THEN EXCLUDED.level ELSE alerts.level END, "
        "explanation = coalesce(EXCLUDED.explanation, alerts.explanation), "
        "details = coalesce(EXCLUDED.details, alerts.details), "
        "first_ts = least(alerts.first_ts, EXCLUDED.first_ts), "
        "last_ts = greatest(alerts.last_ts, EXCLUDED.last_ts), "
        "event_ids = (alerts.event_ids || EXCLUDED.event_ids)[1:100], "
        "sample = coalesce(alerts.sample, EXCLUDED.sample)";
    for (const auto& record : mergeAlerts(records)) {
        std::vector<std::optional<std::string>> ids;
        ids.reserve(record.event_ids.size());
        for (const auto id : record.event_ids)
            ids.emplace_back(std::to_string(id));
        std::vector<std::optional<std::string>> tags(record.tags.begin(), record.tags.end());
        db_.exec(kUpsert,
                 {record.rule_id, record.rule_title, record.level, RollupBuilder::arrayLiteral(tags),
                  textOrNull(record.host), record.entity, formatTimestamp(record.window_start),
                  formatTimestamp(record.first_ts), formatTimestamp(record.last_ts),
                  std::to_string(record.count), RollupBuilder::arrayLiteral(ids),
                  textOrNull(record.sample_json), std::string(originOf(record)),
                  textOrNull(record.explanation), textOrNull(record.details_json)});
    }
}

std::vector<StoredAlert> AlertStore::list(bool include_acknowledged, int limit)
{
    const auto result = db_.exec(
        "SELECT id, rule_id, rule_title, level, array_to_json(tags), coalesce(host, ''), entity, "
        "(extract(epoch FROM window_start) * 1000000)::bigint, (extract(epoch FROM first_ts) * "
        "1000000)::bigint, "
        "(extract(epoch FROM last_ts) * 1000000)::bigint, count, array_to_json(event_ids), "
        "coalesce(sample::text, ''), origin, "
        "status, coalesce(acknowledged_by, ''), coalesce(explanation, ''), coalesce(details::text, '') "
        "FROM alerts WHERE $1::boolean OR status = 'new' "
        "ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low', 'informational'], level), "
        "last_ts DESC, id DESC LIMIT $2::int",
        {std::string(include_acknowledged ? "true" : "false"), std::to_string(limit)});
    auto micros = [&](int row, int column) {
        return Timestamp(std::chrono::microseconds(result.integer(row, column)));
    };
    std::vector<StoredAlert> alerts;
    alerts.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row) {
        StoredAlert alert;
        alert.id = result.integer(row, 0);
        AlertRecord& r = alert.record;
        r.rule_id = result.text(row, 1);
        r.rule_title = result.text(row, 2);
        r.level = result.text(row, 3);
        r.tags = jsonArray<std::string>(result.text(row, 4));
        r.host = result.text(row, 5);
        r.entity = result.text(row, 6);
        r.window_start = micros(row, 7);
        r.first_ts = micros(row, 8);
        r.last_ts = micros(row, 9);
        r.count = result.integer(row, 10);
        r.event_ids = jsonArray<std::int64_t>(result.text(row, 11));
        r.sample_json = result.text(row, 12);
        r.retro_hunt = result.text(row, 13) == "retro-hunt";
        r.anomaly = result.text(row, 13) == "anomaly";
        r.explanation = result.text(row, 16);
        r.details_json = result.text(row, 17);
        alert.acknowledged = result.text(row, 14) == "acknowledged";
        alert.acknowledged_by = result.text(row, 15);
        alerts.push_back(std::move(alert));
    }
    return alerts;
}

bool AlertStore::acknowledge(std::int64_t id, const std::string& who)
{
    return db_.exec(
                  "UPDATE alerts SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = now() "
                  "WHERE id = $1::bigint AND status = 'new' RETURNING 1",
                  {std::to_string(id), who})
               .rows() == 1;
}

} // namespace vigie::store
