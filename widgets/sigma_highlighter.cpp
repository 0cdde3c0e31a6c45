// Sigma YAML highlighting, one line at a time (QSyntaxHighlighter). GUI thread.
#include "sigma_highlighter.h"

#include <QRegularExpression>
#include <QSet>

namespace vigie::widgets {

namespace {

// Block state: -1, or (indent << 2 | kind) while inside a construct spanning lines.
enum StateKind { BlockScalar = 1, ConditionList = 2 };

int encodeState(StateKind kind, int indent)
{
    return indent << 2 | kind;
}

bool inState(int state, StateKind kind)
{
    return state >= 0 && (state & 3) == kind;
}

int stateIndent(int state)
{
    return state >> 2;
}

int indentOf(const QString& text)
{
    int indent = 0;
    while (indent < text.size() && text.at(indent) == QLatin1Char(' '))
        ++indent;
    return indent;
}

// Where a `#` comment starts (outside quotes, at the start or after a blank), -1 if none.
int commentStart(const QString& text)
{
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool after_blank = i == 0 || text.at(i - 1).isSpace();
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('#') && after_blank) {
            return i;
        } else if ((c == QLatin1Char('\'') || c == QLatin1Char('"')) &&
                   (after_blank || QStringLiteral("[{,:").contains(text.at(i - 1)))) {
            quote = c; // only a quote opening a scalar; `don't` in a plain scalar is text
        }
    }
    return -1;
}

const QSet<QString>& topLevelKeys()
{
    // The Sigma specification's rule and correlation attributes.
    static const QSet<QString> keys{
        QStringLiteral("title"),          QStringLiteral("id"),          QStringLiteral("name"),
        QStringLiteral("related"),        QStringLiteral("status"),      QStringLiteral("description"),
        QStringLiteral("license"),        QStringLiteral("author"),      QStringLiteral("references"),
        QStringLiteral("date"),           QStringLiteral("modified"),    QStringLiteral("tags"),
        QStringLiteral("logsource"),      QStringLiteral("detection"),   QStringLiteral("fields"),
        QStringLiteral("falsepositives"), QStringLiteral("level"),       QStringLiteral("scope"),
        QStringLiteral("taxonomy"),       QStringLiteral("correlation"), QStringLiteral("generate"),
        QStringLiteral("filter")};
    return keys;
}

QColor pick(bool dark, const char* light_colour, const char* dark_colour)
{
    return QColor(QLatin1String(dark ? dark_colour : light_colour));
}

} // namespace

SigmaHighlighter::SigmaHighlighter(QTextDocument* document, const QPalette& palette)
    : QSyntaxHighlighter(document)
{
    setPalette(palette);
}

void SigmaHighlighter::setPalette(const QPalette& palette)
{
    // Hues tuned for contrast on a white or a near-black base; greys come from the palette.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    auto set = [this](Role role, const QColor& colour, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(colour);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        formats_[static_cast<std::size_t>(role)] = f;
    };
    set(Role::Key, pick(dark, "#1c56a8", "#78aeed"));
    set(Role::TopLevelKey, pick(dark, "#6a2a8c", "#c99be0"), true);
    set(Role::Modifier, pick(dark, "#a84300", "#f0a35e"));
    set(Role::String, pick(dark, "#1f7a36", "#8fd19e"));
    set(Role::Number, pick(dark, "#0b6f78", "#5fd7d7"));
    set(Role::Comment, palette.color(QPalette::PlaceholderText), false, true);
    set(Role::DocumentMarker, palette.color(QPalette::Highlight), true);
    set(Role::ConditionKeyword, pick(dark, "#b0142a", "#ff8080"), true);
    set(Role::Punctuation, palette.color(QPalette::PlaceholderText));
    rehighlight();
}

QTextCharFormat SigmaHighlighter::roleFormat(Role role) const
{
    return style(role);
}

