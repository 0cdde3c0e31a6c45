#pragma once
// Drill-down (issue #6, contract C1): what a click on a tile opens in the search view — the
// tile's query (variables expanded) narrowed to the clicked value, over the clicked bucket or
// else the dashboard's range. The value is written as a quoted literal of the query language
// (never SQL), so the search bar shows and re-parses it. Pure functions, safe from any thread.
#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"
#include "event/event.h"
#include "query/query.h"

#include <chrono>
#include <optional>
#include <string>

namespace vigie::dashboard {

// The clicked part of a tile, as its renderer knows it.
struct DrillTarget {
    std::string field;                // the series/slice/row field ("" = no value term, e.g. a plain line)
    std::optional<std::string> value; // nullopt: the "(none)" row — events without the field
    bool other = false;               // the summed "other" series: no value term
    std::optional<Timestamp> bucket_start; // a clicked point or bar of a series over time
    std::chrono::seconds bucket{0};        // its length (with bucket_start)
    bool operator==(const DrillTarget&) const = default;
};

struct DrillQuery {
    std::string query;      // for the search bar
    query::TimeRange range; // absolute
};

// query: "(<tile query, variables expanded>) and field:\"value\"" — nullopt value:
// "… and not _exists_:field"; other or no field: the tile query alone; an empty tile query
// gives the term alone ("" when there is none either).
// range: [bucket_start, bucket_start + bucket) when a bucket was clicked, else the dashboard's
// range made absolute at context.now. Throws like tileRequest for an unknown variable.
DrillQuery drillQuery(const DashboardSpec& dashboard, const TileSpec& tile, const TileContext& context,
                      const DrillTarget& target);

} // namespace vigie::dashboard
