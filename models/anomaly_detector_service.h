#pragma once
// AnomalyDetectorService: the Anomaly Detectors dialog's back end. GUI thread. It owns the
// AnomalyDetectorModel and a worker thread (AnomalyDetectorWorker) that reads and writes the
// `anomaly_detectors` table, so the database never blocks the GUI thread. The anomaly runner
// notices every change by itself (DetectorStore::changeStamp).
//
// Every request returns an id (0 when detached); finished() answers it once the worker is
// done, the model being updated just before — also when the request was refused, so a stale
// save shows the colleague's version. Undo of enable/disable: setEnabled(id, !enabled).
#include "anomaly_detector_model.h"
#include "anomaly_detector_worker.h"
#include "worker_thread.h"

#include <QObject>

namespace vigie::models {

class AnomalyDetectorService : public QObject {
    Q_OBJECT
public:
    explicit AnomalyDetectorService(QObject* parent = nullptr);
    ~AnomalyDetectorService() override; // detach()

    // Starts the worker over the database at `conninfo` (libpq syntax) and reads the
    // detectors (applying the migrations when needed).
    void attach(const QString& conninfo);
    // Waits for the request being handled, then stops the worker.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first load.
    bool isLoading() const { return loadRequest_ != 0; }
    int pendingRequests() const { return worker_.pendingRequests(); }

    AnomalyDetectorModel* model() const { return model_; }

    // Reads the detectors and their learning progress again.
    quint64 reload();
    // Stores title, enabled and settings of config.id; refused (stale) when someone saved a
    // version newer than config.version, or when a setting cannot be used.
    quint64 save(const anomaly::DetectorConfig& config);
    quint64 setEnabled(const QString& id, bool enabled);
    // Forgets what the detector learned: it learns again from history, without alerts meanwhile.
    quint64 relearn(const QString& id);

Q_SIGNALS:
    void attachedChanged(bool attached);
    void loaded();
    // `error` is empty on success, a sentence for the analyst otherwise (nothing changed then);
    // `stale`: refused because of a newer stored version (the model shows it now).
    void finished(quint64 request, const QString& error, bool stale);

private:
    void onDone(const vigie::models::AnomalyDetectorOutcome& outcome);

    AnomalyDetectorModel* model_;
    WorkerThread<AnomalyDetectorWorker> worker_;
    quint64 loadRequest_ = 0;
};

} // namespace vigie::models
