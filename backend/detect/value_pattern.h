#pragma once
// One Sigma string value as a matcher: `*` (any run), `?` (one character), backslash escapes
// (`\*`, `\?`, `\\`; any other `\` is literal), and windash's dash class, as a list of pieces.
// After finish(), a pattern that is one literal with stars only at its ends reports its
// anchor (Exact / Prefix / Suffix / Contains) and literal(): what a literal prefilter indexes;
// anything else is a Glob. Literals are stored ASCII-folded unless cased. Immutable after
// finish(), any thread.
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

class ValuePattern {
public:
    enum class Anchor { Exact, Prefix, Suffix, Contains, Glob };
    struct Piece {
        enum class Kind { Literal, Star, AnyChar, Dash }; // Dash: - / U+2013 U+2014 U+2015
        Kind kind = Kind::Literal;
        std::string text; // Literal only
    };

    ValuePattern() = default;
    // Sigma wildcard syntax.
    static ValuePattern fromSigma(std::string_view text);
    // Bytes taken as they are (no wildcard), e.g. an encoded value.
    static ValuePattern fromLiteral(std::string bytes);

    // Building (before finish()).
    void surround(bool leading_star, bool trailing_star);
    void applyWindash();
    bool hasWildcards() const;
    // The text of a wildcard-free pattern.
    std::string plainText() const;
    void finish(bool cased);

    bool matches(std::string_view value) const;

    Anchor anchor() const { return anchor_; }
    // Exact/Prefix/Suffix/Contains: the literal (folded unless cased). Empty for Glob.
    const std::string& literal() const { return literal_; }
    bool cased() const { return cased_; }
    const std::vector<Piece>& pieces() const { return pieces_; }

private:
    bool globMatch(std::string_view value) const;
    void append(Piece::Kind kind, std::string_view text = {});

    std::vector<Piece> pieces_;
    Anchor anchor_ = Anchor::Glob;
    std::string literal_;
    bool cased_ = false;
};

// ASCII case folding helpers shared by the matchers.
char foldAscii(char c);
std::string foldAscii(std::string_view text);
bool equalsFolded(std::string_view value, std::string_view folded_literal);
// Whether `literal` (folded unless `cased`) occurs in `value`, ASCII-caseless unless `cased`.
bool containsLiteral(std::string_view value, std::string_view literal, bool cased);

} // namespace vigie::detect
