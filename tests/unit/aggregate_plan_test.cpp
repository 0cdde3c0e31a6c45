// Dashboard aggregate plans (query/aggregate.h) and variables (query/variables.h), without a
// database: which table a tile reads (a 30-day tile must stay on rollups), that hostile values
// and names never become SQL, and that a variable's value is always one literal value.
#include "query/aggregate.h"
#include "query/variables.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace vigie;
using namespace std::chrono_literals;
using query::AggregateKind;
using query::AggregateRequest;
using query::AggregateRoute;
using query::buildAggregate;

// A day that starts on an hour, far from now.
const Timestamp kStart = Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 3 / 2).time_since_epoch());

AggregateRequest request(AggregateKind kind, std::string query, Timestamp from = kStart,
                         Timestamp to = kStart + 30 * 24h)
{
    AggregateRequest r;
    r.kind = kind;
    r.query = std::move(query);
    r.range = {from, to};
    return r;
}

AggregateRequest top(std::string field, std::string query, Timestamp from = kStart,
                     Timestamp to = kStart + 24h)
{
    auto r = request(AggregateKind::Top, std::move(query), from, to);
    r.field = std::move(field);
    return r;
}

AggregateRequest series(std::chrono::seconds bucket, std::string split_by, std::string query,
                        Timestamp from = kStart, Timestamp to = kStart + 24h)
{
    auto r = request(AggregateKind::CountOverTime, std::move(query), from, to);
    r.bucket = bucket;
    r.split_by = std::move(split_by);
    return r;
}

AggregateRoute routeOf(const AggregateRequest& r)
{
    return buildAggregate(r).route;
}

bool hasParam(const query::AggregatePlan& plan, const std::string& value)
{
    return std::find(plan.params.begin(), plan.params.end(), std::optional(value)) != plan.params.end();
}

