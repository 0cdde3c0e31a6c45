#pragma once
// The `condition:` of a Sigma rule: `and`, `or`, `not`, parentheses, `1 of P`, `all of P`
// (P a selection name with `*`/`?`, or `them` = every selection not starting with `_`).
// Precedence from loosest: or < and < not < `x of` < parentheses; keywords are
// case-insensitive. Names resolve to indexes into the rule's selection list. Obsolete pipe
// aggregations and `near` are refused with a reason. Pure functions, any thread.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

struct CondNode {
    enum class Kind { And, Or, Not, Ref, Const };
    Kind kind = Kind::Const;
    std::size_t ref = 0; // Ref: index of the selection
    bool value = false;  // Const
    std::vector<CondNode> children;
    bool operator==(const CondNode&) const = default;
};

struct ConditionResult {
    std::optional<CondNode> node;
    std::string error;
    std::size_t column = 0; // 1-based column of the error in the condition text
};

ConditionResult parseCondition(std::string_view text, const std::vector<std::string>& selections);

// Flattened And/Or, `not` pushed down to Ref/Const (De Morgan): what a prefilter analyses.
CondNode negationNormalForm(const CondNode& node);

// Readable form, e.g. "(sel0 and not sel1)", names from `selections` (tests, rules check).
std::string describe(const CondNode& node, const std::vector<std::string>& selections);

} // namespace vigie::detect
