// RuleEditorDialog (rule_editor_dialog.h). GUI thread.
#include "rule_editor_dialog.h"

#include "rule_editor.h"
#include "rule_test_pane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace vigie::widgets {

RuleEditorDialog::RuleEditorDialog(const models::RuleRow& rule, QWidget* parent)
    : QDialog(parent), rule_(rule), editor_(new RuleEditor(this)), test_(new RuleTestPane(editor_, this)),
      testBox_(new QGroupBox(this)), message_(new QLabel(this)), save_(new QPushButton(this)),
      saveDisabled_(new QPushButton(this)), close_(new QPushButton(this))
{
    setObjectName(QStringLiteral("ruleEditorDialog"));
    editor_->setObjectName(QStringLiteral("ruleEditor"));
    message_->setObjectName(QStringLiteral("ruleEditorMessage"));
    save_->setObjectName(QStringLiteral("ruleSave"));
    saveDisabled_->setObjectName(QStringLiteral("ruleSaveDisabled"));
    setAttribute(Qt::WA_DeleteOnClose);
    setSizeGripEnabled(true);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setStyleSheet(QStringLiteral("color: #c62828;"));
    message_->hide();
    // A button's mnemonic would replace a shortcut set on it: Ctrl+S is an action of the dialog.
    auto* saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] { save(true); });
    save_->setAutoDefault(false);
    saveDisabled_->setAutoDefault(false);
    close_->setAutoDefault(false);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(save_, QDialogButtonBox::AcceptRole);
    buttons->addButton(saveDisabled_, QDialogButtonBox::AcceptRole);
    buttons->addButton(close_, QDialogButtonBox::RejectRole);
    saveDisabled_->setVisible(rule_.id == 0); // after addButton(), which shows it
    // Save keeps the dialog open (the analyst may test again); only Close closes it.
    connect(save_, &QPushButton::clicked, this, [this] { save(true); });
    connect(saveDisabled_, &QPushButton::clicked, this, [this] { save(false); });
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);

    testBox_->setObjectName(QStringLiteral("ruleTestBox"));
    auto* testLayout = new QVBoxLayout(testBox_);
    testLayout->addWidget(test_);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(editor_);
    splitter->addWidget(testBox_);
    splitter->setStretchFactor(0, 1);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(message_);
    layout->addWidget(buttons);

    connect(editor_, &RuleEditor::checked, this, &RuleEditorDialog::updateButtons);
    connect(editor_, &RuleEditor::validityChanged, this, &RuleEditorDialog::updateButtons);
    connect(editor_, &RuleEditor::modificationChanged, this, &RuleEditorDialog::updateButtons);
    connect(editor_->textEdit(), &QPlainTextEdit::textChanged, this, &RuleEditorDialog::updateButtons);
    editor_->setText(rule_.yaml);
    const int em = fontMetrics().averageCharWidth();
    resize(em * 110, fontMetrics().height() * 48);
    retranslate();
    updateButtons();
    editor_->textEdit()->setFocus();
}

QString RuleEditorDialog::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

void RuleEditorDialog::setConnInfo(const QString& conninfo)
{
    test_->setConnInfo(conninfo);
}

bool RuleEditorDialog::save(bool enabled)
{
    if (!save_->isEnabled())
        return false;
    saving_ = true;
    showMessage({});
    updateButtons();
    Q_EMIT saveRequested(editor_->text(), enabled);
    return true;
}

void RuleEditorDialog::saved(const models::RuleRow& rule)
{
    saving_ = false;
    rule_ = rule;
    saveDisabled_->hide(); // stored: its state is the list's checkbox now
    editor_->setModified(false);
    retranslate();
    updateButtons();
}

void RuleEditorDialog::refused(const QString& error, const models::RuleRow* stored)
{
    saving_ = false;
    if (stored && stored->version != rule_.version) {
        // Someone saved this rule meanwhile: show theirs rather than overwrite it blindly.
        QApplication::clipboard()->setText(editor_->text());
        rule_ = *stored;
        editor_->setText(rule_.yaml);
        showMessage(tr("Not saved: %1\nThe editor now shows the stored version %2; your text is on the "
                       "clipboard.")
                        .arg(error)
                        .arg(rule_.version));
    } else {
        showMessage(tr("Not saved: %1").arg(error));
    }
    updateButtons();
}

void RuleEditorDialog::reject()
{
    if (confirmation_)
        return;
    if (!editor_->isModified()) {
        QDialog::reject();
        return;
    }
    confirmation_ = new QMessageBox(QMessageBox::Question, windowTitle(),
                                    tr("Discard your unsaved changes to this rule?"),
                                    QMessageBox::Discard | QMessageBox::Cancel, this);
    confirmation_->setObjectName(QStringLiteral("discardRuleConfirmation"));
    confirmation_->setDefaultButton(QMessageBox::Cancel);
    confirmation_->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirmation_, &QMessageBox::finished, this, [this, box = confirmation_] {
        confirmation_ = nullptr;
        if (box->standardButton(box->clickedButton()) == QMessageBox::Discard)
            QDialog::reject();
    });
    confirmation_->open();
}

void RuleEditorDialog::showMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void RuleEditorDialog::updateButtons()
{
    const bool ready = !saving_ && editor_->isValid() && !editor_->isCheckPending();
    // A new rule may be saved as first written; a stored one only when changed.
    save_->setEnabled(ready && (rule_.id == 0 || editor_->isModified()));
    saveDisabled_->setEnabled(ready && rule_.id == 0);
}

void RuleEditorDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void RuleEditorDialog::retranslate()
{
    const QString name = rule_.title.isEmpty() ? rule_.name : rule_.title;
    setWindowTitle(rule_.id == 0 ? tr("New Rule") : tr("Rule “%1”").arg(name));
    testBox_->setTitle(tr("Test against stored events"));
    save_->setText(tr("&Save"));
    save_->setToolTip(tr("Store the text; the detection runs it from the next events (%1)")
                          .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    saveDisabled_->setText(tr("Save &Disabled"));
    saveDisabled_->setToolTip(tr("Store the rule switched off: it raises nothing until you enable it"));
    close_->setText(tr("&Close"));
}

} // namespace vigie::widgets
