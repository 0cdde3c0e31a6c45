// checkRuleText (the rule editor's validation): documents found, and each problem on the line
// the analyst has to fix.
#include "detect/rule_text_check.h"

#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace vigie::detect {
namespace {

using Severity = RuleTextDiagnostic::Severity;
using Kind = RuleTextDiagnostic::Kind;

// A small valid rule; line numbers below are 1-based lines of this text.
const std::string kRule = "title: Suspicious whoami\n"                 // 1
                          "id: 6f3e1a52-3d36-4a3c-9a55-1c0c3b7a1f00\n" // 2
                          "status: test\n"                             // 3
                          "logsource:\n"                               // 4
                          "    product: windows\n"                     // 5
                          "    category: process_creation\n"           // 6
                          "detection:\n"                               // 7
                          "    selection:\n"                           // 8
                          "        Image|endswith: '\\whoami.exe'\n"   // 9
                          "    filter:\n"                              // 10
                          "        User: SYSTEM\n"                     // 11
                          "    condition: selection and not filter\n"  // 12
                          "level: medium\n";                           // 13

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

const RuleTextDiagnostic* firstOf(const RuleTextCheck& check, Kind kind)
{
    const auto found = std::find_if(check.diagnostics.begin(), check.diagnostics.end(),
                                    [&](const RuleTextDiagnostic& d) { return d.kind == kind; });
    return found == check.diagnostics.end() ? nullptr : &*found;
}

TEST(RuleTextCheck, SigmaHqRuleIsValidAndRunnable)
{
    std::string text;
    for (const auto& line : test::readLines(test::sharedData(
             "sigma/rules/windows/process_creation/proc_creation_win_7zip_exfil_dmp_files.yml")))
        text += line + "\n";
    const RuleTextCheck check = checkRuleText(text);
    EXPECT_TRUE(check.valid());
    EXPECT_EQ(check.errorCount(), 0u);
    ASSERT_EQ(check.documents.size(), 1u);
    const RuleTextDocument& doc = check.documents.front();
    EXPECT_EQ(doc.title, "7Zip Compressing Dump Files");
    EXPECT_EQ(doc.id, "ec570e53-4c76-45a9-804d-dc3f355ff7a7");
    EXPECT_EQ(doc.level, "medium");
    EXPECT_EQ(doc.status, "test");
    EXPECT_EQ(doc.logsource.product, "windows");
    EXPECT_EQ(doc.logsource.category, "process_creation");
    EXPECT_EQ(doc.kind, RuleTextDocument::Kind::Rule);
    EXPECT_TRUE(doc.loaded);
    EXPECT_TRUE(doc.runnable);
    EXPECT_TRUE(check.diagnostics.empty()) << check.diagnostics.front().message;
}

TEST(RuleTextCheck, YamlSyntaxErrorIsPlacedWhereTheTextBreaks)
{
    // An unclosed flow list on line 9: the parser stops at the end of it, column of `]`-less end.
    const RuleTextCheck check =
        checkRuleText(replaced(kRule, "Image|endswith: '\\whoami.exe'", "Image|endswith: ['\\whoami.exe'"));
    EXPECT_FALSE(check.valid());
    EXPECT_TRUE(check.documents.empty());
    ASSERT_EQ(check.diagnostics.size(), 1u);
    const RuleTextDiagnostic& d = check.diagnostics.front();
    EXPECT_EQ(d.kind, Kind::YamlSyntax);
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_FALSE(d.message.empty());
    // A bad indentation is reported on its own line and column.
    const RuleTextCheck indent = checkRuleText(replaced(kRule, "    filter:\n", "   filter:\n"));
    ASSERT_EQ(indent.diagnostics.size(), 1u);
    EXPECT_EQ(indent.diagnostics.front().kind, Kind::YamlSyntax);
    EXPECT_EQ(indent.diagnostics.front().line, 10);
    EXPECT_EQ(indent.diagnostics.front().column, 4);
}

TEST(RuleTextCheck, UnknownModifierIsAnErrorOnItsLine)
{
    const RuleTextCheck check = checkRuleText(replaced(kRule, "Image|endswith", "Image|endswiht"));
    EXPECT_FALSE(check.valid());
    const RuleTextDiagnostic* d = firstOf(check, Kind::Invalid);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Error);
    EXPECT_EQ(d->line, 9);
    EXPECT_EQ(d->column, 9);
    EXPECT_NE(d->message.find("endswiht"), std::string::npos) << d->message;
    EXPECT_FALSE(check.documents.front().loaded);
}

