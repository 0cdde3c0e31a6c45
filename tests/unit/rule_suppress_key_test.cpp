// A rule's own suppression (`vigie: {suppress: 30m, suppress_by: [...]}`): a storm of hits inside
// the rule's window is one alert whose count is the number of hits, the first hit after the
// window opens a new alert; suppress_by decides what one alert stands for; a mistyped key is
// reported, not ignored. Through LiveDetection, as the engine runs it.
#include "detect/rule_texts.h"
#include "parse/record_parser.h"
#include "store/alert_store.h"

#include <gtest/gtest.h>

namespace vigie::test {
namespace {

using namespace std::chrono_literals;

std::string failureRule(const std::string& vigie)
{
    return "title: SSH failure\nid: test-ssh-failure\nlevel: low\n"
           "logsource: {product: linux, service: sshd}\n"
           "detection:\n  selection: {action: ssh_login, outcome: failure}\n  condition: selection\n" +
           vigie;
}

Event sshFailure(Timestamp ts, const std::string& host, const std::string& ip)
{
    const std::string line = "<38>Nov 22 08:00:00 " + host +
                             " sshd[1234]: Failed password for invalid user admin from " + ip +
                             " port 4242 ssh2";
    Event event = parse::parseRecord(line, parse::Format::Auto, {ts, {}});
    event.ts = ts;
    return event;
}

// Every hit's record, merged as the writer stores them: one element per alert row.
std::vector<store::AlertRecord> alertsOf(const std::string& yaml, const std::vector<Event>& events)
{
    auto detection = detect::detectionFromTexts({{"rule.yml", yaml}});
    EXPECT_EQ(detection->report().unsupportedCount(), 0u);
    detect::LiveDetection::Worker worker(detection);
    std::vector<store::AlertRecord> hits;
    for (const auto& event : events)
        worker.inspect(event, hits);
    EXPECT_EQ(hits.size(), events.size()) << "every event should match the rule";
    return store::mergeAlerts(hits);
}

const Timestamp kStart = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + 8h;

TEST(RuleSuppressKey, AStormInsideTheRulesWindowIsOneAlertAndAfterItANewOne)
{
    std::vector<Event> storm;
    for (int i = 0; i < 50; ++i) // 49 minutes of failures: inside a 1 h window, not a 10 min one
        storm.push_back(sshFailure(kStart + std::chrono::minutes(i), "bastion-01", "203.0.113.7"));
    storm.push_back(sshFailure(kStart + 61min, "bastion-01", "203.0.113.7")); // after the hour

    const auto own = alertsOf(failureRule("vigie:\n  suppress: 1h\n"), storm);
    ASSERT_EQ(own.size(), 2u);
    EXPECT_EQ(own[0].count, 50);
    EXPECT_EQ(own[0].window_start, kStart);
    EXPECT_EQ(own[0].last_ts, kStart + 49min);
    EXPECT_EQ(own[1].count, 1);
    EXPECT_EQ(own[1].window_start, kStart + 61min);

    // Without the key the default 10-minute window applies: the same storm is several alerts.
    const auto fallback = alertsOf(failureRule(""), storm);
    EXPECT_GT(fallback.size(), 4u);
}

TEST(RuleSuppressKey, SuppressByGroupsTheAlertsByTheFieldsNamed)
{
    // One address attacking three servers: by default one alert per host; by source_ip, one.
    std::vector<Event> spray;
    for (const char* host : {"web-01", "web-02", "db-01"})
        spray.push_back(sshFailure(kStart + spray.size() * 1s, host, "198.51.100.9"));
    spray.push_back(sshFailure(kStart + 5s, "web-01", "192.0.2.44"));

    EXPECT_EQ(alertsOf(failureRule(""), spray).size(), 3u);
    const auto by_address = alertsOf(failureRule("vigie: {suppress_by: [source_ip]}\n"), spray);
    ASSERT_EQ(by_address.size(), 2u);
    EXPECT_EQ(by_address[0].entity, "source_ip=198.51.100.9");
    EXPECT_EQ(by_address[0].count, 3);
    EXPECT_EQ(by_address[1].entity, "source_ip=192.0.2.44");
}

TEST(RuleSuppressKey, AMistypedKeyIsReportedWithItsName)
{
    const auto check = detect::checkRuleTexts({{"rule.yml", failureRule("vigie: {supress: 30m}\n")},
                                               {"bad.yml", failureRule("vigie: {suppress: soon}\n")}});
    ASSERT_EQ(check.verdicts.size(), 2u);
    EXPECT_FALSE(check.verdicts[0].ok());
    EXPECT_EQ(check.verdicts[0].reason, "unknown key vigie.supress");
    EXPECT_FALSE(check.verdicts[1].ok());
    EXPECT_EQ(check.verdicts[1].reason, "bad timespan 'soon'");
}

} // namespace
} // namespace vigie::test
