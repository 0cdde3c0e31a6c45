// The alerts table as the detection writes and the alert queue reads it: a storm of matches
// in one suppression window is one row with a count, whatever the batches; hostile text stays
// text; the queue puts the most severe first; acknowledging takes an alert out of it.
#include "store/alert_store.h"
#include "store/migrator.h"
#include "store/pg_connection.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;
using namespace std::chrono_literals;

Timestamp at(int minute)
{
    return Timestamp(std::chrono::sys_days(std::chrono::year(2026) / 11 / 22).time_since_epoch()) +
           std::chrono::minutes(minute);
}

store::AlertRecord bruteForce(int minute, std::vector<std::int64_t> ids)
{
    store::AlertRecord r;
    r.rule_id = "vigie-ssh-brute-force";
    r.rule_title = "SSH brute force followed by a success";
    r.level = "high";
    r.tags = {"attack.credential_access", "attack.t1110"};
    r.host = "bastion-01";
    r.entity = "source_ip=203.0.113.7";
    r.window_start = at(0);
    r.first_ts = at(minute);
    r.last_ts = at(minute);
    r.event_ids = std::move(ids);
    r.sample_json = R"({"host":"bastion-01"})";
    return r;
}

class AlertStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db_ = std::make_unique<test::TestDatabase>("alerts");
        connection_ = std::make_unique<store::PgConnection>(db_->conninfo());
        store::applyMigrations(*connection_);
    }
    std::unique_ptr<test::TestDatabase> db_;
    std::unique_ptr<store::PgConnection> connection_;
};

TEST_F(AlertStoreTest, OneWindowOfOneEntityIsOneAlertWithTheSummedCount)
{
    store::AlertStore alerts(*connection_);
    alerts.add({bruteForce(3, {11, 12})});
    auto later = bruteForce(1, {13});
    later.count = 4;
    later.last_ts = at(7);
    alerts.add({later});
    // Another address, and the same address in the next window: separate alerts.
    auto other = bruteForce(2, {});
    other.entity = "source_ip=198.51.100.9";
    auto next = bruteForce(12, {});
    next.window_start = at(10);
    alerts.add({other, next});

    const auto listed = alerts.list(false, 100);
    ASSERT_EQ(listed.size(), 3u);
    const auto& first = listed.front().record; // the latest of the three
    EXPECT_EQ(first.window_start, at(10));
    const auto merged = std::find_if(listed.begin(), listed.end(), [](const store::StoredAlert& a) {
        return a.record.window_start == at(0) && a.record.entity == "source_ip=203.0.113.7";
    });
    ASSERT_NE(merged, listed.end());
    EXPECT_EQ(merged->record.count, 5);
    EXPECT_EQ(merged->record.first_ts, at(1));
    EXPECT_EQ(merged->record.last_ts, at(7));
    EXPECT_EQ(merged->record.event_ids, (std::vector<std::int64_t>{11, 12, 13}));
    EXPECT_EQ(merged->record.tags, (std::vector<std::string>{"attack.credential_access", "attack.t1110"}));
    EXPECT_EQ(merged->record.sample_json, R"({"host": "bastion-01"})"); // jsonb's own spacing
    EXPECT_FALSE(merged->record.retro_hunt);

    // A retro-hunt finding of the same window is its own row.
    auto hunted = bruteForce(3, {99});
    hunted.retro_hunt = true;
    alerts.add({hunted});
    EXPECT_EQ(alerts.list(false, 100).size(), 4u);
}

TEST_F(AlertStoreTest, AStormInOneCallIsOneStatementsWorthOfRows)
{
    store::AlertStore alerts(*connection_);
    std::vector<store::AlertRecord> storm;
    for (int i = 0; i < 500; ++i)
        storm.push_back(bruteForce(i % 10, {i}));
    EXPECT_EQ(store::mergeAlerts(storm).size(), 1u);
    alerts.add(storm);
    const auto listed = alerts.list(false, 10);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].record.count, 500);
    EXPECT_EQ(listed[0].record.first_ts, at(0));
    EXPECT_EQ(listed[0].record.last_ts, at(9));
    EXPECT_EQ(listed[0].record.event_ids.size(), static_cast<std::size_t>(store::AlertStore::kMaxEventIds));
    EXPECT_EQ(listed[0].record.event_ids.front(), 0);
}

TEST_F(AlertStoreTest, QueueIsMostSevereFirstAndAcknowledgedAlertsLeaveIt)
{
    store::AlertStore alerts(*connection_);
    auto low = bruteForce(9, {});
    low.rule_id = "r-low";
    low.level = "low";
    auto critical = bruteForce(1, {});
    critical.rule_id = "r-critical";
    critical.level = "critical";
    auto medium = bruteForce(5, {});
    medium.rule_id = "r-medium";
    medium.level = "medium";
    alerts.add({low, critical, medium});
    auto listed = alerts.list(false, 10);
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[0].record.rule_id, "r-critical");
    EXPECT_EQ(listed[1].record.rule_id, "r-medium");
    EXPECT_EQ(listed[2].record.rule_id, "r-low");

    EXPECT_TRUE(alerts.acknowledge(listed[0].id, "alice"));
    EXPECT_FALSE(alerts.acknowledge(listed[0].id, "bob")) << "already acknowledged";
    EXPECT_EQ(alerts.list(false, 10).size(), 2u);
    listed = alerts.list(true, 10);
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_TRUE(listed[0].acknowledged);
    EXPECT_EQ(listed[0].acknowledged_by, "alice");
    EXPECT_EQ(alerts.list(true, 1).size(), 1u);
}

TEST_F(AlertStoreTest, RuleTextIsStoredAsWrittenAndBadLevelsAreRefused)
{
    store::AlertStore alerts(*connection_);
    auto hostile = bruteForce(2, {});
    hostile.rule_id = "x'); DROP TABLE alerts; --";
    hostile.rule_title = "quote \" backslash \\ comma , brace } NULL";
    hostile.tags = {"a,b", "c\"d", "NULL", "e\\f", "{g}", "tab\there\nnewline", "é ü ✓"};
    hostile.entity = "user_name=o'brien";
    alerts.add({hostile});
    const auto listed = alerts.list(false, 10);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].record.rule_id, hostile.rule_id);
    EXPECT_EQ(listed[0].record.rule_title, hostile.rule_title);
    EXPECT_EQ(listed[0].record.tags, hostile.tags);
    EXPECT_EQ(listed[0].record.entity, hostile.entity);

    auto wrong = bruteForce(2, {});
    wrong.level = "urgent";
    EXPECT_THROW(alerts.add({wrong}), store::SqlError);
}

} // namespace
