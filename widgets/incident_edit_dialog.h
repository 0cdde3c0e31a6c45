#pragma once
// IncidentEditDialog: Edit… in the incident view — title, description, severity, priority,
// ATT&CK tags (comma-separated) and, below level 3, the tier (level 1 hands a ticket to level 2
// here). changes() holds only the fields the analyst changed, so an edit never rewrites a field
// with the value it had when the dialog opened. GUI thread.
#include "cases/incident_store.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vigie::widgets {

class IncidentEditDialog : public QDialog {
    Q_OBJECT
public:
    explicit IncidentEditDialog(const cases::Incident& incident, QWidget* parent = nullptr);

    // The edits (empty fields: unchanged).
    cases::IncidentChanges changes() const;
    // True when changes() would change nothing.
    bool isUnchanged() const;

    QLineEdit* titleEdit() const { return title_; }
    QPlainTextEdit* descriptionEdit() const { return description_; }
    QComboBox* severityCombo() const { return severity_; }
    QSpinBox* prioritySpin() const { return priority_; }
    QLineEdit* tagsEdit() const { return tags_; }
    QComboBox* tierCombo() const { return tier_; }
    QPushButton* saveButton() const { return save_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    std::vector<std::string> tags() const;
    void retranslate();

    cases::Incident incident_;
    QLineEdit* title_;
    QPlainTextEdit* description_;
    QComboBox* severity_;
    QSpinBox* priority_;
    QLineEdit* tags_;
    QComboBox* tier_;
    QPushButton* save_;
    QPushButton* cancel_;
    QList<QLabel*> labels_; // title, description, severity, priority, tags, tier
};

} // namespace vigie::widgets
