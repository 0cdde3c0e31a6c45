// Dashboard format v1: shipped dashboards read and write back byte for byte, bad definitions
// are refused with the JSON path of the problem, newer formats are refused, overlaps pushed down.
#include "dashboard/dashboard_spec.h"
#include "embedded_dashboards.h"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace vigie::dashboard;

const std::string kMinimal = R"({"format": "vigie.dashboard", "version": 1, "name": "Mine", "tiles": [
  {"id": "a", "title": "Count", "x": 0, "y": 0, "w": 4, "h": 3,
   "aggregation": {"kind": "total"}, "visualization": {"kind": "number"}}]})";

// The message readDashboard gives for `json`, or "" when it accepts it.
std::string errorOf(const std::string& json)
{
    try {
        readDashboard(json);
    } catch (const DashboardFormatError& error) {
        return error.what();
    }
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(DashboardSpec, ShippedDashboardsAreCanonicalAndRoundTripByteForByte)
{
    const auto files = vigie::resources::shippedDashboards();
    ASSERT_EQ(files.size(), 4u);
    std::set<std::string> builtins;
    for (const auto& file : files) {
        SCOPED_TRACE(std::string(file.name));
        const auto spec = readDashboard(file.text);
        const auto written = writeDashboard(spec);
        // An untouched shipped dashboard exports exactly as shipped.
        EXPECT_EQ(written, file.text);
        EXPECT_EQ(writeDashboard(readDashboard(written)), written);
        EXPECT_EQ(readDashboard(written), spec);
        EXPECT_FALSE(spec.builtin.empty());
        EXPECT_FALSE(spec.uid.empty());
        EXPECT_GE(spec.tiles.size(), 6u);
        builtins.insert(spec.builtin);
    }
    EXPECT_EQ(builtins,
              (std::set<std::string>{"soc-overview", "auth-anomalies", "network-ids", "alerts-incidents"}));
}

TEST(DashboardSpec, DefaultsAreFilledAndWrittenOut)
{
    const auto spec = readDashboard(kMinimal);
    EXPECT_EQ(spec.time.relative, "-24h");
    EXPECT_EQ(spec.refresh_seconds, 60);
    ASSERT_EQ(spec.tiles.size(), 1u);
    EXPECT_EQ(spec.tiles[0].source, "events");
    EXPECT_TRUE(spec.tiles[0].drilldown);
    const auto written = writeDashboard(spec);
    EXPECT_NE(written.find("\"refresh_seconds\": 60"), std::string::npos);
    EXPECT_EQ(writeDashboard(readDashboard(written)), written);
}

TEST(DashboardSpec, ExtensionKeysAreKeptOtherUnknownKeysRefused)
{
    const auto spec =
        readDashboard(replaced(kMinimal, "\"name\": \"Mine\"", R"("name": "Mine", "x-tool": {"a": [1, 2]})"));
    ASSERT_EQ(spec.extensions.size(), 1u);
    EXPECT_EQ(spec.extensions[0].first, "x-tool");
    EXPECT_NE(writeDashboard(spec).find(R"("x-tool": {"a":[1,2]})"), std::string::npos);

    EXPECT_EQ(errorOf(replaced(kMinimal, "\"w\": 4", "\"w\": 4, \"colour\": \"red\"")),
              "tiles[0].colour: unknown key");
    EXPECT_EQ(errorOf(replaced(kMinimal, "{\"kind\": \"total\"}", R"({"kind": "total", "limit": 5})")),
              "tiles[0].aggregation.limit: unknown key for kind \"total\"");
}

TEST(DashboardSpec, ErrorsNameTheJsonPath)
{
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"total\"", "\"median\"")),
              "tiles[0].aggregation.kind: unknown value \"median\" (expected one of: count_over_time, top, "
              "distinct, sum, avg, total, baseline, heatmap, list)");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"w\": 4", "\"w\": 1")), "tiles[0].w: 1 is out of range (2 to 12)");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"x\": 0", "\"x\": 10")),
              "tiles[0].x: 10 is out of range (0 to 8)");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"h\": 3", "\"h\": 3.5")), "tiles[0].h: expected a whole number");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"y\": 0, ", "")), "tiles[0].y: missing");
    EXPECT_EQ(errorOf(replaced(kMinimal, "{\"kind\": \"total\"}", "{\"kind\": \"top\"}")),
              "tiles[0].aggregation.field: missing");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"x\": 0,", "\"source\": \"incidents\", \"x\": 0,")),
              "tiles[0].source: \"incidents\" is reserved for a later version of the format");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"name\": \"Mine\"", "\"name\": \"  \"")),
              "name: must hold 1 to 200 characters");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"name\": \"Mine\"",
                               R"("name": "Mine", "time": {"relative": "yesterday"})")),
              "time.relative: \"yesterday\" is not a relative range such as \"-15m\", \"-24h\" or \"-7d\"");
    EXPECT_EQ(errorOf(replaced(kMinimal, "\"vigie.dashboard\"", "\"grafana\"")),
              "format: expected \"vigie.dashboard\", found \"grafana\": this is not a Vigie dashboard");
    EXPECT_EQ(errorOf("{\"format\": ").rfind("not valid JSON", 0), 0u);
    const auto twoTiles = replaced(kMinimal, "]}", R"(, {"id": "a", "x": 4, "y": 0, "w": 4, "h": 3,
        "aggregation": {"kind": "total"}, "visualization": {"kind": "number"}}]})");
    EXPECT_EQ(errorOf(twoTiles), "tiles[1].id: a second tile with id \"a\"");
}

