// The real password-spray correlation (value_count of TargetUserName over explicit logons,
// grouped by IpAddress and Computer) on its recorded event set: it fires for that one group.
#include "correlation_pipeline.h"
#include "detect/alert_suppressor.h"
#include "detect/event_input.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

namespace vigie::test {
namespace {

TEST(PasswordSpray, FiresForTheSprayingAddressOnly)
{
    detect::LoadResult loaded;
    detect::loadSigmaPath(sharedData("windows/correlation/rules"), loaded);
    CorrelationPipeline pipeline(std::move(loaded));
    ASSERT_EQ(pipeline.loaded().correlations.size(), 1u);
    std::size_t matches = 0;
    detect::forEachEvent(
        sharedData("windows/correlation/event_sets/deepbluecli_password-spray.jsonl"),
        [&](std::size_t line, Event&& event) { matches += pipeline.run(event, line).size(); });
    pipeline.engine().advance(Timestamp::max(), pipeline.alerts);
    EXPECT_EQ(matches, 294u);
    ASSERT_FALSE(pipeline.alerts.empty());
    detect::AlertSuppressor suppressor;
    std::size_t raised = 0;
    for (const auto& alert : pipeline.alerts) {
        EXPECT_EQ(alert.group, (std::vector<std::pair<std::string, std::string>>{
                                   {"IpAddress", "172.16.144.128"}, {"Computer", "DESKTOP-JR78RLP"}}));
        EXPECT_GE(alert.value, 5);
        EXPECT_LE(alert.window_end - alert.window_start, std::chrono::minutes(5));
        raised += suppressor.offer(alert.id, detect::AlertSuppressor::entityOf(alert.group), alert.window_end)
                      .is_new;
    }
    EXPECT_EQ(raised, 1u);
}

} // namespace
} // namespace vigie::test
