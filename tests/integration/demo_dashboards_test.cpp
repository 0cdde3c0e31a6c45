// The shipped dashboards (resources/dashboards) over a demo database: the seeded history
// (demo/demo_history.h) and a few minutes of the live scenario. Every tile over events must
// show data — a field or value the demo does not have would leave it empty — and every tile,
// alerts ones included, must plan and run. Prints each tile's route and what it found.
#include "dashboard/tile_request.h"
#include "demo/demo_history.h"
#include "demo/demo_scenario.h"
#include "parse/record_parser.h"
#include "store/aggregate_runner.h"
#include "store/dashboard_store.h"
#include "store/event_writer.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace {

using namespace vigie;

// How much a result shows: buckets with events, rows, cells, a count.
std::int64_t shown(const query::AggregateRequest& request, const store::AggregateResult& result)
{
    switch (request.kind) {
    case query::AggregateKind::CountOverTime: {
        std::int64_t total = 0;
        for (const auto& series : result.series)
            for (const auto count : series.counts)
                total += count;
        return total;
    }
    case query::AggregateKind::Top:
        return static_cast<std::int64_t>(result.rows.size());
    case query::AggregateKind::Heatmap:
        return static_cast<std::int64_t>(result.cells.size());
    case query::AggregateKind::List:
        return static_cast<std::int64_t>(result.list_rows.size());
    case query::AggregateKind::Sum:
    case query::AggregateKind::Avg:
        return result.value ? 1 : 0;
    default:
        return result.count;
    }
}

TEST(DemoDashboards, EveryShippedTileOverEventsShowsData)
{
    test::TestDatabase database("demo_dashboards");
    const Timestamp now = nowTimestamp();
    ASSERT_TRUE(demo::seedDemoHistory(database.conninfo(), now - std::chrono::minutes(5)).seeded);
    // Five minutes of the live scenario (the attack included), stored without detection.
    {
        demo::DemoScenario scenario;
        std::vector<Event> live;
        for (int i = 0; i < 3000; ++i) {
            const Timestamp ts = now - std::chrono::minutes(5) + std::chrono::milliseconds(100 * i);
            Event event = parse::parseRecord(scenario.nextLine(ts), parse::Format::Auto, {ts, "127.0.0.1"});
            event.ts = ts;
            live.push_back(std::move(event));
        }
        store::EventWriter writer(database.conninfo());
        writer.write(live, "demo-dashboards-live");
    }

    store::PgConnection db(database.conninfo());
    store::DashboardStore dashboards(db);
    ASSERT_EQ(dashboards.seedBuiltins(), 4);
    store::AggregateRunner runner(db);
    int tiles = 0;
    for (const auto& summary : dashboards.list()) {
        const auto stored = dashboards.find(summary.id);
        ASSERT_TRUE(stored.has_value());
        const dashboard::DashboardSpec& spec = stored->spec;
        dashboard::TileContext context{now, dashboard::variableValues(spec), "UTC"};
        for (const auto& tile : spec.tiles) {
            SCOPED_TRACE(spec.name + " / " + tile.title);
            const auto request = dashboard::tileRequest(spec, tile, context);
            const auto plan = query::buildAggregate(request);
            const auto result = runner.run(plan);
            const auto found = shown(request, result);
            std::printf("%-26s %-42s %-7s %6lld  %s\n", spec.name.c_str(), tile.title.c_str(),
                        std::string(query::routeName(plan.route)).c_str(), static_cast<long long>(found),
                        request.query.c_str());
            if (request.source == query::AggregateSource::Events) {
                EXPECT_GT(found, 0) << "query " << request.query;
                // A field no demo event has gives one row: "(none)".
                if (request.kind == query::AggregateKind::Top) {
                    EXPECT_TRUE(std::any_of(result.rows.begin(), result.rows.end(),
                                            [](const auto& row) { return row.value.has_value(); }))
                        << "field " << request.field;
                }
            }
            if (tile.title == "Top signatures") {
                std::vector<std::string> signatures;
                for (const auto& row : result.rows)
                    signatures.push_back(row.value.value_or("(none)"));
                EXPECT_NE(std::find(signatures.begin(), signatures.end(), "ET SCAN Potential SSH Scan"),
                          signatures.end());
                EXPECT_GE(signatures.size(), 3u);
            }
            ++tiles;
        }
    }
    EXPECT_GE(tiles, 30);
}

} // namespace
