#pragma once
// ResolveDialog: what resolving an incident asks for — a resolution code (IncidentLabels'
// list, stored as its key) and a summary of what was found and done. Resolve stays disabled
// until both are given. GUI thread.
#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vigie::widgets {

class ResolveDialog : public QDialog {
    Q_OBJECT
public:
    // `ticketName`: "#42 Title", shown at the top.
    explicit ResolveDialog(const QString& ticketName, QWidget* parent = nullptr);

    // The chosen code's key (true_positive_contained, …), empty while none is chosen.
    QString code() const;
    QString summary() const;

    QComboBox* codeCombo() const { return code_; }
    QPlainTextEdit* summaryEdit() const { return summary_; }
    QPushButton* resolveButton() const { return resolve_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateValidity();
    void retranslate();

    QString ticketName_;
    QLabel* intro_;
    QLabel* codeLabel_;
    QComboBox* code_;
    QLabel* summaryLabel_;
    QPlainTextEdit* summary_;
    QPushButton* resolve_;
    QPushButton* cancel_;
};

} // namespace vigie::widgets
