// IncidentsController: wires the incident views into the main window.
#include "incidents_controller.h"

#include "alert_queue_panel.h"
#include "event_table_model.h"
#include "event_table_view.h"
#include "incident_labels.h"
#include "incident_list_panel.h"
#include "incident_notifier.h"
#include "incident_service.h"
#include "incident_view.h"
#include "link_to_incident_dialog.h"
#include "utf8_text.h"

#include <QAction>
#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QSplitter>

#include <set>

namespace vigie::widgets {

IncidentsController::IncidentsController(AlertQueuePanel* alerts, EventTableView* events, QWidget* window)
    : QObject(window), window_(window), events_(events), service_(new models::IncidentService(this)),
      page_(new QSplitter(Qt::Vertical, window)), list_(new IncidentListPanel(service_, page_)),
      view_(new IncidentView(service_, page_)), notifier_(new IncidentNotifier(service_, window)),
      menu_(new QMenu(window)), analyst_(new QLabel(window)), newIncident_(new QAction(this)),
      addEvents_(new QAction(this))
{
    page_->setObjectName(QStringLiteral("incidentsPage"));
    page_->addWidget(list_);
    page_->addWidget(view_);
    // The list above, the open ticket below: both get the window's width (titles, raw lines).
    page_->setStretchFactor(0, 2);
    page_->setStretchFactor(1, 3);
    page_->setSizes({400, 600});
    page_->setChildrenCollapsible(false);
    menu_->setObjectName(QStringLiteral("incidentsMenu"));
    analyst_->setObjectName(QStringLiteral("analystLabel"));
    analyst_->setContentsMargins(6, 0, 6, 0);

    addEvents_->setObjectName(QStringLiteral("addEventsToIncidentAction"));
    addEvents_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    events_->addAction(addEvents_);
    connect(addEvents_, &QAction::triggered, this, &IncidentsController::addSelectedEvents);
    connect(newIncident_, &QAction::triggered, this, [this] {
        Q_EMIT showPageRequested();
        list_->newIncident();
    });
    menu_->addAction(newIncident_);
    menu_->addAction(addEvents_);
    menu_->addSeparator();
    menu_->addAction(notifier_->enabledAction());

    connect(list_, &IncidentListPanel::currentIncidentChanged, view_, &IncidentView::showIncident);
    connect(view_, &IncidentView::openEventsRequested, this, &IncidentsController::searchRequested);
    connect(view_, &IncidentView::escalated, this, [this](qint64 id, const QStringList& files) {
        Q_EMIT message(files.isEmpty() ? tr("Incident #%1 escalated to level 3.").arg(id)
                                       : tr("Incident #%1 escalated to level 3; package written to %2")
                                             .arg(id)
                                             .arg(files.join(QStringLiteral(", "))));
    });
    connect(notifier_, &IncidentNotifier::openRequested, this, &IncidentsController::openIncident);
    connect(alerts, &AlertQueuePanel::createIncidentRequested, this, &IncidentsController::createFromAlerts);
    connect(alerts, &AlertQueuePanel::addToIncidentRequested, this, &IncidentsController::addAlerts);
    connect(service_, &models::IncidentService::loaded, this, &IncidentsController::showAnalyst);
    connect(service_, &models::IncidentService::finished, this, &IncidentsController::onFinished);
    window_->installEventFilter(this);
    retranslate();
}

QWidget* IncidentsController::page() const
{
    return page_;
}

void IncidentsController::attach(const QString& conninfo)
{
    QString error;
    if (!service_->attach(conninfo, &error))
        Q_EMIT message(tr("Incidents cannot be read: %1").arg(error));
}

void IncidentsController::openIncident(qint64 id)
{
    Q_EMIT showPageRequested();
    list_->selectIncident(id);
    view_->showIncident(id);
}

void IncidentsController::createFromAlerts(const QList<qint64>& alertIds)
{
    if (alertIds.isEmpty())
        return;
    createRequest_ = service_->createFromAlerts(alertIds);
}

void IncidentsController::addAlerts(const QList<qint64>& alertIds)
{
    if (alertIds.isEmpty())
        return;
    LinkToIncidentDialog dialog(service_, static_cast<int>(alertIds.size()), false, window_);
    if (dialog.exec() != QDialog::Accepted || dialog.incidentId() == 0)
        return;
    linkRequest_ = service_->linkAlerts(dialog.incidentId(), alertIds);
}

void IncidentsController::addSelectedEvents()
{
    auto* model = qobject_cast<models::EventTableModel*>(events_->model());
    if (!model || !events_->selectionModel())
        return;
    std::set<int> rows;
    for (const QModelIndex& index : events_->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    if (rows.empty() && events_->currentIndex().isValid())
        rows.insert(events_->currentIndex().row());
    std::vector<cases::EventRef> refs;
    for (const int row : rows) {
        if (const auto event = model->row(row))
            refs.push_back(cases::EventRef{event->id, Timestamp(std::chrono::microseconds(event->ts_us))});
    }
    if (refs.empty()) {
        Q_EMIT message(tr("Select the events to add to an incident first."));
        return;
    }
    LinkToIncidentDialog dialog(service_, static_cast<int>(refs.size()), true, window_);
    if (dialog.exec() != QDialog::Accepted || dialog.incidentId() == 0)
        return;
    linkRequest_ = service_->linkEvents(dialog.incidentId(), refs, dialog.note());
}

void IncidentsController::onFinished(quint64 request, const QString& error, qint64 id)
{
    if (request != createRequest_ && request != linkRequest_)
        return;
    const bool created = request == createRequest_;
    createRequest_ = request == createRequest_ ? 0 : createRequest_;
    linkRequest_ = request == linkRequest_ ? 0 : linkRequest_;
    if (!error.isEmpty()) {
        Q_EMIT message(error);
        return;
    }
    Q_EMIT message(created ? tr("Incident #%1 opened.").arg(id) : tr("Added to incident #%1.").arg(id));
    openIncident(id);
}

void IncidentsController::showAnalyst()
{
    const auto& analyst = service_->analyst();
    analyst_->setText(tr("%1 · %2").arg(models::qstr(analyst.name),
                                        models::IncidentLabels::tier(models::qstr(analyst.tier))));
    analyst_->setToolTip(
        tr("Logged in to the database as %1 (%2)")
            .arg(models::qstr(analyst.name), models::IncidentLabels::tier(models::qstr(analyst.tier))));
}

bool IncidentsController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void IncidentsController::retranslate()
{
    menu_->setTitle(tr("&Incidents"));
    newIncident_->setText(tr("&New Incident…"));
    addEvents_->setText(tr("&Add Selected Events to Incident…"));
    addEvents_->setToolTip(tr("Link the selected events to an open incident, with a note (Ctrl+Shift+L)"));
    if (service_->isAttached() && !service_->isLoading())
        showAnalyst();
}

} // namespace vigie::widgets
