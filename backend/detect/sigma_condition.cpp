// Sigma condition parser: tokenizer + recursive descent. Any thread.
#include "detect/sigma_condition.h"

#include "detect/value_pattern.h"

#include <cctype>
#include <stdexcept>

namespace vigie::detect {

namespace {

struct Token {
    enum class Kind { Word, Open, Close, End };
    Kind kind = Kind::End;
    std::string text;
    std::size_t column = 0; // 1-based
};

struct SyntaxError : std::runtime_error {
    SyntaxError(const std::string& message, std::size_t column) : std::runtime_error(message), column(column)
    {
    }
    std::size_t column;
};

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '*' || c == '?' || c == '-' ||
           c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '|') {
            throw SyntaxError("obsolete aggregation ('|'), use a correlation rule", i + 1);
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? Token::Kind::Open : Token::Kind::Close, std::string(1, c), i + 1});
            ++i;
        } else if (isNameChar(c)) {
            const std::size_t start = i;
            while (i < text.size() && isNameChar(text[i]))
                ++i;
            tokens.push_back({Token::Kind::Word, std::string(text.substr(start, i - start)), start + 1});
        } else {
            throw SyntaxError(std::string("unexpected character '") + c + "'", i + 1);
        }
    }
    tokens.push_back({Token::Kind::End, {}, text.size() + 1});
    return tokens;
}

// Selection-name patterns: `*` any run, `?` one character, case-sensitive.
bool nameMatches(std::string_view pattern, std::string_view name)
{
    if (pattern.empty())
        return name.empty();
    if (pattern.front() == '*')
        return nameMatches(pattern.substr(1), name) ||
               (!name.empty() && nameMatches(pattern, name.substr(1)));
    if (name.empty())
        return false;
    return (pattern.front() == '?' || pattern.front() == name.front()) &&
           nameMatches(pattern.substr(1), name.substr(1));
}

class Parser {
public:
    Parser(std::vector<Token> tokens, const std::vector<std::string>& selections)
        : tokens_(std::move(tokens)), selections_(selections)
    {
    }

    CondNode parse()
    {
        CondNode node = parseOr();
        if (peek().kind != Token::Kind::End)
            fail(peek(), "unexpected '" + peek().text + "'");
        return node;
    }

private:
    const Token& peek() const { return tokens_[pos_]; }
    bool isKeyword(const Token& t, std::string_view word) const
    {
        return t.kind == Token::Kind::Word && foldAscii(t.text) == word;
    }
    [[noreturn]] void fail(const Token& t, const std::string& message) const
    {
        if (isKeyword(t, "near"))
            throw SyntaxError("obsolete 'near' aggregation, use a correlation rule", t.column);
        if (t.kind == Token::Kind::End)
            throw SyntaxError(message == "unexpected ''" ? "unexpected end of condition" : message, t.column);
        throw SyntaxError(message, t.column);
    }

    static CondNode combine(CondNode::Kind kind, std::vector<CondNode> children)
    {
        if (children.size() == 1)
            return std::move(children.front());
        CondNode node;
        node.kind = kind;
        node.children = std::move(children);
        return node;
    }

    CondNode parseOr()
    {
        std::vector<CondNode> children{parseAnd()};
        while (isKeyword(peek(), "or")) {
            ++pos_;
            children.push_back(parseAnd());
        }
        return combine(CondNode::Kind::Or, std::move(children));
    }

    CondNode parseAnd()
    {
        std::vector<CondNode> children{parseNot()};
        while (isKeyword(peek(), "and")) {
            ++pos_;
            children.push_back(parseNot());
        }
        return combine(CondNode::Kind::And, std::move(children));
    }

    // Every `not` and `(` goes one level deeper; a hostile condition must not exhaust the stack.
    void descend(const Token& t)
    {
        if (++depth_ > kMaxDepth)
            fail(t, "condition nested too deeply");
    }

    CondNode parseNot()
    {
        if (isKeyword(peek(), "not")) {
            descend(peek());
            ++pos_;
            CondNode node;
            node.kind = CondNode::Kind::Not;
            node.children.push_back(parseNot());
            --depth_;
            return node;
        }
        return parsePrimary();
    }

