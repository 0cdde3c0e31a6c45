#include "store/field_rollups.h"

#include "store/dim_rollups.h"

#include "query/query.h"

#include <string>

namespace vigie::store {
namespace {

// INSERT ... SELECT hour, field, <one column per field>, count FROM (the hour's events)
// GROUP BY GROUPING SETS ((host), (app), ...): one pass over the hour for every field.
// GROUPING(c) is 0 in the set that groups by c, which names the row's field. Addresses are
// counted per network (query::kHourlyRollupPrefixV4/V6): exact addresses would make nearly one
// row per event. Built from the fixed field list, never from user text.
std::string recountStatement()
{
    const auto& fields = query::hourlyRollupFields();
    std::string columns, values, name, sets;
    for (const auto field : fields) {
        const std::string f(field);
        columns += f + ", ";
        values += query::isHourlyRollupNetworkField(field)
                      ? "network(set_masklen(" + f + ", CASE family(" + f + ") WHEN 4 THEN " +
                            std::to_string(query::kHourlyRollupPrefixV4) + " ELSE " +
                            std::to_string(query::kHourlyRollupPrefixV6) + " END))::inet AS " + f + ", "
                      : f + ", ";
        name += "WHEN GROUPING(" + f + ") = 0 THEN '" + f + "' ";
        sets += (sets.empty() ? "(" : ", (") + f + ")";
    }
    values.resize(values.size() - 2);
    return "INSERT INTO event_field_counts_1h (hour, field, " + columns +
           "count) "
           "SELECT to_timestamp($1::bigint), CASE " +
           name + "END, " + columns + "count(*) FROM (SELECT " + values +
           " FROM events WHERE ts >= to_timestamp($1::bigint) AND ts < to_timestamp($1::bigint) + interval "
           "'1 hour') e "
           "GROUP BY GROUPING SETS (" +
           sets + ")";
}

} // namespace

std::string_view markPendingStatement()
{
    // Ordered, so two writers lock the rows of the hours they share in the same order.
    return "INSERT INTO event_field_rollup_pending (hour) "
           "SELECT to_timestamp(h) FROM unnest($1::bigint[]) AS h ORDER BY h "
           "ON CONFLICT (hour) DO UPDATE SET touched_at = now()";
}

int compactPendingHours(PgConnection& connection, const CompactionLimits& limits)
{
    static const std::string recount = recountStatement();
    const auto started = std::chrono::steady_clock::now();
    const auto due =
        connection.exec("SELECT extract(epoch FROM hour)::bigint FROM event_field_rollup_pending "
                        "WHERE touched_at <= now() - make_interval(secs => $1::int) ORDER BY hour LIMIT 1000",
                        {std::to_string(limits.quiet.count())});
    int recounted = 0;
    for (int row = 0; row < due.rows(); ++row) {
        if (limits.budget.count() > 0 && std::chrono::steady_clock::now() - started >= limits.budget)
            break;
        const std::string hour(due.text(row, 0)); // seconds since the epoch
        connection.execScript("BEGIN");
        try {
            // Holding the pending row's lock: a batch that touched the hour before us has
            // committed (its rows are in the statements below); one after us waits, then marks
            // the hour pending again.
            if (connection
                    .exec("SELECT 1 FROM event_field_rollup_pending WHERE hour = to_timestamp($1::bigint) "
                          "FOR UPDATE",
                          {hour})
                    .rows() == 1) {
                connection.exec("DELETE FROM event_field_counts_1h WHERE hour = to_timestamp($1::bigint)",
                                {hour});
                connection.exec(recount, {hour});
                recountDimHour(connection, hour); // same hour, same transaction (migration 0010)
                connection.exec(
                    "DELETE FROM event_field_rollup_pending WHERE hour = to_timestamp($1::bigint)", {hour});
                ++recounted;
            }
            connection.execScript("COMMIT");
        } catch (const SqlError&) {
            connection.execScript("ROLLBACK");
            throw;
        }
    }
    // Then the daily dimension rows of the days these recounts closed, within what is left.
    const auto spent =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (limits.budget.count() == 0 || spent < limits.budget)
        buildDimDays(connection, limits.quiet,
                     limits.budget.count() == 0 ? limits.budget : limits.budget - spent);
    return recounted;
}

} // namespace vigie::store
