// The Sigma rule editor: a typed rule becomes valid, a mistake is listed with its line and
// underlined within a second, a listed problem takes the cursor to it, keys and modifiers are
// coloured, and editing keeps undo/redo and the modified flag.
#include "gui_test_support.h"

#include "rule_editor.h"
#include "sigma_highlighter.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

using namespace vigie;
using widgets::RuleDiagnostic;
using widgets::RuleEditor;
using widgets::SigmaHighlighter;

namespace {

// Line 9 holds `Image|endswith`: the tests break it.
const QString kRule = QStringLiteral("title: Suspicious whoami\n"
                                     "id: 6f3e1a52-3d36-4a3c-9a55-1c0c3b7a1f00\n"
                                     "status: test\n"
                                     "logsource:\n"
                                     "    product: windows\n"
                                     "    category: process_creation\n"
                                     "detection:\n"
                                     "    selection:\n"
                                     "        Image|endswith: '\\whoami.exe'\n"
                                     "    filter:\n"
                                     "        User: SYSTEM # the machine account\n"
                                     "    condition: selection and not filter\n"
                                     "level: medium\n");

QString statusText(const RuleEditor& editor)
{
    const auto labels = editor.findChildren<QLabel*>();
    return labels.isEmpty() ? QString() : labels.front()->text();
}

// Types `text` key by key (QTest::keyClicks knows no newline: Return ends each line).
void typeText(QWidget* widget, const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QTest::keyClicks(widget, lines[i]);
        if (i + 1 < lines.size())
            QTest::keyClick(widget, Qt::Key_Return);
    }
}

bool waitChecked(const RuleEditor& editor, int ms = 1000)
{
    return QTest::qWaitFor([&] { return !editor.isCheckPending(); }, ms);
}

// The format the highlighter gave to [start, start + length) of `block`, if exactly that range.
std::optional<QTextCharFormat> formatAt(const QTextBlock& block, int start, int length)
{
    for (const QTextLayout::FormatRange& range : block.layout()->formats())
        if (range.start == start && range.length == length)
            return range.format;
    return std::nullopt;
}

bool sameStyle(const std::optional<QTextCharFormat>& actual, const QTextCharFormat& expected)
{
    return actual && actual->foreground() == expected.foreground() &&
           actual->fontWeight() == expected.fontWeight();
}

class RuleEditorTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        editor_.resize(760, 560);
        editor_.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&editor_));
    }
    QTreeWidget* list() const { return editor_.findChild<QTreeWidget*>(); }

    RuleEditor editor_;
};

TEST_F(RuleEditorTest, TypedRuleBecomesValid)
{
    QSignalSpy validity(&editor_, &RuleEditor::validityChanged);
    QSignalSpy documents(&editor_, &RuleEditor::documentsChanged);
    QSignalSpy checked(&editor_, &RuleEditor::checked);
    editor_.textEdit()->setFocus();
    typeText(editor_.textEdit(), kRule);
    ASSERT_TRUE(QTest::qWaitFor([&] { return editor_.isValid(); }, 2000))
        << statusText(editor_).toStdString();
    ASSERT_EQ(validity.count(), 1);
    EXPECT_TRUE(validity.front().front().toBool());
    EXPECT_EQ(editor_.text(), kRule);
    EXPECT_EQ(statusText(editor_), QStringLiteral("Valid rule: Suspicious whoami"));
    ASSERT_EQ(editor_.documents().size(), 1);
    EXPECT_EQ(editor_.documents().front().id, QStringLiteral("6f3e1a52-3d36-4a3c-9a55-1c0c3b7a1f00"));
    EXPECT_TRUE(editor_.documents().front().runnable);
    EXPECT_GE(documents.count(), 1);
    EXPECT_TRUE(editor_.diagnostics().isEmpty());
    EXPECT_EQ(list()->topLevelItemCount(), 0);
    EXPECT_TRUE(editor_.isModified());

    // A burst of typing is checked once, after the pause.
    checked.clear();
    QTest::keyClicks(editor_.textEdit(), QStringLiteral("# reviewed"));
    ASSERT_TRUE(waitChecked(editor_));
    QTest::qWait(400);
    EXPECT_EQ(checked.count(), 1);
}