TEST(AggregatePlan, SingleFieldTilesReadTheHourlyCounts)
{
    EXPECT_EQ(routeOf(request(AggregateKind::Total, "")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(request(AggregateKind::Total, "user_name:alice")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(request(AggregateKind::Total, "source_ip:10.1.0.0/16")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(top("user_name", "user_name:al*")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(top("host", "")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(series(1h, "action", "")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(series(24h, "", "dest_port:22")), AggregateRoute::Field1h);
    auto heatmap = request(AggregateKind::Heatmap, "category:authentication");
    EXPECT_EQ(routeOf(heatmap), AggregateRoute::Field1h);
    auto distinct = request(AggregateKind::Distinct, "");
    distinct.field = "user_name";
    EXPECT_EQ(routeOf(distinct), AggregateRoute::Field1h);
    // Mid-hour edges still use the hourly counts for the whole hours between them.
    EXPECT_EQ(routeOf(request(AggregateKind::Total, "", kStart + 20min + 1s, kStart + 9h + 35min)),
              AggregateRoute::Field1h);
}

TEST(AggregatePlan, ContextFiltersOnWholeMinutesReadTheMinuteCounts)
{
    const std::string failures = "category:authentication and outcome:failure";
    EXPECT_EQ(routeOf(request(AggregateKind::Total, failures, kStart, kStart + 48h)), AggregateRoute::Minute);
    // Beyond two days, the dimension counts (hourly, daily) read far fewer rows.
    EXPECT_EQ(routeOf(request(AggregateKind::Total, failures)), AggregateRoute::DimDay);
    EXPECT_EQ(routeOf(top("host", failures)), AggregateRoute::Minute);
    EXPECT_EQ(routeOf(series(10min, "severity", failures)), AggregateRoute::Minute);
    // Sub-hour buckets cannot come from hourly rows.
    EXPECT_EQ(routeOf(series(10min, "", "outcome:failure")), AggregateRoute::Minute);
    // A range that cuts a minute is not what the minute rows count.
    EXPECT_EQ(routeOf(series(10min, "", "outcome:failure", kStart + 30s, kStart + 2h)),
              AggregateRoute::Events);
}

TEST(AggregatePlan, EverythingElseReadsTheEventsUnderATimeout)
{
    const auto events = [](const AggregateRequest& r) {
        const auto plan = buildAggregate(r);
        return plan.route == AggregateRoute::Events && plan.statement_timeout == 10000ms;
    };
    EXPECT_TRUE(events(top("host", "user_name:alice"))); // two value fields
    EXPECT_TRUE(events(top("user_name", "outcome:failure and host:web-01")));
    EXPECT_TRUE(events(top("source_ip", ""))); // rollups hold networks, not addresses
    EXPECT_TRUE(events(request(AggregateKind::Total, "failed password"))); // free text
    EXPECT_TRUE(events(request(AggregateKind::Total, "fields.alert.signature:ET*")));
    EXPECT_TRUE(events(request(AggregateKind::Total, "source_ip:10.1.3.9"))); // exact address
    EXPECT_TRUE(events(top("fields.alert.signature", "category:intrusion_detection")));
    auto sum = request(AggregateKind::Sum, "");
    sum.field = "dest_port";
    EXPECT_TRUE(events(sum));
    EXPECT_FALSE(buildAggregate(request(AggregateKind::Total, "")).statement_timeout);
}

TEST(AggregatePlan, AlertTilesReadTheAlertsWithTheirOwnFields)
{
    auto r = top("rule_title", "origin:live and level:high and status:new");
    r.source = query::AggregateSource::Alerts;
    const auto plan = buildAggregate(r);
    EXPECT_EQ(plan.route, AggregateRoute::Alerts);
    EXPECT_NE(plan.sql.find("FROM alerts"), std::string::npos);
    EXPECT_NE(plan.sql.find("last_ts"), std::string::npos);
    EXPECT_TRUE(hasParam(plan, "high"));
    // Event fields do not exist on alerts, and alert fields not on events.
    r.query = "user_name:alice";
    EXPECT_THROW(buildAggregate(r), query::SyntaxError);
    EXPECT_THROW(buildAggregate(top("host", "rule_id:x")), query::SyntaxError);
}

TEST(AggregatePlan, HostileValuesAndNamesNeverBecomeSql)
{
    const std::string evil = "x'); DROP TABLE events; --";
    auto r = top("fields." + evil, "user_name:\"" + evil + "\"");
    const auto plan = buildAggregate(r);
    EXPECT_EQ(plan.sql.find("DROP"), std::string::npos) << plan.sql;
    // The value and the jsonb key, both as parameters.
    EXPECT_GE(std::count(plan.params.begin(), plan.params.end(), std::optional(evil)), 2);
    auto heatmap = request(AggregateKind::Heatmap, "");
    heatmap.time_zone = "UTC'; DROP TABLE events; --";
    const auto heat = buildAggregate(heatmap);
    EXPECT_EQ(heat.sql.find("DROP"), std::string::npos);
    EXPECT_TRUE(hasParam(heat, heatmap.time_zone));
    // Group names that are not fields are refused, not spliced.
    EXPECT_THROW(buildAggregate(top("host; DROP TABLE events", "")), query::SyntaxError);
    EXPECT_THROW(buildAggregate(series(1h, "host) FROM pg_user --", "")), query::SyntaxError);
    auto sum = request(AggregateKind::Avg, "");
    sum.field = "message";
    EXPECT_THROW(buildAggregate(sum), query::SyntaxError);
    // Limits are parameters too.
    auto limited = top("host", "");
    limited.limit = 7;
    EXPECT_TRUE(hasParam(buildAggregate(limited), "7"));
}

TEST(AggregatePlan, InconsistentRequestsAreRefused)
{
    auto open = request(AggregateKind::Total, "");
    open.range.from.reset();
    EXPECT_THROW(buildAggregate(open), std::invalid_argument);
    EXPECT_THROW(buildAggregate(request(AggregateKind::Total, "", kStart, kStart)), std::invalid_argument);
    EXPECT_THROW(buildAggregate(series(1s, "", "", kStart, kStart + 24h)), std::invalid_argument);
    EXPECT_THROW(buildAggregate(top("", "")), std::invalid_argument);
    EXPECT_THROW(buildAggregate(request(AggregateKind::Total, "host:(")), query::SyntaxError);
}

TEST(DashboardVariables, WholeValuesAreReplacedByQuotedLiterals)
{
    const std::map<std::string, std::string, std::less<>> vars = {
        {"host", "web \"01\" \\ or host:*"}, {"user", "*"}, {"port", "22"}};
    EXPECT_EQ(query::expandVariables("host:$host and user_name:$user", vars),
              "host:\"web \\\"01\\\" \\\\ or host:*\" and user_name:*");
    EXPECT_EQ(query::expandVariables("dest_port:[$port TO 1024] or (host=$host)", vars),
              "dest_port:[\"22\" TO 1024] or (host=\"web \\\"01\\\" \\\\ or host:*\")");
    // Not whole values: left as typed.
    EXPECT_EQ(query::expandVariables("message:\"$host\" host:\\$host host:a$host host:$host*", vars),
              "message:\"$host\" host:\\$host host:a$host host:$host*");
    EXPECT_EQ(query::expandVariables("price $", vars), "price $");
    // An undefined variable is an error at its `$`.
    try {
        query::expandVariables("host:$host and user_name:$nobody", vars);
        FAIL();
    } catch (const query::SyntaxError& e) {
        EXPECT_EQ(e.position(), 25u);
    }
}

TEST(DashboardVariables, AValueIsOneLiteralBoundAsAParameter)
{
    const std::map<std::string, std::string, std::less<>> vars = {{"host", "web-01\" or host:* or \"x"}};
    auto r = top("user_name", query::expandVariables("outcome:failure and host:$host", vars));
    const auto plan = buildAggregate(r);
    EXPECT_TRUE(hasParam(plan, "web-01\" or host:* or \"x")); // the whole value, one parameter
    EXPECT_EQ(plan.sql.find(" OR "), std::string::npos);      // no injected alternative
    // The any-value `*` means "present".
    const auto any = buildAggregate(
        top("user_name", query::expandVariables("host:$host", {{"host", std::string(query::kAnyValue)}})));
    EXPECT_NE(any.sql.find("host IS NOT NULL"), std::string::npos);
}

TEST(AggregatePlan, ContextAndOneValueFieldReadTheDimensionCounts)
{
    const std::string failures = "category:authentication and outcome:failure";
    const auto days30 = [](AggregateRequest r) {
        r.range = {kStart, kStart + 30 * 24h};
        return routeOf(r);
    };
    // Grouped by the value field, or by a context dimension with a value filter; whole days
    // from the daily rows.
    EXPECT_EQ(days30(top("host", failures)), AggregateRoute::DimDay);
    EXPECT_EQ(days30(top("user_name", failures)), AggregateRoute::DimDay);
    EXPECT_EQ(days30(top("dest_port", "category:network and action:blocked")), AggregateRoute::DimDay);
    EXPECT_EQ(days30(top("severity", "host:web-01 and not action:sudo")), AggregateRoute::DimDay);
    EXPECT_EQ(days30(series(24h, "action", "category:authentication and user_name:alice")),
              AggregateRoute::DimDay);
    EXPECT_EQ(days30(request(AggregateKind::Total, "category:network and source_ip:10.1.0.0/16")),
              AggregateRoute::DimDay);
    auto distinct = request(AggregateKind::Distinct, "outcome:failure");
    distinct.field = "user_name";
    EXPECT_EQ(routeOf(distinct), AggregateRoute::DimDay);
    // Hour buckets, a heatmap (hour of day) or no whole day: the hourly rows.
    EXPECT_EQ(days30(series(1h, "outcome", "host:web-01")), AggregateRoute::DimHour);
    EXPECT_EQ(routeOf(request(AggregateKind::Heatmap, failures)), AggregateRoute::DimHour);
    EXPECT_EQ(routeOf(top("user_name", failures, kStart + 2h, kStart + 20h)), AggregateRoute::DimHour);
    EXPECT_EQ(routeOf(top("user_name", failures, kStart + 20min, kStart + 50h)), AggregateRoute::DimDay)
        << "cut edges still read the whole days between them";
    // The existing routes where they do better: one field alone (hourly field counts), short
    // ranges on the minute dimensions.
    EXPECT_EQ(days30(top("host", "")), AggregateRoute::Field1h);
    EXPECT_EQ(days30(series(24h, "severity", "")), AggregateRoute::Field1h);
    EXPECT_EQ(routeOf(top("host", failures, kStart, kStart + 24h)), AggregateRoute::Minute);
    // Not answerable from them: addresses as groups or exact values, two value fields, free
    // text, sub-hour buckets.
    EXPECT_EQ(days30(top("source_ip", failures)), AggregateRoute::Events);
    EXPECT_EQ(days30(request(AggregateKind::Total, "category:network and source_ip:10.1.3.9")),
              AggregateRoute::Events);
    EXPECT_EQ(days30(top("host", "category:network and dest_port:22")), AggregateRoute::Events);
    EXPECT_EQ(days30(request(AggregateKind::Total, "category:authentication and failed")),
              AggregateRoute::Events);
    EXPECT_EQ(days30(series(30min, "", "user_name:alice and outcome:failure")), AggregateRoute::Events);
    EXPECT_EQ(query::routeName(AggregateRoute::DimHour), "dim1h");
    EXPECT_EQ(query::routeName(AggregateRoute::DimDay), "dim1d");
}

TEST(AggregatePlan, DimensionPlansReadUsableDaysHoursAndTheEventsAroundThem)
{
    auto r =
        top("host", "category:authentication and outcome:failure", kStart + 20min, kStart + 30 * 24h + 5h);
    const auto plan = buildAggregate(r);
    ASSERT_EQ(plan.route, AggregateRoute::DimDay);
    for (const char* part : {"event_dim_counts_1d", "event_dim_days", "event_dim_counts_1h",
                             "event_field_rollup_pending", "FROM events", "field = 'host'"})
        EXPECT_NE(plan.sql.find(part), std::string::npos) << part << "\n" << plan.sql;
    EXPECT_TRUE(hasParam(plan, "authentication"));
    EXPECT_FALSE(plan.statement_timeout);
    // A context-only query reads the context rows.
    const auto context = buildAggregate(series(1h, "severity", "outcome:failure", kStart, kStart + 10 * 24h));
    EXPECT_EQ(context.route, AggregateRoute::DimHour);
    EXPECT_NE(context.sql.find("field = 'ctx'"), std::string::npos);
    EXPECT_EQ(context.sql.find("event_dim_counts_1d"), std::string::npos);
}

TEST(AggregatePlan, ListsShowKnownColumnsOfTheNewestRows)
{
    auto r = request(AggregateKind::List, "outcome:failure", kStart, kStart + 24h);
    r.columns = {"ts", "host", "user_name", "source_ip"};
    r.limit = 20;
    auto plan = buildAggregate(r);
    EXPECT_EQ(plan.route, AggregateRoute::Events);
    EXPECT_EQ(plan.columns, r.columns);
    EXPECT_NE(plan.sql.find("ORDER BY ts DESC, id DESC"), std::string::npos);
    EXPECT_TRUE(hasParam(plan, "20"));
    r.source = query::AggregateSource::Alerts;
    r.query = "origin:live";
    r.columns = {"last_ts", "rule_title", "entity", "explanation"};
    plan = buildAggregate(r);
    EXPECT_EQ(plan.route, AggregateRoute::Alerts);
    EXPECT_NE(plan.sql.find("ORDER BY last_ts DESC"), std::string::npos);
    // Unknown or hostile columns, no column, too many rows: refused.
    r.columns = {"last_ts", "ts"};
    EXPECT_THROW(buildAggregate(r), query::SyntaxError);
    r.columns = {"entity); DROP TABLE alerts; --"};
    EXPECT_THROW(buildAggregate(r), query::SyntaxError);
    r.columns = {};
    EXPECT_THROW(buildAggregate(r), std::invalid_argument);
    r.columns = {"entity"};
    r.limit = query::kMaxListRows + 1;
    EXPECT_THROW(buildAggregate(r), std::invalid_argument);
    r.limit = 0;
    EXPECT_THROW(buildAggregate(r), std::invalid_argument);
}

} // namespace
