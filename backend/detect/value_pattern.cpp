// ValuePattern: Sigma wildcard values compiled to pieces and matched without allocation.
// Any thread once finished.
#include "detect/value_pattern.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace vigie::detect {

namespace {

// The byte sequences windash accepts for one dash.
constexpr std::array<std::string_view, 5> kDashes{"-", "/", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95"};

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Length of the UTF-8 character starting at value[pos] (1 for stray bytes).
std::size_t charLength(std::string_view value, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(value[pos]);
    std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::size_t n = 1;
    while (n < length && pos + n < value.size() &&
           (static_cast<unsigned char>(value[pos + n]) & 0xC0) == 0x80)
        ++n;
    return n;
}

bool startsWithAt(std::string_view value, std::size_t pos, std::string_view literal, bool cased)
{
    if (value.size() - pos < literal.size())
        return false;
    const auto part = value.substr(pos, literal.size());
    return cased ? part == literal : equalsFolded(part, literal);
}

// Caseless substring search for a folded, non-empty literal: candidate positions come from
// memchr on both cases of its first byte (the evaluator's hot loop on long command lines).
bool containsFolded(std::string_view value, std::string_view folded)
{
    if (value.size() < folded.size())
        return false;
    const char lower = folded.front();
    const char upper = (lower >= 'a' && lower <= 'z') ? static_cast<char>(lower - 'a' + 'A') : lower;
    const char* const begin = value.data();
    const char* const end = begin + (value.size() - folded.size()) + 1; // last start + 1
    auto next = [&](const char* from, char c) {
        const void* found = from < end ? std::memchr(from, c, static_cast<std::size_t>(end - from)) : nullptr;
        return found ? static_cast<const char*>(found) : end;
    };
    const char* at_lower = next(begin, lower);
    const char* at_upper = upper == lower ? end : next(begin, upper);
    while (true) {
        const char* at = std::min(at_lower, at_upper);
        if (at == end)
            return false;
        if (startsWithAt(value, static_cast<std::size_t>(at - begin), folded, false))
            return true;
        if (at == at_lower)
            at_lower = next(at + 1, lower);
        if (at == at_upper)
            at_upper = next(at + 1, upper);
    }
}

} // namespace

char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string foldAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = foldAscii(c);
    return out;
}

bool equalsFolded(std::string_view value, std::string_view folded_literal)
{
    if (value.size() != folded_literal.size())
        return false;
    for (std::size_t i = 0; i < value.size(); ++i)
        if (foldAscii(value[i]) != folded_literal[i])
            return false;
    return true;
}

void ValuePattern::append(Piece::Kind kind, std::string_view text)
{
    if (kind == Piece::Kind::Literal) {
        if (text.empty())
            return;
        if (!pieces_.empty() && pieces_.back().kind == Piece::Kind::Literal) {
            pieces_.back().text.append(text);
            return;
        }
    }
    if (kind == Piece::Kind::Star && !pieces_.empty() && pieces_.back().kind == Piece::Kind::Star)
        return;
    pieces_.push_back(Piece{kind, std::string(text)});
}

ValuePattern ValuePattern::fromSigma(std::string_view text)
{
    ValuePattern pattern;
    std::string literal;
    auto flush = [&] {
        pattern.append(Piece::Kind::Literal, literal);
        literal.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() &&
            (text[i + 1] == '*' || text[i + 1] == '?' || text[i + 1] == '\\')) {
            literal.push_back(text[++i]);
        } else if (c == '*' || c == '?') {
            flush();
            pattern.append(c == '*' ? Piece::Kind::Star : Piece::Kind::AnyChar);
        } else {
            literal.push_back(c);
        }
    }
    flush();
    return pattern;
}

ValuePattern ValuePattern::fromLiteral(std::string bytes)
{
    ValuePattern pattern;
    pattern.append(Piece::Kind::Literal, bytes);
    return pattern;
}

void ValuePattern::surround(bool leading_star, bool trailing_star)
{
    if (leading_star && (pieces_.empty() || pieces_.front().kind != Piece::Kind::Star))
        pieces_.insert(pieces_.begin(), Piece{Piece::Kind::Star, {}});
    if (trailing_star)
        append(Piece::Kind::Star);
}

// pySigma's rule: a `-` or `/` not preceded by a word character and followed by one.
void ValuePattern::applyWindash()
{
    std::vector<Piece> out;
    for (const Piece& piece : pieces_) {
        if (piece.kind != Piece::Kind::Literal) {
            out.push_back(piece);
            continue;
        }
        std::string literal;
        const std::string& t = piece.text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const bool dash = t[i] == '-' || t[i] == '/';
            const bool before_ok = i == 0 || !isWordChar(t[i - 1]);
            const bool after_ok = i + 1 < t.size() && isWordChar(t[i + 1]);
            if (dash && before_ok && after_ok) {
                if (!literal.empty())
                    out.push_back(Piece{Piece::Kind::Literal, std::move(literal)});
                literal.clear();
                out.push_back(Piece{Piece::Kind::Dash, {}});
            } else {
                literal.push_back(t[i]);
            }
        }
        if (!literal.empty())
            out.push_back(Piece{Piece::Kind::Literal, std::move(literal)});
    }
    pieces_ = std::move(out);
}

