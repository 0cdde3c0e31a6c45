#pragma once
// The statements the anomaly runner reads events with (design notes §4), built with the query
// compiler so a detector's query is the search language and every value — the detector's
// query terms, its id, the time range — travels as a parameter. Field names are validated by
// the compiler's vocabulary. Pure functions, any thread.
#include "anomaly/detector_config.h"
#include "event/event.h"
#include "query/query.h"

#include <chrono>

namespace vigie::anomaly {

// Rows (window index, entity, count) of the events matching the rate detector's query in
// [from, to), per tumbling window of `window` aligned on the epoch; entity "" for "none". Only
// non-zero pairs. Throws query::SyntaxError.
query::SqlWithParams windowCountsSql(const DetectorSettings& settings, Timestamp from, Timestamp to);

// Records the (key1, key2) pairs of the matching events in [from, to) into anomaly_seen for
// `detector_id` and returns, per pair: key1, key2, first and last time (Unix seconds), count,
// and what was stored before (first time, count; NULL when the pair is new), oldest first.
// An address key1 with `key1_prefix` set is recorded as its network ("10.0.0.0/24").
// With `hosts`, records key2 alone (key1 '*') instead: a first-seen detector's new hosts.
query::SqlWithParams recordSeenSql(const std::string& detector_id, const DetectorSettings& settings,
                                   Timestamp from, Timestamp to, bool hosts = false);

// Failure and success rows of a brute-force detector in [from, to), oldest first: time (Unix
// seconds), key (key1, or "key1|key2" when key2 is set), success (t/f), user_name, host.
query::SqlWithParams bruteForceRowsSql(const DetectorSettings& settings, Timestamp from, Timestamp to);

} // namespace vigie::anomaly
