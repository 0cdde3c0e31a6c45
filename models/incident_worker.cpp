// IncidentWorker: each request of the incident views as IncidentStore calls, answered with
// done(); LISTEN vigie_incidents (or a poll) for the changes made by anyone. Worker thread.
#include "incident_worker.h"

#include "channel_listener.h"
#include "utf8_text.h"

#include "store/pg_connection.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>
#include <utility>

namespace vigie::models {
namespace {

constexpr auto kChannel = "vigie_incidents";
// Several notifications in a burst (a ticket created from ten alerts) read the list once; short,
// so other desktops still see a change well within the two seconds promised.
constexpr int kNotificationDelayMs = 100;

IncidentOutcome outcomeFor(quint64 request, IncidentOutcome::Op op, qint64 id)
{
    IncidentOutcome outcome;
    outcome.request = request;
    outcome.op = op;
    outcome.id = id;
    return outcome;
}

// The server's sentence of a refusal or a dropped connection, without libpq's "ERROR:" or
// "FATAL:" and its details.
QString serverSentence(const store::StoreError& error)
{
    QString text = qstr(error.what());
    for (const auto tag : {QLatin1String("ERROR:"), QLatin1String("FATAL:")}) {
        const qsizetype at = text.indexOf(tag);
        if (at >= 0) {
            text = text.mid(at + tag.size());
            break;
        }
    }
    text = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    // PgConnection's own prefix for a statement that failed: not the analyst's concern.
    const QLatin1String wrapper("statement failed:");
    return text.startsWith(wrapper) ? text.mid(wrapper.size()).trimmed() : text;
}

IncidentNotice noticeOf(const QString& payload)
{
    const QJsonObject json = QJsonDocument::fromJson(payload.toUtf8()).object();
    IncidentNotice notice;
    notice.id = json.value(QLatin1String("id")).toInteger();
    notice.event = json.value(QLatin1String("event")).toString();
    notice.severity = json.value(QLatin1String("severity")).toString();
    notice.title = json.value(QLatin1String("title")).toString();
    notice.actor = json.value(QLatin1String("actor")).toString();
    return notice;
}

std::vector<std::int64_t> toVector(const QList<qint64>& ids)
{
    return std::vector<std::int64_t>(ids.begin(), ids.end());
}

} // namespace

IncidentWorker::IncidentWorker(std::string conninfo, QString qpsqlOptions)
    : conninfo_(std::move(conninfo)), qpsqlOptions_(std::move(qpsqlOptions))
{
}

IncidentWorker::~IncidentWorker() = default;

store::PgConnection& IncidentWorker::connection()
{
    if (!db_ || !db_->healthy())
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    return *db_;
}

void IncidentWorker::remember(const std::vector<cases::IncidentListing>& listings)
{
    seen_.clear();
    for (const auto& listing : listings)
        seen_.insert(listing.incident.id,
                     Seen{listing.incident.version,
                          listing.alert_count + listing.event_count + listing.comment_count});
}

template <typename Work> void IncidentWorker::run(IncidentOutcome* outcome, bool oneTicket, Work work)
{
    try {
        cases::IncidentStore incidents(connection());
        try {
            work(incidents);
        } catch (const store::ConnectionError&) {
            throw;
        } catch (const cases::StaleIncidentError&) {
            outcome->stale = true;
        } catch (const cases::IncidentRefusedError& e) {
            outcome->error = tr("The database refused this change: %1").arg(qstr(e.what()).trimmed());
        } catch (const store::SqlError& e) {
            outcome->error = tr("The database refused this change: %1").arg(serverSentence(e));
        } catch (const std::invalid_argument& e) {
            outcome->error = qstr(e.what()).trimmed();
        }
        // Done or refused, the answer shows the ticket and the list as they now are.
        if (oneTicket && outcome->id != 0)
            outcome->ticket = incidents.ticket(outcome->id);
        if (outcome->stale && !outcome->ticket)
            outcome->error = tr("Incident #%1 no longer exists.").arg(outcome->id);
        else if (outcome->stale && outcome->error.isEmpty())
            outcome->error = tr("%1 changed incident #%2 meanwhile; its current values are shown and your "
                                "change was not saved.")
                                 .arg(qstr(outcome->ticket->incident.updated_by))
                                 .arg(outcome->id);
        outcome->listings = incidents.list();
        outcome->listed = true;
        remember(outcome->listings);
    } catch (const store::ConnectionError& e) {
        db_.reset(); // reopened by the next request
        outcome->error =
            tr("The connection to the database was lost (%1); it will be reopened with your next "
               "action.")
                .arg(serverSentence(e));
    } catch (const store::StoreError& e) {
        outcome->error = serverSentence(e);
    }
    Q_EMIT done(*outcome);
}

void IncidentWorker::load(quint64 request)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Load, 0);
    run(&outcome, false, [&](cases::IncidentStore& incidents) {
        outcome.analyst = incidents.currentAnalyst();
        outcome.analysts = incidents.analysts();
        outcome.transitions = incidents.transitions();
    });
}

void IncidentWorker::open(quint64 request, qint64 id)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Open, id);
    run(&outcome, false, [&](cases::IncidentStore& incidents) {
        outcome.ticket = incidents.ticket(id);
        if (!outcome.ticket)
            outcome.error = tr("Incident #%1 no longer exists.").arg(id);
    });
}

