// SqlCompiler (sql_compiler.h). Semantics chosen for analysts:
// - NOT x is `(x) IS NOT TRUE`, so `not user_name:root` also finds events without a user
//   (SQL's NOT would drop the NULL rows, surprising next to Lucene/KQL).
// - text columns: `host:web-01` is an exact, case-sensitive match (index-friendly); with * or ?
//   it is a LIKE; `message:x` and free text are case-insensitive substring searches (ILIKE).
// - `=` is always an exact match with wildcards taken literally.
// - integers are compared as bigint so an out-of-range value is simply unequal, never an
//   SQL cast error; timestamps, IPs and booleans are validated here for the same reason.
#include "query/sql_compiler.h"

#include "event/event_json.h"
#include "query/parser.h"
#include "query/time_text.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <arpa/inet.h>

namespace vigie::query {
namespace {

enum class FieldType { Text, Message, Integer, Inet, Time, Boolean };

struct Column {
    std::string_view name;
    FieldType type;
};

constexpr Column kColumns[] = {
    {"ts", FieldType::Time},
    {"received_at", FieldType::Time},
    {"host", FieldType::Text},
    {"app", FieldType::Text},
    {"pid", FieldType::Integer},
    {"severity", FieldType::Integer},
    {"facility", FieldType::Integer},
    {"category", FieldType::Text},
    {"action", FieldType::Text},
    {"outcome", FieldType::Text},
    {"user_name", FieldType::Text},
    {"source_ip", FieldType::Inet},
    {"source_port", FieldType::Integer},
    {"dest_ip", FieldType::Inet},
    {"dest_port", FieldType::Integer},
    {"process", FieldType::Text},
    {"format", FieldType::Text},
    {"message", FieldType::Message},
    {"raw", FieldType::Text},
    {"parse_error", FieldType::Boolean},
};

constexpr Column kAlertColumns[] = {
    {"rule_id", FieldType::Text},  {"rule_title", FieldType::Text}, {"level", FieldType::Text},
    {"host", FieldType::Text},     {"entity", FieldType::Text},     {"origin", FieldType::Text},
    {"status", FieldType::Text},   {"first_ts", FieldType::Time},   {"last_ts", FieldType::Time},
    {"count", FieldType::Integer},
};

// Edit distance counting a swap of neighbours as one edit ("hots" is one typo from "host").
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// A field reference resolved: a column, or a key of the flat jsonb `fields`.
struct Target {
    const Column* column = nullptr; // nullptr: json key
    std::string key;
};

std::vector<std::string_view> namesOf(Vocabulary vocabulary)
{
    if (vocabulary == Vocabulary::Events)
        return knownFields();
    std::vector<std::string_view> names;
    for (const auto& column : kAlertColumns)
        names.push_back(column.name);
    return names;
}

Target resolve(const std::string& name, std::size_t position, Vocabulary vocabulary)
{
    const bool events = vocabulary == Vocabulary::Events;
    if (events && name.starts_with("fields.") && name.size() > 7)
        return {nullptr, name.substr(7)};
    if (events) {
        for (const auto& column : kColumns)
            if (column.name == name)
                return {&column, {}};
    } else {
        for (const auto& column : kAlertColumns)
            if (column.name == name)
                return {&column, {}};
    }
    // Close names, nearest first: typos (edit distance) and abbreviations (prefixes).
    std::vector<std::pair<std::size_t, std::string_view>> candidates;
    const auto typed = std::string_view(name).substr(0, 64);
    for (const auto known : namesOf(vocabulary)) {
        const auto bare = known.ends_with('.') ? known.substr(0, known.size() - 1) : known;
        const auto distance = editDistance(typed, bare);
        if (distance <= 2 || (typed.size() >= 3 && bare.starts_with(typed)))
            candidates.emplace_back(bare.starts_with(typed) ? 0 : distance, known);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string close;
    for (const auto& [distance, known] : candidates) {
        close += close.empty() ? "" : ", ";
        close += known;
    }
    const std::string shown = name.size() > 40 ? name.substr(0, 40) + "…" : name;
    throwSyntax(position,
                "a known field instead of '" + shown + "'" +
                    (close.empty() ? std::string(" (see knownFields)") : " (did you mean " + close + "?)"));
}

const char* typeName(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
        return "an integer";
    case FieldType::Inet:
        return "an IP address or CIDR block";
    case FieldType::Time:
        return "an ISO 8601 timestamp";
    case FieldType::Boolean:
        return "true or false";
    default:
        return "text";
    }
}

void noWildcards(const Value& v, FieldType type)
{
    if (v.hasWildcards())
        throwSyntax(v.position,
                    std::string("wildcards apply only to text fields; expected ") + typeName(type));
}

std::string integerValue(const Value& v)
{
    noWildcards(v, FieldType::Integer);
    long long parsed = 0;
    const char* begin = v.text.data();
    const char* end = begin + v.text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, parsed);
    if (v.text.empty() || ec != std::errc() || ptr != end)
        throwSyntax(v.position, "expected an integer");
    return std::to_string(parsed);
}

bool validAddress(const std::string& text, int& family)
{
    unsigned char bytes[16];
    if (inet_pton(AF_INET, text.c_str(), bytes) == 1) {
        family = AF_INET;
        return true;
    }
    if (inet_pton(AF_INET6, text.c_str(), bytes) == 1) {
        family = AF_INET6;
        return true;
    }
    return false;
}

// Returns true for a CIDR block, false for a single address; throws when it is neither.
bool inetValue(const Value& v)
{
    noWildcards(v, FieldType::Inet);
    const auto slash = v.text.find('/');
    int family = 0;
    if (!validAddress(v.text.substr(0, slash), family))
        throwSyntax(v.position, "expected an IP address or CIDR block");
    if (slash == std::string::npos)
        return false;
    const auto prefix = std::string_view(v.text).substr(slash + 1);
    int bits = -1;
    const auto [ptr, ec] = std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
    if (prefix.empty() || prefix.size() > 3 || ec != std::errc() || ptr != prefix.data() + prefix.size() ||
        bits < 0 || bits > (family == AF_INET ? 32 : 128))
        throwSyntax(v.position + slash + 1, "expected a CIDR prefix length");
    return true;
}

ParsedTime timeValue(const Value& v)
{
    noWildcards(v, FieldType::Time);
    const auto parsed = parseIsoTimestamp(v.text);
    if (!parsed)
        throwSyntax(v.position, "expected an ISO 8601 timestamp (e.g. 2026-11-22T10:00:00Z)");
    return *parsed;
}

std::string boolValue(const Value& v)
{
    std::string lower = v.text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (v.hasWildcards() || (lower != "true" && lower != "false"))
        throwSyntax(v.position, "expected true or false");
    return lower;
}

std::string sqlOperator(const std::string& op)
{
    return op == ":" ? "=" : op;
}

bool ordering(const std::string& op)
{
    return op != ":" && op != "=";
}

// A plain decimal number, as jsonb values like rule ids and byte counts are written.
bool isNumber(const Value& v)
{
    static constexpr std::size_t kMaxDigits = 30;
    if (v.hasWildcards() || v.text.empty() || v.text.size() > kMaxDigits)
        return false;
    std::size_t i = v.text[0] == '-' ? 1 : 0;
    bool digit = false, dot = false;
    for (; i < v.text.size(); ++i) {
        const char c = v.text[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (c == '.' && !dot && digit)
            dot = true;
        else
            return false;
    }
    return digit && v.text.back() != '.';
}

} // namespace

std::string likePattern(const Value& value)
{
    std::string out;
    out.reserve(value.text.size() + 4);
    for (std::size_t i = 0; i < value.text.size(); ++i) {
        const char c = value.text[i];
        if (i < value.wild.size() && value.wild[i]) {
            out.push_back(c == '*' ? '%' : '_');
        } else {
            if (c == '%' || c == '_' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
    }
    return out;
}

void SqlCompiler::param(std::optional<std::string> value)
{
    out_.params.push_back(std::move(value));
    if (style_ == Placeholders::Dollar)
        out_.sql += "$" + std::to_string(next_++);
    else
        out_.sql += "?";
}

void SqlCompiler::fieldValue(const std::string& field, std::size_t position)
{
    const auto target = resolve(field, position, vocabulary_);
    if (target.column) {
        sql(target.column->name);
        return;
    }
    sql("(fields ->> ");
    param(target.key);
    sql(")");
}

// The jsonb value as numeric where it is a number, NULL (no match) where it is not: a cast
// of "n/a" would abort the whole query with an SQL error.
void SqlCompiler::numericField(const std::string& key)
{
    sql("(CASE WHEN (fields ->> ");
    param(key);
    sql(") ~ ");
    param(std::string("^-?[0-9]+(\\.[0-9]+)?$"));
    sql(" THEN (fields ->> ");
    param(key);
    sql(")::numeric END)");
}

void SqlCompiler::compile(const Node* node)
{
    if (!node) {
        sql("TRUE");
        return;
    }
    switch (node->kind) {
    case Node::Kind::And:
    case Node::Kind::Or: {
        sql("(");
        for (std::size_t i = 0; i < node->children.size(); ++i) {
            if (i > 0)
                sql(node->kind == Node::Kind::And ? " AND " : " OR ");
            compile(node->children[i].get());
        }
        sql(")");
        return;
    }
    case Node::Kind::Not:
        sql("((");
        compile(node->children.front().get());
        sql(") IS NOT TRUE)");
        return;
    case Node::Kind::FreeText:
        substring(vocabulary_ == Vocabulary::Events ? "message" : "rule_title", node->value);
        return;
    case Node::Kind::Exists:
        exists(*node);
        return;
    case Node::Kind::Compare:
        compare(*node);
        return;
    case Node::Kind::Range:
        range(*node);
        return;
    }
}

void SqlCompiler::substring(std::string_view column, const Value& value)
{
    sql("(");
    sql(column);
    sql(" ILIKE ");
    param("%" + likePattern(value) + "%");
    sql(" ESCAPE '\\')");
}

void SqlCompiler::exists(const Node& node)
{
    const auto target = resolve(node.value.text, node.value.position, vocabulary_);
    if (target.column) {
        sql("(");
        sql(target.column->name);
        sql(" IS NOT NULL)");
    } else {
        sql("((fields ->> ");
        param(target.key);
        sql(") IS NOT NULL)");
    }
}

void SqlCompiler::compare(const Node& node)
{
    const auto target = resolve(node.field, node.field_position, vocabulary_);
    const Value& v = node.value;
    const auto op = sqlOperator(node.op);
    if (node.op == ":" && v.isStar()) { // field:* — the field is present
        Node probe;
        probe.value.text = node.field;
        probe.value.position = node.field_position;
        exists(probe);
        return;
    }
    if (!target.column) {
        if (ordering(node.op) && isNumber(v)) {
            sql("(");
            numericField(target.key);
            sql(" " + op + " ");
            param(v.text);
            sql("::numeric)");
            return;
        }
        sql("((fields ->> ");
        param(target.key);
        sql(")");
        if (node.op == ":" && v.hasWildcards()) {
            sql(" LIKE ");
            param(likePattern(v));
            sql(" ESCAPE '\\')");
        } else {
            sql(" " + op + " ");
            param(v.text);
            sql(")");
        }
        return;
    }
    const auto column = target.column->name;
    const auto type = target.column->type;
    if (node.op == ":" && type == FieldType::Message) {
        substring(column, v);
        return;
    }
    sql("(");
    sql(column);
    switch (type) {
    case FieldType::Text:
    case FieldType::Message:
        if (node.op == ":" && v.hasWildcards()) {
            sql(" LIKE ");
            param(likePattern(v));
            sql(" ESCAPE '\\')");
            return;
        }
        if (ordering(node.op) && v.hasWildcards())
            throwSyntax(v.position, "a value without wildcards for a comparison");
        sql(" " + op + " ");
        param(v.text);
        sql(")");
        return;
    case FieldType::Integer:
        sql(" " + op + " ");
        param(integerValue(v));
        sql("::bigint)");
        return;
    case FieldType::Inet:
        if (inetValue(v)) {
            if (ordering(node.op))
                throwSyntax(v.position, "a single IP address for a comparison");
            sql(" <<= ");
        } else {
            sql(" " + op + " ");
        }
        param(v.text);
        sql("::inet)");
        return;
    case FieldType::Time: {
        const auto t = timeValue(v);
        if (t.date_only && node.op == ":") { // the whole day
            sql(" >= ");
            param(formatTimestamp(t.ts));
            sql("::timestamptz AND ");
            sql(column);
            sql(" < ");
            param(formatTimestamp(t.ts + std::chrono::days(1)));
            sql("::timestamptz)");
            return;
        }
        sql(" " + op + " ");
        param(formatTimestamp(t.ts));
        sql("::timestamptz)");
        return;
    }
    case FieldType::Boolean:
        if (ordering(node.op))
            throwSyntax(node.position, "':' or '=' for a boolean field");
        sql(" = ");
        param(boolValue(v));
        sql("::boolean)");
        return;
    }
}

void SqlCompiler::range(const Node& node)
{
    const auto target = resolve(node.field, node.field_position, vocabulary_);
    const FieldType type = target.column ? target.column->type : FieldType::Text;
    if (type == FieldType::Boolean)
        throwSyntax(node.position, "':' or '=' for a boolean field, not a range");
    // Each end: its SQL operator and the parameter text with its cast.
    struct End {
        std::string op;
        std::string text;
    };
    auto end = [&](const Value& v, bool lower, bool inclusive) -> std::optional<End> {
        if (v.open)
            return std::nullopt;
        std::string op = lower ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<");
        switch (type) {
        case FieldType::Integer:
            return End{op, integerValue(v)};
        case FieldType::Inet:
            if (inetValue(v))
                throwSyntax(v.position, "a single IP address as a range end");
            return End{op, v.text};
        case FieldType::Time: {
            auto t = timeValue(v);
            if (t.date_only && lower != inclusive) { // [.. TO day] and {day TO ..}: past the day
                t.ts += std::chrono::days(1);
            }
            if (t.date_only)
                op = lower ? ">=" : "<";
            return End{op, formatTimestamp(t.ts)};
        }
        default:
            if (v.hasWildcards())
                throwSyntax(v.position, "a value without wildcards as a range end");
            return End{op, v.text};
        }
    };
    const auto low = end(node.value, true, node.lower_inclusive);
    const auto high = end(node.upper, false, node.upper_inclusive);
    std::string cast = type == FieldType::Integer ? "::bigint"
                       : type == FieldType::Inet  ? "::inet"
                       : type == FieldType::Time  ? "::timestamptz"
                                                  : "";
    // On a jsonb key, numbers compare as numbers when both given ends are numbers.
    const bool numeric = !target.column && !(node.value.open && node.upper.open) &&
                         (node.value.open || isNumber(node.value)) &&
                         (node.upper.open || isNumber(node.upper));
    if (numeric)
        cast = "::numeric";
    auto subject = [&] {
        if (target.column) {
            sql(target.column->name);
        } else if (numeric) {
            numericField(target.key);
        } else {
            sql("(fields ->> ");
            param(target.key);
            sql(")");
        }
    };
    sql("(");
    if (!low && !high) {
        subject();
        sql(" IS NOT NULL)");
        return;
    }
    bool first = true;
    for (const auto& e : {low, high}) {
        if (!e)
            continue;
        if (!first)
            sql(" AND ");
        first = false;
        subject();
        sql(" " + e->op + " ");
        param(e->text);
        sql(cast);
    }
    sql(")");
}

} // namespace vigie::query
