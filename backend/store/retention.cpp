#include "store/retention.h"

#include "store/partition_manager.h"

#include <algorithm>
#include <stdexcept>

namespace vigie::store {
namespace {

// The day a partition name stands for, when it is exactly `events_` and eight digits of a
// real date written back the same way; anything else (a table an administrator attached by
// hand) is never touched.
std::optional<std::chrono::sys_days> partitionDay(std::string_view name)
{
    constexpr std::string_view prefix = "events_";
    if (name.size() != prefix.size() + 8 || !name.starts_with(prefix))
        return std::nullopt;
    const auto digits = name.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int number = std::stoi(std::string(digits));
    const std::chrono::year_month_day ymd{std::chrono::year(number / 10000),
                                          std::chrono::month(static_cast<unsigned>(number / 100 % 100)),
                                          std::chrono::day(static_cast<unsigned>(number % 100))};
    if (!ymd.ok())
        return std::nullopt;
    const std::chrono::sys_days day(ymd);
    if (PartitionManager::partitionName(day) != name)
        return std::nullopt;
    return day;
}

} // namespace

std::vector<RetainedPartition> listEventPartitions(PgConnection& connection)
{
    // Only direct partitions of the `events` of the current schema, ordinary tables.
    const auto rows =
        connection.exec("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        "WHERE i.inhparent = to_regclass('events') AND c.relkind = 'r'");
    std::vector<RetainedPartition> partitions;
    for (int row = 0; row < rows.rows(); ++row) {
        const std::string name(rows.text(row, 0));
        if (const auto day = partitionDay(name))
            partitions.push_back({name, *day});
    }
    std::sort(partitions.begin(), partitions.end(),
              [](const RetainedPartition& a, const RetainedPartition& b) { return a.day < b.day; });
    return partitions;
}

RetentionResult applyRetention(PgConnection& connection, int keep_days, Timestamp now, bool dry_run)
{
    if (keep_days < 1)
        throw std::invalid_argument("retention must keep at least 1 day");
    RetentionResult result;
    result.cutoff = std::chrono::floor<std::chrono::days>(now) - std::chrono::days(keep_days);

    connection.execScript("BEGIN");
    try {
        // The lock PartitionManager takes: no writer creates a partition while we list and drop.
        connection.execScript("SELECT pg_advisory_xact_lock(hashtext('vigie.events.partitions'))");
        for (auto& partition : listEventPartitions(connection))
            if (partition.day < result.cutoff)
                result.dropped.push_back(std::move(partition));
        if (!dry_run) {
            for (const auto& partition : result.dropped) {
                // DDL takes no parameters; the name was read from the catalog and matched
                // events_YYYYMMDD exactly above, so it holds nothing but those characters.
                connection.execScript("DROP TABLE " + partition.name);
            }
            const std::string cutoff_seconds = std::to_string(
                std::chrono::duration_cast<std::chrono::seconds>(result.cutoff.time_since_epoch()).count());
            const auto deleted = connection.exec(
                "WITH gone AS (DELETE FROM event_counts_1m WHERE minute < to_timestamp($1::bigint) "
                "RETURNING 1) SELECT count(*) FROM gone",
                {cutoff_seconds});
            result.rollup_rows_deleted = deleted.integer(0, 0);
            // The hourly field counts and their pending marks go with their days too.
            connection.exec("DELETE FROM event_field_counts_1h WHERE hour < to_timestamp($1::bigint)",
                            {cutoff_seconds});
            connection.exec("DELETE FROM event_field_rollup_pending WHERE hour < to_timestamp($1::bigint)",
                            {cutoff_seconds});
            // So do the dimension counts (migration 0010); the cutoff is a UTC midnight.
            for (const char* statement :
                 {"DELETE FROM event_dim_counts_1h WHERE hour < to_timestamp($1::bigint)",
                  "DELETE FROM event_dim_counts_1d WHERE hour < to_timestamp($1::bigint)",
                  "DELETE FROM event_dim_days WHERE day < to_timestamp($1::bigint)",
                  "DELETE FROM event_dim_day_pending WHERE day < to_timestamp($1::bigint)"})
                connection.exec(statement, {cutoff_seconds});
        }
        connection.execScript(dry_run ? "ROLLBACK" : "COMMIT");
    } catch (const SqlError&) {
        connection.execScript("ROLLBACK");
        throw;
    }
    return result;
}

} // namespace vigie::store
