#pragma once
// SqlCompiler: syntax tree (ast.h) → boolean SQL expression over the events table. SQL text
// comes only from this file's fixed vocabulary and validated column names; every value,
// pattern and jsonb key is appended as a bind parameter. One compilation, one thread.
#include "query/ast.h"
#include "query/query.h"

#include <string>

namespace vigie::query {

// Which table's columns a query names: the events (the search bar, dashboards) or the alerts
// (dashboard tiles with source "alerts": rule_id rule_title level host entity origin status,
// free text searching rule_title, no `fields.` keys).
enum class Vocabulary { Events, Alerts };

class SqlCompiler {
public:
    SqlCompiler(Placeholders style, int first_param, Vocabulary vocabulary = Vocabulary::Events)
        : style_(style), next_(first_param), vocabulary_(vocabulary)
    {
    }

    // Appends the expression for `node` (nullptr: TRUE) to the SQL text.
    void compile(const Node* node);
    // Appends a placeholder for `value` and returns nothing: the caller writes SQL around it.
    void param(std::optional<std::string> value);
    void sql(std::string_view text) { out_.sql += text; }
    // Appends the value of a field by name (a column, or `fields ->> $n` for a jsonb key), for
    // grouping; throws SyntaxError at `position` for a name the vocabulary does not know.
    void fieldValue(const std::string& field, std::size_t position = 0);
    // Appends a jsonb key's value as numeric where it is a number, NULL where it is not.
    void numericField(const std::string& key);

    SqlWithParams take() { return std::move(out_); }

private:
    void compare(const Node& node);
    void range(const Node& node);
    void exists(const Node& node);
    void substring(std::string_view column, const Value& value);

    Placeholders style_;
    int next_;
    Vocabulary vocabulary_;
    SqlWithParams out_;
};

// The pattern for LIKE/ILIKE ... ESCAPE '\': the user's % _ \ escaped, wildcards translated.
std::string likePattern(const Value& value);

} // namespace vigie::query
