#pragma once
// The dimension counts per hour and per day (event_dim_counts_1h/_1d, migration 0010) that
// answer dashboard tiles on context dimensions plus one value field (query/aggregate.h, routes
// dim1h and dim1d). The hourly rows of an hour are rebuilt by compactPendingHours
// (field_rollups.h) in the same transaction as its field counts, which marks the hour's UTC day
// for a daily rebuild; buildDimDays writes the daily rows of closed days whose hours are all
// recounted. Blocking; any thread with its own connection (the engine's writer thread).
#include "store/pg_connection.h"

#include <chrono>
#include <string>

namespace vigie::store {

// Rebuilds the dimension rows of the hour starting `hour_epoch` (seconds since the epoch, as
// text) and drops its day's daily rows until buildDimDays rebuilds them. Runs inside the
// caller's transaction, the one recounting the hour. Throws SqlError.
void recountDimHour(PgConnection& connection, const std::string& hour_epoch);

// Builds the daily rows of each day marked by recountDimHour that ended at least `quiet` ago
// and has no pending hour, oldest first, one statement (one snapshot) each; stops after the day
// during which `budget` ran out (zero: no limit). Returns how many days were built. Throws
// SqlError or ConnectionError.
int buildDimDays(PgConnection& connection, std::chrono::seconds quiet, std::chrono::milliseconds budget);

} // namespace vigie::store
