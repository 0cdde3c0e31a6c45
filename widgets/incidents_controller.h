#pragma once
// IncidentsController: the incident feature in the main window — the Incidents page (the list
// above the open ticket, the central view's third page), the Incidents menu, the
// desktop notification, the analyst shown in the status bar ("alice · L2"), and the ways in:
// the alert queue's Create Incident… / Add to Incident… and the search results' Add Events to
// Incident… (Ctrl+Shift+L, with a note). It owns the IncidentService and attaches it when the
// window gets its database. GUI thread.
#include "search_bar.h"

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QWidget;

namespace vigie::models {
class IncidentService;
} // namespace vigie::models

namespace vigie::widgets {

class AlertQueuePanel;
class EventTableView;
class IncidentListPanel;
class IncidentNotifier;
class IncidentView;

class IncidentsController : public QObject {
    Q_OBJECT
public:
    // `alerts` and `events` are the window's alert queue and events table (their selections
    // become tickets and links); `window` holds the dialogs and the toasts.
    IncidentsController(AlertQueuePanel* alerts, EventTableView* events, QWidget* window);

    void attach(const QString& conninfo);

    models::IncidentService* service() const { return service_; }
    QWidget* page() const;
    IncidentListPanel* listPanel() const { return list_; }
    IncidentView* view() const { return view_; }
    IncidentNotifier* notifier() const { return notifier_; }
    QMenu* menu() const { return menu_; }
    // For the status bar: who is logged in and their tier.
    QLabel* analystLabel() const { return analyst_; }
    QAction* addEventsAction() const { return addEvents_; }

    // Shows ticket `id` (the page is asked for with showPageRequested()).
    void openIncident(qint64 id);
    // Links the events selected in the search results to a ticket the analyst picks, with a note.
    void addSelectedEvents();

Q_SIGNALS:
    void showPageRequested();
    void searchRequested(const vigie::widgets::SearchEntry& entry);
    // A sentence for the status bar.
    void message(const QString& text);

private:
    void createFromAlerts(const QList<qint64>& alertIds);
    void addAlerts(const QList<qint64>& alertIds);
    void onFinished(quint64 request, const QString& error, qint64 id);
    void showAnalyst();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QWidget* window_;
    EventTableView* events_;
    models::IncidentService* service_;
    QSplitter* page_;
    IncidentListPanel* list_;
    IncidentView* view_;
    IncidentNotifier* notifier_;
    QMenu* menu_;
    QLabel* analyst_;
    QAction* newIncident_;
    QAction* addEvents_;
    quint64 createRequest_ = 0; // a ticket made from alerts: shown once created
    quint64 linkRequest_ = 0;
};

} // namespace vigie::widgets
