// The shipped dashboards are data written in English (resources/dashboards): every name, tile
// title and variable label of theirs must be marked for translation and read in French in a
// French session, while text an analyst wrote shows as written.
#include "gui_test_support.h"

#include "dashboard/dashboard_spec.h"
#include "embedded_dashboards.h"
#include "language_switcher.h"
#include "shipped_dashboard_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace {

using namespace vigie;

std::vector<std::string> shownTexts(const dashboard::DashboardSpec& spec)
{
    std::vector<std::string> texts{spec.name};
    for (const auto& variable : spec.variables)
        texts.push_back(variable.label.empty() ? variable.name : variable.label);
    for (const auto& tile : spec.tiles)
        texts.push_back(tile.title);
    return texts;
}

TEST(ShippedDashboardText, EveryShippedTextIsMarkedAndReadsInFrench)
{
    widgets::LanguageSwitcher languages;
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("fr")));
    const auto& marked = widgets::shippedDashboardTexts();
    for (const auto& file : resources::shippedDashboards()) {
        for (const auto& text : shownTexts(dashboard::readDashboard(file.text))) {
            EXPECT_TRUE(std::any_of(marked.begin(), marked.end(),
                                    [&](const char* m) { return std::strcmp(m, text.c_str()) == 0; }))
                << file.name << ": \"" << text << "\" is not in shippedDashboardTexts()";
            EXPECT_NE(widgets::shownDashboardText(text), QString::fromStdString(text))
                << file.name << ": \"" << text << "\" has no French translation";
        }
    }
    EXPECT_EQ(widgets::shownDashboardText("Vue d'ensemble SOC"), QStringLiteral("Vue d'ensemble SOC"));
    EXPECT_EQ(widgets::shownDashboardText("My own dashboard"), QStringLiteral("My own dashboard"));

    ASSERT_TRUE(languages.setLanguage(QStringLiteral("en")));
    EXPECT_EQ(widgets::shownDashboardText("SOC overview"), QStringLiteral("SOC overview"));
}

} // namespace
