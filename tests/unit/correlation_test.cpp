// CorrelationEngine on synthetic matches: each type, window edges, group-by, lateness, LRU
// bound, silence after firing, chains and the generate flag.
#include "detect/correlation.h"
#include "detect/sigma_loader.h"

#include <gtest/gtest.h>

namespace vigie::detect {
namespace {

const Timestamp kT0 = Timestamp{} + std::chrono::hours(24 * 365 * 56);
using std::chrono::seconds;

LoadResult load(const std::string& correlation)
{
    LoadResult loaded;
    loadSigmaText(
        "title: a\nid: a\nlogsource: {product: linux}\ndetection: {s: {x: 1}, condition: s}\n---\n"
        "title: b\nid: b\nlogsource: {product: linux}\ndetection: {s: {x: 2}, condition: s}\n---\n" +
            correlation,
        "t.yml", loaded);
    resolveCorrelations(loaded);
    EXPECT_TRUE(loaded.issues.empty()) << loaded.issues.front().reason;
    return loaded;
}

struct Harness {
    explicit Harness(const std::string& yaml, CorrelationLimits limits = {})
        : loaded(load(yaml)), engine(loaded, limits)
    {
    }
    // Feeds rule `rule` with every field the engine asks for set to `host` (or missing).
    std::size_t feed(std::size_t rule, Timestamp ts, std::optional<std::string> host = "h1",
                     std::optional<std::string> user = std::nullopt)
    {
        BaseMatch match{rule, ts, {}, 0};
        for (const auto& field : engine.fieldsFor(rule))
            match.values.push_back(field == "user" ? user : host);
        const std::size_t before = alerts.size();
        engine.feed(match, alerts);
        return alerts.size() - before;
    }
    LoadResult loaded;
    CorrelationEngine engine;
    std::vector<CorrelationAlert> alerts;
};

const std::string kCount = "title: c\nid: c\ncorrelation: {type: event_count, rules: [a], group-by: [host], "
                           "timespan: 10s, condition: {gte: 3}}\n";

TEST(Correlation, EventCountInsideTheWindowIncludingExactlyAtT)
{
    Harness h(kCount);
    EXPECT_EQ(h.feed(0, kT0), 0u);
    EXPECT_EQ(h.feed(0, kT0 + seconds(5)), 0u);
    EXPECT_EQ(h.feed(0, kT0 + seconds(10)), 1u); // [T0, T0+10s] holds three
    EXPECT_EQ(h.alerts[0].value, 3);
    EXPECT_EQ(h.alerts[0].window_start, kT0);
    EXPECT_EQ(h.alerts[0].group.front(), (std::pair<std::string, std::string>{"host", "h1"}));
}

TEST(Correlation, EventCountOutsideTheWindowDoesNotFire)
{
    Harness h(kCount);
    h.feed(0, kT0);
    h.feed(0, kT0 + seconds(5));
    EXPECT_EQ(h.feed(0, kT0 + seconds(10) + std::chrono::microseconds(1)), 0u);
    EXPECT_EQ(h.feed(1, kT0 + seconds(6)), 0u); // another rule does not count
}

TEST(Correlation, GroupsAreSeparateAndAMissingFieldIsAnEmptyGroup)
{
    Harness h(kCount);
    h.feed(0, kT0, "h1");
    h.feed(0, kT0, "h2");
    h.feed(0, kT0, std::nullopt);
    h.feed(0, kT0 + seconds(1), std::nullopt);
    EXPECT_EQ(h.feed(0, kT0 + seconds(2), std::nullopt), 1u);
    EXPECT_EQ(h.alerts[0].group.front().second, "");
}

TEST(Correlation, OutOfOrderWithinLatenessAndSilenceAfterFiring)
{
    Harness h(kCount);
    h.feed(0, kT0 + seconds(8));
    h.feed(0, kT0 + seconds(9));
    EXPECT_EQ(h.feed(0, kT0 + seconds(1)), 1u); // late but inside [T0+1, T0+11]
    EXPECT_EQ(h.feed(0, kT0 + seconds(9)), 0u); // silenced until the fired window passed
    EXPECT_EQ(h.feed(0, kT0 + seconds(10)), 0u);
    h.feed(0, kT0 + seconds(12));
    h.feed(0, kT0 + seconds(13));
    EXPECT_EQ(h.feed(0, kT0 + seconds(14)), 1u);
}

TEST(Correlation, LtFiresAtWindowClose)
{
    Harness h(
        "title: c\nid: c\ncorrelation: {type: event_count, rules: [a], group-by: [host], timespan: 10s, "
        "condition: {lt: 3}}\n");
    h.feed(0, kT0);
    h.feed(0, kT0 + seconds(2));
    h.engine.advance(kT0 + seconds(5), h.alerts);
    EXPECT_TRUE(h.alerts.empty());
    h.engine.advance(kT0 + seconds(11), h.alerts);
    ASSERT_EQ(h.alerts.size(), 1u);
    EXPECT_EQ(h.alerts[0].value, 2);
}

TEST(Correlation, ValueCountCountsDistinctValues)
{
    Harness h(
        "title: c\nid: c\ncorrelation: {type: value_count, rules: [a], group-by: [host], timespan: 10s, "
        "condition: {gte: 3, field: user}}\n");
    h.feed(0, kT0, "h1", "u1");
    h.feed(0, kT0 + seconds(1), "h1", "u1");
    h.feed(0, kT0 + seconds(2), "h1", "u2");
    EXPECT_EQ(h.feed(0, kT0 + seconds(3), "h1", std::nullopt), 0u);
    EXPECT_EQ(h.feed(0, kT0 + seconds(4), "h1", "u3"), 1u);
    EXPECT_EQ(h.alerts[0].value, 3);
}

TEST(Correlation, TemporalAnyOrderAndOrderedRightOrderOnly)
{
    Harness any(
        "title: c\nid: c\ncorrelation: {type: temporal, rules: [a, b], group-by: [host], timespan: 10s}\n");
    any.feed(1, kT0);
    EXPECT_EQ(any.feed(0, kT0 + seconds(3)), 1u);
    Harness ordered("title: c\nid: c\ncorrelation: {type: temporal_ordered, rules: [a, b], group-by: [host], "
                    "timespan: 10s}\n");
    ordered.feed(1, kT0);
    EXPECT_EQ(ordered.feed(0, kT0 + seconds(3)), 0u);  // b before a
    EXPECT_EQ(ordered.feed(1, kT0 + seconds(20)), 0u); // too late after a
    ordered.feed(0, kT0 + seconds(21));
    EXPECT_EQ(ordered.feed(1, kT0 + seconds(22)), 1u);
}

TEST(Correlation, ChainedThroughAliasesAndGenerateHidesTheInnerOne)
{
    Harness h(
        "title: c\nid: c\ncorrelation: {type: event_count, rules: [a], group-by: [host], timespan: 10s, "
        "condition: {gte: 2}}\n---\n"
        "title: d\nid: d\ncorrelation: {type: temporal_ordered, rules: [c, b], group-by: [src], timespan: "
        "1m,\n"
        "  aliases: {src: {c: host, b: host}}}\n");
    EXPECT_FALSE(h.engine.baseRuleAlerts(0));
    h.feed(0, kT0);
    EXPECT_EQ(h.feed(0, kT0 + seconds(1)), 0u); // c fires, hidden: it only feeds d
    ASSERT_EQ(h.feed(1, kT0 + seconds(30)), 1u);
    EXPECT_EQ(h.alerts[0].id, "d");
    EXPECT_EQ(h.alerts[0].group.front(), (std::pair<std::string, std::string>{"src", "h1"}));
}

TEST(Correlation, GroupsAreBoundedByLru)
{
    CorrelationLimits limits;
    limits.max_groups = 32;
    Harness h(kCount, limits);
    for (int i = 0; i < 1000; ++i)
        h.feed(0, kT0, "host" + std::to_string(i));
    EXPECT_LE(h.engine.stats().groups, 32u);
    EXPECT_EQ(h.engine.stats().groups + h.engine.stats().evictions, 1000u);
}

} // namespace
} // namespace vigie::detect
