// AlertQueueWorker: each request of the alert queue as AlertStore calls, answered with done().
// Worker thread.
#include "alert_queue_worker.h"

#include "qt_time.h"
#include "store/alert_store.h"
#include "store/pg_connection.h"
#include "utf8_text.h"

#include <QTimeZone>

namespace vigie::models {
namespace {


AlertRow rowOf(const store::StoredAlert& stored)
{
    const store::AlertRecord& r = stored.record;
    AlertRow row;
    row.id = stored.id;
    row.ruleId = qstr(r.rule_id);
    row.ruleTitle = qstr(r.rule_title);
    row.level = qstr(r.level);
    for (const auto& tag : r.tags)
        row.tags << qstr(tag);
    row.host = qstr(r.host);
    row.entity = qstr(r.entity);
    row.firstSeen = utcDateTime(r.first_ts);
    row.lastSeen = utcDateTime(r.last_ts);
    row.count = r.count;
    row.retroHunt = r.retro_hunt;
    row.anomaly = r.anomaly;
    row.explanation = qstr(r.explanation);
    row.details = qstr(r.details_json);
    row.acknowledged = stored.acknowledged;
    row.acknowledgedBy = qstr(stored.acknowledged_by);
    return row;
}

} // namespace

AlertQueueWorker::AlertQueueWorker(std::string conninfo) : conninfo_(std::move(conninfo)) {}

AlertQueueWorker::~AlertQueueWorker() = default;

store::PgConnection& AlertQueueWorker::connection()
{
    if (!db_ || !db_->healthy())
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    return *db_;
}

template <typename Work> void AlertQueueWorker::guarded(AlertQueueOutcome* outcome, Work work)
{
    try {
        work();
    } catch (const store::ConnectionError& e) {
        db_.reset(); // reconnect on the next request
        outcome->error = tr("The database cannot be reached: %1").arg(QString::fromUtf8(e.what()).trimmed());
    } catch (const store::StoreError& e) {
        outcome->error = QString::fromUtf8(e.what()).trimmed();
    }
}

void AlertQueueWorker::list(AlertQueueOutcome* outcome)
{
    store::AlertStore alerts(connection());
    for (const auto& stored : alerts.list(outcome->includeAcknowledged, kLimit))
        outcome->alerts.append(rowOf(stored));
    outcome->listed = true;
}

void AlertQueueWorker::load(quint64 request, bool includeAcknowledged)
{
    AlertQueueOutcome outcome;
    outcome.request = request;
    outcome.includeAcknowledged = includeAcknowledged;
    guarded(&outcome, [&] { list(&outcome); });
    Q_EMIT done(outcome);
}

void AlertQueueWorker::acknowledge(quint64 request, const QList<qint64>& ids, bool includeAcknowledged)
{
    AlertQueueOutcome outcome;
    outcome.request = request;
    outcome.op = AlertQueueOutcome::Op::Acknowledge;
    outcome.includeAcknowledged = includeAcknowledged;
    guarded(&outcome, [&] {
        store::PgConnection& db = connection();
        // The role the analyst logged in as is who acknowledged (DESIGN §9).
        const std::string who(db.exec("SELECT current_user").text(0, 0));
        store::AlertStore alerts(db);
        db.exec("BEGIN");
        try {
            for (const qint64 id : ids)
                outcome.acknowledged += alerts.acknowledge(id, who) ? 1 : 0;
            db.exec("COMMIT");
        } catch (...) {
            if (db.healthy())
                db.exec("ROLLBACK");
            outcome.acknowledged = 0;
            throw;
        }
    });
    // The queue is read again even when the acknowledgement failed: it shows what is true now.
    AlertQueueOutcome listing = outcome;
    guarded(&listing, [&] { list(&listing); });
    outcome.alerts = listing.alerts;
    outcome.listed = listing.listed;
    if (outcome.error.isEmpty())
        outcome.error = listing.error;
    Q_EMIT done(outcome);
}

} // namespace vigie::models
