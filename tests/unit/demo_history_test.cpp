// The demo history generator (demo/demo_history.h): the volume and seasons the dashboards show,
// and the habits the anomaly detectors learn — alice only ever logs in from 10.0.4.0/24, a few
// failed logins an hour on bastion-01, UFW blocks on a handful of ports, some IDS alerts.
#include "demo/demo_history.h"

#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <set>

namespace {

using namespace vigie;

struct Totals {
    std::size_t events = 0, parse_errors = 0, failures = 0, failures_bastion = 0, blocked = 0, ids = 0,
                flows = 0, dns = 0, tls = 0, sudo = 0, su = 0;
    std::set<std::string> alice_sources;
    std::set<int> blocked_ports;
    std::map<int, std::size_t> by_local_hour; // weekdays only
    std::size_t weekday_events = 0, weekend_events = 0;
};

Totals generate(Timestamp end)
{
    demo::DemoHistory history(end);
    Totals totals;
    std::vector<Event> hour;
    while (history.nextHour(hour)) {
        for (const Event& event : hour) {
            ++totals.events;
            totals.parse_errors += event.parse_error;
            EXPECT_LT(event.ts, end);
            EXPECT_GE(event.ts, end - std::chrono::days(14) - std::chrono::hours(1));
            const bool failure = event.category == "authentication" && event.outcome == "failure";
            totals.failures += failure;
            totals.failures_bastion += failure && event.host == "bastion-01";
            if (event.category == "network" && event.action == "blocked") {
                ++totals.blocked;
                totals.blocked_ports.insert(event.dest_port.value_or(-1));
            }
            totals.ids += event.category == "intrusion_detection";
            totals.flows += event.action == "flow";
            totals.dns += event.action == "dns_query";
            totals.tls += event.action == "tls";
            totals.sudo += event.action == "sudo";
            totals.su += event.action == "su";
            if (event.user_name == "alice" && event.outcome == "success" && !event.source_ip.empty())
                totals.alice_sources.insert(event.source_ip);
            const std::time_t seconds = std::chrono::system_clock::to_time_t(
                std::chrono::time_point_cast<std::chrono::seconds>(event.ts));
            std::tm local{};
            localtime_r(&seconds, &local);
            const bool weekend = local.tm_wday == 0 || local.tm_wday == 6;
            (weekend ? totals.weekend_events : totals.weekday_events) += 1;
            if (!weekend)
                ++totals.by_local_hour[local.tm_hour];
        }
        hour.clear();
    }
    return totals;
}

TEST(DemoHistory, FourteenSeasonalDaysOfTheDemoNetwork)
{
    const Timestamp end = nowTimestamp();
    const Totals totals = generate(end);
    EXPECT_GE(totals.events, 100'000u);
    EXPECT_LE(totals.events, 150'000u);
    EXPECT_EQ(totals.parse_errors, 0u);
    // Seasons: an office hour is busier than a night hour, ten times over on weekdays.
    EXPECT_GT(totals.by_local_hour.at(10), 8 * totals.by_local_hour.at(3));
    EXPECT_GT(totals.weekday_events / 5, totals.weekend_events / 2) << "weekends are quieter";
    // What the dashboards' tiles query.
    EXPECT_GT(totals.ids, 150u);
    EXPECT_LT(totals.ids, 500u);
    EXPECT_GT(totals.flows, 1000u);
    EXPECT_GT(totals.dns, 1000u);
    EXPECT_GT(totals.tls, 1000u);
    EXPECT_GT(totals.sudo, 100u);
    EXPECT_GT(totals.su, 10u);
    EXPECT_GT(totals.blocked, 14u * 24 * 8);
    EXPECT_EQ(totals.blocked_ports, (std::set<int>{22, 23, 445, 1433, 3389, 5900}))
        << "a handful of usual ports";
    // A few failed logins an hour, nearly all on bastion-01.
    EXPECT_GT(totals.failures, 14u * 24);
    EXPECT_LT(totals.failures, 14u * 24 * 6);
    EXPECT_GT(totals.failures_bastion * 10, totals.failures * 9);
    // alice logs in from the office network only: the live attack's address is new.
    ASSERT_FALSE(totals.alice_sources.empty());
    for (const std::string& source : totals.alice_sources)
        EXPECT_TRUE(source.starts_with("10.0.4.")) << source;
}

TEST(DemoHistory, SameEndSameEvents)
{
    const Timestamp end = nowTimestamp();
    demo::DemoHistory a(end, std::chrono::days(1)), b(end, std::chrono::days(1));
    std::vector<Event> ha, hb;
    while (a.nextHour(ha) && b.nextHour(hb)) {
    }
    ASSERT_EQ(ha.size(), hb.size());
    for (std::size_t i = 0; i < ha.size(); ++i)
        EXPECT_EQ(ha[i].raw, hb[i].raw);
}

} // namespace
