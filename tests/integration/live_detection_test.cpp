// Detection on the live stream: the demo attack submitted to the real ingest engine, with the
// built-in rules, leaves exactly its three alerts in the alerts table (one row each, however
// many lines fed them), committed with the events; routine traffic leaves none.
#include "demo/demo_scenario.h"
#include "detect/live_detection.h"
#include "ingest/engine.h"
#include "store/alert_store.h"
#include "store/pg_connection.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace vigie;

// Demo lines [first, last), one second apart, ending a minute ago; returns the titles of the
// open alerts afterwards.
std::multiset<std::string> runDemo(std::size_t first, std::size_t last, std::uint64_t* alert_hits = nullptr)
{
    test::TestDatabase db("live_detection");
    ingest::EngineConfig config;
    config.conninfo = db.conninfo();
    config.parse_workers = 2;
    config.detection = detect::LiveDetection::withRules({});
    EXPECT_EQ(config.detection->report().unsupportedCount(), 0u);
    {
        ingest::Engine engine(config);
        engine.start();
        demo::DemoScenario scenario;
        Timestamp ts = nowTimestamp() - std::chrono::seconds(60 + last);
        for (std::size_t i = 0; i < last; ++i, ts += std::chrono::seconds(1)) {
            const std::string line = scenario.nextLine(ts);
            if (i >= first)
                engine.submit(line, parse::Format::Auto);
        }
        engine.stop();
        EXPECT_EQ(engine.stats().stored, last - first);
        if (alert_hits)
            *alert_hits = engine.stats().alerts;
    }
    store::PgConnection connection(db.conninfo());
    std::multiset<std::string> titles;
    for (const auto& alert : store::AlertStore(connection).list(true, 100))
        titles.insert(alert.record.rule_title);
    return titles;
}

TEST(LiveDetection, TheDemoAttackRaisesTheThreeBuiltInAlertsOnce)
{
    std::uint64_t hits = 0;
    const auto titles = runDemo(0, 121, &hits);
    EXPECT_EQ(titles, (std::multiset<std::string>{"New local user account created",
                                                  "SSH brute force followed by success from the same address",
                                                  "Sudo to root by a user outside the administrators"}));
    EXPECT_GE(hits, 3u);
}

TEST(LiveDetection, RoutineTrafficRaisesNothing)
{
    EXPECT_TRUE(runDemo(0, 40).empty());
    EXPECT_TRUE(runDemo(80, 630).empty());
}

} // namespace