    CondNode parsePrimary()
    {
        const Token& t = peek();
        if (t.kind == Token::Kind::Open) {
            descend(t);
            ++pos_;
            CondNode node = parseOr();
            if (peek().kind != Token::Kind::Close)
                fail(peek(), peek().kind == Token::Kind::End ? "missing ')'"
                                                             : "expected ')' before '" + peek().text + "'");
            ++pos_;
            --depth_;
            return node;
        }
        if (t.kind != Token::Kind::Word)
            fail(t, "unexpected '" + t.text + "'");
        const std::string word = foldAscii(t.text);
        if (word == "and" || word == "or" || word == "of" || word == "them")
            fail(t, "unexpected '" + t.text + "'");
        if ((word == "1" || word == "all" || word == "any") && isKeyword(tokens_[pos_ + 1], "of"))
            return parseQuantifier(word != "all");
        ++pos_;
        for (std::size_t i = 0; i < selections_.size(); ++i)
            if (selections_[i] == t.text)
                return ref(i);
        fail(t, "unknown selection '" + t.text + "'");
    }

    CondNode parseQuantifier(bool any)
    {
        pos_ += 2;
        const Token& target = peek();
        if (target.kind != Token::Kind::Word)
            fail(target, "expected a selection pattern or 'them' after 'of'");
        ++pos_;
        std::vector<CondNode> children;
        const bool them = foldAscii(target.text) == "them";
        for (std::size_t i = 0; i < selections_.size(); ++i) {
            const bool hit =
                them ? !selections_[i].starts_with('_') : nameMatches(target.text, selections_[i]);
            if (hit)
                children.push_back(ref(i));
        }
        if (children.empty())
            fail(target, "'" + target.text + "' matches no selection");
        return combine(any ? CondNode::Kind::Or : CondNode::Kind::And, std::move(children));
    }

    static CondNode ref(std::size_t index)
    {
        CondNode node;
        node.kind = CondNode::Kind::Ref;
        node.ref = index;
        return node;
    }

    std::vector<Token> tokens_;
    const std::vector<std::string>& selections_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    static constexpr std::size_t kMaxDepth = 200;
};

CondNode nnf(const CondNode& node, bool negate)
{
    using K = CondNode::Kind;
    switch (node.kind) {
    case K::Not:
        return nnf(node.children.front(), !negate);
    case K::Ref:
    case K::Const: {
        if (!negate)
            return node;
        CondNode out;
        out.kind = K::Not;
        out.children.push_back(node);
        return out;
    }
    case K::And:
    case K::Or: {
        CondNode out;
        out.kind = (node.kind == K::And) != negate ? K::And : K::Or;
        for (const CondNode& child : node.children) {
            CondNode c = nnf(child, negate);
            if (c.kind == out.kind)
                for (CondNode& grandchild : c.children)
                    out.children.push_back(std::move(grandchild));
            else
                out.children.push_back(std::move(c));
        }
        return out;
    }
    }
    return node;
}

} // namespace

ConditionResult parseCondition(std::string_view text, const std::vector<std::string>& selections)
{
    ConditionResult result;
    try {
        Parser parser(tokenize(text), selections);
        result.node = parser.parse();
    } catch (const SyntaxError& error) {
        result.error = error.what();
        result.column = error.column;
    }
    return result;
}

CondNode negationNormalForm(const CondNode& node)
{
    return nnf(node, false);
}

std::string describe(const CondNode& node, const std::vector<std::string>& selections)
{
    using K = CondNode::Kind;
    switch (node.kind) {
    case K::Ref:
        return node.ref < selections.size() ? selections[node.ref] : "#" + std::to_string(node.ref);
    case K::Const:
        return node.value ? "true" : "false";
    case K::Not:
        return "not " + describe(node.children.front(), selections);
    case K::And:
    case K::Or: {
        std::string out = "(";
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            if (i)
                out += node.kind == K::And ? " and " : " or ";
            out += describe(node.children[i], selections);
        }
        return out + ")";
    }
    }
    return {};
}

} // namespace vigie::detect
