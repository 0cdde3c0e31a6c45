// Dashboard tile -> aggregate request and drill-down (contract C1): automatic buckets by range,
// variables (All and values needing quotes), kind mapping, and the search a click opens.
#include "dashboard/drill_down.h"
#include "dashboard/tile_request.h"
#include "query/aggregate.h"
#include "query/query.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie::dashboard;
using namespace std::chrono;
using vigie::Timestamp;
using vigie::query::AggregateKind;

const Timestamp kNow = sys_days{year{2026} / 11 / 22} + hours(14);

DashboardSpec authDashboard()
{
    DashboardSpec spec;
    spec.name = "Auth";
    spec.time.relative = "-24h";
    VariableSpec host;
    host.name = "host";
    host.field = "host";
    host.default_value = "*";
    spec.variables.push_back(host);
    TileSpec failures;
    failures.id = "t1";
    failures.query = "category:authentication and outcome:failure and host:$host";
    failures.aggregation.kind = "baseline";
    failures.aggregation.detector = "anomaly.rate.failed_logins.host";
    failures.aggregation.entity = "host=$host";
    spec.tiles.push_back(failures);
    TileSpec users = failures;
    users.id = "t2";
    users.aggregation = {};
    users.aggregation.kind = "top";
    users.aggregation.field = "user_name";
    users.aggregation.limit = 10;
    spec.tiles.push_back(users);
    return spec;
}

TileContext contextWith(VariableValues variables = {})
{
    return TileContext{kNow, std::move(variables), "Europe/Paris"};
}

TEST(TileRequest, AutoBucketFollowsTheRangeAndStaysOnRollupsFromTwelveHours)
{
    const auto bucketFor = [](auto length) {
        return tileBucket("auto", vigie::query::TimeRange{kNow - length, kNow});
    };
    EXPECT_EQ(bucketFor(minutes(15)), minutes(1));
    EXPECT_EQ(bucketFor(hours(1)), minutes(1));
    EXPECT_EQ(bucketFor(hours(6)), minutes(10));
    EXPECT_EQ(bucketFor(hours(12)), hours(1));
    EXPECT_EQ(bucketFor(hours(24)), hours(1));
    EXPECT_EQ(bucketFor(days(7)), hours(1));
    EXPECT_EQ(bucketFor(days(30)), days(1));
    EXPECT_EQ(bucketFor(days(1000)), days(3)); // never more than ~400 buckets
    EXPECT_EQ(tileBucket("10m", {kNow - days(30), kNow}), minutes(10));
    EXPECT_THROW(tileBucket("fortnight", {kNow - days(1), kNow}), DashboardFormatError);
}

TEST(TileRequest, RelativeAndAbsoluteRangesBecomeAbsolute)
{
    TimeSpec relative;
    relative.relative = "-7d";
    const auto range = absoluteRange(relative, kNow);
    EXPECT_EQ(range.from, kNow - days(7));
    EXPECT_EQ(range.to, kNow);
    TimeSpec fixed;
    fixed.relative.clear();
    fixed.from = "2026-11-01T00:00:00Z";
    fixed.to = "2026-11-02T00:00:00Z";
    const auto absolute = absoluteRange(fixed, kNow);
    EXPECT_EQ(absolute.from, Timestamp(sys_days{year{2026} / 11 / 1}));
    EXPECT_EQ(absolute.to, Timestamp(sys_days{year{2026} / 11 / 2}));
}

