// The Detector (prefilter + evaluation) on hand-written rules and events, with the built-in
// field mapping: `sel and not filter`, keyword rules, rules that must always run, a Security
// 4688 event that belongs to both windows/security and windows/process_creation (a rule on
// both reports once), value maps, anchors, regex atoms, unsupported log sources, and the
// required-literal analysis the prefilter relies on.
#include "detect/detector.h"
#include "detect/sigma_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace vigie;
using namespace vigie::detect;

// Windows process creation rules share this header.
std::string processRule(const std::string& id, const std::string& detection)
{
    return "title: " + id + "\nid: " + id +
           "\nlogsource: {product: windows, category: process_creation}\ndetection:\n" + detection +
           "\n---\n";
}

const char* const kRules = R"(
title: keyword
id: keyword
logsource: {product: linux, service: sshd}
detection:
    keywords:
        - 'Failed password for invalid user'
    condition: keywords
---
title: security alice
id: security_alice
logsource: {product: windows, service: security}
detection:
    selection:
        EventID: 4688
        SubjectUserName: alice
    condition: selection
---
title: windows whoami
id: windows_whoami
logsource: {product: windows}
detection:
    selection:
        CommandLine|contains: whoami
    condition: selection
---
title: nowhere
id: nowhere
logsource: {product: amiga}
detection:
    selection:
        Foo: bar
    condition: selection
)";

RuleSetBuild buildRules()
{
    const std::string text =
        processRule("cmd_not_legit", "    selection:\n        Image|endswith: '\\cmd.exe'\n"
                                     "    filter:\n        CommandLine|contains: legit\n"
                                     "    condition: selection and not filter") +
        processRule("not_explorer", "    filter:\n        Image|endswith: '\\explorer.exe'\n"
                                    "    condition: not filter") +
        processRule("high_integrity",
                    "    selection:\n        IntegrityLevel: High\n    condition: selection") +
        processRule("startswith_system32",
                    "    selection:\n        Image|startswith: System32\n    condition: selection") +
        processRule("exact_command",
                    "    selection:\n        CommandLine: 'cmd.exe /c whoami'\n    condition: selection") +
        processRule("regex_who",
                    "    selection:\n        CommandLine|re: 'who[a-z]mi\\s'\n    condition: selection") +
        kRules;
    LoadResult loaded;
    loadSigmaText(text, "detector_test.yml", loaded);
    return RuleSetBuilder::build(loaded, FieldMapping::builtIn());
}

Event sysmonProcess(const std::string& image, const std::string& command)
{
    Event event;
    event.format = "windows";
    event.app = "sysmon";
    event.ts = Timestamp(std::chrono::seconds(1700000000));
    event.fields = {
        {"EventID", "1"}, {"Image", image}, {"CommandLine", command}, {"IntegrityLevel", "Medium"}};
    return event;
}

Event security4688()
{
    Event event;
    event.format = "windows";
    event.app = "security";
    event.fields = {{"EventID", "4688"},
                    {"NewProcessName", "C:\\Windows\\System32\\whoami.exe"},
                    {"CommandLine", "whoami /all"},
                    {"MandatoryLabel", "S-1-16-12288"},
                    {"SubjectUserName", "alice"}};
    return event;
}

