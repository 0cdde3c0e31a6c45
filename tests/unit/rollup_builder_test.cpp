// RollupBuilder: per-minute counts of a batch and the array parameters of their upsert.
#include "store/rollup_builder.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;
using store::RollupBuilder;

Event eventAt(int64_t seconds, std::string host, std::string action, std::optional<int16_t> severity)
{
    Event e;
    e.ts = Timestamp(std::chrono::seconds(seconds));
    e.host = std::move(host);
    e.category = "authentication";
    e.action = std::move(action);
    e.outcome = "failure";
    e.severity = severity;
    return e;
}

TEST(RollupBuilder, CountsPerMinuteAndDimensions)
{
    RollupBuilder rollups;
    rollups.add(eventAt(120, "a", "ssh_login", 4));
    rollups.add(eventAt(179, "a", "ssh_login", 4));            // same minute
    rollups.add(eventAt(180, "a", "ssh_login", 4));            // next minute
    rollups.add(eventAt(150, "b", "ssh_login", 4));            // other host
    rollups.add(eventAt(150, "a", "ssh_login", std::nullopt)); // no severity
    const auto& counts = rollups.counts();
    ASSERT_EQ(counts.size(), 4u);
    const RollupBuilder::Key first{120, "a", "authentication", "ssh_login", "failure", 4};
    EXPECT_EQ(counts.at(first), 2);
    EXPECT_EQ(counts.at({180, "a", "authentication", "ssh_login", "failure", 4}), 1);
    EXPECT_EQ(counts.at({120, "b", "authentication", "ssh_login", "failure", 4}), 1);
    EXPECT_EQ(counts.at({120, "a", "authentication", "ssh_login", "failure", std::nullopt}), 1);
    rollups.clear();
    EXPECT_TRUE(rollups.empty());
}

TEST(RollupBuilder, NegativeTimesFloorToTheirMinute)
{
    RollupBuilder rollups;
    rollups.add(eventAt(-1, "a", "x", 1));
    EXPECT_EQ(rollups.counts().begin()->first.minute, -60);
}

TEST(RollupBuilder, ParametersAreOneArrayPerColumnWithNullsForEmptyValues)
{
    RollupBuilder rollups;
    rollups.add(eventAt(60, "", "", std::nullopt));
    rollups.add(eventAt(60, "h", "login", 3));
    rollups.add(eventAt(60, "h", "login", 3));
    const auto params = rollups.upsertParameters();
    ASSERT_EQ(params.size(), 7u);
    EXPECT_EQ(params[0], "{\"60\",\"60\"}");
    EXPECT_EQ(params[1], "{NULL,\"h\"}");
    EXPECT_EQ(params[2], "{\"authentication\",\"authentication\"}");
    EXPECT_EQ(params[3], "{NULL,\"login\"}");
    EXPECT_EQ(params[5], "{NULL,\"3\"}");
    EXPECT_EQ(params[6], "{\"1\",\"2\"}");
}

TEST(RollupBuilder, ArrayLiteralQuotesEverythingThatCouldBeSyntax)
{
    EXPECT_EQ(RollupBuilder::arrayLiteral({}), "{}");
    EXPECT_EQ(RollupBuilder::arrayLiteral({std::string("NULL"), std::nullopt, std::string("a,\"b\"\\{c} ")}),
              "{\"NULL\",NULL,\"a,\\\"b\\\"\\\\{c} \"}");
}

} // namespace
