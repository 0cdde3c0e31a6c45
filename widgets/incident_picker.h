#pragma once
// IncidentPicker: choose one open ticket — a filter box (words of the title, assignee, tags, or
// "#42") over a compact table of the open tickets (id, severity, title, state, assignee, SLA),
// most severe first, optionally leaving one ticket out (the one being merged). Shared by the
// Merge and "Add to incident" dialogs. Reads the IncidentService's list model; live. GUI thread.
#include <QWidget>

class QLineEdit;
class QTableView;

namespace vigie::models {
class IncidentListModel;
}

namespace vigie::widgets {

class IncidentPickerFilter;

class IncidentPicker : public QWidget {
    Q_OBJECT
public:
    // `excluded`: a ticket not offered (0: none).
    explicit IncidentPicker(models::IncidentListModel* model, qint64 excluded = 0, QWidget* parent = nullptr);

    // The chosen ticket, 0 when none.
    qint64 incidentId() const;
    // Its version as listed (for an edit that checks it), 0 when none.
    int incidentVersion() const;
    // Chooses `id` when offered; false otherwise.
    bool select(qint64 id);
    // Tickets offered under the current filter text.
    int count() const;

    QLineEdit* filterEdit() const { return filter_; }
    QTableView* view() const { return view_; }

Q_SIGNALS:
    // The choice changed (0: none).
    void incidentChanged(qint64 id);
    // Enter or a double-click on a ticket: the dialog accepts.
    void incidentActivated(qint64 id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    IncidentPickerFilter* proxy_;
    QLineEdit* filter_;
    QTableView* view_;
};

} // namespace vigie::widgets
