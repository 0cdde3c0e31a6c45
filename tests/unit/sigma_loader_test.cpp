// Loading Sigma YAML as SigmaHQ writes it: the detection shapes, scalar typing (quoted or not),
// multi-document files, correlations, and documents refused with a reason instead of skipped.
#include "detect/sigma_loader.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;
using namespace vigie::detect;

LoadResult load(const std::string& yaml)
{
    LoadResult result;
    loadSigmaText(yaml, "test.yml", result);
    return result;
}

const SelectionItem& item(const SigmaRule& rule, std::size_t detection, std::size_t branch, std::size_t index)
{
    return rule.detections.at(detection).second.branches.at(branch).at(index);
}

TEST(SigmaLoader, ReadsRuleMetadataAndLogsource)
{
    const auto r = load("title: Suspicious\nid: 1234\nname: susp\nstatus: test\nlevel: high\n"
                        "tags: [attack.t1059, attack.execution]\nunknown_key: {a: 1}\n"
                        "logsource: {product: windows, category: process_creation}\n"
                        "detection:\n    selection: {Image|endswith: '\\x.exe'}\n    condition: selection\n");
    ASSERT_EQ(r.rules.size(), 1u);
    const SigmaRule& rule = r.rules[0];
    EXPECT_EQ(rule.title, "Suspicious");
    EXPECT_EQ(rule.id, "1234");
    EXPECT_EQ(rule.name, "susp");
    EXPECT_EQ(rule.level, "high");
    EXPECT_EQ(rule.tags, (std::vector<std::string>{"attack.t1059", "attack.execution"}));
    EXPECT_EQ(rule.logsource, (Logsource{"windows", "process_creation", ""}));
    EXPECT_EQ(item(rule, 0, 0, 0).field, "Image");
    EXPECT_EQ(item(rule, 0, 0, 0).modifiers, std::vector<std::string>{"endswith"});
    EXPECT_EQ(rule.conditions, std::vector<std::string>{"selection"});
}

TEST(SigmaLoader, DetectionShapes)
{
    const auto r = load("title: t\nlogsource: {product: linux}\ndetection:\n"
                        "    map: {a: 1, b: [x, y]}\n"
                        "    list_of_maps:\n        - {a: 1}\n        - {b: 2}\n"
                        "    keywords:\n        - 'evil'\n        - 'bad'\n"
                        "    all_keywords:\n        '|all':\n            - 'one'\n            - 'two'\n"
                        "    condition: 1 of them\n");
    ASSERT_EQ(r.rules.size(), 1u) << r.issues.front().reason;
    const SigmaRule& rule = r.rules[0];
    ASSERT_EQ(rule.detections.size(), 4u);
    EXPECT_EQ(rule.detections[0].second.branches.size(), 1u);
    EXPECT_EQ(rule.detections[0].second.branches[0].size(), 2u);
    EXPECT_EQ(item(rule, 0, 0, 1).values.size(), 2u);
    EXPECT_EQ(rule.detections[1].second.branches.size(), 2u);
    const SelectionItem& keywords = item(rule, 2, 0, 0);
    EXPECT_FALSE(keywords.has_field);
    EXPECT_EQ(keywords.values.size(), 2u);
    const SelectionItem& all = item(rule, 3, 0, 0);
    EXPECT_FALSE(all.has_field);
    EXPECT_EQ(all.modifiers, std::vector<std::string>{"all"});
}

TEST(SigmaLoader, ScalarsKeepTheirTextAndWhetherTheyWereQuoted)
{
    const auto r = load("title: t\nlogsource: {product: windows}\ndetection:\n    selection:\n"
                        "        a: 4688\n        b: '4688'\n        c: null\n        d: ''\n        e: ~\n"
                        "        f: yes\n        g: true\n        h: 1.5\n        i:\n        j: 0x10\n"
                        "    condition: selection\n");
    ASSERT_EQ(r.rules.size(), 1u);
    using K = SigmaValue::Kind;
    const std::vector<SigmaValue> expected{{K::Integer, "4688", false}, {K::String, "4688", true},
                                           {K::Null, "", false},        {K::String, "", true},
                                           {K::Null, "", false},        {K::String, "yes", false},
                                           {K::Bool, "true", false},    {K::Float, "1.5", false},
                                           {K::Null, "", false},        {K::Integer, "0x10", false}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const SigmaValue& v = item(r.rules[0], 0, 0, i).values.at(0);
        EXPECT_EQ(v.kind, expected[i].kind) << i;
        EXPECT_EQ(v.text, expected[i].text) << i;
        EXPECT_EQ(v.quoted, expected[i].quoted) << i;
    }
}

