// buildAggregate (aggregate.h). Each route contributes the same inner relation — rows
// (t, n[, g]): a time, a count of events and the group value — so every kind is one outer
// statement over it whatever the route: `sum(n)` counts events from rollup rows and event rows
// alike.
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
    std::string hourly_field; // Field1h: the field whose hourly rows are read
};

Choice chooseRoute(const AggregateRequest& request, const Node* tree, Timestamp from, Timestamp to)
{
    if (request.source == AggregateSource::Alerts)
        return {AggregateRoute::Alerts, {}};
    if (request.kind == AggregateKind::Sum || request.kind == AggregateKind::Avg)
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
    if ((!series || request.bucket.count() % 60 == 0) && whole_minutes(from) && whole_minutes(to) &&
        minuteRollupsAnswer(tree) && (group.empty() || contains(kMinuteDimensions, group)))
        return {AggregateRoute::Minute, {}};
    return {AggregateRoute::Events, {}};
}

void bound(SqlCompiler& compiler, std::string_view before, Timestamp t)
{
    compiler.sql(before);
    compiler.param(formatTimestamp(t));
    compiler.sql("::timestamptz");
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

std::vector<std::string> columnsOf(AggregateKind kind)
{
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
}

} // namespace

std::string_view routeName(AggregateRoute route)
{
    switch (route) {
    case AggregateRoute::Field1h:
        return "field1h";
    case AggregateRoute::Minute:
        return "minute";
    case AggregateRoute::Alerts:
        return "alerts";
    case AggregateRoute::Events:
        return "events";
    }
    return "events";
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
    plan.columns = columnsOf(request.kind);
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
    }
    auto statement = compiler.take();
    plan.sql = std::move(statement.sql);
    plan.params = std::move(statement.params);
    return plan;
}

} // namespace vigie::query
