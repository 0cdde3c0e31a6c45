#include "store/partition_manager.h"

#include "event/event_json.h"

namespace vigie::store {

std::string PartitionManager::partitionName(std::chrono::sys_days day)
{
    std::string name = "events_" + formatDate(day);
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
                            partitionName(day) + " PARTITION OF events FOR VALUES FROM ('" + formatDate(day) +
                            " 00:00:00+00') TO ('" + formatDate(day + std::chrono::days(1)) +
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
