// Rules swapped on a running engine (Engine::setDetection, what the Rule manager and `vigiectl
// serve` do after an analyst's change): an event before the swap is judged by the old rules
// only, an event after it by the new rules only — no event lost or inspected twice — and the
// engine keeps storing throughout.
#include "detect/rule_texts.h"
#include "ingest/engine.h"
#include "store/alert_store.h"
#include "store/pg_connection.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>

namespace {

using namespace vigie;

std::string failureRule(const std::string& id)
{
    return "title: Rule " + id + "\nid: " + id +
           "\nlevel: medium\nlogsource: {product: linux, service: sshd}\n" +
           "detection:\n  selection: {action: ssh_login, outcome: failure}\n  condition: selection\n";
}

std::shared_ptr<detect::LiveDetection> detectionOf(const std::string& id)
{
    return detect::detectionFromTexts({{id + ".yml", failureRule(id)}});
}

bool waitStored(const ingest::Engine& engine, std::uint64_t count)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (engine.stats().stored < count) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// rule id -> summed alert count
std::map<std::string, std::int64_t> alertCounts(const std::string& conninfo)
{
    store::PgConnection connection(conninfo);
    std::map<std::string, std::int64_t> counts;
    for (const auto& alert : store::AlertStore(connection).list(true, 100))
        counts[alert.record.rule_id] += alert.record.count;
    return counts;
}

TEST(RuleReload, EventsBeforeTheSwapMeetTheOldRulesAndEventsAfterItTheNewOnes)
{
    test::TestDatabase db("rule_reload");
    ingest::EngineConfig config;
    config.conninfo = db.conninfo();
    config.parse_workers = 2;
    config.flush_interval = std::chrono::milliseconds(50);
    config.detection = detectionOf("rule-old");
    ingest::Engine engine(config);
    engine.start();

    const std::string failure = "<38>Nov 22 08:00:00 bastion-01 sshd[1234]: Failed password for invalid user "
                                "admin from 203.0.113.7 port 4242 ssh2";
    for (int i = 0; i < 5; ++i)
        engine.submit(failure, parse::Format::Auto);
    ASSERT_TRUE(waitStored(engine, 5));

    engine.setDetection(detectionOf("rule-new")); // from another thread than the workers'
    for (int i = 0; i < 3; ++i)
        engine.submit(failure, parse::Format::Auto);
    ASSERT_TRUE(waitStored(engine, 8));

    engine.setDetection(nullptr); // detection off: stored, judged by nothing
    engine.submit(failure, parse::Format::Auto);
    engine.stop();
    EXPECT_EQ(engine.stats().stored, 9u);
    EXPECT_EQ(engine.stats().alerts, 8u);
    EXPECT_EQ(alertCounts(db.conninfo()),
              (std::map<std::string, std::int64_t>{{"rule-old", 5}, {"rule-new", 3}}));
}

} // namespace
