#pragma once
// LinkToIncidentDialog: "Add to incident…" from the search results (events, with a note saying
// why they matter) and from the alert queue (alerts) — choose the open ticket they join. The
// caller links them through IncidentService once accepted. GUI thread.
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigie::models {
class IncidentService;
}

namespace vigie::widgets {

class IncidentPicker;

class LinkToIncidentDialog : public QDialog {
    Q_OBJECT
public:
    // `itemCount` events (`withNote`: the analyst may say why they matter) or alerts.
    LinkToIncidentDialog(models::IncidentService* service, int itemCount, bool withNote,
                         QWidget* parent = nullptr);

    // The chosen ticket, 0 when none.
    qint64 incidentId() const;
    // The note, trimmed (empty without one).
    QString note() const;
    IncidentPicker* picker() const { return picker_; }
    QLineEdit* noteEdit() const { return note_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void updateButton();

    bool withNote_;
    QLabel* explanation_;
    IncidentPicker* picker_;
    QLineEdit* note_;
    QDialogButtonBox* buttons_;
};

} // namespace vigie::widgets
