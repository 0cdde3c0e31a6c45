// expandVariables (variables.h): a scan of the query text that knows only where quoted
// phrases and escapes are, so a `$` is expanded exactly where the parser reads a value start.
#include "query/variables.h"

#include "query/parser.h"

namespace vigie::query {
namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool startsValue(char previous)
{
    switch (previous) {
    case ':':
    case '=':
    case '<':
    case '>':
    case '[':
    case '{':
    case '(':
    case ' ':
    case '\t':
    case '\n':
    case '\r':
        return true;
    default:
        return false;
    }
}

// Where a bare value ends (parser.cpp readBare): a space, a parenthesis, a quote, a range end.
bool endsValue(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' || c == '"' || c == ']' ||
           c == '}';
}

} // namespace

std::string quotedValue(std::string_view value)
{
    std::string out;
    out.reserve(value.size() + 2);
    out.push_back('"');
    for (const char c : value) {
        if (c == '\\' || c == '"')
            out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string expandVariables(std::string_view text,
                            const std::map<std::string, std::string, std::less<>>& vars)
{
    std::string out;
    out.reserve(text.size());
    bool in_phrase = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size()) { // an escaped character, in a phrase or not
            out.append(text.substr(i, 2));
            ++i;
            continue;
        }
        if (c == '"')
            in_phrase = !in_phrase;
        std::size_t end = i + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        const bool whole_value = c == '$' && !in_phrase && end > i + 1 &&
                                 (i == 0 || startsValue(text[i - 1])) &&
                                 (end == text.size() || endsValue(text[end]));
        if (!whole_value) {
            out.push_back(c);
            continue;
        }
        const auto name = text.substr(i + 1, end - i - 1);
        const auto found = vars.find(name);
        if (found == vars.end())
            throwSyntax(i, "a defined dashboard variable instead of '$" + std::string(name) + "'");
        out += found->second == kAnyValue ? std::string(kAnyValue) : quotedValue(found->second);
        i = end - 1;
    }
    return out;
}

} // namespace vigie::query
