#pragma once
// SqlCompiler: syntax tree (ast.h) → boolean SQL expression over the events table. SQL text
// comes only from this file's fixed vocabulary and validated column names; every value,
// pattern and jsonb key is appended as a bind parameter. One compilation, one thread.
#include "query/ast.h"
#include "query/query.h"

#include <string>

namespace vigie::query {

class SqlCompiler {
public:
    SqlCompiler(Placeholders style, int first_param) : style_(style), next_(first_param) {}

    // Appends the expression for `node` (nullptr: TRUE) to the SQL text.
    void compile(const Node* node);
    // Appends a placeholder for `value` and returns nothing: the caller writes SQL around it.
    void param(std::optional<std::string> value);
    void sql(std::string_view text) { out_.sql += text; }

    SqlWithParams take() { return std::move(out_); }

private:
    void compare(const Node& node);
    void range(const Node& node);
    void exists(const Node& node);
    void substring(std::string_view column, const Value& value);
    void numericField(const std::string& key);

    Placeholders style_;
    int next_;
    SqlWithParams out_;
};

// The pattern for LIKE/ILIKE ... ESCAPE '\': the user's % _ \ escaped, wildcards translated.
std::string likePattern(const Value& value);

} // namespace vigie::query