TEST(SigmaLoader, MultiDocumentFileWithCorrelationsResolvedByIdAndName)
{
    auto r =
        load("title: base\nid: 11111111-0000-0000-0000-000000000001\nname: failed_logon\n"
             "logsource: {product: windows, service: security}\n"
             "detection: {selection: {EventID: 4625}, condition: selection}\n"
             "---\n"
             "title: Many failures\nid: c1\nlevel: high\ncorrelation:\n    type: event_count\n"
             "    rules: [failed_logon]\n    group-by: [TargetUserName, IpAddress]\n    timespan: 5m\n"
             "    condition: {gte: 10}\n"
             "---\n"
             "title: Spray\ncorrelation:\n    type: value_count\n"
             "    rules: 11111111-0000-0000-0000-000000000001\n    group-by: IpAddress\n    timespan: 1h\n"
             "    condition: {field: TargetUserName, gt: 5, lte: 100}\n    generate: true\n"
             "---\n"
             "title: Then\ncorrelation:\n    type: temporal_ordered\n    rules: [c1, failed_logon]\n"
             "    group-by: [IpAddress]\n    timespan: 10m\n"
             "    aliases: {ip: {c1: IpAddress, failed_logon: SourceIp}}\n"
             "---\n");
    resolveCorrelations(r);
    EXPECT_EQ(r.documents, 4u);
    ASSERT_TRUE(r.issues.empty()) << r.issues.front().reason;
    ASSERT_EQ(r.rules.size(), 1u);
    ASSERT_EQ(r.correlations.size(), 3u);
    const SigmaCorrelation& count = r.correlations[0];
    EXPECT_EQ(count.type, SigmaCorrelation::Type::EventCount);
    EXPECT_EQ(count.group_by, (std::vector<std::string>{"TargetUserName", "IpAddress"}));
    EXPECT_EQ(count.timespan_seconds, 300);
    ASSERT_EQ(count.condition.size(), 1u);
    EXPECT_EQ(count.condition[0].op, "gte");
    EXPECT_EQ(count.condition[0].value, 10);
    ASSERT_EQ(count.resolved.size(), 1u);
    EXPECT_FALSE(count.resolved[0].is_correlation);
    const SigmaCorrelation& spray = r.correlations[1];
    EXPECT_EQ(spray.condition_field, "TargetUserName");
    EXPECT_EQ(spray.condition.size(), 2u);
    EXPECT_TRUE(spray.generate);
    EXPECT_EQ(spray.timespan_seconds, 3600);
    const SigmaCorrelation& then = r.correlations[2];
    ASSERT_EQ(then.resolved.size(), 2u);
    EXPECT_TRUE(then.resolved[0].is_correlation);
    EXPECT_EQ(then.aliases.at("ip").at("failed_logon"), "SourceIp");
}

TEST(SigmaLoader, UnusableDocumentsAreReportedWithTheirReason)
{
    auto r = load(
        "title: agg\nid: a1\nlogsource: {product: windows}\n"
        "detection: {selection: {EventID: 1}, condition: selection | count() > 5}\n"
        "---\n"
        "title: mod\nid: a2\nlogsource: {product: windows}\n"
        "detection: {selection: {Image|sometimes: x}, condition: selection}\n"
        "---\n"
        "title: nocond\nlogsource: {product: windows}\ndetection: {selection: {a: 1}}\n"
        "---\n"
        "title: sum\ncorrelation: {type: value_sum, rules: [x], timespan: 1h, condition: {field: b, gt: 1}}\n"
        "---\n"
        "title: dangling\ncorrelation: {type: event_count, rules: [nope], timespan: 1h, condition: {gt: "
        "1}}\n");
    resolveCorrelations(r);
    EXPECT_EQ(r.documents, 5u);
    EXPECT_TRUE(r.rules.empty());
    EXPECT_TRUE(r.correlations.empty());
    ASSERT_EQ(r.issues.size(), 5u);
    EXPECT_EQ(r.issues[0].id, "a1");
    EXPECT_EQ(r.issues[0].reason,
              "obsolete aggregation in condition 'selection | count() > 5', use a correlation rule");
    EXPECT_EQ(r.issues[1].reason, "unknown modifier sometimes (field Image)");
    EXPECT_EQ(r.issues[2].reason, "no condition");
    EXPECT_EQ(r.issues[3].reason, "correlation type value_sum is not supported yet");
    EXPECT_EQ(r.issues[4].reason, "correlation refers to unknown rule nope");
    EXPECT_EQ(r.issues[4].doc_index, 4u);
}

TEST(SigmaLoader, BrokenYamlIsOneIssueWithThePosition)
{
    const auto r = load("title: [unclosed\n");
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_NE(r.issues[0].reason.find("YAML: "), std::string::npos);
    EXPECT_NE(r.issues[0].reason.find("line"), std::string::npos);
}

TEST(SigmaLoader, SpecSchemaExamplesLoad)
{
    LoadResult r;
    loadSigmaPath(test::sharedData("sigma/spec/tests/schema/rules"), r);
    EXPECT_EQ(r.rules.size(), 2u);
    EXPECT_TRUE(r.issues.empty());
    LoadResult c;
    loadSigmaPath(test::sharedData("sigma/spec/tests/schema/correlation"), c);
    // 5 of the 8: value_sum, value_avg and value_percentile are refused with a reason.
    EXPECT_EQ(c.correlations.size(), 5u);
    ASSERT_EQ(c.issues.size(), 3u);
    for (const LoadIssue& issue : c.issues)
        EXPECT_NE(issue.reason.find("is not supported yet"), std::string::npos) << issue.file;
    LoadResult f;
    loadSigmaPath(test::sharedData("sigma/spec/tests/schema/filter"), f);
    ASSERT_EQ(f.issues.size(), 2u);
    EXPECT_EQ(f.issues[0].reason, "meta-filter documents (filter:) are not supported yet");
}

TEST(SigmaLoader, TheRealCorrelationFileLoadsAndResolves)
{
    LoadResult r;
    loadSigmaPath(test::sharedData("windows/correlation/rules"), r);
    resolveCorrelations(r);
    EXPECT_TRUE(r.issues.empty()) << r.issues.front().reason;
    ASSERT_EQ(r.correlations.size(), 1u);
    EXPECT_EQ(r.correlations[0].type, SigmaCorrelation::Type::ValueCount);
    EXPECT_EQ(r.correlations[0].condition_field, "TargetUserName");
    EXPECT_EQ(r.correlations[0].group_by, (std::vector<std::string>{"IpAddress", "Computer"}));
    EXPECT_EQ(r.correlations[0].timespan_seconds, 300);
}

} // namespace