class DetectorTest : public ::testing::Test {
protected:
    std::vector<std::string> ids(const Event& event)
    {
        std::vector<RuleMatch> matches;
        detector_.match(event, matches);
        std::vector<std::string> out;
        for (const RuleMatch& m : matches) {
            EXPECT_EQ(m.event_ts, event.ts);
            out.push_back(build_.set->rule(m.rule).compiled->rule().id);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    RuleSetBuild build_ = buildRules();
    Detector detector_{build_.set};
};

using Ids = std::vector<std::string>;

TEST_F(DetectorTest, ReportsEveryRuleAndTheUnmappedLogsourceAsUnsupported)
{
    EXPECT_EQ(build_.report.rules.size(), 10u);
    EXPECT_EQ(build_.report.okCount(), 9u);
    const auto nowhere = std::find_if(build_.report.rules.begin(), build_.report.rules.end(),
                                      [](const RuleStatus& s) { return s.id == "nowhere"; });
    ASSERT_NE(nowhere, build_.report.rules.end());
    EXPECT_FALSE(nowhere->ok);
    EXPECT_NE(nowhere->reason.find("no mapping for logsource product=amiga"), std::string::npos);
}

TEST_F(DetectorTest, SelectionAndNotFilter)
{
    EXPECT_EQ(
        ids(sysmonProcess("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c whoami")),
        (Ids{"cmd_not_legit", "exact_command", "not_explorer", "windows_whoami"})); // no \s after whoami
    EXPECT_EQ(ids(sysmonProcess("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c legit.bat")),
              (Ids{"not_explorer"}));
}

TEST_F(DetectorTest, AlwaysRunRuleFiresWithoutAnyLiteral)
{
    EXPECT_GE(build_.set->alwaysRunCount(), 1u); // not_explorer (and security_alice's EventID is numeric)
    EXPECT_EQ(ids(sysmonProcess("C:\\Tools\\x.exe", "x")), (Ids{"not_explorer"}));
    EXPECT_EQ(ids(sysmonProcess("C:\\Windows\\explorer.exe", "explorer")), Ids{});
}

TEST_F(DetectorTest, AnchorsAreRespected)
{
    // "System32" is inside the path, not at its start; the exact command needs the whole value.
    EXPECT_EQ(ids(sysmonProcess("System32\\a.exe", "cmd.exe /c whoami now")),
              (Ids{"not_explorer", "regex_who", "startswith_system32", "windows_whoami"}));
}

TEST_F(DetectorTest, KeywordRuleSearchesTheMessage)
{
    Event event;
    event.format = "rfc3164";
    event.app = "sshd";
    event.message = "Failed password for invalid user admin from 203.0.113.9 port 2222 ssh2";
    EXPECT_EQ(ids(event), Ids{"keyword"});
    event.message = "Accepted password for admin from 203.0.113.9 port 2222 ssh2";
    EXPECT_EQ(ids(event), Ids{});
}

TEST_F(DetectorTest, Security4688BelongsToSecurityAndProcessCreationAndEachRuleReportsOnce)
{
    const Event event = security4688();
    const auto entries = build_.set->dispatch().entriesFor(event);
    EXPECT_GE(entries.size(), 2u);
    // windows_whoami runs on both entries but is reported once; high_integrity matches through
    // the value map (High -> S-1-16-12288) and Image through NewProcessName.
    EXPECT_EQ(ids(event),
              (Ids{"high_integrity", "not_explorer", "regex_who", "security_alice", "windows_whoami"}));
}

TEST(DetectorNonAscii, TwoByteUtf8LiteralsAreFoundByTheCaselessPrefilter)
{
    // The Cyrillic homoglyph rules list single letters: 2-byte literals, matched byte for byte.
    LoadResult loaded;
    loadSigmaText(processRule("cyrillic", "    selection:\n        CommandLine|contains: '\u0430'\n"
                                          "    condition: selection"),
                  "cyrillic.yml", loaded);
    const RuleSetBuild build = RuleSetBuilder::build(loaded, FieldMapping::builtIn());
    ASSERT_EQ(build.report.okCount(), 1u);
    EXPECT_EQ(build.set->alwaysRunCount(), 0u);
    Detector detector(build.set);
    std::vector<RuleMatch> matches;
    detector.match(sysmonProcess("C:\\x.exe", "net user p\u0430ssword"), matches);
    EXPECT_EQ(matches.size(), 1u);
    matches.clear();
    detector.match(sysmonProcess("C:\\x.exe", "net user password"), matches);
    EXPECT_TRUE(matches.empty());
}

TEST(DetectorNumbers, AQuotedAndAnIntegerEventIdStayDistinctAtoms)
{
    // '4688' is text (exact), 4688 a number that "04688" also equals: sharing one prefilter
    // atom would let the first decide for both.
    LoadResult loaded;
    loadSigmaText(R"(
title: text
id: text
logsource: {product: windows, service: security}
detection: {selection: {EventID: '4688'}, condition: selection}
---
title: number
id: number
logsource: {product: windows, service: security}
detection: {selection: {EventID: 4688}, condition: selection}
)",
                  "numbers.yml", loaded);
    const RuleSetBuild build = RuleSetBuilder::build(loaded, FieldMapping::builtIn());
    ASSERT_EQ(build.report.okCount(), 2u);
    EXPECT_EQ(build.set->alwaysRunCount(), 0u);
    Detector detector(build.set);
    Event event;
    event.format = "windows";
    event.app = "security";
    event.fields = {{"EventID", "04688"}};
    std::vector<RuleMatch> matches;
    detector.match(event, matches);
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(build.set->rule(matches.front().rule).compiled->rule().id, "number");
    event.fields = {{"EventID", "4688"}};
    matches.clear();
    detector.match(event, matches);
    EXPECT_EQ(matches.size(), 2u);
}

TEST(RequiredAtoms, NegatedSelectionsNeverContribute)
{
    LoadResult loaded;
    loadSigmaText(processRule("a", "    selection:\n        Image|endswith: '\\cmd.exe'\n"
                                   "    filter:\n        CommandLine|contains: legit\n"
                                   "    condition: selection and not filter") +
                      processRule("b", "    filter:\n        Image: x.exe\n    condition: not filter") +
                      processRule("c", "    selection:\n        CommandLine|re: 'a.c'\n"
                                       "        Image|endswith: '\\b.exe'\n    condition: selection"),
                  "atoms.yml", loaded);
    ASSERT_EQ(loaded.rules.size(), 3u);
    const auto a = requiredAtoms(*compileRule(loaded.rules[0]).rule);
    ASSERT_TRUE(a);
    ASSERT_EQ(a->size(), 1u);
    EXPECT_EQ(a->front().field, "Image");
    EXPECT_EQ(a->front().anchor, ValuePattern::Anchor::Suffix);
    EXPECT_EQ(a->front().literal, "\\cmd.exe");
    EXPECT_FALSE(requiredAtoms(*compileRule(loaded.rules[1]).rule));
    // A literal is preferred over a regex in an AND.
    const auto c = requiredAtoms(*compileRule(loaded.rules[2]).rule);
    ASSERT_TRUE(c);
    ASSERT_EQ(c->size(), 1u);
    EXPECT_FALSE(c->front().regex);
    EXPECT_EQ(c->front().literal, "\\b.exe");
}

} // namespace
