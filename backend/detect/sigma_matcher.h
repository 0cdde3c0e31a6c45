#pragma once
// A loaded Sigma rule compiled into an evaluable form, and the reference evaluator: every
// selection is a list of branches (ORed) of leaves (ANDed), the condition a tree over the
// selections. This is the straightforward "evaluate everything that is asked" path that the
// literal prefilter (WP3) must agree with; its leaves stay enumerable for that: each Leaf names
// its field, keyword flag, `all`/`neq`, and per value a ValueMatcher whose kind tells a pure
// literal (Pattern with an anchor other than Glob: literal(), cased()) from residual checks.
// Immutable once compiled; matches() may run on any number of threads at once.
#include "detect/field_lookup.h"
#include "detect/sigma_condition.h"
#include "detect/sigma_modifiers.h"
#include "detect/sigma_rule.h"

#include <memory>
#include <string>
#include <vector>

namespace vigie::detect {

struct CompileOptions {
    Placeholders placeholders; // for `expand`
};

struct CompiledSelection {
    std::string name;
    std::vector<std::vector<Leaf>> branches; // ORed; the leaves of a branch are ANDed
};

class CompiledRule {
public:
    const SigmaRule& rule() const { return rule_; }
    const std::vector<CompiledSelection>& selections() const { return selections_; }
    // The condition list ORed into one tree, as parsed, and in negation normal form.
    const CondNode& condition() const { return condition_; }
    const CondNode& normalCondition() const { return normal_condition_; }

    bool matches(const FieldLookup& event) const;
    bool selectionMatches(std::size_t index, const FieldLookup& event) const;

private:
    friend struct RuleCompilerAccess;
    SigmaRule rule_;
    std::vector<CompiledSelection> selections_;
    CondNode condition_;
    CondNode normal_condition_;
};

struct CompileResult {
    std::shared_ptr<const CompiledRule> rule;
    std::string error; // why the rule cannot run, when rule is null
};

CompileResult compileRule(const SigmaRule& rule, const CompileOptions& options = {});

// Compiles every rule of `loaded` (same order, refused ones left out) and appends a LoadIssue
// with the reason for each rule that cannot run, so a caller reports them all in one place.
std::vector<std::shared_ptr<const CompiledRule>> compileRules(LoadResult& loaded,
                                                              const CompileOptions& options = {});

} // namespace vigie::detect
