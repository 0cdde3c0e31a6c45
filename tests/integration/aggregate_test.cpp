// Dashboard aggregates on a real PostgreSQL: whatever table a tile's plan reads (hourly counts,
// minute counts, events, alerts), its numbers must equal a plain COUNT / GROUP BY over the
// events — while the hours are pending, once recounted, and after a late event reopens one.
#include "event/event_json.h"
#include "query/aggregate.h"
#include "query/query.h"
#include "query/time_text.h"
#include "store/aggregate_runner.h"
#include "store/event_writer.h"
#include "store/field_rollups.h"
#include "store/pg_connection.h"
#include "store/retention.h"
#include "support/event_series.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace vigie;
using namespace std::chrono_literals;
using query::AggregateKind;
using query::AggregateRequest;
using query::AggregateRoute;

// Ten hours of events three days ago, starting on an hour.
Timestamp start()
{
    static const Timestamp t =
        std::chrono::floor<std::chrono::days>(nowTimestamp()) - std::chrono::days(3) + 5h;
    return t;
}

Event eventAt(Timestamp ts, int i)
{
    static const char* const kCategories[] = {"authentication", "network", "process"};
    static const char* const kActions[] = {"ssh_login", "blocked", "sudo", "pam_auth", "flow"};
    Event e;
    e.ts = ts;
    e.received_at = nowTimestamp();
    e.host = "host-" + std::to_string(i % 4);
    e.app = i % 3 ? "sshd" : "sudo";
    e.category = kCategories[i % 3];
    e.action = kActions[i % 5];
    e.outcome = i % 4 == 0 ? "failure" : i % 4 == 1 ? "success" : "";
    e.user_name = i % 5 == 0   ? ""
                  : i % 5 == 1 ? "alice"
                  : i % 5 == 2 ? "albert"
                  : i % 7 == 0 ? "carol"
                               : "bob";
    e.source_ip = i % 2 ? "10.1." + std::to_string(i % 7) + ".9" : "192.168.0." + std::to_string(i % 250);
    e.dest_port = i % 3 == 0 ? 22 : i % 3 == 1 ? 3389 : 8443;
    e.severity = static_cast<int16_t>(i % 8);
    e.fields = {{"bytes", i % 6 == 0 ? "n/a" : std::to_string(i * 37 % 1000)}};
    e.format = "rfc5424";
    e.message = "event " + std::to_string(i);
    e.raw = e.message;
    return e;
}

std::vector<Event> history(int count, Timestamp from, std::chrono::seconds spacing, int first_index)
{
    return test::eventSeries(count, from, spacing, first_index, eventAt);
}

using Rows = std::vector<std::vector<std::optional<std::string>>>;

// `select` is "SELECT … FROM events WHERE ts >= $1 AND ts < $2 AND %F …" with %F the filter.
Rows plain(store::PgConnection& db, const std::string& select, const std::string& query, Timestamp from,
           Timestamp to)
{
    auto filter = query::compileFilter(query, query::Placeholders::Dollar, 3);
    filter.params.insert(filter.params.begin(), {formatTimestamp(from), formatTimestamp(to)});
    std::string sql = select;
    sql.replace(sql.find("%F"), 2, filter.sql);
    const auto result = db.exec(sql, filter.params);
    Rows rows;
    for (int r = 0; r < result.rows(); ++r) {
        rows.emplace_back();
        for (int c = 0; c < PQnfields(result.raw()); ++c)
            rows.back().push_back(result.isNull(r, c) ? std::nullopt
                                                      : std::optional(std::string(result.text(r, c))));
    }
    return rows;
}

const std::string kRange = " FROM events WHERE ts >= $1::timestamptz AND ts < $2::timestamptz AND %F";

struct Case {
    std::string name;
    AggregateRequest request;
    AggregateRoute route;
};

AggregateRequest make(AggregateKind kind, std::string query, Timestamp from, Timestamp to)
{
    AggregateRequest r;
    r.kind = kind;
    r.query = std::move(query);
    r.range = {from, to};
    r.time_zone = "Europe/Paris";
    return r;
}

