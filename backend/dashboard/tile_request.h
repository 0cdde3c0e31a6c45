#pragma once
// From a dashboard tile to the aggregate it shows (issue #6, contract C1): the dashboard's time
// range made absolute at refresh time, the "auto" bucket chosen for that range, the tile's query
// with the variables bar's values expanded, and the aggregation kind mapped to the planner's
// (baseline -> CountOverTime, list -> List). Also the request behind a variable's value list.
// Pure functions, safe from any thread; query/aggregate.h plans the requests.
#include "dashboard/dashboard_spec.h"
#include "event/event.h"
#include "query/aggregate.h"
#include "query/query.h"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::dashboard {

// The variables bar's choice: variable name -> value; query::kAnyValue ("*") = All.
using VariableValues = std::map<std::string, std::string, std::less<>>;

// What a refresh fixes once for every tile of a dashboard.
struct TileContext {
    Timestamp now;                 // relative ranges end here
    VariableValues variables;      // name -> value; "*" = All
    std::string time_zone = "UTC"; // heatmap buckets, IANA name (the analyst's local zone)
};

// "-24h" -> [now - 24 h, now); from/to -> [from, to). Throws DashboardFormatError for a time
// spec validate() would refuse.
query::TimeRange absoluteRange(const TimeSpec& time, Timestamp now);

// "1m" "10m" "1h" "1d" as written; "auto" (or ""): 1 min under 2 h, 10 min under 12 h, 1 h under
// 14 days, else 1 day — never more than ~400 buckets and at least 1 h from 12 h up, so long
// ranges stay on the rollups. Throws DashboardFormatError for another text.
std::chrono::seconds tileBucket(std::string_view bucket, const query::TimeRange& range);

// Every variable of the dashboard at its default value, overridden by `chosen` (a value the
// analyst picked; names the dashboard does not declare are ignored).
VariableValues variableValues(const DashboardSpec& dashboard, const VariableValues& chosen = {});

// The tile's aggregate over the dashboard's range made absolute at context.now:
//   count_over_time, baseline -> CountOverTime (bucket from tileBucket; split for count_over_time)
//   top -> Top, distinct -> Distinct, sum/avg -> Sum/Avg, total -> Total (previous_period when
//   the visualization shows a trend), heatmap -> Heatmap (context.time_zone), list -> List.
// The query has its $variables expanded (query::expandVariables). Throws DashboardFormatError
// (path "tiles[i]…") for a tile the request cannot express, query::SyntaxError for an unknown
// variable (position in the tile's query).
query::AggregateRequest tileRequest(const DashboardSpec& dashboard, const TileSpec& tile,
                                    const TileContext& context);

// A number tile with "sparkline": the count over time of the same query and range (auto
// bucket), drawn under the number. nullopt for every other tile.
std::optional<query::AggregateRequest> sparklineRequest(const DashboardSpec& dashboard, const TileSpec& tile,
                                                        const TileContext& context);

// A baseline tile's entity with variables expanded (defaults for those the context lacks), as the anomaly
// detectors key it: "host=$host" with host = web-01 -> "host=web-01"; "" , "host=*" (All) or "host=" -> ""
// (the detector's whole-count series). Throws query::SyntaxError for an unknown variable.
std::string baselineEntity(const DashboardSpec& dashboard, const TileSpec& tile, const TileContext& context);

// The values the variables bar offers for `variable`: its field's 50 most frequent values over
// `range`, among the events matching its values_query (other variables are not applied).
query::AggregateRequest variableValuesRequest(const VariableSpec& variable, const query::TimeRange& range);

} // namespace vigie::dashboard
