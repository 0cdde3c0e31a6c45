#pragma once
// NewIncidentDialog: "New Incident…" — a ticket opened by hand: title, description, severity
// (its SLA follows from it), priority 1–5, assignee (Unassigned, me, or another analyst) and
// ATT&CK tags ("T1110, T1078.003, credential_access", stored as alerts carry them:
// attack.t1110). OK stays disabled until there is a title. The caller creates the ticket through
// IncidentService. GUI thread.
#include "cases/incident_store.h"

#include <QDialog>

#include <string>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace vigie::widgets {

class NewIncidentDialog : public QDialog {
    Q_OBJECT
public:
    // `me`: the logged-in analyst; `analysts`: whom tickets can be assigned to.
    NewIncidentDialog(const cases::Analyst& me, const std::vector<cases::Analyst>& analysts,
                      QWidget* parent = nullptr);

    // The ticket as filled in.
    cases::NewIncident incident() const;
    // "T1110, attack.T1078.003, Credential Access" → attack.t1110, attack.t1078.003,
    // attack.credential_access (lower case, spaces as underscores, each once).
    static std::vector<std::string> attackTags(const QString& text);

    QLineEdit* titleEdit() const { return title_; }
    QPlainTextEdit* descriptionEdit() const { return description_; }
    QComboBox* severityCombo() const { return severity_; }
    QSpinBox* priorityBox() const { return priority_; }
    QComboBox* assigneeCombo() const { return assignee_; }
    QLineEdit* tagsEdit() const { return tags_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void updateButton();

    QLineEdit* title_;
    QPlainTextEdit* description_;
    QComboBox* severity_;
    QSpinBox* priority_;
    QComboBox* assignee_;
    QLineEdit* tags_;
    QDialogButtonBox* buttons_;
};

} // namespace vigie::widgets