std::vector<Case> cases()
{
    const auto midFrom = start() + 20min + 30s, midTo = start() + 9h + 35min; // cut minutes and hours
    const auto minFrom = start() + 50min, minTo = start() + 8h + 10min;       // whole minutes
    std::vector<Case> all;
    auto add = [&](std::string name, AggregateRequest r, AggregateRoute route) {
        all.push_back({std::move(name), std::move(r), route});
    };
    auto total = make(AggregateKind::Total, "", midFrom, midTo);
    total.previous_period = true;
    add("total with trend", total, AggregateRoute::Field1h);
    total.range = {start() + 50min, start() + 2h}; // the previous period holds no whole hour
    add("total with a short previous period", total, AggregateRoute::Field1h);
    add("total on context",
        make(AggregateKind::Total, "category:authentication and outcome:failure", minFrom, minTo),
        AggregateRoute::Minute);
    auto top = make(AggregateKind::Top, "user_name:al*", midFrom, midTo);
    top.field = "user_name";
    add("top of its own field", top, AggregateRoute::Field1h);
    top.query = "";
    top.order = query::SortOrder::Asc;
    add("rare values", top, AggregateRoute::Field1h);
    top.query = "outcome:failure";
    top.order = query::SortOrder::Desc;
    add("top of another field", top, AggregateRoute::DimHour);
    auto hosts = make(AggregateKind::Top, "category:authentication and outcome:failure", minFrom, minTo);
    hosts.field = "host";
    add("top host on context", hosts, AggregateRoute::Minute);
    auto distinct = make(AggregateKind::Distinct, "", midFrom, midTo);
    distinct.field = "user_name";
    add("distinct users", distinct, AggregateRoute::Field1h);
    distinct.field = "source_ip";
    add("distinct addresses", distinct, AggregateRoute::Events);
    auto split = make(AggregateKind::CountOverTime, "", midFrom, midTo);
    split.split_by = "action";
    split.split_limit = 50;
    add("hourly by action", split, AggregateRoute::Field1h);
    auto minutes = make(AggregateKind::CountOverTime, "category:authentication", minFrom, minTo);
    minutes.bucket = 600s;
    minutes.split_by = "outcome";
    add("10 minutes by outcome", minutes, AggregateRoute::Minute);
    auto text = make(AggregateKind::CountOverTime, "message:event", midFrom, midTo);
    add("hourly free text", text, AggregateRoute::Events);
    auto heat = make(AggregateKind::Heatmap, "", midFrom, midTo);
    add("heatmap", heat, AggregateRoute::Field1h);
    heat.query = "outcome:failure and host:host-0";
    heat.range = {minFrom, minTo};
    add("heatmap on context", heat, AggregateRoute::Minute);
    auto sum = make(AggregateKind::Sum, "category:network", midFrom, midTo);
    sum.field = "dest_port";
    add("sum", sum, AggregateRoute::Events);
    sum.kind = AggregateKind::Avg;
    sum.field = "fields.bytes";
    add("average of a json number", sum, AggregateRoute::Events);
    return all;
}

std::string text(std::int64_t n)
{
    return std::to_string(n);
}

// The result as the plain statement's rows, for one comparison per kind.
Rows asRows(const store::AggregateResult& result, AggregateKind kind)
{
    Rows rows;
    switch (kind) {
    case AggregateKind::CountOverTime:
        for (std::size_t b = 0; b < result.buckets.size(); ++b)
            for (const auto& s : result.series)
                if (s.counts[b] != 0)
                    rows.push_back({formatTimestamp(result.buckets[b]), s.value, text(s.counts[b])});
        std::sort(rows.begin(), rows.end());
        break;
    case AggregateKind::Top:
        for (const auto& row : result.rows)
            rows.push_back({row.value, text(row.count)});
        break;
    case AggregateKind::Distinct:
        rows.push_back({text(result.count)});
        break;
    case AggregateKind::Total:
        rows.push_back({text(result.count)});
        if (result.previous)
            rows.push_back({text(*result.previous)});
        break;
    case AggregateKind::Sum:
    case AggregateKind::Avg:
        rows.push_back({result.value ? std::optional(std::to_string(*result.value)) : std::nullopt});
        break;
    case AggregateKind::Heatmap:
        for (const auto& cell : result.cells)
            rows.push_back({text(cell.day_of_week), text(cell.hour), text(cell.count)});
        break;
    case AggregateKind::List:
        rows = result.list_rows;
        break;
    }
    return rows;
}

