#pragma once
// Parser: query text → syntax tree (ast.h), by recursive descent over the characters, since
// where a term ends depends on what it is (a timestamp value holds ':', a free word does not
// name a field). Pure function, safe from any thread.
#include "query/ast.h"

#include <string_view>

namespace vigie::query {

inline constexpr std::size_t kMaxQueryBytes = 64 * 1024;
inline constexpr int kMaxNesting = 64;

// Returns nullptr for an empty or blank query. Throws SyntaxError.
NodePtr parseQuery(std::string_view query);

// Throws SyntaxError at `position` with "<expected> at position N".
[[noreturn]] void throwSyntax(std::size_t position, const std::string& expected);

} // namespace vigie::query
