// Compilation of a SigmaRule (leaves, condition) and the reference evaluator. Any thread.
#include "detect/sigma_matcher.h"

#include <cstdint>

namespace vigie::detect {

namespace {

// Selections evaluated at most once per event, on demand (short-circuit order).
class SelectionMemo {
public:
    SelectionMemo(const CompiledRule& rule, const FieldLookup& event) : rule_(rule), event_(event) {}

    bool get(std::size_t index)
    {
        if (index >= 64)
            return rule_.selectionMatches(index, event_);
        const std::uint64_t bit = std::uint64_t{1} << index;
        if (!(known_ & bit)) {
            known_ |= bit;
            if (rule_.selectionMatches(index, event_))
                value_ |= bit;
        }
        return value_ & bit;
    }

private:
    const CompiledRule& rule_;
    const FieldLookup& event_;
    std::uint64_t known_ = 0;
    std::uint64_t value_ = 0;
};

bool evaluate(const CondNode& node, SelectionMemo& memo)
{
    using K = CondNode::Kind;
    switch (node.kind) {
    case K::Ref:
        return memo.get(node.ref);
    case K::Const:
        return node.value;
    case K::Not:
        return !evaluate(node.children.front(), memo);
    case K::And:
        for (const CondNode& child : node.children)
            if (!evaluate(child, memo))
                return false;
        return true;
    case K::Or:
        for (const CondNode& child : node.children)
            if (evaluate(child, memo))
                return true;
        return false;
    }
    return false;
}

} // namespace

struct RuleCompilerAccess {
    static CompileResult compile(const SigmaRule& rule, const CompileOptions& options)
    {
        CompileResult result;
        auto compiled = std::make_shared<CompiledRule>();
        compiled->rule_ = rule;
        std::vector<std::string> names;
        for (const auto& [name, detection] : rule.detections) {
            CompiledSelection selection{name, {}};
            for (const auto& branch : detection.branches) {
                auto& leaves = selection.branches.emplace_back();
                for (const SelectionItem& item : branch) {
                    LeafResult leaf = compileLeaf(item, options.placeholders);
                    if (!leaf.leaf) {
                        result.error = "selection " + name + ": " + leaf.error;
                        return result;
                    }
                    leaves.push_back(std::move(*leaf.leaf));
                }
            }
            compiled->selections_.push_back(std::move(selection));
            names.push_back(name);
        }
        if (rule.conditions.empty()) {
            result.error = "no condition";
            return result;
        }
        std::vector<CondNode> conditions;
        for (const std::string& text : rule.conditions) {
            ConditionResult parsed = parseCondition(text, names);
            if (!parsed.node) {
                result.error =
                    "condition '" + text + "', column " + std::to_string(parsed.column) + ": " + parsed.error;
                return result;
            }
            conditions.push_back(std::move(*parsed.node));
        }
        if (conditions.size() == 1) {
            compiled->condition_ = std::move(conditions.front());
        } else {
            compiled->condition_.kind = CondNode::Kind::Or;
            compiled->condition_.children = std::move(conditions);
        }
        compiled->normal_condition_ = negationNormalForm(compiled->condition_);
        result.rule = std::move(compiled);
        return result;
    }
};

bool CompiledRule::selectionMatches(std::size_t index, const FieldLookup& event) const
{
    for (const auto& branch : selections_[index].branches) {
        bool all = true;
        for (const Leaf& leaf : branch)
            if (!leaf.matches(event)) {
                all = false;
                break;
            }
        if (all)
            return true;
    }
    return false;
}

bool CompiledRule::matches(const FieldLookup& event) const
{
    SelectionMemo memo(*this, event);
    return evaluate(condition_, memo);
}

CompileResult compileRule(const SigmaRule& rule, const CompileOptions& options)
{
    return RuleCompilerAccess::compile(rule, options);
}

std::vector<std::shared_ptr<const CompiledRule>> compileRules(LoadResult& loaded,
                                                              const CompileOptions& options)
{
    std::vector<std::shared_ptr<const CompiledRule>> compiled;
    for (const SigmaRule& rule : loaded.rules) {
        CompileResult result = compileRule(rule, options);
        if (result.rule)
            compiled.push_back(std::move(result.rule));
        else
            loaded.issues.push_back(
                {rule.file, rule.doc_index, rule.id, rule.title, std::move(result.error)});
    }
    return compiled;
}

} // namespace vigie::detect