Rows expected(store::PgConnection& db, const AggregateRequest& r)
{
    const auto from = *r.range.from, to = *r.range.to;
    switch (r.kind) {
    case AggregateKind::CountOverTime: {
        const std::string bucket = "date_bin('" + text(r.bucket.count()) + " seconds', ts, 'epoch')";
        const std::string split = r.split_by.empty() ? "NULL::text" : r.split_by;
        auto rows = plain(db, "SELECT " + bucket + ", " + split + ", count(*)" + kRange + " GROUP BY 1, 2",
                          r.query, from, to);
        for (auto& row : rows) // the same text as the runner's decoded timestamps
            row[0] = formatTimestamp(query::parseIsoTimestamp(*row[0])->ts);
        std::sort(rows.begin(), rows.end());
        return rows;
    }
    case AggregateKind::Top:
        return plain(db,
                     "SELECT " + r.field + ", count(*)" + kRange +
                         (r.order == query::SortOrder::Asc
                              ? " AND " + r.field + " IS NOT NULL GROUP BY 1 ORDER BY 2 ASC, 1 LIMIT 10"
                              : " GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT 10"),
                     r.query, from, to);
    case AggregateKind::Distinct:
        return plain(db, "SELECT count(DISTINCT " + r.field + ")" + kRange, r.query, from, to);
    case AggregateKind::Total: {
        auto rows = plain(db, "SELECT count(*)" + kRange, r.query, from, to);
        if (r.previous_period)
            rows.push_back(plain(db, "SELECT count(*)" + kRange, r.query, from - (to - from), from).front());
        return rows;
    }
    case AggregateKind::Sum:
    case AggregateKind::Avg: {
        const std::string value =
            r.field.starts_with("fields.")
                ? "(CASE WHEN fields->>'bytes' ~ '^[0-9]+$' THEN (fields->>'bytes')::numeric END)"
                : r.field;
        auto rows = plain(db,
                          std::string(r.kind == AggregateKind::Sum ? "SELECT sum(" : "SELECT avg(") + value +
                              ")::text" + kRange,
                          r.query, from, to);
        if (rows[0][0])
            rows[0][0] = std::to_string(std::stod(*rows[0][0]));
        return rows;
    }
    case AggregateKind::Heatmap:
        return plain(
            db,
            "SELECT extract(isodow FROM ts AT TIME ZONE 'Europe/Paris')::int, extract(hour FROM ts AT "
            "TIME ZONE 'Europe/Paris')::int, count(*)" +
                kRange + " GROUP BY 1, 2 ORDER BY 1, 2",
            r.query, from, to);
    case AggregateKind::List:
        break; // compared by its own test
    }
    return {};
}

void expectExact(store::PgConnection& db, const std::string& phase)
{
    store::AggregateRunner runner(db);
    for (const auto& c : cases()) {
        const auto plan = query::buildAggregate(c.request);
        EXPECT_EQ(plan.route, c.route) << c.name;
        const auto result = runner.run(plan);
        EXPECT_EQ(result.route, c.route);
        const auto got = asRows(result, c.request.kind);
        EXPECT_FALSE(got.empty()) << phase << ": " << c.name;
        EXPECT_EQ(got, expected(db, c.request)) << phase << ": " << c.name;
    }
}

TEST(Aggregates, EveryKindEqualsAPlainCountBeforeAndAfterTheHourlyRecount)
{
    test::TestDatabase db("aggregates");
    store::EventWriter writer(db.conninfo());
    auto first = history(3000, start(), 12s, 0); // ten hours, 300 an hour
    ASSERT_TRUE(writer.write(first, "history-1"));
    store::PgConnection check(db.conninfo());
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_field_rollup_pending"), 10);
    expectExact(check, "all hours pending");

    EXPECT_EQ(store::compactPendingHours(check, {.quiet = std::chrono::seconds(0), .budget = {}}), 10);
    EXPECT_GT(test::scalar(check, "SELECT count(*) FROM event_field_counts_1h"), 0);
    expectExact(check, "all hours recounted");

    auto late = history(7, start() + 3h + 10min, 1s, 7000);
    ASSERT_TRUE(writer.write(late, "late-1"));
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_field_rollup_pending"), 1);
    expectExact(check, "one hour reopened");
}

