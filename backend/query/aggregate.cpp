// buildAggregate (aggregate.h). Each route contributes the same inner relation — rows
// (t, n[, g]): a time, a count of events and the group value — so every kind is one outer
// statement over it whatever the route: `sum(n)` counts events from rollup rows and event rows
// alike. A List is the exception: the newest rows themselves.
#include "query/aggregate.h"

#include "event/event_json.h"
#include "query/parser.h"
#include "query/rollup_routes.h"
#include "query/sql_compiler.h"

#include <algorithm>
#include <stdexcept>

namespace vigie::query {
namespace {

constexpr std::string_view kMinuteDimensions[] = {"host", "category", "action", "outcome", "severity"};
constexpr std::string_view kNumericColumns[] = {"pid", "severity", "facility", "source_port", "dest_port"};
// An empty query grouped by nothing still reads one field's hourly rows: every event is counted
// once per field (NULL value included); category has the fewest values per hour.
constexpr std::string_view kUngroupedHourlyField = "category";
// The minute rows answer ranges up to this long better than hourly dimension rows (a day is
// 1,440 minutes of few rows each); beyond, the dimension rollups do.
constexpr auto kMinuteRouteMaxRange = std::chrono::hours(48);
// List columns shown as ISO 8601 UTC text, and as an address without its /32.
constexpr std::string_view kTimeColumns[] = {"ts", "received_at", "first_ts", "last_ts"};
constexpr std::string_view kAddressColumns[] = {"source_ip", "dest_ip"};

bool contains(const auto& list, std::string_view name)
{
    return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

bool isHourlyField(std::string_view field)
{
    return contains(hourlyRollupFields(), field);
}

// The field the rows are grouped by, empty for none.
const std::string& groupField(const AggregateRequest& request)
{
    static const std::string none;
    switch (request.kind) {
    case AggregateKind::CountOverTime:
        return request.split_by;
    case AggregateKind::Top:
    case AggregateKind::Distinct:
        return request.field;
    default:
        return none;
    }
}

struct Choice {
    AggregateRoute route = AggregateRoute::Events;
    std::string hourly_field; // Field1h: the field whose hourly rows are read; Dim*: the row's field
};

Timestamp floorDay(Timestamp t)
{
    return std::chrono::floor<std::chrono::days>(t);
}

Timestamp ceilDay(Timestamp t)
{
    return std::chrono::ceil<std::chrono::days>(t);
}

// The value field of a query whose every condition is on a context dimension or on one value
// field (addresses only as CIDR blocks no narrower than the counted networks): "" for none,
// nullopt when the dimension rollups cannot answer it (free text, fields.*, two value fields).
std::optional<std::string> dimValueField(const Node* node)
{
    if (!node)
        return std::string();
    if (node->kind == Node::Kind::And || node->kind == Node::Kind::Or || node->kind == Node::Kind::Not) {
        std::string value;
        for (const auto& child : node->children) {
            const auto field = dimValueField(child.get());
            if (!field || (!field->empty() && !value.empty() && *field != value))
                return std::nullopt;
            if (!field->empty())
                value = *field;
        }
        return value;
    }
    // One condition: singleHourlyField knows the field and whether its networks answer it.
    const auto field = singleHourlyField(node);
    if (field && contains(dimContextFields(), *field))
        return std::string();
    if (field && contains(dimValueFields(), *field))
        return field;
    return std::nullopt;
}

// The dimension rows' field for this request (kDimContextRow when no value field), or nullopt.
std::optional<std::string> dimRowField(const AggregateRequest& request, const Node* tree)
{
    auto value = dimValueField(tree);
    if (!value)
        return std::nullopt;
    const std::string& group = groupField(request);
    if (!group.empty() && !contains(dimContextFields(), group)) {
        // Grouped by the value field; not by an address (the rows hold networks).
        if (!contains(dimValueFields(), group) || isHourlyRollupNetworkField(group) ||
            (!value->empty() && *value != group))
            return std::nullopt;
        value = group;
    }
    return value->empty() ? std::string(kDimContextRow) : *value;
}

Choice chooseRoute(const AggregateRequest& request, const Node* tree, Timestamp from, Timestamp to)
{
    if (request.source == AggregateSource::Alerts)
        return {AggregateRoute::Alerts, {}};
    if (request.kind == AggregateKind::Sum || request.kind == AggregateKind::Avg ||
        request.kind == AggregateKind::List)
        return {AggregateRoute::Events, {}};
    const std::string& group = groupField(request);
    const bool series = request.kind == AggregateKind::CountOverTime;
    // Hourly rows: buckets of whole hours, at least one whole hour in the range, one field for
    // the filter and the group. Addresses are counted per network there, so a group by address
    // would list networks where the events list addresses: not this route.
    const auto whole_from = ceilHour(from);
    if ((!series || request.bucket.count() % 3600 == 0) && whole_from < floorHour(to)) {
        std::optional<std::string> field = singleHourlyField(tree);
        if (!tree)
            field = group.empty() ? std::string(kUngroupedHourlyField) : group;
        if (field && isHourlyField(*field) && (group.empty() || group == *field) &&
            !isHourlyRollupNetworkField(group))
            return {AggregateRoute::Field1h, *field};
    }
    // Minute rows count exactly what lies between two whole minutes.
    const auto whole_minutes = [](Timestamp t) { return std::chrono::floor<std::chrono::minutes>(t) == t; };
    const bool minute = (!series || request.bucket.count() % 60 == 0) && whole_minutes(from) &&
                        whole_minutes(to) && minuteRollupsAnswer(tree) &&
                        (group.empty() || contains(kMinuteDimensions, group));
    if (minute && to - from <= kMinuteRouteMaxRange)
        return {AggregateRoute::Minute, {}};
    // Dimension rows: whole hours as above; whole UTC days from the daily rows when the buckets
    // are whole days (a heatmap needs the hour of day).
    if ((!series || request.bucket.count() % 3600 == 0) && whole_from < floorHour(to)) {
        if (auto field = dimRowField(request, tree)) {
            const bool days = request.kind != AggregateKind::Heatmap &&
                              (!series || request.bucket.count() % 86400 == 0) &&
                              ceilDay(from) < floorDay(to);
            return {days ? AggregateRoute::DimDay : AggregateRoute::DimHour, std::move(*field)};
        }
    }
    if (minute)
        return {AggregateRoute::Minute, {}};
    return {AggregateRoute::Events, {}};
}

void bound(SqlCompiler& compiler, std::string_view before, Timestamp t)
{
    compiler.sql(before);
    compiler.param(formatTimestamp(t));
    compiler.sql("::timestamptz");
}

// Appends rows (t, n[, g]) of [from, to) from the dimension rollups, as appendHourlyUnion does
// from the hourly field counts: each whole hour counted from exactly one source in one
// snapshot — the daily rows of a usable day (rebuilt, no pending hour), else the hourly rows
// unless the hour is pending, else (pending hours, partial edge hours) the events. `field` is
// kDimContextRow or a dimValueFields() name and `group` empty or a dimension name: fixed
// vocabulary, written as literals so the planner matches the partial indexes.
void appendDimUnion(SqlCompiler& compiler, const Node* tree, const std::string& field,
                    const std::string& group, bool days, Timestamp from, Timestamp to)
{
    const auto whole_from = ceilHour(from), whole_to = floorHour(to);
    const auto day_from = ceilDay(from), day_to = floorDay(to);
    const bool daily = days && day_from < day_to;
    const std::string g = group.empty() ? std::string() : ", r." + group;
    const std::string rows =
        "SELECT r.hour AS t, r.count AS n" + (group.empty() ? std::string() : g + " AS g");
    if (daily) {
        // The usable days, once: built and without a pending hour.
        bound(compiler,
              "WITH u AS MATERIALIZED (SELECT d.day FROM event_dim_days d WHERE d.day >= ", day_from);
        bound(compiler, " AND d.day < ", day_to);
        compiler.sql(" AND NOT EXISTS (SELECT 1 FROM event_field_rollup_pending p WHERE p.hour >= d.day AND "
                     "p.hour < d.day + interval '1 day')) " +
                     rows + " FROM u JOIN event_dim_counts_1d r ON r.hour = u.day WHERE r.field = '" + field +
                     "' AND ");
        compiler.compile(tree);
        // The other whole hours (few: the edge days, days not rebuilt yet), one index probe each.
        compiler.sql(" UNION ALL SELECT r.t, r.n" + std::string(group.empty() ? "" : ", r.g"));
        bound(compiler, " FROM generate_series(", whole_from);
        bound(compiler, ", ", whole_to);
        compiler.sql(" - interval '1 hour', interval '1 hour') h(hour) CROSS JOIN LATERAL (" + rows +
                     " FROM event_dim_counts_1h r WHERE r.field = '" + field + "' AND r.hour = h.hour AND ");
        compiler.compile(tree);
        compiler.sql(
            " OFFSET 0) r WHERE NOT EXISTS (SELECT 1 FROM u WHERE h.hour >= u.day AND h.hour < u.day + "
            "interval '1 day') AND NOT EXISTS (SELECT 1 FROM event_field_rollup_pending p WHERE p.hour "
            "= h.hour)");
    } else {
        compiler.sql(rows + " FROM event_dim_counts_1h r WHERE r.field = '" + field + "' AND ");
        compiler.compile(tree);
        bound(compiler, " AND r.hour >= ", whole_from);
        bound(compiler, " AND r.hour < ", whole_to);
        compiler.sql(" AND NOT EXISTS (SELECT 1 FROM event_field_rollup_pending p WHERE p.hour = r.hour)");
    }
    const std::string event_group = group.empty() ? std::string() : ", " + group;
    // The partial hours at both ends...
    compiler.sql(" UNION ALL SELECT ts, 1" + event_group + " FROM events WHERE ");
    compiler.compile(tree);
    bound(compiler, " AND ts >= ", from);
    bound(compiler, " AND ts < ", whole_from);
    compiler.sql(" UNION ALL SELECT ts, 1" + event_group + " FROM events WHERE ");
    compiler.compile(tree);
    bound(compiler, " AND ts >= ", whole_to);
    bound(compiler, " AND ts < ", to);
    // ...and each pending hour as its own range scan (OFFSET 0: see appendHourlyUnion). A usable
    // day has none.
    compiler.sql(" UNION ALL SELECT e.ts, 1" + std::string(group.empty() ? "" : ", e.g") +
                 " FROM event_field_rollup_pending p CROSS JOIN LATERAL (SELECT ts" +
                 (group.empty() ? std::string() : event_group + " AS g") + " FROM events WHERE ");
    compiler.compile(tree);
    compiler.sql(" AND ts >= p.hour AND ts < p.hour + interval '1 hour' OFFSET 0) e WHERE");
    bound(compiler, " p.hour >= ", whole_from);
    bound(compiler, " AND p.hour < ", whole_to);
}

// Appends the route's rows (t, n[, g]) for [from, to).
void appendRows(SqlCompiler& compiler, const Choice& choice, const Node* tree, const std::string& group,
                Timestamp from, Timestamp to)
{
    const auto whole_from = ceilHour(from);
    // A part of the request without a whole hour (a trend's previous period may be one) reads
    // its few events.
    if (choice.route == AggregateRoute::Field1h && whole_from < floorHour(to)) {
        appendHourlyUnion(compiler, tree, choice.hourly_field, group, from, whole_from, floorHour(to), to);
        return;
    }
    if ((choice.route == AggregateRoute::DimHour || choice.route == AggregateRoute::DimDay) &&
        whole_from < floorHour(to)) {
        appendDimUnion(compiler, tree, choice.hourly_field, group, choice.route == AggregateRoute::DimDay,
                       from, to);
        return;
    }
    std::string_view table = "events";
    std::string_view time = "ts";
    std::string_view count = "1";
    if (choice.route == AggregateRoute::Minute) {
        table = "event_counts_1m";
        time = "minute";
        count = "count";
    } else if (choice.route == AggregateRoute::Alerts) {
        table = "alerts";
        time = "last_ts";
    }
    compiler.sql("SELECT " + std::string(time) + " AS t, " + std::string(count) + " AS n");
    if (!group.empty()) {
        compiler.sql(", ");
        compiler.fieldValue(group); // validated name or a bound jsonb key
        compiler.sql(" AS g");
    }
    compiler.sql(" FROM " + std::string(table) + " WHERE ");
    compiler.compile(tree);
    bound(compiler, " AND " + std::string(time) + " >= ", from);
    bound(compiler, " AND " + std::string(time) + " < ", to);
}

// Sum and Avg read the events: the numeric value of a numeric column or of a jsonb key.
void appendNumericRows(SqlCompiler& compiler, const Node* tree, const std::string& field, Timestamp from,
                       Timestamp to)
{
    compiler.sql("SELECT ");
    if (field.starts_with("fields.") && field.size() > 7)
        compiler.numericField(field.substr(7));
    else if (contains(kNumericColumns, field))
        compiler.fieldValue(field);
    else
        throwSyntax(0, "a numeric field (pid, severity, facility, source_port, dest_port or fields.<key>)");
    compiler.sql(" AS v FROM events WHERE ");
    compiler.compile(tree);
    bound(compiler, " AND ts >= ", from);
    bound(compiler, " AND ts < ", to);
}

void countOverTime(SqlCompiler& compiler, const AggregateRequest& request, const Choice& choice,
                   const Node* tree, Timestamp from, Timestamp to)
{
    // Buckets aligned on the epoch, as the search histogram's.
    const auto bucketStart = [&](std::string_view column) {
        compiler.sql("date_bin(");
        compiler.param(std::to_string(request.bucket.count()) + " seconds");
        compiler.sql("::interval, " + std::string(column) + ", ");
        compiler.param("1970-01-01T00:00:00Z");
        compiler.sql("::timestamptz)");
    };
    if (request.split_by.empty()) {
        compiler.sql("SELECT ");
        bucketStart("r.t");
        compiler.sql(" AS bucket, NULL::text AS split, false AS other, sum(r.n)::bigint AS count FROM (");
        appendRows(compiler, choice, tree, {}, from, to);
        compiler.sql(") r GROUP BY 1 ORDER BY 1");
        return;
    }
    // Per (bucket, value) first — few rows — then the values ranked by their total: the first
    // split_limit keep their name, the others are summed as one "other" series.
    compiler.sql("WITH a AS (SELECT ");
    bucketStart("r.t");
    compiler.sql(" AS bucket, r.g, sum(r.n) AS c FROM (");
    appendRows(compiler, choice, tree, request.split_by, from, to);
    compiler.sql(") r GROUP BY 1, 2), k AS (SELECT g, row_number() OVER (ORDER BY sum(c) DESC, g NULLS LAST) "
                 "AS rank FROM a GROUP BY g) SELECT a.bucket, CASE WHEN k.rank <= ");
    compiler.param(std::to_string(request.split_limit));
    compiler.sql("::bigint THEN a.g END AS split, k.rank > ");
    compiler.param(std::to_string(request.split_limit));
    compiler.sql("::bigint AS other, sum(a.c)::bigint AS count FROM a JOIN k ON k.g IS NOT DISTINCT FROM a.g "
                 "GROUP BY 1, 2, 3 ORDER BY 1, 3, 2 NULLS LAST");
}

void top(SqlCompiler& compiler, const AggregateRequest& request, const Choice& choice, const Node* tree,
         Timestamp from, Timestamp to)
{
    const bool asc = request.order == SortOrder::Asc;
    compiler.sql("SELECT r.g AS value, sum(r.n)::bigint AS count FROM (");
    appendRows(compiler, choice, tree, request.field, from, to);
    compiler.sql(asc ? ") r WHERE r.g IS NOT NULL GROUP BY r.g ORDER BY 2 ASC, 1 LIMIT "
                     : ") r GROUP BY r.g ORDER BY 2 DESC, 1 NULLS LAST LIMIT ");
    compiler.param(std::to_string(request.limit));
    compiler.sql("::bigint");
}

// The newest rows: each column as text, timestamps as ISO 8601 UTC (the runner decodes no
// types). Column names are checked against listColumns(): fixed vocabulary, never user text.
void list(SqlCompiler& compiler, const AggregateRequest& request, const Node* tree, Timestamp from,
          Timestamp to)
{
    const bool alerts = request.source == AggregateSource::Alerts;
    const auto& known = listColumns(request.source);
    compiler.sql("SELECT ");
    for (std::size_t i = 0; i < request.columns.size(); ++i) {
        const auto& column = request.columns[i];
        if (!contains(known, column))
            throwSyntax(0, alerts ? "an alert column" : "an event column");
        compiler.sql(i == 0 ? "" : ", ");
        if (contains(kTimeColumns, column))
            compiler.sql("to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
        else if (contains(kAddressColumns, column))
            compiler.sql("host(" + column + ")");
        else
            compiler.sql(column + "::text");
    }
    const std::string time = alerts ? "last_ts" : "ts";
    compiler.sql(" FROM " + std::string(alerts ? "alerts" : "events") + " WHERE ");
    compiler.compile(tree);
    bound(compiler, " AND " + time + " >= ", from);
    bound(compiler, " AND " + time + " < ", to);
    compiler.sql(" ORDER BY " + time + " DESC, id DESC LIMIT ");
    compiler.param(std::to_string(request.limit));
    compiler.sql("::bigint");
}

std::vector<std::string> columnsOf(const AggregateRequest& request)
{
    const AggregateKind kind = request.kind;
    if (kind == AggregateKind::List)
        return request.columns;
    switch (kind) {
    case AggregateKind::CountOverTime:
        return {"bucket", "split", "other", "count"};
    case AggregateKind::Top:
        return {"value", "count"};
    case AggregateKind::Distinct:
        return {"count"};
    case AggregateKind::Total:
        return {"count", "previous"};
    case AggregateKind::Sum:
    case AggregateKind::Avg:
        return {"value"};
    case AggregateKind::Heatmap:
        return {"dow", "hour", "count"};
    case AggregateKind::List:
        break;
    }
    return {};
}

void validate(const AggregateRequest& request)
{
    if (!request.range.from)
        throw std::invalid_argument("an aggregate needs the start of its range");
    const bool needs_field = request.kind == AggregateKind::Top || request.kind == AggregateKind::Distinct ||
                             request.kind == AggregateKind::Sum || request.kind == AggregateKind::Avg;
    if (needs_field && request.field.empty())
        throw std::invalid_argument("this aggregate needs a field");
    if (request.kind == AggregateKind::CountOverTime && request.bucket.count() <= 0)
        throw std::invalid_argument("the bucket must be positive");
    if (request.kind == AggregateKind::Top && request.limit <= 0)
        throw std::invalid_argument("the number of values must be positive");
    if (request.kind == AggregateKind::CountOverTime && !request.split_by.empty() && request.split_limit <= 0)
        throw std::invalid_argument("the number of series must be positive");
    if (request.kind == AggregateKind::List) {
        if (request.columns.empty())
            throw std::invalid_argument("a list needs at least one column");
        if (request.limit <= 0 || request.limit > kMaxListRows)
            throw std::invalid_argument("a list shows between 1 and " + std::to_string(kMaxListRows) +
                                        " rows");
    }
}

} // namespace

std::string_view routeName(AggregateRoute route)
{
    switch (route) {
    case AggregateRoute::Field1h:
        return "field1h";
    case AggregateRoute::DimHour:
        return "dim1h";
    case AggregateRoute::DimDay:
        return "dim1d";
    case AggregateRoute::Minute:
        return "minute";
    case AggregateRoute::Alerts:
        return "alerts";
    case AggregateRoute::Events:
        return "events";
    }
    return "events";
}

const std::vector<std::string_view>& listColumns(AggregateSource source)
{
    // explanation: added to alerts by migration 0011 (anomaly findings).
    static const std::vector<std::string_view> alerts = {"last_ts", "first_ts", "rule_id",    "rule_title",
                                                         "level",   "host",     "entity",     "origin",
                                                         "status",  "count",    "explanation"};
    return source == AggregateSource::Alerts ? alerts : eventColumns();
}

const std::vector<std::string_view>& dimContextFields()
{
    static const std::vector<std::string_view> fields = {"category", "action", "outcome", "severity"};
    return fields;
}

const std::vector<std::string_view>& dimValueFields()
{
    static const std::vector<std::string_view> fields = {"host",      "app",       "user_name", "process",
                                                         "dest_port", "source_ip", "dest_ip"};
    return fields;
}

AggregatePlan buildAggregate(const AggregateRequest& request)
{
    validate(request);
    const auto tree = parseQuery(request.query);
    AggregatePlan plan;
    plan.kind = request.kind;
    plan.from = *request.range.from;
    plan.to = request.range.to.value_or(nowTimestamp());
    if (plan.to <= plan.from)
        throw std::invalid_argument("the range ends before it starts");
    if (request.kind == AggregateKind::CountOverTime) {
        plan.bucket = request.bucket;
        if ((plan.to - plan.from) / request.bucket > kMaxAggregateBuckets)
            throw std::invalid_argument("too many buckets for this range: choose a wider bucket");
    }
    const auto choice = chooseRoute(request, tree.get(), plan.from, plan.to);
    plan.route = choice.route;
    plan.columns = columnsOf(request);
    if (choice.route == AggregateRoute::Events)
        plan.statement_timeout = request.events_timeout;
    SqlCompiler compiler(Placeholders::Dollar, 1,
                         choice.route == AggregateRoute::Alerts ? Vocabulary::Alerts : Vocabulary::Events);
    const Node* filter = tree.get();
    switch (request.kind) {
    case AggregateKind::CountOverTime:
        countOverTime(compiler, request, choice, filter, plan.from, plan.to);
        break;
    case AggregateKind::Top:
        top(compiler, request, choice, filter, plan.from, plan.to);
        break;
    case AggregateKind::Distinct:
        compiler.sql("SELECT count(DISTINCT r.g)::bigint AS count FROM (");
        appendRows(compiler, choice, filter, request.field, plan.from, plan.to);
        compiler.sql(") r");
        break;
    case AggregateKind::Total:
        // Two subqueries rather than one FILTER: the boundary between the periods may cut an
        // hour, which each period's own rows then take from the events.
        compiler.sql("SELECT (SELECT coalesce(sum(r.n), 0) FROM (");
        appendRows(compiler, choice, filter, {}, plan.from, plan.to);
        compiler.sql(") r)::bigint AS count, ");
        if (request.previous_period) {
            compiler.sql("(SELECT coalesce(sum(r.n), 0) FROM (");
            appendRows(compiler, choice, filter, {}, plan.from - (plan.to - plan.from), plan.from);
            compiler.sql(") r)::bigint AS previous");
        } else {
            compiler.sql("NULL::bigint AS previous");
        }
        break;
    case AggregateKind::Sum:
    case AggregateKind::Avg:
        compiler.sql(request.kind == AggregateKind::Sum ? "SELECT sum(r.v)::text AS value FROM ("
                                                        : "SELECT avg(r.v)::text AS value FROM (");
        appendNumericRows(compiler, filter, request.field, plan.from, plan.to);
        compiler.sql(") r");
        break;
    case AggregateKind::Heatmap:
        // Hourly rows start on UTC hours: exact in zones whose offset is whole hours.
        compiler.sql("SELECT extract(isodow FROM r.t AT TIME ZONE ");
        compiler.param(request.time_zone);
        compiler.sql(")::integer AS dow, extract(hour FROM r.t AT TIME ZONE ");
        compiler.param(request.time_zone);
        compiler.sql(")::integer AS hour, sum(r.n)::bigint AS count FROM (");
        appendRows(compiler, choice, filter, {}, plan.from, plan.to);
        compiler.sql(") r GROUP BY 1, 2 ORDER BY 1, 2");
        break;
    case AggregateKind::List:
        list(compiler, request, filter, plan.from, plan.to);
        break;
    }
    auto statement = compiler.take();
    plan.sql = std::move(statement.sql);
    plan.params = std::move(statement.params);
    return plan;
}

} // namespace vigie::query
