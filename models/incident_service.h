#pragma once
// IncidentService: the incident views' back end. GUI thread. It owns the IncidentListModel and a
// worker thread (IncidentWorker) that reads and writes the tickets, so the database never blocks
// the GUI thread. Every request returns an id (0 when detached); finished() answers it once the
// worker is done, the list model and the ticket (ticketLoaded) being updated just before.
//
// Edits are optimistic (DESIGN §8): each carries the version it was made on; a stale one is
// refused, staleRefused() then carries the ticket as it now is (the view reloads it) and
// finished() a sentence saying so. Changes from other workstations arrive through LISTEN
// vigie_incidents (within a second): the list is refreshed, changedElsewhere() names the tickets,
// and announced() reports a new critical incident or an escalation made by someone else (the
// desktop notification).
#include "incident_list_model.h"
#include "incident_worker.h"
#include "worker_thread.h"

#include <QObject>

namespace vigie::models {

class IncidentService : public QObject {
    Q_OBJECT
public:
    explicit IncidentService(QObject* parent = nullptr);
    ~IncidentService() override; // detach()

    // Starts the worker over the database at `conninfo` (libpq syntax), reads the list, the
    // analyst and the transitions, and starts listening. False (with *error) when the conninfo
    // cannot be used.
    bool attach(const QString& conninfo, QString* error = nullptr);
    // Waits for the request being handled, then stops the worker.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first load.
    bool isLoading() const { return loadRequest_ != 0; }
    int pendingRequests() const { return worker_.pendingRequests(); }

    IncidentListModel* model() const { return model_; }

    // Known once loaded(): the logged-in analyst ({name, tier}), the analysts tickets can be
    // assigned to, and the states `incident` may move to for this analyst
    // (cases::allowedTransitions).
    const cases::Analyst& analyst() const { return analyst_; }
    const std::vector<cases::Analyst>& analysts() const { return analysts_; }
    QStringList allowedTransitions(const cases::Incident& incident) const;
    bool mayEdit(const cases::Incident& incident) const;

    quint64 reload();
    // Answered by ticketLoaded() then finished().
    quint64 open(qint64 id);
    // Each answered by ticketLoaded() (the new ticket) then finished() with its id.
    quint64 create(const cases::NewIncident& incident);
    quint64 createFromAlerts(const QList<qint64>& alertIds);
    // Each answered by ticketLoaded() (or staleRefused()) then finished().
    quint64 update(qint64 id, int expectedVersion, const cases::IncidentChanges& changes);
    // Resolving needs the code and summary; the others ignore them.
    quint64 transition(qint64 id, int expectedVersion, const QString& to, const QString& resolutionCode = {},
                       const QString& resolutionSummary = {});
    quint64 escalate(qint64 id, int expectedVersion, const cases::EscalationRequest& escalation);
    // finished() carries the target's id; ticketLoaded() the target.
    quint64 merge(qint64 source, int sourceVersion, qint64 target, int targetVersion);
    quint64 linkAlerts(qint64 id, const QList<qint64>& alertIds);
    quint64 unlinkAlert(qint64 id, qint64 alertId);
    quint64 linkEvents(qint64 id, const std::vector<cases::EventRef>& events, const QString& note);
    quint64 unlinkEvent(qint64 id, const cases::EventRef& event);
    quint64 comment(qint64 id, const QString& body);
    // Answered by packageLoaded() then finished(); an error when the ticket was never escalated.
    quint64 loadPackage(qint64 id);

Q_SIGNALS:
    void attachedChanged(bool attached);
    // The first read is done: list, analyst, analysts and transitions are known.
    void loaded();
    // `error` empty on success, a sentence for the analyst otherwise; `id` the ticket's.
    void finished(quint64 request, const QString& error, qint64 id);
    void ticketLoaded(quint64 request, const vigie::cases::IncidentTicket& ticket);
    // A stale edit: `current` is the ticket as stored now (show it).
    void staleRefused(quint64 request, const vigie::cases::IncidentTicket& current, const QString& message);
    void packageLoaded(quint64 request, const vigie::cases::EscalationPackage& package);
    // Tickets changed (by anyone); the model is already updated. An open view of one of `ids`
    // reads it again.
    void changedElsewhere(const QList<qint64>& ids);
    // Someone else opened a critical incident or escalated one.
    void announced(const vigie::models::IncidentNotice& notice);

private:
    void onDone(const vigie::models::IncidentOutcome& outcome);
    void onChangedElsewhere(const vigie::models::IncidentOutcome& outcome);

    IncidentListModel* model_;
    WorkerThread<IncidentWorker> worker_;
    quint64 loadRequest_ = 0;
    cases::Analyst analyst_;
    std::vector<cases::Analyst> analysts_;
    std::vector<cases::Transition> transitions_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::cases::IncidentTicket)
Q_DECLARE_METATYPE(vigie::cases::EscalationPackage)
Q_DECLARE_METATYPE(vigie::models::IncidentNotice)
