#pragma once
// The hourly counts per field value (event_field_counts_1h, migration 0006) that answer the
// histogram of a single-field query over long ranges. The writer marks the hours each batch
// touched (markPendingStatement, in the batch's transaction); compactPendingHours later
// recounts each quiet pending hour from `events` in one transaction of its own. Until then a
// histogram counts that hour from `events` (query.cpp), so counts are exact at every moment.
// Blocking; any thread with its own connection (the engine calls it from its writer thread
// between batches).
#include "store/pg_connection.h"

#include <chrono>
#include <string_view>

namespace vigie::store {

// Marks hours pending; $1 is RollupBuilder::touchedHoursParameter(). Updating touched_at takes
// the row's lock, which orders this batch against a recount of the same hour.
std::string_view markPendingStatement();

struct CompactionLimits {
    // An hour is recounted only once no batch touched it for this long, so the hour being
    // filled right now is not recounted after every batch.
    std::chrono::seconds quiet{30};
    // Stops after the hour during which this budget ran out; zero: no limit.
    std::chrono::milliseconds budget{250};
};

// Recounts pending hours, oldest first, within the limits — their field counts and dimension
// counts (dim_rollups.h) — then builds the daily dimension rows of closed days; returns how
// many hours were recounted.
// Throws SqlError (that hour rolled back, still pending) or ConnectionError.
int compactPendingHours(PgConnection& connection, const CompactionLimits& limits);

} // namespace vigie::store
