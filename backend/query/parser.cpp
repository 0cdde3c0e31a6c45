// Parser (parser.h). Grammar, loosest binding first:
//   query   := or? END
//   or      := and (("or" | "||") and)*
//   and     := not (("and" | "&&")? not)*          adjacent terms are implicitly ANDed
//   not     := ("not" | "!" | "-") not | primary
//   primary := "(" or ")" | PHRASE | WORD | field ":" value | field OP value
//   value   := PHRASE | BARE | ("[" | "{") end "TO" end ("]" | "}")
#include "query/parser.h"

#include "query/query.h"

#include <cctype>

namespace vigie::query {

void throwSyntax(std::size_t position, const std::string& expected)
{
    throw SyntaxError(position, expected, expected + " at position " + std::to_string(position));
}

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool lowerEquals(std::string_view text, std::string_view lower)
{
    if (text.size() != lower.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i])
            return false;
    return true;
}

// A name that may stand before ':' or an operator: an identifier, or fields.<any key>.
bool looksLikeField(std::string_view name)
{
    if (name.starts_with("fields.") && name.size() > 7)
        return true;
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'))
            return false;
    return true;
}

// Where the first invalid UTF-8 sequence starts, or npos: PostgreSQL would refuse such a
// parameter with an SQL error, which the analyst should see as a syntax error instead.
std::size_t invalidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > s.size())
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}

    NodePtr parse()
    {
        skipSpace();
        if (atEnd())
            return nullptr;
        auto node = parseOr();
        skipSpace();
        if (!atEnd()) {
            if (s_[pos_] == ')')
                throwSyntax(pos_, "unbalanced parenthesis: ')' without '('");
            throwSyntax(pos_, "expected 'and', 'or' or the end of the query");
        }
        return node;
    }