TEST(RuleTextCheck, ConditionNamingAMissingSelectionPointsAtTheName)
{
    const RuleTextCheck check = checkRuleText(replaced(kRule, "not filter", "not filters"));
    EXPECT_FALSE(check.valid());
    ASSERT_EQ(check.errorCount(), 1u);
    const RuleTextDiagnostic* d = firstOf(check, Kind::Invalid);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 12);
    // "    condition: selection and not filters": `filters` starts at column 34.
    EXPECT_EQ(d->column, 34);
    EXPECT_NE(d->message.find("filters"), std::string::npos) << d->message;
}

TEST(RuleTextCheck, ErrorInsideASelectionPointsAtTheField)
{
    const RuleTextCheck check = checkRuleText(replaced(kRule, "User: SYSTEM", "User|re: '(unclosed'"));
    const RuleTextDiagnostic* d = firstOf(check, Kind::Invalid);
    ASSERT_NE(d, nullptr) << "a bad regular expression must be refused";
    EXPECT_EQ(d->line, 11);
}

TEST(RuleTextCheck, LogsourceNothingMapsIsAWarningWithTheReason)
{
    const RuleTextCheck check = checkRuleText(replaced(kRule, "product: windows", "product: amiga"));
    EXPECT_TRUE(check.valid()) << "a well-formed rule stays valid; it only cannot run here";
    ASSERT_EQ(check.documents.size(), 1u);
    EXPECT_TRUE(check.documents.front().loaded);
    EXPECT_FALSE(check.documents.front().runnable);
    EXPECT_NE(check.documents.front().unsupported.find("amiga"), std::string::npos);
    const RuleTextDiagnostic* d = firstOf(check, Kind::Unsupported);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Warning);
    EXPECT_EQ(d->line, 4);
    EXPECT_NE(d->message.find("no mapping for logsource"), std::string::npos) << d->message;
}

TEST(RuleTextCheck, CorrelationAndBaseRuleInOneTextAreTwoDocuments)
{
    const std::string text = kRule + "---\n"
                                     "title: Many whoami\n"
                                     "id: 0e95725d-7320-415d-80f7-004da920fc11\n"
                                     "level: high\n"
                                     "correlation:\n"
                                     "    type: event_count\n"
                                     "    rules:\n"
                                     "        - 6f3e1a52-3d36-4a3c-9a55-1c0c3b7a1f00\n"
                                     "    group-by:\n"
                                     "        - ComputerName\n"
                                     "    timespan: 1h\n"
                                     "    condition:\n"
                                     "        gte: 10\n";
    const RuleTextCheck check = checkRuleText(text);
    EXPECT_TRUE(check.valid());
    ASSERT_EQ(check.documents.size(), 2u);
    EXPECT_EQ(check.documents[0].kind, RuleTextDocument::Kind::Rule);
    EXPECT_EQ(check.documents[1].kind, RuleTextDocument::Kind::Correlation);
    EXPECT_EQ(check.documents[1].title, "Many whoami");
    EXPECT_EQ(check.documents[1].line, 15);
    EXPECT_TRUE(check.documents[1].runnable);
    EXPECT_TRUE(check.diagnostics.empty()) << check.diagnostics.front().message;

    // Naming a rule that is not in the text: a warning on that reference.
    const RuleTextCheck alone = checkRuleText(replaced(text, "- 6f3e1a52", "- 7f3e1a52"));
    const RuleTextDiagnostic* d = firstOf(alone, Kind::UnresolvedReference);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 21);
    EXPECT_EQ(d->document, 1u);
    // A broken correlation is an error on the key at fault.
    const RuleTextCheck bad = checkRuleText(replaced(text, "timespan: 1h", "timespan: soon"));
    const RuleTextDiagnostic* timespan = firstOf(bad, Kind::Invalid);
    ASSERT_NE(timespan, nullptr);
    EXPECT_EQ(timespan->line, 24);
}

TEST(RuleTextCheck, MissingMetadataAndUnknownLevelAreWarnings)
{
    const RuleTextCheck check = checkRuleText(replaced(
        replaced(kRule, "id: 6f3e1a52-3d36-4a3c-9a55-1c0c3b7a1f00\n", ""), "level: medium", "level: severe"));
    EXPECT_TRUE(check.valid());
    const RuleTextDiagnostic* missing = firstOf(check, Kind::MissingKey);
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->subject, "id");
    EXPECT_EQ(missing->line, 1);
    const RuleTextDiagnostic* level = firstOf(check, Kind::UnknownLevel);
    ASSERT_NE(level, nullptr);
    EXPECT_EQ(level->subject, "severe");
    EXPECT_EQ(level->line, 12);
    EXPECT_EQ(level->column, 8);
}

TEST(RuleTextCheck, EmptyTextHasNoDocumentAndIsNotValid)
{
    const RuleTextCheck check = checkRuleText("# only a comment\n");
    EXPECT_TRUE(check.documents.empty());
    EXPECT_TRUE(check.diagnostics.empty());
    EXPECT_FALSE(check.valid());
}

} // namespace
} // namespace vigie::detect
