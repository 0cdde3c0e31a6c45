#pragma once
// RuleImportReportDialog: what an import of Sigma rules did — "N rule(s) imported and enabled.",
// then, when something was left out, each file not stored with, under it, each unsupported
// document and why (the checker's words, as `vigiectl rules check` says them), in a read-only
// text the analyst can select or copy whole (Copy) into a ticket or a note to the rule author.
// Window-modal over the Rule manager, deleted when closed. GUI thread.
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vigie::models {
struct RuleImportReport;
}

namespace vigie::widgets {

class RuleImportReportDialog : public QDialog {
    Q_OBJECT
public:
    RuleImportReportDialog(const models::RuleImportReport& report, QWidget* parent = nullptr);

    QString summaryText() const;
    // The list of what was not stored, empty when everything was.
    QString detailsText() const;
    QPushButton* copyButton() const { return copy_; }

    // The list of the files not stored and their unsupported documents, one per line.
    static QString details(const models::RuleImportReport& report);

private:
    QLabel* summary_;
    QLabel* explanation_;
    QPlainTextEdit* details_;
    QPushButton* copy_;
};

} // namespace vigie::widgets