void IncidentWorker::create(quint64 request, const cases::NewIncident& incident)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Create, 0);
    run(&outcome, true, [&](cases::IncidentStore& incidents) { outcome.id = incidents.create(incident).id; });
}

void IncidentWorker::createFromAlerts(quint64 request, const QList<qint64>& alertIds)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Create, 0);
    run(&outcome, true, [&](cases::IncidentStore& incidents) {
        outcome.id = incidents.createFromAlerts(toVector(alertIds)).id;
    });
}

void IncidentWorker::update(quint64 request, qint64 id, int expectedVersion,
                            const cases::IncidentChanges& changes)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Update, id);
    run(&outcome, true,
        [&](cases::IncidentStore& incidents) { incidents.update(id, expectedVersion, changes); });
}

void IncidentWorker::transition(quint64 request, qint64 id, int expectedVersion, const QString& to,
                                const QString& resolutionCode, const QString& resolutionSummary)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Transition, id);
    const auto optional = [](const QString& text) {
        return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
    };
    run(&outcome, true, [&](cases::IncidentStore& incidents) {
        incidents.transition(id, to.toStdString(), expectedVersion, optional(resolutionCode),
                             optional(resolutionSummary));
    });
}

void IncidentWorker::escalate(quint64 request, qint64 id, int expectedVersion,
                              const cases::EscalationRequest& escalation)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Escalate, id);
    run(&outcome, true,
        [&](cases::IncidentStore& incidents) { incidents.escalate(id, expectedVersion, escalation); });
}

void IncidentWorker::merge(quint64 request, qint64 source, int sourceVersion, qint64 target,
                           int targetVersion)
{
    // Refused as stale, the answer shows the source (the ticket the analyst was merging away);
    // merged, it shows the target, which now holds both.
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Merge, source);
    run(&outcome, true, [&](cases::IncidentStore& incidents) {
        try {
            outcome.id = incidents.merge(source, sourceVersion, target, targetVersion).id;
        } catch (const cases::StaleIncidentError&) {
            // Either ticket may be the one that changed.
            outcome.error = tr("Incident #%1 or #%2 changed meanwhile, so nothing was merged; their current "
                               "values are shown.")
                                .arg(source)
                                .arg(target);
            throw;
        }
    });
}

void IncidentWorker::link(quint64 request, qint64 id, const QList<qint64>& alertIds,
                          const std::vector<cases::EventRef>& events, const QString& note, bool unlink)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Link, id);
    run(&outcome, true, [&](cases::IncidentStore& incidents) {
        store::PgConnection& db = connection();
        db.exec("BEGIN");
        try {
            for (const qint64 alert : alertIds)
                unlink ? incidents.unlinkAlert(id, alert) : incidents.linkAlert(id, alert);
            for (const cases::EventRef& event : events)
                unlink ? incidents.unlinkEvent(id, event)
                       : incidents.linkEvent(id, event, note.toStdString());
            db.exec("COMMIT");
        } catch (...) {
            if (db.healthy())
                db.exec("ROLLBACK");
            throw;
        }
    });
}

void IncidentWorker::comment(quint64 request, qint64 id, const QString& body)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Comment, id);
    run(&outcome, true, [&](cases::IncidentStore& incidents) { incidents.comment(id, body.toStdString()); });
}

void IncidentWorker::package(quint64 request, qint64 id)
{
    IncidentOutcome outcome = outcomeFor(request, IncidentOutcome::Op::Package, id);
    run(&outcome, false, [&](cases::IncidentStore& incidents) {
        outcome.package = incidents.escalationPackage(id);
        if (!outcome.package)
            outcome.error = tr("Incident #%1 was never escalated: there is no escalation package.").arg(id);
    });
}

void IncidentWorker::listen(int pollMs)
{
    auto* listener = new ChannelListener(qpsqlOptions_, QLatin1String(kChannel), kNotificationDelayMs, this);
    connect(listener, &ChannelListener::notified, this, [this](const QStringList& payloads) {
        QList<IncidentNotice> notices;
        for (const QString& payload : payloads)
            notices.append(noticeOf(payload));
        readChanges(notices);
    });
    connect(listener, &ChannelListener::changesMissed, this, [this] { readChanges({}); });
    listener->start(pollMs);
}

void IncidentWorker::readChanges(QList<IncidentNotice> notices)
{
    IncidentOutcome outcome = outcomeFor(0, IncidentOutcome::Op::Changed, 0);
    outcome.notices = std::move(notices);
    const QHash<qint64, Seen> before = seen_;
    try {
        cases::IncidentStore incidents(connection());
        outcome.listings = incidents.list();
    } catch (const store::StoreError&) {
        db_.reset(); // the next request reports it; a background read stays quiet
        return;
    }
    outcome.listed = true;
    remember(outcome.listings);
    if (outcome.notices.isEmpty()) {
        // Polling: the tickets whose version or links changed stand for the notifications.
        for (const auto& listing : outcome.listings) {
            const cases::Incident& incident = listing.incident;
            const auto was = before.constFind(incident.id);
            if (was != before.cend() && *was == seen_.value(incident.id))
                continue;
            outcome.notices.append(IncidentNotice{
                incident.id, was == before.cend() ? QStringLiteral("created") : QStringLiteral("updated"),
                qstr(incident.severity), qstr(incident.title), qstr(incident.updated_by)});
        }
        if (outcome.notices.isEmpty())
            return;
    }
    Q_EMIT changedElsewhere(outcome);
}

} // namespace vigie::models
