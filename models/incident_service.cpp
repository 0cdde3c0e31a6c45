// IncidentService: posts the incident views' requests to the worker and applies its answers to
// the list model. GUI thread.
#include "incident_service.h"

#include "conn_info.h"
#include "utf8_text.h"

#include "cases/incident_rules.h"

namespace vigie::models {
namespace {

// How often the list is compared when the driver cannot LISTEN.
constexpr int kPollMs = 5000;

// What deserves a desktop notification: a new critical incident, or an escalation to level 3.
bool worthAnnouncing(const IncidentNotice& notice)
{
    return (notice.event == QLatin1String("created") && notice.severity == QLatin1String("critical")) ||
           notice.event == QLatin1String("escalated");
}

} // namespace

IncidentService::IncidentService(QObject* parent)
    : QObject(parent), model_(new IncidentListModel(this)), worker_(QStringLiteral("incident worker"))
{
    qRegisterMetaType<IncidentOutcome>();
    qRegisterMetaType<IncidentNotice>();
    qRegisterMetaType<cases::NewIncident>();
    qRegisterMetaType<cases::IncidentChanges>();
    qRegisterMetaType<cases::EscalationRequest>();
    qRegisterMetaType<cases::IncidentTicket>();
    qRegisterMetaType<cases::EscalationPackage>();
}

IncidentService::~IncidentService()
{
    detach();
}

bool IncidentService::attach(const QString& conninfo, QString* error)
{
    QString options;
    if (!ConnInfo::qpsqlOptionsFor(conninfo, &options, error))
        return false;
    detach();
    auto* worker = new IncidentWorker(conninfo.toStdString(), options);
    // Not an answer to a request: connected here, it ends with the worker.
    connect(worker, &IncidentWorker::changedElsewhere, this, &IncidentService::onChangedElsewhere);
    worker_.start<IncidentOutcome>(worker, &IncidentWorker::done, this,
                                   [this](const IncidentOutcome& outcome) { onDone(outcome); });
    // Listening before the first read, so no change falls between the two: once loaded(), every
    // later change reaches changedElsewhere().
    QMetaObject::invokeMethod(
        worker, [worker] { worker->listen(kPollMs); }, Qt::QueuedConnection);
    // Loading before telling: a view reading isLoading() on attachedChanged shows "Reading…".
    loadRequest_ = reload();
    Q_EMIT attachedChanged(true);
    return true;
}

void IncidentService::detach()
{
    if (!worker_.isRunning())
        return;
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

QStringList IncidentService::allowedTransitions(const cases::Incident& incident) const
{
    QStringList states;
    for (const std::string& state : cases::allowedTransitions(incident, analyst_.tier, transitions_))
        states << qstr(state);
    return states;
}

bool IncidentService::mayEdit(const cases::Incident& incident) const
{
    return cases::mayEdit(incident, analyst_.tier);
}

quint64 IncidentService::reload()
{
    return worker_.post([](IncidentWorker* worker, quint64 request) { worker->load(request); });
}

quint64 IncidentService::open(qint64 id)
{
    return worker_.post([id](IncidentWorker* worker, quint64 request) { worker->open(request, id); });
}

quint64 IncidentService::create(const cases::NewIncident& incident)
{
    return worker_.post(
        [incident](IncidentWorker* worker, quint64 request) { worker->create(request, incident); });
}

quint64 IncidentService::createFromAlerts(const QList<qint64>& alertIds)
{
    return worker_.post(
        [alertIds](IncidentWorker* worker, quint64 request) { worker->createFromAlerts(request, alertIds); });
}

quint64 IncidentService::update(qint64 id, int expectedVersion, const cases::IncidentChanges& changes)
{
    return worker_.post([id, expectedVersion, changes](IncidentWorker* worker, quint64 request) {
        worker->update(request, id, expectedVersion, changes);
    });
}

quint64 IncidentService::transition(qint64 id, int expectedVersion, const QString& to,
                                    const QString& resolutionCode, const QString& resolutionSummary)
{
    return worker_.post([id, expectedVersion, to, resolutionCode, resolutionSummary](IncidentWorker* worker,
                                                                                     quint64 request) {
        worker->transition(request, id, expectedVersion, to, resolutionCode, resolutionSummary);
    });
}

quint64 IncidentService::escalate(qint64 id, int expectedVersion, const cases::EscalationRequest& escalation)
{
    return worker_.post([id, expectedVersion, escalation](IncidentWorker* worker, quint64 request) {
        worker->escalate(request, id, expectedVersion, escalation);
    });
}

quint64 IncidentService::merge(qint64 source, int sourceVersion, qint64 target, int targetVersion)
{
    return worker_.post(
        [source, sourceVersion, target, targetVersion](IncidentWorker* worker, quint64 request) {
            worker->merge(request, source, sourceVersion, target, targetVersion);
        });
}

quint64 IncidentService::linkAlerts(qint64 id, const QList<qint64>& alertIds)
{
    return worker_.post([id, alertIds](IncidentWorker* worker, quint64 request) {
        worker->link(request, id, alertIds, {}, {}, false);
    });
}

quint64 IncidentService::unlinkAlert(qint64 id, qint64 alertId)
{
    return worker_.post([id, alertId](IncidentWorker* worker, quint64 request) {
        worker->link(request, id, {alertId}, {}, {}, true);
    });
}

quint64 IncidentService::linkEvents(qint64 id, const std::vector<cases::EventRef>& events,
                                    const QString& note)
{
    return worker_.post([id, events, note](IncidentWorker* worker, quint64 request) {
        worker->link(request, id, {}, events, note, false);
    });
}

quint64 IncidentService::unlinkEvent(qint64 id, const cases::EventRef& event)
{
    return worker_.post([id, event](IncidentWorker* worker, quint64 request) {
        worker->link(request, id, {}, {event}, {}, true);
    });
}

quint64 IncidentService::comment(qint64 id, const QString& body)
{
    return worker_.post(
        [id, body](IncidentWorker* worker, quint64 request) { worker->comment(request, id, body); });
}

quint64 IncidentService::loadPackage(qint64 id)
{
    return worker_.post([id](IncidentWorker* worker, quint64 request) { worker->package(request, id); });
}

void IncidentService::onDone(const IncidentOutcome& outcome)
{
    if (outcome.listed)
        model_->mergeListings(outcome.listings);
    const bool wasLoad = outcome.request == loadRequest_;
    if (wasLoad)
        loadRequest_ = 0;
    if (outcome.analyst) {
        analyst_ = *outcome.analyst;
        analysts_ = outcome.analysts;
        transitions_ = outcome.transitions;
    }
    if (outcome.ticket) {
        if (outcome.stale)
            Q_EMIT staleRefused(outcome.request, *outcome.ticket, outcome.error);
        else if (outcome.error.isEmpty())
            Q_EMIT ticketLoaded(outcome.request, *outcome.ticket);
    }
    if (outcome.package && outcome.error.isEmpty())
        Q_EMIT packageLoaded(outcome.request, *outcome.package);
    Q_EMIT finished(outcome.request, outcome.error, outcome.id);
    if (wasLoad)
        Q_EMIT loaded();
}

void IncidentService::onChangedElsewhere(const IncidentOutcome& outcome)
{
    model_->mergeListings(outcome.listings);
    QList<qint64> ids;
    for (const IncidentNotice& notice : outcome.notices)
        if (!ids.contains(notice.id))
            ids.append(notice.id);
    Q_EMIT changedElsewhere(ids);
    const QString me = qstr(analyst_.name);
    for (const IncidentNotice& notice : outcome.notices)
        if (worthAnnouncing(notice) && notice.actor != me)
            Q_EMIT announced(notice);
}

} // namespace vigie::models
