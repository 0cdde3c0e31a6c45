#pragma once
// Helpers shared by the Sigma unit tests: an event as a plain map of Sigma field names, and a
// rule compiled from YAML text (the test fails when it does not load or compile).
#include "detect/sigma_loader.h"
#include "detect/sigma_matcher.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigie::test {

using Fields = std::map<std::string, std::string>;

class MapLookup : public detect::FieldLookup {
public:
    explicit MapLookup(Fields fields, std::vector<std::string> keywords = {})
        : fields_(std::move(fields)), keywords_(std::move(keywords))
    {
    }
    std::optional<std::string_view> value(std::string_view name) const override
    {
        const auto found = fields_.find(std::string(name));
        return found == fields_.end() ? std::nullopt : std::optional<std::string_view>(found->second);
    }
    std::optional<std::string_view> keywordText(std::size_t index) const override
    {
        return index < keywords_.size() ? std::optional<std::string_view>(keywords_[index]) : std::nullopt;
    }

private:
    Fields fields_;
    std::vector<std::string> keywords_;
};

inline std::shared_ptr<const detect::CompiledRule> compileYaml(const std::string& yaml,
                                                               const detect::CompileOptions& options = {})
{
    detect::LoadResult loaded;
    detect::loadSigmaText(yaml, "test.yml", loaded);
    EXPECT_EQ(loaded.rules.size(), 1u) << (loaded.issues.empty() ? "" : loaded.issues.front().reason);
    if (loaded.rules.empty())
        return nullptr;
    detect::CompileResult compiled = detect::compileRule(loaded.rules.front(), options);
    EXPECT_TRUE(compiled.rule) << compiled.error;
    return compiled.rule;
}

// The reason a rule is refused, at load or at compile time ("" when it is accepted).
inline std::string refusal(const std::string& yaml, const detect::CompileOptions& options = {})
{
    detect::LoadResult loaded;
    detect::loadSigmaText(yaml, "test.yml", loaded);
    if (!loaded.issues.empty())
        return loaded.issues.front().reason;
    if (loaded.rules.empty())
        return "no rule";
    return detect::compileRule(loaded.rules.front(), options).error;
}

// A rule whose only selection is `detection` (YAML lines indented by 8).
inline std::string ruleWith(const std::string& selection_body, const std::string& condition = "selection")
{
    return "title: t\nlogsource: {product: windows}\ndetection:\n    selection:\n" + selection_body +
           "    condition: " + condition + "\n";
}

} // namespace vigie::test
