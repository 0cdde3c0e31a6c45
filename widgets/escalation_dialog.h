#pragma once
// EscalationDialog: "Escalate to L3…" — everything the level-3 team needs before it takes a
// ticket over: the justification, the impact on systems, data and users, the actions already
// taken, the evidence (a checkable list of the ticket's alerts and events, none checked), the
// receiving team (remembered in QSettings incidents/lastTeam) and the folder the escalation
// package is written to. Escalate refuses while any part is missing: the dialog stays open,
// outlines each missing field in red and says which parts are missing; it closes only on a
// complete form. It only gathers the request: the incident view sends it. GUI thread.
#include "cases/incident_store.h"

#include <QDialog>

#include <array>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vigie::widgets {

class EscalationDialog : public QDialog {
    Q_OBJECT
public:
    explicit EscalationDialog(const cases::IncidentTicket& ticket, QWidget* parent = nullptr);

    // The request as the form has it (only meaningful once missingParts() is empty).
    cases::EscalationRequest request() const;
    QString packageDirectory() const;
    // The parts still missing, named for the analyst ("justification", "impact on users"…), in
    // the form's order; empty when the form is complete.
    QStringList missingParts() const;
    // The refusal shown after Escalate on an incomplete form; empty when none shows.
    QString messageText() const;
    // True when `field` is outlined as missing.
    static bool isMarked(const QWidget* field);

    QPlainTextEdit* justificationEdit() const { return justification_; }
    QLineEdit* impactSystemsEdit() const { return systems_; }
    QLineEdit* impactDataEdit() const { return data_; }
    QLineEdit* impactUsersEdit() const { return users_; }
    QPlainTextEdit* actionsEdit() const { return actions_; }
    QListWidget* evidenceList() const { return evidence_; }
    QComboBox* teamCombo() const { return team_; }
    QLineEdit* directoryEdit() const { return directory_; }
    QPushButton* escalateButton() const { return escalate_; }

public Q_SLOTS:
    // Closes the dialog only when the form is complete; otherwise marks what is missing.
    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    enum Part { Justification, Systems, Data, Users, Actions, Evidence, Team, Folder, PartCount };

    QWidget* field(Part part) const;
    bool isFilled(Part part) const;
    QString partName(Part part) const;
    // After a refused Escalate: outlines and the message follow each edit.
    void updateMarks();
    void browse();
    void retranslate();

    cases::IncidentTicket ticket_;
    QLabel* intro_;
    QPlainTextEdit* justification_;
    QLineEdit* systems_;
    QLineEdit* data_;
    QLineEdit* users_;
    QPlainTextEdit* actions_;
    QListWidget* evidence_;
    QLabel* noEvidence_;
    QPushButton* checkAll_;
    QComboBox* team_;
    QLineEdit* directory_;
    QPushButton* browse_;
    QLabel* message_;
    QPushButton* escalate_;
    QPushButton* cancel_;
    std::array<QLabel*, PartCount> labels_{};
    bool refused_ = false; // Escalate was refused once: marks are kept up to date
};

} // namespace vigie::widgets
