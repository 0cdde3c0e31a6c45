#pragma once
// IncidentListPanel: the incident tickets as a ticketing tool lists them — a filter bar (quick
// toggles My incidents, Unassigned and SLA breached; a state choice, Open by default; severity
// and tier menus; a text filter, Ctrl+F; Clear filters; "12 of 40 incidents · 3 breached"),
// then the table (IncidentFilterModel over the service's live IncidentListModel), most severe
// first then the soonest SLA due, severity as coloured pills and a breached SLA in red. Actions:
// New Incident… (Ctrl+N), Merge Into… (the current ticket into another, through
// MergeIncidentDialog) and Refresh (F5); they act while the panel has the focus. Enter or a
// double-click opens a ticket (incidentActivated); the current one is announced as it changes
// (currentIncidentChanged), for the incident view beside the list. GUI thread.
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QTableView;
class QToolBar;
class QToolButton;

namespace vigie::models {
class IncidentFilterModel;
class IncidentService;
} // namespace vigie::models

namespace vigie::widgets {

class MergeIncidentDialog;
class NewIncidentDialog;

class IncidentListPanel : public QWidget {
    Q_OBJECT
public:
    explicit IncidentListPanel(models::IncidentService* service, QWidget* parent = nullptr);

    QTableView* view() const { return view_; }
    models::IncidentFilterModel* filterModel() const { return filter_; }
    QAction* newIncidentAction() const { return new_; }
    QAction* mergeAction() const { return merge_; }
    QAction* refreshAction() const { return refresh_; }
    QAction* findAction() const { return find_; }
    QToolButton* mineToggle() const { return mine_; }
    QToolButton* unassignedToggle() const { return unassigned_; }
    QToolButton* breachedToggle() const { return breached_; }
    // Open (the default), All, then each state.
    QComboBox* stateCombo() const { return state_; }
    // Menus of checkable actions, one per key (the action's data); none checked: any.
    QToolButton* severityButton() const { return severity_; }
    QToolButton* tierButton() const { return tier_; }
    QLineEdit* textFilter() const { return text_; }
    QToolButton* clearFiltersButton() const { return clear_; }
    // "12 of 40 incidents · 3 SLA breached" (plain text).
    QString countText() const;
    // The last error shown in the message line, empty when none.
    QString messageText() const;
    // The ticket of the current row, 0 when none.
    qint64 currentIncidentId() const;
    // The dialog New Incident… or Merge Into… opened, while it is open (tests drive them).
    NewIncidentDialog* newIncidentDialog() const;
    MergeIncidentDialog* mergeDialog() const;

public Q_SLOTS:
    // Makes `id` the current row, clearing the filters when they hide it; when the ticket is
    // not listed yet (just created), as soon as it is.
    void selectIncident(qint64 id);
    // Opens the New Incident dialog (non-blocking); the ticket is created when it is accepted.
    NewIncidentDialog* newIncident();
    // Opens the Merge dialog for the current ticket; nullptr when it cannot be merged.
    MergeIncidentDialog* mergeCurrent();
    // Back to every ticket: no toggle, state All, no severity, tier or text.
    void clearFilters();

Q_SIGNALS:
    void currentIncidentChanged(qint64 id);
    void incidentActivated(qint64 id);

protected:
    void changeEvent(QEvent* event) override;

private:
    QToolButton* makeToggle(const char* name);
    QToolButton* makeMenuButton(const char* name, const QStringList& keys);
    // The filter model follows the controls.
    void applyFilters();
    void onFinished(quint64 request, const QString& error, qint64 id);
    void onCurrentChanged();
    void showMessage(const QString& text);
    // Count, placeholder, button texts and enabled actions after any change.
    void updateState();
    void retranslate();

    models::IncidentService* service_;
    models::IncidentFilterModel* filter_;
    QToolBar* toolBar_;
    QWidget* filterBar_;
    QToolButton* mine_;
    QToolButton* unassigned_;
    QToolButton* breached_;
    QComboBox* state_;
    QToolButton* severity_;
    QToolButton* tier_;
    QLineEdit* text_;
    QToolButton* clear_;
    QLabel* count_;
    QLabel* message_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QTableView* view_;
    QAction* new_;
    QAction* merge_;
    QAction* refresh_;
    QAction* find_;
    QPointer<NewIncidentDialog> newDialog_;
    QPointer<MergeIncidentDialog> mergeDialog_;
    quint64 createRequest_ = 0;
    quint64 mergeRequest_ = 0;
    quint64 refreshRequest_ = 0;
    bool firstRead_ = false;      // attached, its first read not answered yet
    bool readFailed_ = false;     // the message line shows a failed read, cleared by the next good one
    qint64 pendingSelection_ = 0; // selectIncident() of a ticket not listed yet
    qint64 announced_ = 0;        // the last currentIncidentChanged() id
};

} // namespace vigie::widgets
