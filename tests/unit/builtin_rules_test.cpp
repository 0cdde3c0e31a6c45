// The built-in rules: they load and compile, and on the demo scenario raise exactly the three
// attack alerts (SSH brute force then success, sudo to root by alice, useradd) and nothing on
// routine traffic.
#include "correlation_pipeline.h"
#include "demo/demo_scenario.h"
#include "detect/builtin_rules.h"
#include "parse/record_parser.h"

#include <gtest/gtest.h>

#include <set>

namespace vigie::test {
namespace {

detect::LoadResult builtins()
{
    detect::LoadResult loaded;
    detect::loadBuiltinRules(loaded);
    return loaded;
}

TEST(BuiltinRules, AllLoadAndCompile)
{
    CorrelationPipeline pipeline(builtins());
    EXPECT_TRUE(pipeline.loaded().issues.empty()) << pipeline.loaded().issues.front().reason;
    EXPECT_EQ(pipeline.loaded().rules.size(), 4u);
    EXPECT_EQ(pipeline.loaded().correlations.size(), 2u);
    for (const auto& rule : pipeline.loaded().rules) {
        EXPECT_FALSE(rule.id.empty());
        EXPECT_FALSE(rule.level.empty());
        EXPECT_FALSE(rule.description.empty());
    }
}

// Generates `lines` demo lines one second apart, runs those from `first` on; returns every
// alert id raised.
std::multiset<std::string> runDemo(std::size_t lines, std::size_t first = 0)
{
    CorrelationPipeline pipeline(builtins());
    demo::DemoScenario scenario;
    Timestamp now = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours(8);
    for (std::size_t i = 0; i < lines; ++i, now += std::chrono::seconds(1)) {
        const std::string line = scenario.nextLine(now);
        if (i < first)
            continue;
        const Event event = parse::parseRecord(line, parse::Format::Auto, {now, {}});
        pipeline.run(event, i);
    }
    pipeline.engine().advance(Timestamp::max(), pipeline.alerts);
    std::multiset<std::string> ids(pipeline.base_alerts.begin(), pipeline.base_alerts.end());
    for (const auto& alert : pipeline.alerts) {
        ids.insert(alert.id);
        EXPECT_EQ(alert.group,
                  (std::vector<std::pair<std::string, std::string>>{{"source_ip", "203.0.113.45"}}));
    }
    return ids;
}

TEST(BuiltinRules, DemoAttackRaisesTheThreeAlerts)
{
    const std::multiset<std::string> expected{"9e5c1a77-3f4b-4d28-a6e0-1b8c2d4f5e04",
                                              "2a8d4e61-7c3f-4b09-9d15-e6f0a1b2c305",
                                              "7d3b5f92-1e6a-4c84-8b27-f9a0c3d4e606"};
    EXPECT_EQ(runDemo(120), expected); // the first attack runs from line 40 to 72
}

TEST(BuiltinRules, RoutineTrafficRaisesNothing)
{
    // Before the first attack (lines 40 to 72), then between it and the next (line 640).
    EXPECT_TRUE(runDemo(40).empty());
    EXPECT_TRUE(runDemo(630, 80).empty());
}

} // namespace
} // namespace vigie::test
