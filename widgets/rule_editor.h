#pragma once
// The Sigma rule editor of the Rule manager (issue #5): a YAML text editor (monospace, line
// numbers, Tab inserts two spaces, undo/redo with Ctrl+Z / Ctrl+Shift+Z) with Sigma highlighting,
// validated as the analyst types. 300 ms after the last change the text is checked on a worker
// thread (detect/rule_text_check.h: YAML syntax, Sigma loading, compilation, whether the
// built-in mapping can run it); only the result for the current text is shown: problems are
// underlined in the text and listed below it (Enter or a click on one moves the cursor there),
// and a status line sums up ("Valid rule: <title>", "2 errors").
// Messages follow a language change (QEvent::LanguageChange) without a new check.
// GUI thread; the check itself runs on the editor's own QThread.
//
// Use from the Rule manager panel:
//   editor->setText(yaml);                       // load a rule: undo history and modified reset
//   connect(editor, &RuleEditor::validityChanged, saveAction, &QAction::setEnabled);
//   connect(editor, &RuleEditor::documentsChanged, ...);   // ids/titles to list or test
//   if (editor->isValid() && !editor->isCheckPending()) save(editor->text());
//   editor->setModified(false);                  // after saving
#include <QList>
#include <QString>
#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace vigie::detect {
struct RuleTextCheck;
}

namespace vigie::widgets {

class SigmaHighlighter;

// One problem of the text, phrased for the analyst (already translated).
struct RuleDiagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int line = 1;   // 1-based
    int column = 1; // 1-based
    QString message;
    bool operator==(const RuleDiagnostic&) const = default;
};

// One Sigma document of the text (rule or correlation), as far as it could be read.
struct RuleDocumentSummary {
    QString id;
    QString title;
    QString level;
    QString status;
    bool correlation = false;
    bool loaded = false;       // Vigie loads it (no error in this document)
    bool runnable = false;     // and the built-in mapping runs it
    QString unsupportedReason; // when loaded && !runnable (English, from the engine)
    int line = 1;              // where the document starts
    bool operator==(const RuleDocumentSummary&) const = default;
};

class RuleEditor : public QWidget {
    Q_OBJECT
public:
    explicit RuleEditor(QWidget* parent = nullptr);
    ~RuleEditor() override; // waits for a running check (tens of ms at most)

    // Replaces the text (a rule loaded from a file or the database): clears the undo history,
    // marks the text unmodified and checks it at once, without the typing delay.
    void setText(const QString& yaml);
    QString text() const;

    // As of the last check of the current text; false while no check has finished.
    bool isValid() const { return valid_; }
    // True from a change of the text until its check is shown.
    bool isCheckPending() const { return pending_; }
    QList<RuleDiagnostic> diagnostics() const { return diagnostics_; }
    QList<RuleDocumentSummary> documents() const { return documents_; }

    // The text document's own modified flag (undo back to the saved text clears it).
    bool isModified() const;
    void setModified(bool modified);

    // Moves the cursor to `line`, `column` (1-based, clamped) and focuses the text.
    void goToLine(int line, int column = 1);

    // The text area itself, for read-only mode, actions or focus chains.
    QPlainTextEdit* textEdit() const { return edit_; }
    SigmaHighlighter* highlighter() const { return highlighter_; }

signals:
    void validityChanged(bool valid);
    // The documents' ids, titles... changed (also when one appears or goes away).
    void documentsChanged(const QList<vigie::widgets::RuleDocumentSummary>& documents);
    // A check's result is now shown (diagnostics, underlines and status up to date).
    void checked();
    void modificationChanged(bool modified);

protected:
    void changeEvent(QEvent* event) override;

private:
    void textChanged();
    void requestCheck();
    void showResult(quint64 generation, const std::shared_ptr<const detect::RuleTextCheck>& result);
    QList<RuleDiagnostic> translatedDiagnostics() const; // of result_
    void showDiagnostics();
    void underline();
    void showStatus();
    void activate(QTreeWidgetItem* item);
    void retranslate();

    QPlainTextEdit* edit_;
    SigmaHighlighter* highlighter_;
    QTreeWidget* list_;
    QLabel* status_;
    QTimer* debounce_;
    QThread thread_;
    QObject* worker_; // lives in thread_: the context the checks run in
    // The generation of the current text: results for an older one are dropped, and the
    // worker skips requests a newer one has overtaken (read there, hence atomic).
    std::atomic<quint64> generation_{0};
    bool pending_ = false;
    bool valid_ = false;
    std::shared_ptr<const detect::RuleTextCheck> result_; // the last shown, null before the first
    QList<RuleDiagnostic> diagnostics_;
    QList<RuleDocumentSummary> documents_;
};

} // namespace vigie::widgets
