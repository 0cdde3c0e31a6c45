#pragma once
// Retention: drops the daily partitions of `events` whose whole day is older than the kept
// window, with their rows of event_counts_1m, in one transaction. Partitions are found in the
// catalog and only names matching Vigie's own `events_YYYYMMDD` are ever put into DDL.
// Blocking (one transaction); any thread with its own connection.
#include "event/event.h"
#include "store/pg_connection.h"

#include <chrono>
#include <string>
#include <vector>

namespace vigie::store {

struct RetainedPartition {
    std::string name; // events_YYYYMMDD
    std::chrono::sys_days day;
};

struct RetentionResult {
    std::chrono::sys_days cutoff;           // days before this one were (or would be) dropped
    std::vector<RetainedPartition> dropped; // oldest first
    long long rollup_rows_deleted = 0;      // 0 in a dry run
};

// The daily partitions of `events`, oldest first, as the catalog lists them (pg_inherits).
std::vector<RetainedPartition> listEventPartitions(PgConnection& connection);

// Keeps today (UTC, from `now`) and the `keep_days` days before it; drops every older
// partition and deletes the rollup rows before that cutoff. `keep_days` must be >= 1.
// A dry run only reports what would go. Throws SqlError (rolled back) or ConnectionError.
RetentionResult applyRetention(PgConnection& connection, int keep_days, Timestamp now, bool dry_run);

} // namespace vigie::store
