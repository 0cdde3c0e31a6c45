// The Sigma condition grammar: every form SigmaHQ rules use plus those the spec allows
// (`them`, condition lists), precedence, and syntax errors that point at the right column.
#include "detect/sigma_condition.h"
#include "sigma_test_lookup.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;
using detect::describe;
using detect::parseCondition;

const std::vector<std::string> kNames{"selection",   "sel_a",           "sel_b",
                                      "filter_main", "filter_optional", "_hidden"};

std::string shape(std::string_view condition)
{
    const auto result = parseCondition(condition, kNames);
    return result.node ? describe(*result.node, kNames) : "error: " + result.error;
}

TEST(SigmaCondition, EachFormResolvesToTheRightSelections)
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"selection", "selection"},
        {"not selection", "not selection"},
        {"selection and not filter_main", "(selection and not filter_main)"},
        {"sel_a or sel_b", "(sel_a or sel_b)"},
        {"1 of sel_*", "(sel_a or sel_b)"},
        {"all of sel_*", "(sel_a and sel_b)"},
        {"selection and not 1 of filter_*", "(selection and not (filter_main or filter_optional))"},
        {"all of sel_* and not 1 of filter_*",
         "((sel_a and sel_b) and not (filter_main or filter_optional))"},
        {"1 of them", "(selection or sel_a or sel_b or filter_main or filter_optional)"},
        {"all of them", "(selection and sel_a and sel_b and filter_main and filter_optional)"},
        {"1 of sel_?", "(sel_a or sel_b)"},
        {"1 of selection", "selection"},
        {"_hidden", "_hidden"},
        {"SELECTION AND NOT filter_main", "error: unknown selection 'SELECTION'"},
        {"selection AND NOT filter_main", "(selection and not filter_main)"},
        {"selection and (sel_a or (sel_b and not filter_main))",
         "(selection and (sel_a or (sel_b and not filter_main)))"},
    };
    for (const auto& [condition, expected] : cases)
        EXPECT_EQ(shape(condition), expected) << condition;
}

TEST(SigmaCondition, PrecedenceIsOrThenAndThenNot)
{
    EXPECT_EQ(shape("sel_a or sel_b and not selection"), "(sel_a or (sel_b and not selection))");
    EXPECT_EQ(shape("not sel_a and sel_b"), "(not sel_a and sel_b)");
    EXPECT_EQ(shape("not 1 of sel_* or selection"), "(not (sel_a or sel_b) or selection)");
    EXPECT_EQ(shape("(sel_a or sel_b) and selection"), "((sel_a or sel_b) and selection)");
    EXPECT_EQ(shape("not not selection"), "not not selection");
}

TEST(SigmaCondition, SyntaxErrorsCarryTheirColumn)
{
    struct Case {
        std::string condition;
        std::string error;
        std::size_t column;
    };
    const std::vector<Case> cases{
        {"selection and", "unexpected end of condition", 14},
        {"selection and or sel_a", "unexpected 'or'", 15},
        {"(selection or sel_a", "missing ')'", 20},
        {"selection)", "unexpected ')'", 10},
        {"selection sel_a", "unexpected 'sel_a'", 11},
        {"1 of nothing_*", "'nothing_*' matches no selection", 6},
        {"selection and missing", "unknown selection 'missing'", 15},
        {"selection | count() > 5", "obsolete aggregation ('|'), use a correlation rule", 11},
        {"selection near sel_a", "obsolete 'near' aggregation, use a correlation rule", 11},
        {"near", "obsolete 'near' aggregation, use a correlation rule", 1},
        {"selection & sel_a", "unexpected character '&'", 11},
        {"", "unexpected end of condition", 1},
        {std::string(300, '('), "condition nested too deeply", 201},
    };
    for (const Case& c : cases) {
        const auto result = parseCondition(c.condition, kNames);
        EXPECT_FALSE(result.node) << c.condition;
        EXPECT_EQ(result.error, c.error) << c.condition;
        EXPECT_EQ(result.column, c.column) << c.condition;
    }
}

TEST(SigmaCondition, NegationNormalFormPushesNotToTheSelections)
{
    const auto parsed = parseCondition("not (sel_a or (sel_b and not selection))", kNames);
    ASSERT_TRUE(parsed.node);
    EXPECT_EQ(describe(detect::negationNormalForm(*parsed.node), kNames),
              "(not sel_a and (not sel_b or selection))");
    const auto flat = parseCondition("(sel_a and sel_b) and (selection and filter_main)", kNames);
    EXPECT_EQ(describe(detect::negationNormalForm(*flat.node), kNames),
              "(sel_a and sel_b and selection and filter_main)");
}

TEST(SigmaCondition, ConditionListIsOredInARule)
{
    const auto rule = test::compileYaml("title: t\nlogsource: {product: windows}\ndetection:\n"
                                        "    a: {X: '1'}\n    b: {Y: '2'}\n"
                                        "    condition:\n        - a\n        - b\n");
    ASSERT_TRUE(rule);
    EXPECT_TRUE(rule->matches(test::MapLookup(test::Fields{{"X", "1"}})));
    EXPECT_TRUE(rule->matches(test::MapLookup(test::Fields{{"Y", "2"}})));
    EXPECT_FALSE(rule->matches(test::MapLookup(test::Fields{{"X", "2"}})));
}

TEST(SigmaCondition, CompileErrorNamesTheConditionAndColumn)
{
    EXPECT_EQ(test::refusal(test::ruleWith("        X: 1\n", "selection and")),
              "condition 'selection and', column 14: unexpected end of condition");
}

} // namespace
