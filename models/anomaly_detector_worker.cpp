// AnomalyDetectorWorker: each request of the Anomaly Detectors dialog as DetectorStore calls,
// answered with done(). Worker thread.
#include "anomaly_detector_worker.h"

#include "store/migrator.h"
#include "store/pg_connection.h"
#include "utf8_text.h"

#include <QHash>
#include <QTimeZone>

namespace vigie::models {
AnomalyDetectorWorker::AnomalyDetectorWorker(std::string conninfo) : conninfo_(std::move(conninfo)) {}

AnomalyDetectorWorker::~AnomalyDetectorWorker() = default;

store::PgConnection& AnomalyDetectorWorker::connection()
{
    if (!db_ || !db_->healthy())
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    if (!migrated_) {
        store::applyMigrations(*db_); // the detectors are seeded by migration 0011
        migrated_ = true;
    }
    return *db_;
}

AnomalyDetectorRows AnomalyDetectorWorker::listRows()
{
    store::PgConnection& db = connection();
    anomaly::DetectorStore detectors(db);
    // Who saved last is the dialog's business only, so the store's config does not carry it.
    QHash<QString, std::pair<QString, QDateTime>> changed;
    const auto who = db.exec("SELECT id, updated_by, (extract(epoch FROM updated_at) * 1000)::bigint "
                             "FROM anomaly_detectors");
    for (int row = 0; row < who.rows(); ++row)
        changed.insert(
            qstr(who.text(row, 0)),
            {qstr(who.text(row, 1)), QDateTime::fromMSecsSinceEpoch(who.integer(row, 2), QTimeZone::utc())});
    QHash<QString, anomaly::DetectorProgress> progress;
    const Timestamp now = nowTimestamp();
    for (auto& p : detectors.progress(now))
        progress.insert(qstr(p.detector_id), std::move(p));

    AnomalyDetectorRows rows;
    for (auto& config : detectors.list()) {
        AnomalyDetectorRow row;
        row.config = std::move(config);
        const QString id = row.id();
        row.progress = progress.value(id);
        row.progress.detector_id = row.config.id;
        std::tie(row.updatedBy, row.updated) = changed.value(id);
        row.countDays(now);
        rows.append(std::move(row));
    }
    return rows;
}

template <typename Work> void AnomalyDetectorWorker::run(AnomalyDetectorOutcome* outcome, Work work)
{
    try {
        try {
            work(anomaly::DetectorStore(connection()));
        } catch (const store::ConnectionError&) {
            throw;
        } catch (const anomaly::StaleDetectorError&) {
            outcome->stale = true;
            outcome->error = tr("Someone else changed this detector meanwhile, so your change was not saved. "
                                "Their version is shown now: make your change again if it is still needed.");
        } catch (const anomaly::DetectorConfigError& e) {
            outcome->error = tr("Not saved: %1").arg(qstr(e.what()).trimmed());
        } catch (const store::StoreError& e) {
            outcome->error = qstr(e.what()).trimmed();
        }
        // Refused or not, the answer carries the detectors as they now are.
        outcome->rows = listRows();
        outcome->listed = true;
    } catch (const store::ConnectionError& e) {
        db_.reset(); // reconnect on the next request
        migrated_ = false;
        outcome->error = tr("The database cannot be reached: %1").arg(qstr(e.what()).trimmed());
    } catch (const store::StoreError& e) {
        outcome->error = qstr(e.what()).trimmed();
    }
    Q_EMIT done(*outcome);
}

void AnomalyDetectorWorker::load(quint64 request)
{
    AnomalyDetectorOutcome outcome;
    outcome.request = request;
    run(&outcome, [](anomaly::DetectorStore) {});
}

void AnomalyDetectorWorker::save(quint64 request, const anomaly::DetectorConfig& config)
{
    AnomalyDetectorOutcome outcome;
    outcome.request = request;
    outcome.op = AnomalyDetectorOutcome::Op::Save;
    outcome.id = QString::fromStdString(config.id);
    run(&outcome, [&](anomaly::DetectorStore detectors) { detectors.update(config); });
}

void AnomalyDetectorWorker::setEnabled(quint64 request, const QString& id, bool enabled)
{
    AnomalyDetectorOutcome outcome;
    outcome.request = request;
    outcome.op = AnomalyDetectorOutcome::Op::SetEnabled;
    outcome.id = id;
    run(&outcome, [&](anomaly::DetectorStore detectors) {
        auto config = detectors.find(id.toStdString());
        if (!config)
            throw anomaly::StaleDetectorError("no such detector");
        if (config->enabled == enabled)
            return;
        config->enabled = enabled;
        detectors.update(*config);
    });
}

void AnomalyDetectorWorker::relearn(quint64 request, const QString& id)
{
    AnomalyDetectorOutcome outcome;
    outcome.request = request;
    outcome.op = AnomalyDetectorOutcome::Op::Relearn;
    outcome.id = id;
    run(&outcome, [&](anomaly::DetectorStore detectors) { detectors.requestRelearn(id.toStdString()); });
}

} // namespace vigie::models
