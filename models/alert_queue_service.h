#pragma once
// AlertQueueService: the alert queue's back end. GUI thread. It owns the AlertQueueModel and a
// worker thread (AlertQueueWorker) that reads and acknowledges alerts, so the database never
// blocks the GUI thread; a timer reads the queue again every few seconds (skipped while a request
// is still out, so a slow server never piles them up). Every request returns an id; finished()
// answers it once the worker is done, the model being merged just before. attach() starts the
// worker and reads the queue; detach() ends it.
#include "alert_queue_model.h"
#include "alert_queue_worker.h"
#include "worker_thread.h"

#include <QObject>

#include <chrono>

class QTimer;

namespace vigie::models {

class AlertQueueService : public QObject {
    Q_OBJECT
public:
    explicit AlertQueueService(QObject* parent = nullptr);
    ~AlertQueueService() override; // detach()

    // Starts the worker over the database at `conninfo` (libpq syntax), reads the queue and
    // starts the refresh timer.
    void attach(const QString& conninfo);
    // Waits for the request being handled, then stops the worker and the timer.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first read.
    bool isLoading() const { return loadRequest_ != 0; }

    AlertQueueModel* model() const { return model_; }

    // Time between two automatic reads (5 s by default).
    void setRefreshInterval(std::chrono::milliseconds interval);
    bool includeAcknowledged() const { return includeAcknowledged_; }
    // Lists the acknowledged alerts too (or not), reading the queue again.
    void setIncludeAcknowledged(bool include);

    // Each returns the request id finished() will carry, or 0 when detached.
    quint64 reload();
    quint64 acknowledge(const QList<qint64>& ids);
    int pendingRequests() const { return worker_.pendingRequests(); }

Q_SIGNALS:
    void attachedChanged(bool attached);
    void loaded();
    // `error` is empty on success, a sentence for the analyst otherwise. For an acknowledgement,
    // `acknowledged` says how many alerts were still open and are now acknowledged.
    void finished(quint64 request, const QString& error, int acknowledged);

private:
    void onDone(const vigie::models::AlertQueueOutcome& outcome);

    AlertQueueModel* model_;
    QTimer* timer_;
    WorkerThread<AlertQueueWorker> worker_;
    bool includeAcknowledged_ = false;
    quint64 loadRequest_ = 0;
};

} // namespace vigie::models
