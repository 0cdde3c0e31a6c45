#pragma once
// AnomalyDetectorWorker: does what the Anomaly Detectors dialog asks, on its own thread,
// through anomaly::DetectorStore over a libpq connection of its own (opened on first use with
// the migrations applied, reopened when the server dropped it). One request at a time, in the
// order they were made; each is answered with one queued done() carrying the detectors as
// they now are (also when the request was refused), so the dialog always shows the truth.
#include "anomaly_detector_model.h"

#include <QObject>

#include <memory>
#include <string>

namespace vigie::store {
class PgConnection;
}

namespace vigie::models {

struct AnomalyDetectorOutcome {
    enum class Op { Load, Save, SetEnabled, Relearn };
    quint64 request = 0;
    Op op = Op::Load;
    QString error;      // empty on success; otherwise a sentence for the analyst (nothing changed)
    bool stale = false; // refused because someone saved a newer version (or removed it)
    bool listed = false;
    AnomalyDetectorRows rows; // every detector, in id order, when listed
    QString id;               // the detector the request was about
};

class AnomalyDetectorWorker : public QObject {
    Q_OBJECT
public:
    explicit AnomalyDetectorWorker(std::string conninfo);
    ~AnomalyDetectorWorker() override; // on the worker's thread, which owns the connection

public Q_SLOTS:
    void load(quint64 request);
    // Stores title, enabled and settings if the stored version is still config.version.
    void save(quint64 request, const vigie::anomaly::DetectorConfig& config);
    // Switches the stored detector on or off, whatever its version (nothing else changes).
    void setEnabled(quint64 request, const QString& id, bool enabled);
    // Forgets what the detector learned; the runner learns again from history.
    void relearn(quint64 request, const QString& id);

Q_SIGNALS:
    void done(const vigie::models::AnomalyDetectorOutcome& outcome);

private:
    store::PgConnection& connection();
    // Runs `work`, then lists the detectors; store errors become outcome->error.
    template <typename Work> void run(AnomalyDetectorOutcome* outcome, Work work);
    AnomalyDetectorRows listRows();

    std::string conninfo_;
    std::unique_ptr<store::PgConnection> db_;
    bool migrated_ = false;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::anomaly::DetectorConfig)
Q_DECLARE_METATYPE(vigie::models::AnomalyDetectorOutcome)