TEST(Aggregates, SplitBeyondTheLimitSumsTheRestAsOther)
{
    test::TestDatabase db("aggregates_other");
    store::EventWriter writer(db.conninfo());
    auto events = history(1200, start(), 30s, 0);
    ASSERT_TRUE(writer.write(events, "history-1"));
    store::PgConnection check(db.conninfo());
    store::compactPendingHours(check, {.quiet = std::chrono::seconds(0), .budget = {}});
    // Two-hour buckets aligned on the epoch: five of them from an even hour.
    const auto from = start() + 1h, to = start() + 11h;
    auto r = make(AggregateKind::CountOverTime, "", from, to);
    r.bucket = 7200s;
    r.split_by = "user_name";
    r.split_limit = 2;
    const auto plan = query::buildAggregate(r);
    ASSERT_EQ(plan.route, AggregateRoute::Field1h);
    const auto result = store::AggregateRunner(check).run(plan);
    // The two largest users by name, then "other"; every bucket's sum is its plain count.
    const auto ranking = plain(
        check, "SELECT user_name, count(*)" + kRange + " GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT 2",
        "", from, to);
    ASSERT_EQ(result.series.size(), 3u);
    EXPECT_EQ(result.series[0].value, ranking[0][0]);
    EXPECT_EQ(result.series[1].value, ranking[1][0]);
    EXPECT_TRUE(result.series[2].other);
    ASSERT_EQ(result.buckets.size(), 5u);
    const auto perBucket = plain(check,
                                 "SELECT count(*)" + kRange +
                                     " GROUP BY date_bin('2 hours', ts, 'epoch') ORDER BY "
                                     "date_bin('2 hours', ts, 'epoch')",
                                 "", from, to);
    for (std::size_t b = 0; b < result.buckets.size(); ++b) {
        std::int64_t sum = 0;
        for (const auto& s : result.series)
            sum += s.counts[b];
        EXPECT_EQ(text(sum), perBucket[b][0]) << b;
    }
}

TEST(Aggregates, AlertTilesCountAlertsAndEventsTimeOut)
{
    test::TestDatabase db("aggregates_alerts");
    store::EventWriter writer(db.conninfo());
    writer.connect();
    store::PgConnection check(db.conninfo());
    const auto t = start();
    for (int i = 0; i < 12; ++i)
        check.exec(
            "INSERT INTO alerts (rule_id, rule_title, level, host, entity, window_start, first_ts, last_ts, "
            "count) VALUES ($1, $2, $3, $4, '', $5::timestamptz, $5::timestamptz, $5::timestamptz, 1)",
            {"rule-" + text(i % 3), "Rule " + text(i % 3), i % 2 ? "high" : "low", "host-" + text(i % 4),
             formatTimestamp(t + std::chrono::minutes(i))});
    auto r = make(AggregateKind::Top, "level:high", t, t + 1h);
    r.source = query::AggregateSource::Alerts;
    r.field = "rule_title";
    store::AggregateRunner runner(check);
    const auto result = runner.run(query::buildAggregate(r));
    EXPECT_EQ(result.route, AggregateRoute::Alerts);
    const auto rows = check.exec("SELECT rule_title, count(*) FROM alerts WHERE level = 'high' GROUP BY 1 "
                                 "ORDER BY 2 DESC, 1");
    ASSERT_EQ(result.rows.size(), static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i) {
        EXPECT_EQ(result.rows[static_cast<std::size_t>(i)].value, std::string(rows.text(i, 0)));
        EXPECT_EQ(result.rows[static_cast<std::size_t>(i)].count, rows.integer(i, 1));
    }

    // The events route runs under its timeout; the connection stays usable after.
    auto slow = make(AggregateKind::Total, "message:x", t, t + 1h);
    auto plan = query::buildAggregate(slow);
    plan.statement_timeout = 1ms;
    plan.sql = "SELECT count(*), NULL::bigint FROM pg_sleep(0.5)"; // the planned statement, made slow
    plan.params.clear();
    try {
        runner.run(plan);
        FAIL() << "expected a timeout";
    } catch (const store::SqlError& e) {
        EXPECT_EQ(e.sqlstate(), "57014");
    }
    EXPECT_EQ(runner.run(query::buildAggregate(slow)).count, 0);
    EXPECT_EQ(check.exec("SHOW statement_timeout").text(0, 0), "0"); // SET LOCAL ended with the statement
}

