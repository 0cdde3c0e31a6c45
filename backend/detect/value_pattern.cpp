// ValuePattern: Sigma wildcard values compiled to pieces and matched without allocation.
// Any thread once finished.
#include "detect/value_pattern.h"

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Candidate positions are those where both the literal's first and last bytes match (either
// case when caseless), 16 positions at a time with SSE2 as in Muła's "SIMD-friendly" search:
// a first byte alone (`\\`, `e`, a space) recurs too often in paths, command lines and
// messages for memchr- or memmem-style searches (the evaluator's and the dispatch's hot loop).
bool containsLiteral(std::string_view value, std::string_view literal, bool cased)
{
    const std::size_t n = literal.size();
    if (n == 0)
        return true;
    if (value.size() < n)
        return false;
    const std::size_t starts = value.size() - n + 1; // candidate start positions
    const char* const data = value.data();
    auto equalAt = [&](std::size_t at) {
        const auto part = value.substr(at, n);
        return cased ? part == literal : equalsFolded(part, literal);
    };
    // `c | mask == byte` holds for both cases of a letter, for the byte itself otherwise.
    auto maskOf = [&](char c) { return static_cast<char>(!cased && c >= 'a' && c <= 'z' ? 0x20 : 0); };
    const char first = literal.front(), last = literal.back();
    const char first_mask = maskOf(first), last_mask = maskOf(last);
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i first_byte = _mm_set1_epi8(first), first_or = _mm_set1_epi8(first_mask);
    const __m128i last_byte = _mm_set1_epi8(last), last_or = _mm_set1_epi8(last_mask);
    for (; i + 16 <= starts; i += 16) {
        // Both loads stay inside value: the last byte read is data[i + 15 + n - 1] < size.
        const __m128i heads = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const __m128i tails = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + n - 1));
        const __m128i both = _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(heads, first_or), first_byte),
                                           _mm_cmpeq_epi8(_mm_or_si128(tails, last_or), last_byte));
        for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(both)); bits != 0; bits &= bits - 1)
            if (equalAt(i + static_cast<std::size_t>(__builtin_ctz(bits))))
                return true;
    }
#endif
    for (; i < starts; ++i)
        if (static_cast<char>(data[i] | first_mask) == first &&
            static_cast<char>(data[i + n - 1] | last_mask) == last && equalAt(i))
            return true;
    return false;
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
        return containsLiteral(value, literal_, cased_);
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
    // longest one must, found by containsLiteral's block search instead of the backtracking walk.
    const Piece* longest = nullptr;
    for (const Piece& piece : pieces_)
        if (piece.kind == Piece::Kind::Literal && (!longest || piece.text.size() > longest->text.size()))
            longest = &piece;
    if (longest && !longest->text.empty() && !containsLiteral(value, longest->text, cased_))
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