bool ValuePattern::hasWildcards() const
{
    return std::any_of(pieces_.begin(), pieces_.end(),
                       [](const Piece& p) { return p.kind != Piece::Kind::Literal; });
}

std::string ValuePattern::plainText() const
{
    std::string text;
    for (const Piece& piece : pieces_)
        text += piece.text;
    return text;
}

void ValuePattern::finish(bool cased)
{
    cased_ = cased;
    if (!cased)
        for (Piece& piece : pieces_)
            piece.text = foldAscii(piece.text);
    using K = Piece::Kind;
    const auto n = pieces_.size();
    auto is = [&](std::size_t i, K kind) { return i < n && pieces_[i].kind == kind; };
    literal_.clear();
    anchor_ = Anchor::Glob;
    if (n == 0) {
        anchor_ = Anchor::Exact;
    } else if (n == 1 && is(0, K::Literal)) {
        anchor_ = Anchor::Exact;
        literal_ = pieces_[0].text;
    } else if (n == 1 && is(0, K::Star)) {
        anchor_ = Anchor::Contains;
    } else if (n == 2 && is(0, K::Literal) && is(1, K::Star)) {
        anchor_ = Anchor::Prefix;
        literal_ = pieces_[0].text;
    } else if (n == 2 && is(0, K::Star) && is(1, K::Literal)) {
        anchor_ = Anchor::Suffix;
        literal_ = pieces_[1].text;
    } else if (n == 3 && is(0, K::Star) && is(1, K::Literal) && is(2, K::Star)) {
        anchor_ = Anchor::Contains;
        literal_ = pieces_[1].text;
    }
}

bool ValuePattern::matches(std::string_view value) const
{
    switch (anchor_) {
    case Anchor::Exact:
        return cased_ ? value == literal_ : equalsFolded(value, literal_);
    case Anchor::Prefix:
        return startsWithAt(value, 0, literal_, cased_);
    case Anchor::Suffix:
        return value.size() >= literal_.size() &&
               startsWithAt(value, value.size() - literal_.size(), literal_, cased_);
    case Anchor::Contains: {
        if (literal_.empty())
            return true;
        if (cased_)
            return value.find(literal_) != std::string_view::npos;
        return containsFolded(value, literal_);
    }
    case Anchor::Glob:
        break;
    }
    return globMatch(value);
}

// Classic wildcard matching with one backtrack point (the last star): correct here because
// every non-star piece matches at most one way at a given position (windash's dashes differ
// in their bytes).
bool ValuePattern::globMatch(std::string_view value) const
{
    // Quick reject (most evaluations): every literal piece occurs in a matching value, so the
    // longest one must, found by the memchr-based search instead of the backtracking walk.
    const Piece* longest = nullptr;
    for (const Piece& piece : pieces_)
        if (piece.kind == Piece::Kind::Literal && (!longest || piece.text.size() > longest->text.size()))
            longest = &piece;
    if (longest && !longest->text.empty() &&
        !(cased_ ? value.find(longest->text) != std::string_view::npos
                 : containsFolded(value, longest->text)))
        return false;
    std::size_t p = 0, s = 0;
    std::size_t star_p = std::string::npos, star_s = 0;
    const std::size_t n = pieces_.size();
    while (true) {
        if (p < n && pieces_[p].kind == Piece::Kind::Star) {
            star_p = p++;
            star_s = s;
            if (p == n)
                return true;
            continue;
        }
        if (p == n && s == value.size())
            return true;
        std::size_t consumed = 0;
        bool ok = false;
        if (p < n && s <= value.size()) {
            const Piece& piece = pieces_[p];
            switch (piece.kind) {
            case Piece::Kind::Literal:
                ok = startsWithAt(value, s, piece.text, cased_);
                consumed = piece.text.size();
                break;
            case Piece::Kind::AnyChar:
                ok = s < value.size();
                consumed = ok ? charLength(value, s) : 0;
                break;
            case Piece::Kind::Dash:
                for (std::string_view dash : kDashes)
                    if (value.substr(s).starts_with(dash)) {
                        ok = true;
                        consumed = dash.size();
                        break;
                    }
                break;
            case Piece::Kind::Star:
                break;
            }
        }
        if (ok) {
            ++p;
            s += consumed;
            continue;
        }
        if (star_p == std::string::npos || star_s >= value.size())
            return false;
        ++star_s;
        p = star_p + 1;
        s = star_s;
    }
}

} // namespace vigie::detect
