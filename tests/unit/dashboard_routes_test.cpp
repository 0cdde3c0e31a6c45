// The dashboard tiles' plans (dashboard/tile_request.h + query/aggregate.h): the SOC overview is
// the dashboard of the 300 ms budget (docs/PERFORMANCE.md), so over 30 days every one of its
// tiles — and the sparkline under its number — must read rollups, never scan the events.
#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"
#include "embedded_dashboards.h"
#include "query/aggregate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace {

using namespace vigie;
using namespace std::chrono_literals;

dashboard::DashboardSpec shipped(std::string_view file)
{
    const auto files = resources::shippedDashboards();
    const auto found =
        std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.name == file; });
    if (found == files.end())
        throw std::runtime_error("no shipped dashboard " + std::string(file));
    return dashboard::readDashboard(found->text);
}

TEST(DashboardRoutes, EverySocOverviewTileOver30DaysReadsRollups)
{
    auto soc = shipped("soc_overview.json");
    soc.time = {.relative = "-30d", .from = {}, .to = {}};
    ASSERT_EQ(soc.tiles.size(), 8u);
    // Not on an hour: the range then cuts an hour (and a day) at both ends.
    const dashboard::TileContext context{
        .now = Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 3 / 15).time_since_epoch()) + 10h +
               17min + 23s,
        .variables = dashboard::variableValues(soc),
        .time_zone = "Europe/Paris"};
    for (const auto& tile : soc.tiles) {
        auto requests = std::vector{dashboard::tileRequest(soc, tile, context)};
        if (auto sparkline = dashboard::sparklineRequest(soc, tile, context))
            requests.push_back(*sparkline);
        for (const auto& request : requests) {
            const auto plan = query::buildAggregate(request);
            EXPECT_NE(plan.route, query::AggregateRoute::Events) << tile.id << " " << tile.title;
            EXPECT_FALSE(plan.statement_timeout) << tile.id;
        }
    }
}

} // namespace
