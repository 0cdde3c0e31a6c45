#pragma once
// IncidentWorker: does what IncidentService asks, on its own thread, through
// cases::IncidentStore over a libpq connection of its own (opened on first use, reopened when
// the server dropped it). It LISTENs on `vigie_incidents` (migration 0013's triggers notify on
// every change of a ticket or its links) over a QPSQL connection of its own and answers each
// notification by reading the list again (changedElsewhere). One request at a time, in the
// order they were made; each is answered with one queued done() carrying plain values.
#include "cases/incident_store.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigie::store {
class PgConnection;
}

namespace vigie::models {


// One NOTIFY vigie_incidents payload, decoded.
struct IncidentNotice {
    qint64 id = 0;
    QString event; // created, updated, escalated, merged, linked, commented
    QString severity;
    QString title;
    QString actor; // the analyst who made the change (session_user)
};

struct IncidentOutcome {
    enum class Op {
        Load,
        Open,
        Create,
        Update,
        Transition,
        Escalate,
        Merge,
        Link,
        Comment,
        Package,
        Changed
    };
    quint64 request = 0;
    Op op = Op::Load;
    QString error;      // empty on success; otherwise a sentence for the analyst (nothing changed)
    bool stale = false; // refused: the ticket changed meanwhile; `ticket` is the current one
    qint64 id = 0;      // the ticket the request was about (Create: the new one; Merge: the target)
    bool listed = false; // `listings` holds the list as it now is
    std::vector<cases::IncidentListing> listings;
    // Open and every change of one ticket: the ticket as now stored (also when refused as stale).
    std::optional<cases::IncidentTicket> ticket;
    std::optional<cases::EscalationPackage> package; // Package
    // Load: who is logged in, whom tickets can be assigned to, the allowed moves.
    std::optional<cases::Analyst> analyst;
    std::vector<cases::Analyst> analysts;
    std::vector<cases::Transition> transitions;
    QList<IncidentNotice> notices; // Changed: what other sessions (or this one) changed
};

class IncidentWorker : public QObject {
    Q_OBJECT
public:
    // `conninfo`: libpq syntax (the store); `qpsqlOptions`: the same for QPSQL (LISTEN).
    IncidentWorker(std::string conninfo, QString qpsqlOptions);
    ~IncidentWorker() override; // on the worker's thread, which owns the connections

public Q_SLOTS:
    // The list, the analyst, the analysts and the transitions.
    void load(quint64 request);
    void open(quint64 request, qint64 id);
    void create(quint64 request, const vigie::cases::NewIncident& incident);
    void createFromAlerts(quint64 request, const QList<qint64>& alertIds);
    void update(quint64 request, qint64 id, int expectedVersion, const vigie::cases::IncidentChanges& changes);
    void transition(quint64 request, qint64 id, int expectedVersion, const QString& to,
                    const QString& resolutionCode, const QString& resolutionSummary);
    void escalate(quint64 request, qint64 id, int expectedVersion, const vigie::cases::EscalationRequest& escalation);
    void merge(quint64 request, qint64 source, int sourceVersion, qint64 target, int targetVersion);
    // Links or unlinks (unlink = true) alerts and events of ticket `id` in one transaction.
    void link(quint64 request, qint64 id, const QList<qint64>& alertIds,
              const std::vector<vigie::cases::EventRef>& events, const QString& note, bool unlink);
    void comment(quint64 request, qint64 id, const QString& body);
    void package(quint64 request, qint64 id);
    // Starts listening (LISTEN vigie_incidents over QPSQL); falls back to reading the list every
    // `pollMs` when the driver cannot subscribe.
    void listen(int pollMs);

Q_SIGNALS:
    void done(const vigie::models::IncidentOutcome& outcome);
    // A notification arrived (op Changed, request 0): the list as it now is, and the notices.
    void changedElsewhere(const vigie::models::IncidentOutcome& outcome);

private:
    // What the poll fallback compares per ticket: every edit bumps the version, links and
    // comments change the counts.
    struct Seen {
        int version = 0;
        int links = 0;
        bool operator==(const Seen&) const = default;
    };

    store::PgConnection& connection();
    // Runs `work` (given the store), then reads the ticket `outcome->id` when `oneTicket` and
    // the list, also when the request was refused; refusals become outcome->error (and
    // outcome->stale), a lost connection is reopened by the next request.
    template <typename Work> void run(IncidentOutcome* outcome, bool oneTicket, Work work);
    void remember(const std::vector<cases::IncidentListing>& listings);
    // After notifications (their notices), or when changes may have been missed (none): the
    // list, and changedElsewhere() when something changed.
    void readChanges(QList<IncidentNotice> notices);

    std::string conninfo_;
    QString qpsqlOptions_;
    std::unique_ptr<store::PgConnection> db_;
    QHash<qint64, Seen> seen_; // the last list read
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::IncidentOutcome)
Q_DECLARE_METATYPE(vigie::cases::NewIncident)
Q_DECLARE_METATYPE(vigie::cases::IncidentChanges)
Q_DECLARE_METATYPE(vigie::cases::EscalationRequest)
