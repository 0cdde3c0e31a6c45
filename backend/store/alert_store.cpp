#include "store/alert_store.h"

#include "event/event_json.h"
#include "store/rollup_builder.h"

#include <charconv>
#include <map>
#include <tuple>

namespace vigie::store {
namespace {

std::optional<std::string> textOrNull(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional(text);
}

// "{1,2,3}" or "{}" from PostgreSQL's text output of a bigint[].
std::vector<std::int64_t> parseIdArray(std::string_view text)
{
    std::vector<std::int64_t> ids;
    if (text.size() < 2)
        return ids;
    text = text.substr(1, text.size() - 2);
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = text.substr(0, comma);
        std::int64_t id = 0;
        std::from_chars(item.data(), item.data() + item.size(), id);
        ids.push_back(id);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return ids;
}

// Tags come back through array_to_json so that commas and quotes inside a tag need no parser
// of PostgreSQL's array syntax here: a JSON array of strings.
std::vector<std::string> parseTags(std::string_view json)
{
    std::vector<std::string> tags;
    std::string current;
    bool inside = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (!inside) {
            if (c == '"') {
                inside = true;
                current.clear();
            }
            continue;
        }
        if (c == '\\' && i + 1 < json.size()) {
            current.push_back(json[++i]);
        } else if (c == '"') {
            inside = false;
            tags.push_back(current);
        } else {
            current.push_back(c);
        }
    }
    return tags;
}

} // namespace

std::vector<AlertRecord> mergeAlerts(const std::vector<AlertRecord>& records)
{
    std::vector<AlertRecord> merged;
    std::map<std::tuple<std::string_view, std::string_view, Timestamp, bool>, std::size_t> at;
    for (const auto& record : records) {
        const auto [found, fresh] = at.try_emplace(
            {record.rule_id, record.entity, record.window_start, record.retro_hunt}, merged.size());
        if (fresh) {
            merged.push_back(record);
            continue;
        }
        AlertRecord& into = merged[found->second];
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
        "last_ts, count, event_ids, sample, origin) "
        "VALUES ($1, $2, $3, $4::text[], $5, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz, "
        "$10::bigint, ($11::bigint[])[1:100], $12::jsonb, $13) "
        "ON CONFLICT ON CONSTRAINT alerts_window_key DO UPDATE SET "
        "count = alerts.count + EXCLUDED.count, "
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
                  textOrNull(record.sample_json), std::string(record.retro_hunt ? "retro-hunt" : "live")});
    }
}

std::vector<StoredAlert> AlertStore::list(bool include_acknowledged, int limit)
{
    const auto result = db_.exec(
        "SELECT id, rule_id, rule_title, level, array_to_json(tags), coalesce(host, ''), entity, "
        "extract(epoch FROM window_start)::numeric * 1000000, extract(epoch FROM first_ts)::numeric * "
        "1000000, "
        "extract(epoch FROM last_ts)::numeric * 1000000, count, event_ids, coalesce(sample::text, ''), "
        "origin, "
        "status, coalesce(acknowledged_by, '') FROM alerts WHERE $1::boolean OR status = 'new' "
        "ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low', 'informational'], level), "
        "last_ts DESC, id DESC LIMIT $2::int",
        {std::string(include_acknowledged ? "true" : "false"), std::to_string(limit)});
    auto micros = [&](int row, int column) {
        return Timestamp(std::chrono::microseconds(std::stoll(std::string(result.text(row, column)))));
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
        r.tags = parseTags(result.text(row, 4));
        r.host = result.text(row, 5);
        r.entity = result.text(row, 6);
        r.window_start = micros(row, 7);
        r.first_ts = micros(row, 8);
        r.last_ts = micros(row, 9);
        r.count = result.integer(row, 10);
        r.event_ids = parseIdArray(result.text(row, 11));
        r.sample_json = result.text(row, 12);
        r.retro_hunt = result.text(row, 13) == "retro-hunt";
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