TEST(TileRequest, AllVariableMatchesAnyValueAndAChosenValueIsQuoted)
{
    const DashboardSpec spec = authDashboard();
    const auto all = tileRequest(spec, spec.tiles[1], contextWith()); // default "*"
    EXPECT_EQ(all.query, "category:authentication and outcome:failure and host:*");
    EXPECT_EQ(all.kind, AggregateKind::Top);
    EXPECT_EQ(all.field, "user_name");
    EXPECT_EQ(all.limit, 10);
    EXPECT_EQ(all.range.from, kNow - hours(24));

    const auto quoted = tileRequest(spec, spec.tiles[1], contextWith({{"host", R"(we"b\01)"}}));
    EXPECT_EQ(quoted.query, R"(category:authentication and outcome:failure and host:"we\"b\\01")");
}

TEST(TileRequest, BaselineIsACountOverTimeWithTheEntityExpanded)
{
    const DashboardSpec spec = authDashboard();
    const auto request = tileRequest(spec, spec.tiles[0], contextWith({{"host", "web-01"}}));
    EXPECT_EQ(request.kind, AggregateKind::CountOverTime);
    EXPECT_EQ(request.bucket, hours(1));
    EXPECT_TRUE(request.split_by.empty());
    EXPECT_EQ(baselineEntity(spec, spec.tiles[0], contextWith({{"host", "web-01"}})), "host=web-01");
    EXPECT_EQ(baselineEntity(spec, spec.tiles[0], contextWith()), ""); // All: the whole-count series
}

TEST(TileRequest, KindsMapToThePlannersAndUnknownVariablesAreSyntaxErrors)
{
    DashboardSpec spec = authDashboard();
    TileSpec tile;
    tile.id = "n";
    tile.aggregation.kind = "total";
    tile.visualization.kind = "number";
    tile.visualization.trend = true;
    tile.visualization.sparkline = true;
    spec.tiles.push_back(tile);
    const auto total = tileRequest(spec, spec.tiles.back(), contextWith());
    EXPECT_EQ(total.kind, AggregateKind::Total);
    EXPECT_TRUE(total.previous_period);
    const auto spark = sparklineRequest(spec, spec.tiles.back(), contextWith());
    ASSERT_TRUE(spark.has_value());
    EXPECT_EQ(spark->kind, AggregateKind::CountOverTime);
    EXPECT_FALSE(sparklineRequest(spec, spec.tiles[1], contextWith()).has_value());

    tile.aggregation.kind = "heatmap";
    EXPECT_EQ(tileRequest(spec, tile, contextWith()).time_zone, "Europe/Paris");
    tile.source = "alerts";
    tile.aggregation.kind = "count_over_time";
    tile.aggregation.split_by = "level";
    const auto alerts = tileRequest(spec, tile, contextWith());
    EXPECT_EQ(alerts.source, vigie::query::AggregateSource::Alerts);
    EXPECT_EQ(alerts.split_by, "level");

    tile.aggregation = {};
    tile.aggregation.kind = "list";
    tile.aggregation.columns = {"last_ts", "entity"};
    tile.aggregation.limit = 20;
    const auto list = tileRequest(spec, tile, contextWith());
    EXPECT_EQ(list.kind, AggregateKind::List);
    EXPECT_EQ(list.columns, (std::vector<std::string>{"last_ts", "entity"}));
    EXPECT_EQ(list.limit, 20);

    tile.query = "host:$missing";
    EXPECT_THROW(tileRequest(spec, tile, contextWith()), vigie::query::SyntaxError);
}

TEST(TileRequest, VariableValuesAreTheFieldsTopFiftyAmongItsQuery)
{
    const DashboardSpec spec = authDashboard();
    VariableSpec host = spec.variables[0];
    host.values_query = "category:authentication";
    const auto request = variableValuesRequest(host, {kNow - hours(24), kNow});
    EXPECT_EQ(request.kind, AggregateKind::Top);
    EXPECT_EQ(request.field, "host");
    EXPECT_EQ(request.limit, 50);
    EXPECT_EQ(request.query, "category:authentication");
}

TEST(DrillDown, ValueNoneOtherAndBucket)
{
    const DashboardSpec spec = authDashboard();
    const TileSpec& users = spec.tiles[1];
    const auto context = contextWith({{"host", "bastion-01"}});

    DrillTarget value{"user_name", std::string("al\"ice"), false, std::nullopt, seconds(0)};
    const auto byValue = drillQuery(spec, users, context, value);
    EXPECT_EQ(
        byValue.query,
        R"((category:authentication and outcome:failure and host:"bastion-01") and user_name:"al\"ice")");
    EXPECT_EQ(byValue.range.from, kNow - hours(24));
    EXPECT_EQ(byValue.range.to, kNow);

    DrillTarget none{"user_name", std::nullopt, false, std::nullopt, seconds(0)};
    EXPECT_EQ(
        drillQuery(spec, users, context, none).query,
        R"((category:authentication and outcome:failure and host:"bastion-01") and not _exists_:user_name)");

    DrillTarget other{"user_name", std::nullopt, true, std::nullopt, seconds(0)};
    EXPECT_EQ(drillQuery(spec, users, context, other).query,
              R"(category:authentication and outcome:failure and host:"bastion-01")");

    const Timestamp start = kNow - hours(3);
    DrillTarget bucket{"", std::nullopt, false, start, hours(1)};
    const auto byBucket = drillQuery(spec, spec.tiles[0], context, bucket);
    EXPECT_EQ(byBucket.query, R"(category:authentication and outcome:failure and host:"bastion-01")");
    EXPECT_EQ(byBucket.range.from, start);
    EXPECT_EQ(byBucket.range.to, start + hours(1));

    TileSpec everything;
    everything.id = "e";
    DrillTarget severity{"severity", std::string("3"), false, std::nullopt, seconds(0)};
    EXPECT_EQ(drillQuery(spec, everything, context, severity).query, R"(severity:"3")");
}

} // namespace
