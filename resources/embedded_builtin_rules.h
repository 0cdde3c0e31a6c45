#pragma once
// The built-in Sigma rules (resources/detect/rules/*.yml), embedded at build time so that a
// fresh install detects the basics with no rule folder. Any thread.
#include <span>
#include <string_view>

namespace vigie::resources {

struct EmbeddedRuleFile {
    std::string_view name; // the file name, e.g. "local_user_created.yml"
    std::string_view text;
};

// In file name order.
std::span<const EmbeddedRuleFile> builtinSigmaRules();

} // namespace vigie::resources