// Dimension rollups (migration 0010): tiles filtering on context dimensions and grouped by (or
// filtering on) one value field, over whole days. Events from 22:00 on day D-4 to 02:00 on day
// D-2, so the range holds one whole UTC day (D-3) and cuts hours and days at both ends.
Timestamp dimStart()
{
    return std::chrono::floor<std::chrono::days>(nowTimestamp()) - std::chrono::days(4) + 22h;
}

std::vector<Case> dimCases()
{
    const auto from = dimStart() + 30min + 10s, to = dimStart() + 27h + 45min + 5s;
    const std::string failures = "category:authentication and outcome:failure";
    std::vector<Case> all;
    auto add = [&](std::string name, AggregateRequest r, AggregateRoute route) {
        all.push_back({std::move(name), std::move(r), route});
    };
    auto top = make(AggregateKind::Top, failures, from, to);
    top.field = "host";
    add("failed logins by host", top, AggregateRoute::DimDay);
    top.field = "user_name";
    add("failed logins by user", top, AggregateRoute::DimDay);
    top.query = "category:network and action:blocked";
    top.field = "dest_port";
    add("blocked by port", top, AggregateRoute::DimDay);
    top.query = "outcome:failure and dest_port:[22 TO 3389]";
    top.order = query::SortOrder::Asc;
    add("rare ports among failures", top, AggregateRoute::DimDay);
    top.query = "host:host-2 and not action:sudo";
    top.field = "severity";
    top.order = query::SortOrder::Desc;
    add("severity of one host", top, AggregateRoute::DimDay);
    auto daily = make(AggregateKind::CountOverTime, failures, from, to);
    daily.bucket = 86400s;
    daily.split_by = "severity";
    daily.split_limit = 20;
    add("failures per day by severity", daily, AggregateRoute::DimDay);
    auto hourly = make(AggregateKind::CountOverTime, "host:host-1", from, to);
    hourly.split_by = "action";
    hourly.split_limit = 20;
    add("one host per hour by action", hourly, AggregateRoute::DimHour);
    auto total = make(AggregateKind::Total, "category:authentication and source_ip:10.1.0.0/16", from, to);
    total.previous_period = true;
    add("total on a network", total, AggregateRoute::DimDay);
    auto distinct = make(AggregateKind::Distinct, "outcome:failure", from, to);
    distinct.field = "user_name";
    add("distinct failing users", distinct, AggregateRoute::DimDay);
    auto heat = make(AggregateKind::Heatmap, failures, from, to);
    add("heatmap of failures", heat, AggregateRoute::DimHour);
    return all;
}

void expectDimExact(store::PgConnection& db, const std::string& phase)
{
    store::AggregateRunner runner(db);
    for (const auto& c : dimCases()) {
        const auto plan = query::buildAggregate(c.request);
        EXPECT_EQ(plan.route, c.route) << c.name;
        const auto got = asRows(runner.run(plan), c.request.kind);
        EXPECT_FALSE(got.empty()) << phase << ": " << c.name;
        EXPECT_EQ(got, expected(db, c.request)) << phase << ": " << c.name;
    }
}

TEST(Aggregates, DimensionRoutesEqualAPlainCountAcrossDaysRecountsAndLateEvents)
{
    test::TestDatabase db("aggregates_dims");
    store::EventWriter writer(db.conninfo());
    auto events = history(28 * 60, dimStart(), 60s, 0); // 28 hours
    ASSERT_TRUE(writer.write(events, "history-1"));
    store::PgConnection check(db.conninfo());
    expectDimExact(check, "all hours pending");

    const store::CompactionLimits now{.quiet = std::chrono::seconds(0), .budget = {}};
    EXPECT_EQ(store::compactPendingHours(check, now), 28);
    // Days D-4, D-3 and D-2 are over: their daily rows are built and read.
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_dim_days"), 3);
    EXPECT_GT(test::scalar(check, "SELECT count(*) FROM event_dim_counts_1d WHERE field = 'host'"), 0);
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_dim_day_pending"), 0);
    expectDimExact(check, "recounted, days built");

    // A late event in the middle of day D-3 reopens one hour: that day is read hour by hour.
    auto late = history(9, dimStart() + 14h + 5min, 1s, 90000);
    ASSERT_TRUE(writer.write(late, "late-1"));
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_field_rollup_pending"), 1);
    expectDimExact(check, "one hour of a built day reopened");

    EXPECT_EQ(store::compactPendingHours(check, now), 1);
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_dim_days"), 3);
    expectDimExact(check, "day rebuilt");

    // Days not built (still open, or not reached yet): every hour from the hourly rows.
    check.exec("DELETE FROM event_dim_days");
    expectDimExact(check, "no day built");

    // Retention drops the dimension counts with the days' events.
    const auto cutoff = std::chrono::floor<std::chrono::days>(nowTimestamp()) - std::chrono::days(2);
    store::applyRetention(check, 2, nowTimestamp(), false);
    for (const char* table : {"event_dim_counts_1h WHERE hour", "event_dim_counts_1d WHERE hour",
                              "event_dim_days WHERE day", "event_dim_day_pending WHERE day"})
        EXPECT_EQ(check
                      .exec(std::string("SELECT count(*) FROM ") + table + " < $1::timestamptz",
                            {formatTimestamp(cutoff)})
                      .integer(0, 0),
                  0)
            << table;
    EXPECT_GT(test::scalar(check, "SELECT count(*) FROM event_dim_counts_1h"), 0); // day D-2 stays
}

