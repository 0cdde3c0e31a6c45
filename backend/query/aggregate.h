#pragma once
// Dashboard aggregates (issue #6, design §2): a tile's request — query, range, what to compute —
// becomes one parameterised SQL statement read from the cheapest table that answers it
// exactly: the hourly per-field counts, the hourly or daily dimension counts, the per-minute
// counts, the alerts, or the events (under a statement timeout). Every value, the query's included, travels
// as a bind parameter. Pure functions, safe from any thread; store/aggregate_runner.h runs the plans.
#include "query/query.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::query {

enum class AggregateKind {
    CountOverTime, // events per bucket, optionally split by a field's top values
    Top,           // the most (or least) frequent values of a field
    Distinct,      // how many different values a field takes
    Sum,           // of a numeric field (a numeric column or fields.<key>)
    Avg,
    Total,   // one number, optionally with the previous period of equal length (trend)
    Heatmap, // counts per (ISO day of week, hour of day) in a time zone
    List,    // the newest rows of the range: chosen columns as text
};

enum class AggregateSource { Events, Alerts };
enum class SortOrder { Desc, Asc };

// Where the numbers come from; shown in the tile editor.
enum class AggregateRoute {
    Field1h, // event_field_counts_1h: a filter on one field, grouped by that field or not at all
    DimHour, // event_dim_counts_1h: context dimensions and at most one value field, hourly rows
    DimDay,  // the same with the daily rows (event_dim_counts_1d) of whole, rebuilt days
    Minute,  // event_counts_1m: filter and group on host/category/action/outcome/severity
    Alerts,  // the alerts table (time = last_ts)
    Events,  // anything else: the events, slow over long ranges
};
std::string_view routeName(AggregateRoute route); // "field1h", "dim1h", "dim1d", "minute", "alerts", "events"

struct AggregateRequest {
    std::string query; // the query language; dashboard variables expanded (variables.h)
    AggregateSource source = AggregateSource::Events;
    TimeRange range; // `from` required; `to` defaults to now
    AggregateKind kind = AggregateKind::Total;
    std::chrono::seconds bucket{3600}; // CountOverTime
    std::string split_by;              // CountOverTime: empty for one series
    int split_limit = 5;               // CountOverTime: top values kept, the rest summed as "other"
    std::string field;                 // Top, Distinct, Sum, Avg
    int limit = 10;                    // Top; List (at most kMaxListRows)
    std::vector<std::string> columns;  // List: events columns, or alert columns (listColumns)
    SortOrder order = SortOrder::Desc; // Top: Asc lists rare values (events without one excluded)
    bool previous_period = false;      // Total: also count the period of equal length before
    std::string time_zone = "UTC";     // Heatmap: IANA name, bound as a parameter
    // The events route runs under this statement timeout, so a tile over months of events fails
    // with "timed out — narrow the range" instead of holding a worker for minutes.
    std::chrono::milliseconds events_timeout{10000};
};

// The result columns by kind, in this order:
//   CountOverTime: bucket timestamptz, split text (NULL: no value or no split), other boolean, count bigint
//   Top: value text (NULL: events without one), count bigint
//   Distinct: count bigint     Total: count bigint, previous bigint (NULL without previous_period)
//   Sum, Avg: value text (numeric; NULL when no event has a number)
//   Heatmap: dow integer (1 Monday … 7 Sunday), hour integer (0–23), count bigint
//   List: the request's columns, all as text (timestamps ISO 8601 UTC), newest row first
struct AggregatePlan {
    AggregateRoute route = AggregateRoute::Events;
    AggregateKind kind = AggregateKind::Total;
    std::string sql; // $1, $2… placeholders
    std::vector<std::optional<std::string>> params;
    std::vector<std::string> columns;
    // The range made absolute and the bucket, for the runner to fill empty buckets.
    Timestamp from{};
    Timestamp to{};
    std::chrono::seconds bucket{0};
    // Set on the events route: the runner runs the statement in a transaction with this
    // statement_timeout.
    std::optional<std::chrono::milliseconds> statement_timeout;
};

// A CountOverTime over more buckets than this is refused (a chart cannot show them).
inline constexpr std::int64_t kMaxAggregateBuckets = 10000;
// A List longer than this is refused: a tile is not a search.
inline constexpr int kMaxListRows = 500;

// The columns a List may show, per source (events: the events table's columns).
const std::vector<std::string_view>& listColumns(AggregateSource source);

// The dimension rollups (migration 0010): every row counts an hour (or a day) of events by
// these context dimensions and at most one of the value fields, whose name is the row's `field`
// ("ctx" for none). Addresses are counted per network, as in the hourly field counts.
const std::vector<std::string_view>& dimContextFields();
const std::vector<std::string_view>& dimValueFields();
inline constexpr std::string_view kDimContextRow = "ctx";

// Throws SyntaxError for a query or field name that does not compile (positions are in the
// query, or 0 for the request's field), std::invalid_argument for an inconsistent request
// (no `from`, empty range, bucket not positive or too many buckets, missing field).
AggregatePlan buildAggregate(const AggregateRequest& request);

} // namespace vigie::query
