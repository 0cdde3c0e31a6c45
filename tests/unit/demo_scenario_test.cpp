// The demo scenario: deterministic, realistic, and showing the attack early.
#include "demo/demo_scenario.h"
#include "parse/record_parser.h"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace vigie;

TEST(DemoScenario, SameSeedSameLines)
{
    demo::DemoScenario a(7), b(7), c(8);
    const auto now = nowTimestamp();
    bool differs_from_other_seed = false;
    for (int i = 0; i < 200; ++i) {
        const auto line = a.nextLine(now);
        EXPECT_EQ(line, b.nextLine(now));
        differs_from_other_seed |= line != c.nextLine(now);
    }
    EXPECT_TRUE(differs_from_other_seed);
}

TEST(DemoScenario, EveryLineParsesAndTheAttackComesWithinTheFirstHundredLines)
{
    demo::DemoScenario scenario;
    const parse::Context context{nowTimestamp(), "127.0.0.1"};
    int failures = 0, accepted_from_attacker = 0, sudo_to_root = 0, new_user = 0, ssh_scan_alerts = 0,
        failures_before_success = -1;
    std::vector<std::string> hosts;
    for (int i = 0; i < 100; ++i) {
        const auto line = scenario.nextLine(context.received_at);
        const auto event = parse::parseRecord(line, parse::Format::Auto, context);
        ASSERT_FALSE(event.parse_error) << line;
        EXPECT_FALSE(event.host.empty()) << line;
        EXPECT_FALSE(event.app.empty()) << line;
        const bool from_attacker = event.source_ip == "203.0.113.45";
        failures += from_attacker && event.action == "ssh_login" && event.outcome == "failure";
        const bool alice_in = from_attacker && event.action == "ssh_login" && event.outcome == "success" &&
                              event.user_name == "alice";
        accepted_from_attacker += alice_in;
        if (alice_in)
            failures_before_success = failures;
        ssh_scan_alerts += event.category == "intrusion_detection" && from_attacker &&
                           event.message == "ET SCAN Potential SSH Scan";
        sudo_to_root += event.app == "sudo" && event.message.find("USER=root") != std::string::npos;
        new_user += event.action == "user_created" && event.user_name == "support";
    }
    EXPECT_GE(failures_before_success, 25)
        << "a brute force long enough for the detectors (20 failures), then";
    EXPECT_EQ(accepted_from_attacker, 1) << "a success from the same address";
    EXPECT_EQ(sudo_to_root, 1);
    EXPECT_EQ(new_user, 1);
    EXPECT_EQ(ssh_scan_alerts, 1) << "the IDS sees the burst";
}

// Suricata EVE JSON lines and UFW lines share the listener with syslog (format auto) and give
// the Network and IDS dashboard its flows, DNS, TLS and firewall blocks.
TEST(DemoScenario, NetworkNoiseParsesIntoTheNetworkColumns)
{
    demo::DemoScenario scenario;
    const parse::Context context{nowTimestamp(), "127.0.0.1"};
    std::map<std::string, int> network_actions;
    for (int i = 0; i < 1000; ++i) {
        const auto event =
            parse::parseRecord(scenario.nextLine(context.received_at), parse::Format::Auto, context);
        if (event.category == "network") {
            ++network_actions[event.action];
            EXPECT_FALSE(event.source_ip.empty()) << event.raw;
            EXPECT_FALSE(event.dest_ip.empty()) << event.raw;
            EXPECT_TRUE(event.dest_port.has_value()) << event.raw;
        }
    }
    for (const char* action : {"flow", "dns_query", "tls", "blocked"})
        EXPECT_GT(network_actions[action], 10) << action;
}

} // namespace
