// The demo scenario: deterministic, realistic, and showing the attack early.
#include "demo/demo_scenario.h"
#include "parse/record_parser.h"

#include <gtest/gtest.h>

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
    int failures = 0, accepted_from_attacker = 0, sudo_to_root = 0, new_user = 0;
    std::vector<std::string> hosts;
    for (int i = 0; i < 100; ++i) {
        const auto line = scenario.nextLine(context.received_at);
        const auto event = parse::parseRecord(line, parse::Format::Auto, context);
        ASSERT_FALSE(event.parse_error) << line;
        EXPECT_FALSE(event.host.empty()) << line;
        EXPECT_FALSE(event.app.empty()) << line;
        const bool from_attacker = event.source_ip == "203.0.113.45";
        failures += from_attacker && event.action == "ssh_login" && event.outcome == "failure";
        accepted_from_attacker += from_attacker && event.action == "ssh_login" && event.outcome == "success" &&
                                  event.user_name == "alice";
        sudo_to_root += event.app == "sudo" && event.message.find("USER=root") != std::string::npos;
        new_user += event.action == "user_created" && event.user_name == "support";
    }
    EXPECT_GE(failures, 5) << "a brute force, then";
    EXPECT_EQ(accepted_from_attacker, 1) << "a success from the same address";
    EXPECT_EQ(sudo_to_root, 1);
    EXPECT_EQ(new_user, 1);
}

} // namespace