TEST(DashboardSpec, NewerFormatVersionIsRefusedWithASentence)
{
    const auto message = errorOf(replaced(kMinimal, "\"version\": 1", "\"version\": 2"));
    EXPECT_EQ(message,
              "version: this dashboard was made by a newer Vigie (format version 2; this Vigie reads "
              "up to version 1): update Vigie to open it");
    EXPECT_NE(errorOf(replaced(kMinimal, "\"version\": 1", "\"version\": 0")), "");
}

TEST(DashboardSpec, AbsoluteRangeRoundTrips)
{
    const auto json =
        replaced(kMinimal, "\"name\": \"Mine\"",
                 R"("name": "Mine", "time": {"from": "2026-11-01T00:00:00Z", "to": "2026-11-02T00:00:00Z"})");
    const auto spec = readDashboard(json);
    EXPECT_FALSE(spec.time.isRelative());
    EXPECT_NE(writeDashboard(spec).find(
                  R"("time": {"from": "2026-11-01T00:00:00Z", "to": "2026-11-02T00:00:00Z"})"),
              std::string::npos);
    EXPECT_EQ(errorOf(replaced(json, "2026-11-02", "2026-10-02")), "time.to: must be later than time.from");
}

TEST(DashboardSpec, OverlappingTilesArePushedDownOnLoad)
{
    // b overlaps a; c sits where b lands and is pushed below b in turn; d is clear of all.
    const auto json = replaced(kMinimal, "]}", R"(,
      {"id": "b", "x": 2, "y": 1, "w": 4, "h": 2, "aggregation": {"kind": "total"}, "visualization": {"kind": "number"}},
      {"id": "c", "x": 3, "y": 3, "w": 2, "h": 2, "aggregation": {"kind": "total"}, "visualization": {"kind": "number"}},
      {"id": "d", "x": 8, "y": 0, "w": 4, "h": 2, "aggregation": {"kind": "total"}, "visualization": {"kind": "number"}}]})");
    const auto spec = readDashboard(json);
    ASSERT_EQ(spec.tiles.size(), 4u);
    EXPECT_EQ(spec.tiles[0].y, 0);    // a: h 3
    EXPECT_EQ(spec.tiles[1].y, 3);    // b: below a
    EXPECT_EQ(spec.tiles[2].y, 5);    // c: below b
    EXPECT_EQ(spec.tiles[3].y, 0);    // d: untouched
    EXPECT_EQ(spec.tiles[1].id, "b"); // order kept
    auto tiles = spec.tiles;
    EXPECT_EQ(pushDownOverlaps(tiles), 0);
}

} // namespace
