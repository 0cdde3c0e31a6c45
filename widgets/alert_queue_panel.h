#pragma once
// AlertQueuePanel: the "Alerts" dock — the alert queue (AlertQueueService's model) in a tree,
// flat or grouped by detection rule or by host, most severe first, the level coloured as the
// events table colours severities, and the number of open alerts in the dock's title. Actions:
// Group by, Show acknowledged, Acknowledge (Ctrl+K, every selected alert or group; answered
// asynchronously, errors in the panel's message line), Open events (Enter or double-click: the
// search bar runs the alert's host and entity over its time, a minute either side), Refresh,
// Create Incident… (Ctrl+Shift+N) and Add to Incident… for the selected alerts or groups (the
// incidents controller answers createIncidentRequested and addToIncidentRequested). Not a ListPanel: that one is a table with an undo stack, and an
// acknowledgement is an audit fact, not something to undo. GUI thread.
#include "search_bar.h"

#include <QDockWidget>
#include <QList>

class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QStackedWidget;
class QToolBar;
class QTreeView;

namespace vigie::models {
class AlertQueueService;
struct AlertRow;
} // namespace vigie::models

namespace vigie::widgets {

class AlertQueuePanel : public QDockWidget {
    Q_OBJECT
public:
    // Runs Open events through `searchBar`.
    AlertQueuePanel(models::AlertQueueService* service, SearchBar* searchBar, QWidget* parent = nullptr);

    // The search Open events runs for `alert`: its host and entity terms over
    // [first seen − 1 min, last seen + 1 min).
    static SearchEntry eventsSearch(const models::AlertRow& alert);

    QTreeView* view() const { return view_; }
    QComboBox* groupCombo() const { return group_; }
    QAction* showAcknowledgedAction() const { return showAcknowledged_; }
    QAction* acknowledgeAction() const { return acknowledge_; }
    QAction* openEventsAction() const { return openEvents_; }
    QAction* refreshAction() const { return refresh_; }
    QAction* createIncidentAction() const { return createIncident_; }
    QAction* addToIncidentAction() const { return addToIncident_; }
    // The last error shown in the message line, empty when none.
    QString messageText() const;
    // The alerts selected: those of selected alert rows and of every selected group row.
    QList<qint64> selectedAlertIds() const;

public Q_SLOTS:
    // Acknowledges the selected alerts; false when none is selected or the queue is detached.
    bool acknowledgeSelected();
    // Runs the current alert's events in the search bar; false on a group row or no alert.
    bool openCurrentEvents();

Q_SIGNALS:
    // The analyst asked for a new incident from these alerts, or to link them to an existing one.
    void createIncidentRequested(const QList<qint64>& alertIds);
    void addToIncidentRequested(const QList<qint64>& alertIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    bool openEvents(const QModelIndex& index);
    void regroup();
    void onFinished(quint64 request, const QString& error, int acknowledged);
    void showMessage(const QString& text);
    // Title badge, placeholder and enabled actions after any change of the queue or selection.
    void updateState();
    void retranslate();

    models::AlertQueueService* service_;
    SearchBar* searchBar_;
    QToolBar* toolBar_;
    QLabel* groupLabel_;
    QComboBox* group_;
    QLabel* message_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QTreeView* view_;
    QAction* showAcknowledged_;
    QAction* acknowledge_;
    QAction* openEvents_;
    QAction* refresh_;
    QAction* createIncident_;
    QAction* addToIncident_;
    quint64 acknowledgeRequest_ = 0;
    int acknowledgeAsked_ = 0;
    bool readFailed_ = false; // the message line shows a failed read, cleared by the next good one
};

} // namespace vigie::widgets
