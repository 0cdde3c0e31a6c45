#pragma once
// The rollup routes shared by the search histogram (query.cpp) and the dashboard aggregates
// (aggregate.cpp): when the per-minute counts (event_counts_1m) or the hourly per-field
// counts (event_field_counts_1h) answer a query exactly, and the statement fragment that reads
// the hourly counts. Pure functions, safe from any thread.
#include "query/ast.h"
#include "query/sql_compiler.h"

#include <optional>
#include <string>
#include <string_view>

namespace vigie::query {

// True when every condition of the query is on a dimension of event_counts_1m.
bool minuteRollupsAnswer(const Node* node);

// The one field of hourlyRollupFields() every condition of the query is on (addresses only
// as CIDR blocks no narrower than the counted networks); nullopt otherwise or when empty.
std::optional<std::string> singleHourlyField(const Node* node);

Timestamp floorHour(Timestamp t);
// The first whole hour at or after t.
Timestamp ceilHour(Timestamp t);

// Appends `SELECT t, n[, g] FROM ... UNION ALL ...`: rows (time, count[, group value]) of the
// events matching `tree` in [from, to), whole hours [whole_from, whole_to) from the hourly
// counts of `field` unless pending, the rest (edges, pending hours) from `events`. One
// statement, one snapshot, so an hour is counted from exactly one source whatever a
// concurrent recount does. `group_column` (empty: none) is `field` or another column whose
// value is the same in both tables for those rows — in practice `field` itself.
void appendHourlyUnion(SqlCompiler& compiler, const Node* tree, const std::string& field,
                       std::string_view group_column, Timestamp from, Timestamp whole_from,
                       Timestamp whole_to, std::optional<Timestamp> to);

} // namespace vigie::query