private:
    bool atEnd() const { return pos_ >= s_.size(); }
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }
    void skipSpace()
    {
        while (!atEnd() && isSpace(s_[pos_]))
            ++pos_;
    }
    // After a keyword: the end, a space, or something that cannot continue a word.
    bool boundaryAt(std::size_t p) const
    {
        return p >= s_.size() || isSpace(s_[p]) || s_[p] == '(' || s_[p] == ')' || s_[p] == '"';
    }
    bool keywordAt(std::string_view lower) const
    {
        return pos_ + lower.size() <= s_.size() && lowerEquals(s_.substr(pos_, lower.size()), lower) &&
               boundaryAt(pos_ + lower.size());
    }
    bool matchOr()
    {
        if (keywordAt("or")) {
            pos_ += 2;
            return true;
        }
        if (peek() == '|' && peek(1) == '|') {
            pos_ += 2;
            return true;
        }
        return false;
    }
    bool peekOr() const { return keywordAt("or") || (peek() == '|' && peek(1) == '|'); }
    bool matchAnd()
    {
        if (keywordAt("and")) {
            pos_ += 3;
            return true;
        }
        if (peek() == '&' && peek(1) == '&') {
            pos_ += 2;
            return true;
        }
        return false;
    }
    bool matchNot()
    {
        if (keywordAt("not")) {
            pos_ += 3;
            return true;
        }
        // `!` and `-` negate only when glued to what they negate: "a - b" stays free text.
        if ((peek() == '!' || peek() == '-') && pos_ + 1 < s_.size() && !isSpace(s_[pos_ + 1])) {
            pos_ += 1;
            return true;
        }
        return false;
    }

    void enter(std::size_t at)
    {
        if (++depth_ > kMaxNesting)
            throwSyntax(at, "nesting deeper than " + std::to_string(kMaxNesting) + " levels");
    }

    NodePtr list(Node::Kind kind, NodePtr first, std::size_t position)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->position = position;
        node->children.push_back(std::move(first));
        return node;
    }

    NodePtr parseOr()
    {
        const auto start = pos_;
        auto first = parseAnd();
        skipSpace();
        if (!peekOr())
            return first;
        auto node = list(Node::Kind::Or, std::move(first), start);
        while (true) {
            skipSpace();
            const auto op = pos_;
            if (!matchOr())
                break;
            skipSpace();
            if (atEnd() || peek() == ')')
                throwSyntax(pos_, "expected a term after '" + std::string(s_.substr(op, pos_ - op)) + "'");
            node->children.push_back(parseAnd());
        }
        return node;
    }

    NodePtr parseAnd()
    {
        const auto start = pos_;
        auto first = parseNot();
        NodePtr node;
        while (true) {
            skipSpace();
            if (atEnd() || peek() == ')' || peekOr())
                break;
            const auto op = pos_;
            if (matchAnd()) {
                const std::string keyword(s_.substr(op, pos_ - op));
                skipSpace();
                if (atEnd() || peek() == ')' || peekOr())
                    throwSyntax(pos_, "expected a term after '" + keyword + "'");
            }
            if (!node)
                node = list(Node::Kind::And, std::move(first), start);
            node->children.push_back(parseNot());
        }
        return node ? std::move(node) : std::move(first);
    }

    NodePtr parseNot()
    {
        skipSpace();
        const auto start = pos_;
        if (matchNot()) {
            enter(start);
            skipSpace();
            if (atEnd() || peek() == ')')
                throwSyntax(pos_, "expected a term after 'not'");
            auto node = list(Node::Kind::Not, parseNot(), start);
            --depth_;
            return node;
        }
        return parsePrimary();
    }

    NodePtr parsePrimary()
    {
        skipSpace();
        if (atEnd())
            throwSyntax(pos_, "expected a term");
        const char c = peek();
        if (c == '(') {
            const auto open = pos_;
            enter(open);
            ++pos_;
            skipSpace();
            if (peek() == ')')
                throwSyntax(pos_, "expected a term inside the parentheses");
            if (atEnd())
                throwSyntax(open, "unbalanced parenthesis: '(' is never closed");
            auto inner = parseOr();
            skipSpace();
            if (peek() != ')')
                throwSyntax(open, "unbalanced parenthesis: '(' is never closed");
            ++pos_;
            --depth_;
            return inner;
        }
        if (c == ')')
            throwSyntax(pos_, "unbalanced parenthesis: ')' without '('");
        if (keywordAt("and") || keywordAt("or") || (c == '&' && peek(1) == '&') ||
            (c == '|' && peek(1) == '|'))
            throwSyntax(pos_, "expected a term before 'and'/'or'");
        auto node = std::make_unique<Node>();
        node->position = pos_;
        if (c == '"') {
            node->kind = Node::Kind::FreeText;
            node->value = readPhrase();
            return node;
        }
        // A name directly followed by ':' or an operator is a field; anything else is free text.
        std::size_t p = pos_;
        while (p < s_.size() && !isSpace(s_[p]) &&
               std::string_view("()\":<>=\\").find(s_[p]) == std::string_view::npos)
            ++p;
        const auto name = s_.substr(pos_, p - pos_);
        if (p < s_.size() && std::string_view(":<>=").find(s_[p]) != std::string_view::npos &&
            looksLikeField(name)) {
            node->field = std::string(name);
            node->field_position = pos_;
            pos_ = p;
            parseFieldTerm(*node);
            return node;
        }
        node->kind = Node::Kind::FreeText;
        node->value = readBare(false);
        return node;
    }

    // pos_ is on ':' or an operator after the field name.
    void parseFieldTerm(Node& node)
    {
        std::string op;
        if (peek() == ':') {
            ++pos_;
            op = ":";
            if (peek() == '<' || peek() == '>' || peek() == '=') // severity:>=3, as in KQL
                op.clear();
        }
        if (op.empty()) {
            if ((peek() == '<' || peek() == '>') && peek(1) == '=') {
                op = s_.substr(pos_, 2);
                pos_ += 2;
            } else {
                op = std::string(1, peek());
                ++pos_;
            }
        }
        node.op = op;
        const std::string after = "expected a value after '" + op + "'";
        if (atEnd() || isSpace(peek()) || peek() == ')' || peek() == '(')
            throwSyntax(pos_, after);
        if (node.field == "_exists_") {
            if (op != ":")
                throwSyntax(node.field_position, "expected ':' after _exists_");
            node.kind = Node::Kind::Exists;
            node.value = peek() == '"' ? readPhrase() : readBare(false);
            return;
        }
        if (op == ":" && (peek() == '[' || peek() == '{')) {
            node.kind = Node::Kind::Range;
            parseRange(node);
            return;
        }
        node.kind = Node::Kind::Compare;
        node.value = peek() == '"' ? readPhrase() : readBare(false);
        if (node.value.text.empty() && !node.value.quoted)
            throwSyntax(node.value.position, after);
    }

    void parseRange(Node& node)
    {
        const auto open = pos_;
        node.lower_inclusive = s_[pos_] == '[';
        ++pos_;
        skipSpace();
        node.value = rangeEnd("expected the lower end of the range");
        skipSpace();
        if (!(pos_ + 2 <= s_.size() && lowerEquals(s_.substr(pos_, 2), "to") && boundaryAt(pos_ + 2)))
            throwSyntax(pos_, "expected 'TO' in the range");
        pos_ += 2;
        skipSpace();
        node.upper = rangeEnd("expected the upper end of the range");
        skipSpace();
        if (peek() != ']' && peek() != '}')
            throwSyntax(atEnd() ? open : pos_, "expected ']' or '}' to close the range");
        node.upper_inclusive = peek() == ']';
        ++pos_;
    }

    Value rangeEnd(const char* expected)
    {
        if (atEnd() || peek() == ']' || peek() == '}')
            throwSyntax(pos_, expected);
        Value v = peek() == '"' ? readPhrase() : readBare(true);
        if (v.text.empty() && !v.quoted)
            throwSyntax(pos_, expected);
        v.open = v.isStar();
        return v;
    }

    Value readPhrase()
    {
        Value v;
        v.quoted = true;
        v.position = pos_;
        ++pos_;
        while (true) {
            if (atEnd())
                throwSyntax(v.position, "unterminated quoted phrase");
            const char c = s_[pos_];
            if (c == '"') {
                ++pos_;
                break;
            }
            if (c == '\\') {
                if (pos_ + 1 >= s_.size())
                    throwSyntax(v.position, "unterminated quoted phrase");
                v.text.push_back(s_[pos_ + 1]);
                pos_ += 2;
                continue;
            }
            v.text.push_back(c);
            ++pos_;
        }
        v.wild.assign(v.text.size(), false);
        return v;
    }

    // An unquoted value: up to a space, a parenthesis or a quote (or a range's closing
    // bracket); `\` makes the next character literal, unescaped * and ? are wildcards.
    Value readBare(bool in_range)
    {
        Value v;
        v.position = pos_;
        while (!atEnd()) {
            const char c = s_[pos_];
            if (isSpace(c) || c == '(' || c == ')' || c == '"' || (in_range && (c == ']' || c == '}')))
                break;
            if (c == '\\') {
                if (pos_ + 1 >= s_.size())
                    throwSyntax(pos_, "expected a character after '\\'");
                v.text.push_back(s_[pos_ + 1]);
                v.wild.push_back(false);
                pos_ += 2;
                continue;
            }
            v.text.push_back(c);
            v.wild.push_back(c == '*' || c == '?');
            ++pos_;
        }
        return v;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

} // namespace

NodePtr parseQuery(std::string_view query)
{
    if (query.size() > kMaxQueryBytes)
        throwSyntax(kMaxQueryBytes,
                    "the end of the query (at most " + std::to_string(kMaxQueryBytes) + " bytes)");
    if (const auto nul = query.find('\0'); nul != std::string_view::npos)
        throwSyntax(nul, "a character other than NUL");
    if (const auto bad = invalidUtf8(query); bad != std::string_view::npos)
        throwSyntax(bad, "valid UTF-8 text");
    return Parser(query).parse();
}

} // namespace vigie::query
