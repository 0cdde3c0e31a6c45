#pragma once
// Dashboard variables (design §2 "Variables, safely"): a tile's query names `$host` where a
// whole value goes (`host:$host`); before compiling, each is replaced by the chosen value as a
// quoted phrase, escaped as the search bar quotes drill-down values, so a value is always one
// literal value and never query syntax — and the compiled SQL still binds it as a parameter.
// Pure function, safe from any thread.
#include <map>
#include <string>
#include <string_view>

namespace vigie::query {

// The value meaning "any value": `host:$host` becomes `host:*` (the field is present).
inline constexpr std::string_view kAnyValue = "*";

// Replaces every `$name` that stands as a whole value — after ':', '=', '<', '>', '[', '{',
// '(' or a space, and ending the value — by vars[name] quoted (kAnyValue: a bare `*`).
// `$` inside a quoted phrase, escaped as `\$`, or inside a longer value stays as typed.
// Throws SyntaxError at the `$` of a variable that `vars` does not define.
std::string expandVariables(std::string_view text,
                            const std::map<std::string, std::string, std::less<>>& vars);

// `"value"` with `\` and `"` escaped: how a literal value is written in the query language.
std::string quotedValue(std::string_view value);

} // namespace vigie::query
