#pragma once
// Syntax colouring for Sigma YAML in the rule editor (issue #5): keys, the Sigma top-level keys,
// `|modifiers`, strings, numbers, comments, `---` markers and the words of a condition
// (and/or/not/of/them/all, selection names). Line by line, with a block state carrying block
// scalars (`description: |`) and condition lists across lines. Colours are chosen for the
// palette given (light or dark base). GUI thread.
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace vigie::widgets {

class SigmaHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Role {
        Key,              // a map key, and a selection name inside a condition
        TopLevelKey,      // title, id, logsource, detection... at the document's top level
        Modifier,         // `|contains` after a field name
        String,           // a quoted scalar or the lines of a block scalar
        Number,           // numbers and true/false/null
        Comment,          // `# ...`
        DocumentMarker,   // `---` and `...`
        ConditionKeyword, // and, or, not, of, them, all, `1 of`
        Punctuation,      // `:` after a key, `-` of a list item
        Count,
    };

    explicit SigmaHighlighter(QTextDocument* document, const QPalette& palette = QPalette());

    // Picks the colours that read well on `palette`'s base and highlights again.
    void setPalette(const QPalette& palette);
    QTextCharFormat roleFormat(Role role) const;

protected:
    void highlightBlock(const QString& text) override;

private:
    void highlightKey(const QString& key, int at, bool top_level);
    void highlightValue(const QString& text, int from, int end);
    void highlightCondition(const QString& text, int from, int end);

    const QTextCharFormat& style(Role role) const { return formats_[static_cast<std::size_t>(role)]; }

    std::array<QTextCharFormat, static_cast<std::size_t>(Role::Count)> formats_;
};

} // namespace vigie::widgets
