// Anomaly runner statements (see the header). Pure, any thread.
#include "anomaly/anomaly_sql.h"

#include "event/event_json.h"
#include "query/parser.h"
#include "query/sql_compiler.h"

namespace vigie::anomaly {
namespace {

constexpr std::string_view kEpoch = "extract(epoch FROM ts)::bigint";

// A field's value as text: addresses without their /32 mask, numbers as digits.
void textValue(query::SqlCompiler& c, const std::string& field)
{
    const bool address = isAddressField(field);
    c.sql(address ? "host(" : "(");
    c.fieldValue(field);
    c.sql(address ? ")" : ")::text");
}

// key1 of a seen pair: the value, or for an address with a prefix set, its network
// ("10.0.0.0/24", "2001:db8:1:2::/64").
void keyValue(query::SqlCompiler& c, const DetectorSettings& settings)
{
    if (settings.key1_prefix == 0 || !isAddressField(settings.key1)) {
        textValue(c, settings.key1);
        return;
    }
    c.sql("text(network(set_masklen(");
    c.fieldValue(settings.key1);
    c.sql(", CASE WHEN family(");
    c.fieldValue(settings.key1);
    c.sql(") = 4 THEN ");
    c.param(std::to_string(settings.key1_prefix));
    c.sql("::integer ELSE ");
    c.param(std::to_string(settings.key1_prefix6));
    c.sql("::integer END)))");
}

void filter(query::SqlCompiler& c, const std::string& text)
{
    const auto tree = query::parseQuery(text);
    c.sql("(");
    c.compile(tree.get());
    c.sql(")");
}

void range(query::SqlCompiler& c, Timestamp from, Timestamp to)
{
    c.sql(" AND ts >= ");
    c.param(formatTimestamp(from));
    c.sql("::timestamptz AND ts < ");
    c.param(formatTimestamp(to));
    c.sql("::timestamptz");
}

} // namespace

query::SqlWithParams windowCountsSql(const DetectorSettings& settings, Timestamp from, Timestamp to)
{
    query::SqlCompiler c(query::Placeholders::Dollar, 1);
    const std::string seconds = std::to_string(std::chrono::seconds(settings.window).count());
    c.sql("SELECT floor(extract(epoch FROM ts) / " + seconds + ")::bigint AS w, ");
    const bool whole = settings.entity == "none";
    if (whole)
        c.sql("''");
    else
        textValue(c, settings.entity);
    c.sql(" AS e, count(*) FROM events WHERE ");
    filter(c, settings.query);
    range(c, from, to);
    if (!whole) {
        c.sql(" AND ");
        c.fieldValue(settings.entity);
        c.sql(" IS NOT NULL");
    }
    c.sql(" GROUP BY 1, 2 ORDER BY 1, 2");
    return c.take();
}

query::SqlWithParams recordSeenSql(const std::string& detector_id, const DetectorSettings& settings,
                                   Timestamp from, Timestamp to, bool hosts)
{
    query::SqlCompiler c(query::Placeholders::Dollar, 1);
    c.sql("WITH d AS (SELECT ");
    c.param(detector_id);
    c.sql("::text AS id), w AS (SELECT ");
    if (hosts)
        c.sql("'*'");
    else
        keyValue(c, settings);
    c.sql(" AS key1, ");
    if (settings.key2.empty())
        c.sql("''");
    else
        textValue(c, settings.key2);
    c.sql(" AS key2, min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS n FROM events WHERE ");
    filter(c, settings.query);
    range(c, from, to);
    for (const std::string* key : {&settings.key1, &settings.key2}) {
        if (key->empty() || (hosts && key == &settings.key1))
            continue;
        c.sql(" AND ");
        c.fieldValue(*key);
        c.sql(" IS NOT NULL");
    }
    // `old` reads the table as it was before this statement's insert (one snapshot).
    c.sql(" GROUP BY 1, 2), old AS (SELECT s.key1, s.key2, s.first_seen, s.count FROM anomaly_seen s, d "
          "WHERE s.detector_id = d.id AND (s.key1, s.key2) IN (SELECT key1, key2 FROM w)), "
          "up AS (INSERT INTO anomaly_seen (detector_id, key1, key2, first_seen, last_seen, count) "
          "SELECT d.id, w.key1, w.key2, w.first_ts, w.last_ts, w.n FROM w, d "
          "ON CONFLICT (detector_id, key1, key2) DO UPDATE SET "
          "first_seen = least(anomaly_seen.first_seen, excluded.first_seen), "
          "last_seen = greatest(anomaly_seen.last_seen, excluded.last_seen), "
          "count = anomaly_seen.count + excluded.count RETURNING 1) "
          "SELECT w.key1, w.key2, extract(epoch FROM w.first_ts)::bigint, extract(epoch FROM "
          "w.last_ts)::bigint, "
          "w.n, extract(epoch FROM old.first_seen)::bigint, old.count "
          "FROM w LEFT JOIN old USING (key1, key2) ORDER BY w.first_ts, w.key1, w.key2");
    return c.take();
}

query::SqlWithParams bruteForceRowsSql(const DetectorSettings& settings, Timestamp from, Timestamp to)
{
    query::SqlCompiler c(query::Placeholders::Dollar, 1);
    c.sql("SELECT " + std::string(kEpoch) + ", ");
    textValue(c, settings.key1);
    if (!settings.key2.empty()) {
        c.sql(" || '|' || ");
        textValue(c, settings.key2);
    }
    c.sql(", coalesce(");
    filter(c, settings.success_query);
    c.sql(", false), coalesce(user_name, ''), coalesce(host, '') FROM events WHERE (");
    filter(c, settings.query);
    c.sql(" OR ");
    filter(c, settings.success_query);
    c.sql(")");
    range(c, from, to);
    for (const std::string* key : {&settings.key1, &settings.key2}) {
        if (key->empty())
            continue;
        c.sql(" AND ");
        c.fieldValue(*key);
        c.sql(" IS NOT NULL");
    }
    c.sql(" ORDER BY ts, id");
    return c.take();
}

} // namespace vigie::anomaly
