#pragma once
// RuleEditorDialog: one rule open in the Rule manager — the RuleEditor (highlighting, checks as
// the analyst types) over the RuleTestPane (Test…: hits over the last N hours), a red line for
// a refused save, and Save (Ctrl+S; off while the text is invalid, being checked, unchanged or
// being saved). A new rule also offers Save Disabled: stored, tested, switched on later. The
// dialog stores nothing itself: it asks with saveRequested() and the panel, which sends the
// request through its undo stack, tells it how the save ended with saved() or refused().
// Closing it with unsaved changes asks first (Discard / Cancel). Non-modal, one per rule, deleted
// when closed. GUI thread.
#include "rule_row.h"

#include <QDialog>

class QGroupBox;
class QLabel;
class QMessageBox;
class QPushButton;

namespace vigie::widgets {

class RuleEditor;
class RuleTestPane;

class RuleEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `rule` as stored (id 0: a new rule, its yaml the starting text).
    explicit RuleEditorDialog(const models::RuleRow& rule, QWidget* parent = nullptr);

    // The rule as last loaded or saved (id 0 until a new rule is stored).
    const models::RuleRow& rule() const { return rule_; }
    RuleEditor* editor() const { return editor_; }
    RuleTestPane* testPane() const { return test_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* saveDisabledButton() const { return saveDisabled_; }
    QString messageText() const;
    // The "discard changes?" question open now, if any (tests answer it).
    QMessageBox* openConfirmation() const { return confirmation_; }

    void setConnInfo(const QString& conninfo);
    // The save asked for was stored: `rule` is the stored row.
    void saved(const models::RuleRow& rule);
    // The save was refused with `error`. `stored` is the rule as stored now (nullptr when it is
    // gone): when someone saved a newer version meanwhile, the editor shows it instead, and the
    // analyst's text goes to the clipboard so nothing typed is lost.
    void refused(const QString& error, const models::RuleRow* stored);

public Q_SLOTS:
    // Asks for the save of the current text (enabled as it is, or disabled for a new rule);
    // false when Save is off.
    bool save(bool enabled = true);
    // Close, Escape or the title bar: asks first when the text has unsaved changes.
    void reject() override;

Q_SIGNALS:
    void saveRequested(const QString& yaml, bool enabled);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showMessage(const QString& text);
    void updateButtons();
    void retranslate();

    models::RuleRow rule_;
    RuleEditor* editor_;
    RuleTestPane* test_;
    QGroupBox* testBox_;
    QLabel* message_;
    QPushButton* save_;
    QPushButton* saveDisabled_;
    QPushButton* close_;
    QMessageBox* confirmation_ = nullptr;
    bool saving_ = false;
};

} // namespace vigie::widgets
