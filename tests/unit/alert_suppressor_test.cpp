// AlertSuppressor: one alert per (rule, entity) and window, later hits counted into it.
#include "detect/alert_suppressor.h"

#include <gtest/gtest.h>

#include <thread>

namespace vigie::detect {
namespace {

const Timestamp kT0 = Timestamp{} + std::chrono::hours(24 * 365 * 56);

TEST(AlertSuppressor, FirstHitIsNewLaterHitsCountInsideTheWindow)
{
    AlertSuppressor suppressor;
    const auto first = suppressor.offer("r1", "host=a", kT0);
    EXPECT_TRUE(first.is_new);
    const auto second = suppressor.offer("r1", "host=a", kT0 + std::chrono::minutes(5));
    EXPECT_FALSE(second.is_new);
    EXPECT_EQ(second.count, 2u);
    EXPECT_EQ(second.window_start, kT0);
    EXPECT_EQ(second.last_ts, kT0 + std::chrono::minutes(5));
    EXPECT_FALSE(suppressor.offer("r1", "host=a", kT0 + std::chrono::minutes(10)).is_new); // at the edge
    const auto after =
        suppressor.offer("r1", "host=a", kT0 + std::chrono::minutes(10) + std::chrono::microseconds(1));
    EXPECT_TRUE(after.is_new);
    EXPECT_EQ(after.count, 1u);
}

TEST(AlertSuppressor, RuleAndEntityAreSeparateKeys)
{
    AlertSuppressor suppressor;
    EXPECT_TRUE(suppressor.offer("r1", "host=a", kT0).is_new);
    EXPECT_TRUE(suppressor.offer("r2", "host=a", kT0).is_new);
    EXPECT_TRUE(suppressor.offer("r1", "host=b", kT0).is_new);
    Event event;
    event.host = "web-01";
    event.user_name = "alice";
    EXPECT_EQ(AlertSuppressor::entityOf(event), "host=web-01\x1fuser=alice");
    EXPECT_EQ(AlertSuppressor::entityOf({{"IpAddress", "1.2.3.4"}, {"Computer", "pc"}}),
              "IpAddress=1.2.3.4\x1f"
              "Computer=pc");
}

TEST(AlertSuppressor, PerRuleWindowOverridesTheDefault)
{
    SuppressionOptions options;
    options.per_rule["noisy"] = std::chrono::hours(1);
    AlertSuppressor suppressor(options);
    suppressor.offer("noisy", "e", kT0);
    suppressor.offer("other", "e", kT0);
    EXPECT_FALSE(suppressor.offer("noisy", "e", kT0 + std::chrono::minutes(30)).is_new);
    EXPECT_TRUE(suppressor.offer("other", "e", kT0 + std::chrono::minutes(30)).is_new);
}

TEST(AlertSuppressor, BoundedAndThreadSafe)
{
    SuppressionOptions options;
    options.max_entries = 160;
    AlertSuppressor suppressor(options);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1000; ++i)
                suppressor.offer("r", "e" + std::to_string(t * 1000 + i), kT0);
        });
    for (auto& thread : threads)
        thread.join();
    EXPECT_LE(suppressor.size(), 160u);
    EXPECT_EQ(suppressor.size() + suppressor.evictions(), 4000u);
}

} // namespace
} // namespace vigie::detect