TEST_F(RuleEditorTest, MistakeIsListedUnderlinedAndClickable)
{
    editor_.setText(kRule);
    ASSERT_TRUE(QTest::qWaitFor([&] { return editor_.isValid(); }, 2000));
    EXPECT_FALSE(editor_.isModified());
    QSignalSpy validity(&editor_, &RuleEditor::validityChanged);

    // Misspell the modifier: `endswith` becomes `endswithx` (line 9, after column 22).
    editor_.goToLine(9, 23);
    QTest::keyClicks(editor_.textEdit(), QStringLiteral("x"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return validity.count() == 1; }, 1000)) << "no verdict within a second";
    EXPECT_FALSE(validity.front().front().toBool());
    EXPECT_FALSE(editor_.isValid());
    ASSERT_FALSE(editor_.diagnostics().isEmpty());
    const RuleDiagnostic problem = editor_.diagnostics().front();
    EXPECT_EQ(problem.severity, RuleDiagnostic::Severity::Error);
    EXPECT_EQ(problem.line, 9);
    EXPECT_TRUE(problem.message.contains(QStringLiteral("endswithx"))) << problem.message.toStdString();
    EXPECT_EQ(statusText(editor_), QStringLiteral("1 error(s)"));

    ASSERT_EQ(list()->topLevelItemCount(), 1);
    QTreeWidgetItem* item = list()->topLevelItem(0);
    EXPECT_EQ(item->text(0), QStringLiteral("9"));
    EXPECT_EQ(item->text(1), problem.message);

    const auto selections = editor_.textEdit()->extraSelections();
    ASSERT_EQ(selections.size(), 1);
    EXPECT_EQ(selections.front().cursor.block().blockNumber(), 8);
    EXPECT_EQ(selections.front().format.underlineStyle(), QTextCharFormat::WaveUnderline);
    EXPECT_TRUE(selections.front().cursor.hasSelection());

    // Clicking the problem takes the cursor to its line and column.
    editor_.goToLine(1);
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, list()->visualItemRect(item).center());
    EXPECT_EQ(editor_.textEdit()->textCursor().blockNumber(), 8);
    EXPECT_EQ(editor_.textEdit()->textCursor().positionInBlock(), problem.column - 1);
    EXPECT_EQ(editor_.focusWidget(), editor_.textEdit());
    // So does Enter on it.
    editor_.goToLine(1);
    list()->setFocus();
    list()->setCurrentItem(item);
    QTest::keyClick(list(), Qt::Key_Return);
    EXPECT_EQ(editor_.textEdit()->textCursor().blockNumber(), 8);

    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        editor_.grab().save(dir + QStringLiteral("/rule_editor.png"));

    // Fixing it clears everything.
    editor_.textEdit()->undo();
    ASSERT_TRUE(QTest::qWaitFor([&] { return validity.count() == 2; }, 1000));
    EXPECT_TRUE(editor_.isValid());
    EXPECT_TRUE(editor_.textEdit()->extraSelections().isEmpty());
    EXPECT_EQ(list()->topLevelItemCount(), 0);
}

TEST_F(RuleEditorTest, HighlighterColoursKeysModifiersAndConditionWords)
{
    editor_.setText(kRule);
    const SigmaHighlighter* h = editor_.highlighter();
    using Role = SigmaHighlighter::Role;
    const QTextDocument* doc = editor_.textEdit()->document();
    // `title:` is a Sigma top-level key, `Image` a field key, `|endswith` a modifier.
    EXPECT_TRUE(sameStyle(formatAt(doc->findBlockByNumber(0), 0, 5), h->roleFormat(Role::TopLevelKey)));
    EXPECT_TRUE(sameStyle(formatAt(doc->findBlockByNumber(8), 8, 5), h->roleFormat(Role::Key)));
    EXPECT_TRUE(sameStyle(formatAt(doc->findBlockByNumber(8), 13, 9), h->roleFormat(Role::Modifier)));
    EXPECT_TRUE(sameStyle(formatAt(doc->findBlockByNumber(8), 24, 13), h->roleFormat(Role::String)));
    // `# the machine account` is a comment; `and`, `not` are condition words.
    EXPECT_TRUE(sameStyle(formatAt(doc->findBlockByNumber(10), 21, 21), h->roleFormat(Role::Comment)));
    EXPECT_TRUE(
        sameStyle(formatAt(doc->findBlockByNumber(11), 25, 3), h->roleFormat(Role::ConditionKeyword)));
    EXPECT_TRUE(
        sameStyle(formatAt(doc->findBlockByNumber(11), 29, 3), h->roleFormat(Role::ConditionKeyword)));
    EXPECT_NE(h->roleFormat(Role::Key).foreground(), h->roleFormat(Role::Modifier).foreground());
    EXPECT_NE(h->roleFormat(Role::Key).foreground(), h->roleFormat(Role::TopLevelKey).foreground());

    // On a dark palette the colours turn light enough to read.
    EXPECT_LT(h->roleFormat(Role::Key).foreground().color().lightness(), 128);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Window, QColor(45, 45, 45));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    editor_.setPalette(dark);
    EXPECT_GT(h->roleFormat(Role::Key).foreground().color().lightness(), 128);
    EXPECT_TRUE(sameStyle(formatAt(doc->findBlockByNumber(8), 8, 5), h->roleFormat(Role::Key)));
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        editor_.grab().save(dir + QStringLiteral("/rule_editor_dark.png"));
}

TEST_F(RuleEditorTest, UndoRedoTabAndModifiedFlag)
{
    editor_.setText(kRule);
    QSignalSpy modified(&editor_, &RuleEditor::modificationChanged);
    QPlainTextEdit* edit = editor_.textEdit();
    edit->setFocus();
    editor_.goToLine(14);
    QTest::keyClick(edit, Qt::Key_Tab);
    EXPECT_EQ(editor_.text(), kRule + QStringLiteral("  "))
        << "Tab indents with two spaces (YAML has no tabs)";
    EXPECT_TRUE(editor_.isModified());
    ASSERT_EQ(modified.count(), 1);

    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(editor_.text(), kRule);
    EXPECT_FALSE(editor_.isModified()) << "undo back to the loaded text";
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(editor_.text(), kRule + QStringLiteral("  "));

    // Loading another rule starts a new history.
    editor_.setText(kRule);
    EXPECT_FALSE(edit->document()->isUndoAvailable());
    EXPECT_FALSE(editor_.isModified());
}

} // namespace
