// `vigiectl rules check|test` as an analyst runs them on the shared SigmaHQ rules and samples:
// every rule gets its line and the total adds up; a rule that cannot run says why; the real
// password-spray correlation fires for the expected group; the regression pairs' events match
// their rule by line.
#include "support/child_process.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

namespace {

using namespace vigie;

std::vector<std::string> outputLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

TEST(VigiectlRules, CheckPrintsOneLinePerRuleAndATotal)
{
    const auto dir = std::filesystem::temp_directory_path() / "vigie-rules-check";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "broken.yml") << "title: Broken\nid: broken-1\nlogsource: {product: windows}\n"
                                         "detection:\n  sel: {Image|nosuchmodifier: x}\n  condition: sel\n";
    std::ofstream(dir / "nomap.yml") << "title: Unmapped\nid: nomap-1\nlogsource: {product: amiga}\n"
                                        "detection:\n  sel: {a: b}\n  condition: sel\n";
    test::ChildProcess check(
        {VIGIECTL_PATH, "rules", "check", (test::sharedData("sigma/rules/linux")).string(), dir.string()});
    EXPECT_EQ(check.wait(), 0);
    const auto lines = outputLines(check.output());
    ASSERT_FALSE(lines.empty());
    std::size_t ok = 0, unsupported = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        ok += lines[i].starts_with("ok  ");
        unsupported += lines[i].starts_with("unsupported: ");
    }
    EXPECT_EQ(unsupported, 2u);
    EXPECT_NE(check.output().find("unsupported: unknown modifier"), std::string::npos) << check.output();
    EXPECT_NE(check.output().find("no mapping for logsource product=amiga"), std::string::npos);
    EXPECT_EQ(
        lines.back(), "total " + std::to_string(ok + unsupported) + ": ok " + std::to_string(ok) +
                          ", unsupported 2 (" +
                          [&] {
                              char pct[16];
                              std::snprintf(pct, sizeof pct, "%.1f", 100.0 * double(ok) / double(ok + 2));
                              return std::string(pct);
                          }() +
                          " % ok)");
    EXPECT_GT(ok, 100u);
}

TEST(VigiectlRules, TestFiresThePasswordSprayCorrelationForTheExpectedGroup)
{
    const auto base = test::sharedData("windows/correlation");
    std::filesystem::path events;
    for (const auto& entry : std::filesystem::directory_iterator(base / "event_sets"))
        events = entry.path();
    test::ChildProcess run(
        {VIGIECTL_PATH, "rules", "test", "--rules", (base / "rules").string(), "--events", events.string()});
    EXPECT_EQ(run.wait(), 0);
    std::size_t matched = 0, firings = 0;
    for (const auto& line : outputLines(run.output())) {
        if (line.starts_with("corr\t")) {
            ++firings;
            EXPECT_NE(line.find("\tIpAddress=172.16.144.128 Computer=DESKTOP-JR78RLP\t"), std::string::npos)
                << line;
        } else {
            ++matched;
            EXPECT_TRUE(std::regex_match(line, std::regex("[0-9]+\t[-0-9a-f]+"))) << line;
        }
    }
    EXPECT_EQ(matched, 294u); // every 4648 explicit logon, not the 1102
    EXPECT_GE(firings, 1u);
}

TEST(VigiectlRules, BadUsageSaysWhatIsMissing)
{
    test::ChildProcess run({VIGIECTL_PATH, "rules", "test", "--rules", "/nonexistent"});
    EXPECT_EQ(run.wait(), 2);
    EXPECT_NE(run.readErrorLine().find("--events"), std::string::npos);
}

} // namespace