TEST(Aggregates, ListTilesShowTheNewestRowsAsText)
{
    test::TestDatabase db("aggregates_list");
    store::EventWriter writer(db.conninfo());
    auto events = history(50, start(), 60s, 0);
    ASSERT_TRUE(writer.write(events, "history-1"));
    store::PgConnection check(db.conninfo());
    store::AggregateRunner runner(check);
    auto r = make(AggregateKind::List, "outcome:failure", start(), start() + 1h);
    r.columns = {"ts", "host", "user_name", "source_ip", "dest_port"};
    r.limit = 3;
    const auto result = runner.run(query::buildAggregate(r));
    EXPECT_EQ(result.list_columns, r.columns);
    const auto rows = plain(check,
                            "SELECT ts, host, user_name, host(source_ip), dest_port::text" + kRange +
                                " ORDER BY ts DESC, id DESC LIMIT 3",
                            r.query, start(), start() + 1h);
    ASSERT_EQ(result.list_rows.size(), 3u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        // ISO 8601 UTC, as formatTimestamp writes it.
        EXPECT_EQ(result.list_rows[i][0], formatTimestamp(query::parseIsoTimestamp(*rows[i][0])->ts));
        EXPECT_EQ(std::vector(result.list_rows[i].begin() + 1, result.list_rows[i].end()),
                  std::vector(rows[i].begin() + 1, rows[i].end()));
    }
    // Failures of i % 4 == 0 have i % 5 == 0 every fifth time: no user, an SQL NULL.
    r.limit = 50;
    const auto all = runner.run(query::buildAggregate(r));
    EXPECT_TRUE(std::any_of(all.list_rows.begin(), all.list_rows.end(),
                            [](const auto& row) { return !row[2].has_value(); }));

    // Alerts, newest last_ts first.
    for (int i = 0; i < 4; ++i)
        check.exec(
            "INSERT INTO alerts (rule_id, rule_title, level, host, entity, window_start, first_ts, last_ts, "
            "count) VALUES ('r', 'Rule', 'high', NULL, $1, $2::timestamptz, $2::timestamptz, "
            "$2::timestamptz, "
            "$3)",
            {"user_name=u" + text(i), formatTimestamp(start() + std::chrono::minutes(i)), text(i + 1)});
    auto alerts = make(AggregateKind::List, "level:high", start(), start() + 1h);
    alerts.source = query::AggregateSource::Alerts;
    alerts.columns = {"last_ts", "entity", "count", "host", "explanation"};
    alerts.limit = 2;
    const auto plan = query::buildAggregate(alerts);
    EXPECT_EQ(plan.route, AggregateRoute::Alerts);
    const auto newest = runner.run(plan);
    ASSERT_EQ(newest.list_rows.size(), 2u);
    EXPECT_EQ(newest.list_rows[0][0], formatTimestamp(start() + 3min));
    EXPECT_EQ(newest.list_rows[0][1], "user_name=u3");
    EXPECT_EQ(newest.list_rows[0][2], "4");
    EXPECT_EQ(newest.list_rows[0][3], std::nullopt);
    EXPECT_EQ(newest.list_rows[0][4], std::nullopt); // a rule alert explains nothing (migration 0011)
    EXPECT_EQ(newest.list_rows[1][1], "user_name=u2");
}

} // namespace
