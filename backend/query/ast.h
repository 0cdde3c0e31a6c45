#pragma once
// The syntax tree of a parsed query (query.h): what parser.cpp produces and sql_compiler.cpp
// turns into SQL. Values keep, per byte, whether it was an unescaped wildcard, so `a\*b`
// searches a literal star. Plain values; built and used on one thread.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace vigie::query {

struct Value {
    std::string text;
    std::vector<bool> wild; // wild[i]: text[i] is an unescaped * or ?
    bool quoted = false;
    bool open = false; // a bare * as a range end
    std::size_t position = 0;

    bool hasWildcards() const
    {
        for (const bool w : wild)
            if (w)
                return true;
        return false;
    }
    bool isStar() const { return text == "*" && wild.size() == 1 && wild[0]; }
};

struct Node {
    enum class Kind { And, Or, Not, Compare, Range, Exists, FreeText };
    Kind kind = Kind::FreeText;
    std::size_t position = 0;
    std::vector<std::unique_ptr<Node>> children; // And, Or (n-ary), Not (one)
    std::string field;                           // Compare, Range, Exists: the name as typed
    std::size_t field_position = 0;
    std::string op; // Compare: ":" (match), "=", "<", "<=", ">", ">="
    Value value;    // Compare, FreeText; Range: lower end
    Value upper;    // Range
    bool lower_inclusive = true;
    bool upper_inclusive = true;
};

using NodePtr = std::unique_ptr<Node>;

} // namespace vigie::query