void SigmaHighlighter::highlightBlock(const QString& text)
{
    setCurrentBlockState(-1);
    const int previous = previousBlockState();
    const int indent = indentOf(text);
    const bool blank = indent == text.size();
    // The lines of `key: |` are all text, `#` included, while indented deeper than the key.
    if (inState(previous, BlockScalar) && (blank || indent > stateIndent(previous))) {
        setFormat(0, static_cast<int>(text.size()), style(Role::String));
        setCurrentBlockState(previous);
        return;
    }
    const int comment = commentStart(text);
    const int end = comment < 0 ? static_cast<int>(text.size()) : comment;
    if (comment >= 0)
        setFormat(comment, static_cast<int>(text.size()) - comment, style(Role::Comment));
    static const QRegularExpression kMarker{QStringLiteral(R"(^(---|\.\.\.)\s*$)")};
    if (kMarker.match(text.left(end)).hasMatch()) {
        setFormat(0, 3, style(Role::DocumentMarker));
        return;
    }
    if (blank || indent == end) {
        setCurrentBlockState(previous); // blank and comment lines do not end a construct
        return;
    }
    int pos = indent;
    const bool item =
        text.at(pos) == QLatin1Char('-') && (pos + 1 == end || text.at(pos + 1) == QLatin1Char(' '));
    if (item) {
        setFormat(pos, 1, style(Role::Punctuation));
        pos = static_cast<int>(indentOf(text.mid(pos + 1))) + pos + 1;
        if (inState(previous, ConditionList) && indent > stateIndent(previous)) {
            highlightCondition(text, pos, end);
            setCurrentBlockState(previous);
            return;
        }
    }
    // `key:` followed by a blank or the end; a key is plain text without `:` or `#`, or quoted.
    static const QRegularExpression kKey{
        QStringLiteral(R"(\G('[^']*'|"[^"]*"|[^\s'"#:-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$))")};
    const QRegularExpressionMatch key = kKey.match(text.left(end), pos);
    if (!key.hasMatch()) {
        highlightValue(text, pos, end);
        return;
    }
    const QString name = key.captured(1);
    highlightKey(name, pos, indent == 0 && !item && topLevelKeys().contains(name));
    setFormat(static_cast<int>(key.capturedEnd(0)) - 1, 1, style(Role::Punctuation));
    const int value = static_cast<int>(key.capturedEnd(0));
    const QString rest = text.mid(value, end - value).trimmed();
    if (name == QLatin1String("condition")) {
        if (rest.isEmpty())
            setCurrentBlockState(encodeState(ConditionList, pos));
        else
            highlightCondition(text, value, end);
        return;
    }
    static const QRegularExpression kBlockScalar{QStringLiteral(R"(^[|>][-+]?[0-9]?$)")};
    if (kBlockScalar.match(rest).hasMatch()) {
        setFormat(static_cast<int>(text.indexOf(rest, value)), static_cast<int>(rest.size()),
                  style(Role::Punctuation));
        setCurrentBlockState(encodeState(BlockScalar, pos));
        return;
    }
    highlightValue(text, value, end);
}

void SigmaHighlighter::highlightKey(const QString& key, int at, bool top_level)
{
    // `Image|endswith|all`: the field as a key, each `|modifier` on its own.
    const qsizetype bar = key.indexOf(QLatin1Char('|'));
    const int field = static_cast<int>(bar < 0 ? key.size() : bar);
    setFormat(at, field, style(top_level ? Role::TopLevelKey : Role::Key));
    if (bar >= 0)
        setFormat(at + field, static_cast<int>(key.size()) - field, style(Role::Modifier));
}

void SigmaHighlighter::highlightValue(const QString& text, int from, int end)
{
    // Quoted strings anywhere (flow lists included), then plain numbers and constants.
    static const QRegularExpression kToken{QStringLiteral(
        R"('(?:[^']|'')*'?|"(?:[^"\\]|\\.)*"?|(?<![\w.\\/-])[-+]?(?:0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]+)?)(?![\w.\\/:-])|\b(?:true|false|null|True|False|Null|TRUE|FALSE|NULL)\b(?![\w.\\/-]))")};
    const QString part = text.left(end);
    // A plain scalar (no quote at its start) is text as a whole: only a bare number counts.
    static const QRegularExpression kPlainNumber{
        QStringLiteral(R"(^[-+]?(?:0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$|^(?:true|false|null|~)$)"),
        QRegularExpression::CaseInsensitiveOption};
    const QString value = part.mid(from).trimmed();
    if (value.isEmpty())
        return;
    const QChar first = value.at(0);
    if (first != QLatin1Char('[') && first != QLatin1Char('{') && first != QLatin1Char('\'') &&
        first != QLatin1Char('"')) {
        if (kPlainNumber.match(value).hasMatch())
            setFormat(static_cast<int>(part.indexOf(value, from)), static_cast<int>(value.size()),
                      style(Role::Number));
        return;
    }
    for (auto it = kToken.globalMatch(part, from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QChar c = m.captured(0).at(0);
        const bool quoted = c == QLatin1Char('\'') || c == QLatin1Char('"');
        setFormat(static_cast<int>(m.capturedStart(0)), static_cast<int>(m.capturedLength(0)),
                  style(quoted ? Role::String : Role::Number));
    }
}

void SigmaHighlighter::highlightCondition(const QString& text, int from, int end)
{
    static const QRegularExpression kWord{QStringLiteral(R"([A-Za-z_*][\w*.-]*|\b1(?=\s+of\b))")};
    static const QSet<QString> kKeywords{QStringLiteral("and"), QStringLiteral("or"),   QStringLiteral("not"),
                                         QStringLiteral("of"),  QStringLiteral("them"), QStringLiteral("all"),
                                         QStringLiteral("any")};
    for (auto it = kWord.globalMatch(text.left(end), from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const bool keyword =
            m.captured(0) == QLatin1String("1") || kKeywords.contains(m.captured(0).toLower());
        setFormat(static_cast<int>(m.capturedStart(0)), static_cast<int>(m.capturedLength(0)),
                  style(keyword ? Role::ConditionKeyword : Role::Key));
    }
}

} // namespace vigie::widgets
