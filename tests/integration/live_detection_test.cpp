// Detection on the live stream: the demo attack submitted to the real ingest engine, with the
// built-in rules, leaves exactly its three alerts in the alerts table (one row each, however
// many lines fed them), committed with the events; routine traffic leaves none. And over
// history: a retro-hunt (API and `vigiectl rules hunt`) finds the same attack in stored events.
#include "demo/demo_scenario.h"
#include "detect/live_detection.h"
#include "detect/retro_hunt.h"
#include "ingest/engine.h"
#include "store/alert_store.h"
#include "store/pg_connection.h"
#include "support/child_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using namespace vigie;

const std::multiset<std::string> kDemoAlerts = {"New local user account created",
                                                "SSH brute force followed by success from the same address",
                                                "Sudo to root by a user outside the administrators"};

std::multiset<std::string> alertTitles(const std::string& conninfo, bool retro_hunt = false)
{
    store::PgConnection connection(conninfo);
    std::multiset<std::string> titles;
    for (const auto& alert : store::AlertStore(connection).list(true, 100)) {
        EXPECT_EQ(alert.record.retro_hunt, retro_hunt);
        titles.insert(alert.record.rule_title);
    }
    return titles;
}

// Demo lines [first, last), one second apart, ending a minute ago, through the real engine
// (with the built-in rules unless `detect` is false).
void storeDemo(const test::TestDatabase& db, std::size_t first, std::size_t last, bool detect = true,
               std::uint64_t* alert_hits = nullptr)
{
    ingest::EngineConfig config;
    config.conninfo = db.conninfo();
    config.parse_workers = 2;
    if (detect) {
        config.detection = detect::LiveDetection::withRules({});
        EXPECT_EQ(config.detection->report().unsupportedCount(), 0u);
    }
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

TEST(LiveDetection, TheDemoAttackRaisesTheThreeBuiltInAlertsOnce)
{
    test::TestDatabase db("live_detection");
    std::uint64_t hits = 0;
    storeDemo(db, 0, 121, true, &hits);
    EXPECT_EQ(alertTitles(db.conninfo()), kDemoAlerts);
    EXPECT_GE(hits, 3u);
}

TEST(LiveDetection, RoutineTrafficRaisesNothing)
{
    test::TestDatabase quiet("live_detection_quiet");
    storeDemo(quiet, 0, 40);
    storeDemo(quiet, 80, 630);
    EXPECT_TRUE(alertTitles(quiet.conninfo()).empty());
}

TEST(RetroHunt, FindsTheDemoAttackInStoredHistoryWithTheMatchedRows)
{
    test::TestDatabase db("retro_hunt");
    storeDemo(db, 0, 121, false);
    EXPECT_TRUE(alertTitles(db.conninfo()).empty());
    store::PgConnection connection(db.conninfo());
    const query::TimeRange range{nowTimestamp() - std::chrono::hours(1), nowTimestamp()};

    std::atomic<bool> cancel{true};
    const auto stopped =
        detect::runRetroHunt(connection, detect::LiveDetection::withRules({}), range, {}, &cancel);
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_EQ(stopped.events, 0u);

    double last_fraction = -1;
    const auto result = detect::runRetroHunt(connection, detect::LiveDetection::withRules({}), range,
                                             [&](const detect::RetroHuntProgress& p) {
                                                 EXPECT_GE(p.fraction, last_fraction);
                                                 last_fraction = p.fraction;
                                             });
    EXPECT_FALSE(result.cancelled);
    EXPECT_EQ(result.events, 121u);
    EXPECT_GE(result.alerts, 3u);
    EXPECT_EQ(alertTitles(db.conninfo(), true), kDemoAlerts);
    for (const auto& alert : store::AlertStore(connection).list(true, 100)) {
        ASSERT_FALSE(alert.record.event_ids.empty()) << alert.record.rule_title;
        // The ids are rows of this history.
        EXPECT_EQ(connection
                      .exec("SELECT count(*) FROM events WHERE id = $1::bigint",
                            {std::to_string(alert.record.event_ids.front())})
                      .integer(0, 0),
                  1);
    }
}

// A dry run (the rule manager's "test against the last hours") writes nothing and tells, per
// rule, how many hits and alerts a real hunt would store, with the span of the hits.
TEST(RetroHunt, ADryRunCountsPerRuleAndStoresNothing)
{
    test::TestDatabase db("retro_hunt_dry");
    storeDemo(db, 0, 121, false);
    store::PgConnection connection(db.conninfo());
    const query::TimeRange range{nowTimestamp() - std::chrono::hours(1), nowTimestamp()};
    detect::RetroHuntOptions dry;
    dry.store_alerts = false;

    const auto counted = detect::runRetroHunt(connection, detect::LiveDetection::withRules({}), range, {},
                                              nullptr, dry);
    EXPECT_FALSE(counted.cancelled);
    EXPECT_EQ(counted.events, 121u);
    EXPECT_EQ(connection.exec("SELECT count(*) FROM alerts").integer(0, 0), 0);
    std::multiset<std::string> titles;
    std::uint64_t hits = 0;
    for (const auto& rule : counted.rules) {
        titles.insert(rule.title);
        hits += rule.hits;
        EXPECT_FALSE(rule.rule_id.empty()) << rule.title;
        EXPECT_GE(rule.hits, rule.alerts) << rule.title;
        EXPECT_EQ(rule.alerts, 1u) << rule.title; // one attacker, one window
        EXPECT_LE(rule.first, rule.last) << rule.title;
        EXPECT_GE(rule.first, *range.from) << rule.title;
        EXPECT_LT(rule.last, *range.to) << rule.title;
    }
    EXPECT_EQ(titles, kDemoAlerts);
    EXPECT_EQ(hits, counted.alerts);
    EXPECT_EQ(counted.alert_rows, 3u);
    for (std::size_t i = 1; i < counted.rules.size(); ++i)
        EXPECT_GE(counted.rules[i - 1].hits, counted.rules[i].hits); // most hits first

    // The same range stored: the same hits, and the rows the dry run announced.
    const auto stored = detect::runRetroHunt(connection, detect::LiveDetection::withRules({}), range);
    EXPECT_EQ(stored.alerts, counted.alerts);
    EXPECT_EQ(stored.alert_rows, counted.alert_rows);
    const auto rows = store::AlertStore(connection).list(true, 100);
    EXPECT_EQ(rows.size(), counted.alert_rows);
    for (const auto& row : rows) {
        const auto rule = std::find_if(counted.rules.begin(), counted.rules.end(),
                                       [&](const auto& r) { return r.rule_id == row.record.rule_id; });
        ASSERT_NE(rule, counted.rules.end()) << row.record.rule_title;
        EXPECT_EQ(static_cast<std::uint64_t>(row.record.count), rule->hits) << row.record.rule_title;
    }
}

TEST(RetroHunt, VigiectlRulesHuntReportsWhatItRead)
{
    test::TestDatabase db("retro_hunt_cli");
    storeDemo(db, 0, 121, false);
    test::ChildProcess hunt({VIGIECTL_PATH, "rules", "hunt", "--database", db.conninfo(), "--from", "-1h"});
    EXPECT_EQ(hunt.wait(), 0);
    EXPECT_TRUE(hunt.output().starts_with("events=121 alerts=")) << hunt.output();
    EXPECT_EQ(alertTitles(db.conninfo(), true), kDemoAlerts);
}

} // namespace
