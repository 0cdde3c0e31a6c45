// AlertQueueService: posts the alert queue's requests to its worker, on demand and on a timer,
// and merges the answers into the model. GUI thread.
#include "alert_queue_service.h"

#include <QTimer>

namespace vigie::models {

AlertQueueService::AlertQueueService(QObject* parent)
    : QObject(parent), model_(new AlertQueueModel(this)), timer_(new QTimer(this)),
      worker_(QStringLiteral("alert queue worker"))
{
    qRegisterMetaType<AlertQueueOutcome>();
    timer_->setInterval(std::chrono::seconds(5));
    connect(timer_, &QTimer::timeout, this, [this] {
        if (worker_.pendingRequests() == 0)
            reload();
    });
}

AlertQueueService::~AlertQueueService()
{
    detach();
}

void AlertQueueService::attach(const QString& conninfo)
{
    detach();
    worker_.start<AlertQueueOutcome>(new AlertQueueWorker(conninfo.toStdString()), &AlertQueueWorker::done,
                                     this, [this](const AlertQueueOutcome& outcome) { onDone(outcome); });
    // Loading before telling: a panel reading isLoading() on attachedChanged shows "Reading…",
    // not "nothing yet", during the first load.
    loadRequest_ = reload();
    Q_EMIT attachedChanged(true);
    timer_->start();
}

void AlertQueueService::detach()
{
    if (!worker_.isRunning())
        return;
    timer_->stop();
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

void AlertQueueService::setRefreshInterval(std::chrono::milliseconds interval)
{
    timer_->setInterval(interval);
}

void AlertQueueService::setIncludeAcknowledged(bool include)
{
    if (include == includeAcknowledged_)
        return;
    includeAcknowledged_ = include;
    reload();
}

quint64 AlertQueueService::reload()
{
    return worker_.post([include = includeAcknowledged_](AlertQueueWorker* worker, quint64 request) {
        worker->load(request, include);
    });
}

quint64 AlertQueueService::acknowledge(const QList<qint64>& ids)
{
    return worker_.post([ids, include = includeAcknowledged_](AlertQueueWorker* worker, quint64 request) {
        worker->acknowledge(request, ids, include);
    });
}

void AlertQueueService::onDone(const AlertQueueOutcome& outcome)
{
    // A list read before "Show acknowledged" changed would put back (or hide) the wrong alerts.
    if (outcome.listed && outcome.includeAcknowledged == includeAcknowledged_)
        model_->mergeAlerts(outcome.alerts);
    Q_EMIT finished(outcome.request, outcome.error, outcome.acknowledged);
    if (outcome.request == loadRequest_) {
        loadRequest_ = 0;
        Q_EMIT loaded();
    }
}

} // namespace vigie::models
