#include "store/partition_manager.h"

#include <cstdio>

namespace vigie::store {
namespace {

std::string isoDate(std::chrono::sys_days day)
{
    const std::chrono::year_month_day ymd(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

} // namespace

std::string PartitionManager::partitionName(std::chrono::sys_days day)
{
    std::string name = "events_" + isoDate(day);
    std::erase(name, '-');
    return name;
}

void PartitionManager::ensureDay(std::chrono::sys_days day)
{
    if (known_.contains(day))
        return;
    // DDL cannot take parameters; the statement holds only a date computed here, never input.
    // The advisory lock serialises writers of several processes creating the same partition.
    const std::string sql = "BEGIN; SELECT pg_advisory_xact_lock(hashtext('vigie.events.partitions')); "
                            "CREATE TABLE IF NOT EXISTS " +
                            partitionName(day) + " PARTITION OF events FOR VALUES FROM ('" + isoDate(day) +
                            " 00:00:00+00') TO ('" + isoDate(day + std::chrono::days(1)) +
                            " 00:00:00+00'); COMMIT;";
    try {
        connection_.execScript(sql);
    } catch (const SqlError&) {
        connection_.execScript("ROLLBACK"); // leave the connection usable, then report
        throw;
    }
    known_.insert(day);
}

void PartitionManager::ensureAhead(Timestamp now, int days_ahead)
{
    const auto today = std::chrono::floor<std::chrono::days>(now);
    for (int i = 0; i <= days_ahead; ++i)
        ensureDay(today + std::chrono::days(i));
}

} // namespace vigie::store
