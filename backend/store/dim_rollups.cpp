// recountDimHour and buildDimDays (dim_rollups.h).
#include "store/dim_rollups.h"

#include "query/aggregate.h"
#include "query/query.h"

namespace vigie::store {
namespace {

// The context columns, then the value columns, as "a, b, c" (fixed vocabulary).
std::string joined(const std::vector<std::string_view>& names, std::string_view prefix = {})
{
    std::string out;
    for (const auto name : names)
        out += (out.empty() ? "" : ", ") + std::string(prefix) + std::string(name);
    return out;
}

std::string allColumns()
{
    return joined(query::dimContextFields()) + ", " + joined(query::dimValueFields());
}

// INSERT ... SELECT hour, field, <columns>, count FROM (the hour's events) GROUP BY GROUPING SETS
// ((ctx), (ctx, host), (ctx, app), ...): one pass over the hour for every value field.
// GROUPING(v) is 0 in the set that groups by v, which names the row's field; the context set
// is 'ctx'. Addresses are counted per network, as the hourly field counts do.
std::string recountStatement()
{
    const std::string context = joined(query::dimContextFields());
    std::string values = context, name, sets = "(" + context + ")";
    for (const auto field : query::dimValueFields()) {
        const std::string f(field);
        values += query::isHourlyRollupNetworkField(field)
                      ? ", network(set_masklen(" + f + ", CASE family(" + f + ") WHEN 4 THEN " +
                            std::to_string(query::kHourlyRollupPrefixV4) + " ELSE " +
                            std::to_string(query::kHourlyRollupPrefixV6) + " END))::inet AS " + f
                      : ", " + f;
        name += "WHEN GROUPING(" + f + ") = 0 THEN '" + f + "' ";
        sets += ", (" + context + ", " + f + ")";
    }
    return "INSERT INTO event_dim_counts_1h (hour, field, " + allColumns() +
           ", count) SELECT to_timestamp($1::bigint), CASE " + name + "ELSE '" +
           std::string(query::kDimContextRow) + "' END, " + allColumns() + ", count(*) FROM (SELECT " +
           values +
           " FROM events WHERE ts >= to_timestamp($1::bigint) AND ts < to_timestamp($1::bigint) + interval "
           "'1 hour') e GROUP BY GROUPING SETS (" +
           sets + ")";
}

// One statement, one snapshot: the day is built only if none of its hours is pending in that
// snapshot, so its rows sum hourly rows that match the events the snapshot sees. A batch that
// reopens an hour afterwards marks it pending, which makes the day unusable to tiles until the
// hour's recount marks the day again.
std::string buildDayStatement()
{
    const std::string columns = allColumns();
    return "WITH d AS (DELETE FROM event_dim_day_pending WHERE day = to_timestamp($1::bigint) "
           "AND NOT EXISTS (SELECT 1 FROM event_field_rollup_pending p WHERE p.hour >= "
           "to_timestamp($1::bigint) "
           "AND p.hour < to_timestamp($1::bigint) + interval '1 day') RETURNING day), "
           "gone AS (DELETE FROM event_dim_counts_1d WHERE hour IN (SELECT day FROM d)), "
           "built AS (INSERT INTO event_dim_counts_1d (hour, field, " +
           columns + ", count) SELECT d.day, h.field, " + joined(query::dimContextFields(), "h.") + ", " +
           joined(query::dimValueFields(), "h.") +
           ", sum(h.count) FROM d JOIN event_dim_counts_1h h ON h.hour >= d.day AND h.hour < d.day + "
           "interval "
           "'1 day' GROUP BY d.day, h.field, " +
           joined(query::dimContextFields(), "h.") + ", " + joined(query::dimValueFields(), "h.") +
           ") INSERT INTO event_dim_days (day) SELECT day FROM d ON CONFLICT (day) DO UPDATE SET built_at = "
           "now() RETURNING day";
}

} // namespace

void recountDimHour(PgConnection& connection, const std::string& hour_epoch)
{
    static const std::string recount = recountStatement();
    connection.exec("DELETE FROM event_dim_counts_1h WHERE hour = to_timestamp($1::bigint)", {hour_epoch});
    connection.exec(recount, {hour_epoch});
    // The day's daily rows no longer sum its hours.
    static const std::string day = "date_bin('1 day', to_timestamp($1::bigint), '1970-01-01 00:00:00+00')";
    connection.exec("DELETE FROM event_dim_counts_1d WHERE hour = " + day, {hour_epoch});
    connection.exec("DELETE FROM event_dim_days WHERE day = " + day, {hour_epoch});
    connection.exec("INSERT INTO event_dim_day_pending (day) SELECT " + day + " ON CONFLICT (day) DO NOTHING",
                    {hour_epoch});
}

int buildDimDays(PgConnection& connection, std::chrono::seconds quiet, std::chrono::milliseconds budget)
{
    static const std::string build = buildDayStatement();
    const auto started = std::chrono::steady_clock::now();
    const auto due = connection.exec(
        "SELECT extract(epoch FROM day)::bigint FROM event_dim_day_pending "
        "WHERE day + interval '1 day' <= now() - make_interval(secs => $1::int) ORDER BY day LIMIT 100",
        {std::to_string(quiet.count())});
    int built = 0;
    for (int row = 0; row < due.rows(); ++row) {
        if (budget.count() > 0 && std::chrono::steady_clock::now() - started >= budget)
            break;
        built += connection.exec(build, {std::string(due.text(row, 0))}).rows();
    }
    return built;
}

} // namespace vigie::store
