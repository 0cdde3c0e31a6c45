// AnomalyDetectorService: posts the dialog's requests to the detector worker and applies its
// answers to the list model. GUI thread.
#include "anomaly_detector_service.h"

namespace vigie::models {

AnomalyDetectorService::AnomalyDetectorService(QObject* parent)
    : QObject(parent), model_(new AnomalyDetectorModel(this)),
      worker_(QStringLiteral("anomaly detector worker"))
{
    qRegisterMetaType<anomaly::DetectorConfig>();
    qRegisterMetaType<AnomalyDetectorOutcome>();
}

AnomalyDetectorService::~AnomalyDetectorService()
{
    detach();
}

void AnomalyDetectorService::attach(const QString& conninfo)
{
    detach();
    worker_.start<AnomalyDetectorOutcome>(new AnomalyDetectorWorker(conninfo.toStdString()),
                                          &AnomalyDetectorWorker::done, this,
                                          [this](const AnomalyDetectorOutcome& outcome) { onDone(outcome); });
    loadRequest_ = reload();
    Q_EMIT attachedChanged(true);
}

void AnomalyDetectorService::detach()
{
    if (!worker_.isRunning())
        return;
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

quint64 AnomalyDetectorService::reload()
{
    return worker_.post([](AnomalyDetectorWorker* worker, quint64 request) { worker->load(request); });
}

quint64 AnomalyDetectorService::save(const anomaly::DetectorConfig& config)
{
    return worker_.post(
        [config](AnomalyDetectorWorker* worker, quint64 request) { worker->save(request, config); });
}

quint64 AnomalyDetectorService::setEnabled(const QString& id, bool enabled)
{
    return worker_.post([id, enabled](AnomalyDetectorWorker* worker, quint64 request) {
        worker->setEnabled(request, id, enabled);
    });
}

quint64 AnomalyDetectorService::relearn(const QString& id)
{
    return worker_.post(
        [id](AnomalyDetectorWorker* worker, quint64 request) { worker->relearn(request, id); });
}

void AnomalyDetectorService::onDone(const AnomalyDetectorOutcome& outcome)
{
    if (outcome.listed)
        model_->mergeDetectors(outcome.rows);
    Q_EMIT finished(outcome.request, outcome.error, outcome.stale);
    if (outcome.request == loadRequest_) {
        loadRequest_ = 0;
        Q_EMIT loaded();
    }
}

} // namespace vigie::models
