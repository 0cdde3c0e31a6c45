#include "workstation_session.h"

#include "anomaly/anomaly_runner.h"
#include "demo/demo_history.h"
#include "demo/demo_scenario.h"
#include "detect/stored_rules.h"
#include "store/local_cluster.h"

#include <QStringList>
#include <QThread>
#include <QtConcurrent>

#include <algorithm>
#include <exception>

namespace vigie::models {

WorkstationSession::WorkstationSession(SessionConfig config, QObject* parent)
    : QObject(parent), config_(std::move(config)), sources_(new SourceService(this)),
      imports_(new ImportQueue(this)), retention_(new RetentionService(this)), rules_(new RuleService(this))
{
}

WorkstationSession::~WorkstationSession()
{
    stop();
}

void WorkstationSession::start()
{
    if (phase_ != Phase::Idle)
        return;
    phase_ = usesLocalCluster() ? Phase::StartingLocalCluster : Phase::StartingEngine;
    Q_EMIT phaseChanged(phase_);
    startWork_ = QtConcurrent::run([this] { runStart(); });
}

void WorkstationSession::postPhase(Phase phase)
{
    QMetaObject::invokeMethod(
        this,
        [this, phase] {
            if (phase_ == Phase::Stopped)
                return;
            phase_ = phase;
            Q_EMIT phaseChanged(phase);
        },
        Qt::QueuedConnection);
}

void WorkstationSession::runStart()
{
    try {
        std::string conninfo = config_.conninfo.toStdString();
        if (usesLocalCluster() && !cluster_) { // it keeps running across suspendIngest()
            cluster_ = std::make_unique<store::LocalCluster>(config_.clusterDirectory.toStdString());
            cluster_->start();
            conninfo = cluster_->conninfo();
            postPhase(Phase::StartingEngine);
        }
        ingest::EngineConfig engineConfig;
        engineConfig.conninfo = conninfo;
        engineConfig.parse_workers = static_cast<unsigned>(std::clamp(QThread::idealThreadCount() / 2, 1, 4));
        // The enabled stored rules watch every event: the built-in ones (seeded at the first
        // start; the demo attack raises them) and the analysts' (RuleService changes them live).
        {
            store::PgConnection db(conninfo);
            engineConfig.detection = detect::loadStoredDetection(db);
        }
        if (config_.demo) {
            // Fourteen days of ordinary history, once per demo database, stored without
            // detection before the engine and the live scenario start (demo_history.h).
            demo::seedDemoHistory(conninfo, nowTimestamp());
            ingest::ListenSpec listen;
            listen.protocol = ingest::ListenSpec::Protocol::Tcp;
            listen.address = "127.0.0.1";
            listen.port = 0;
            listen.name = "demo scenario"; // its row in the Ingest status panel
            engineConfig.listens.push_back(listen);
        }
        auto engine = std::make_unique<ingest::Engine>(engineConfig);
        engine->start();
        QString demoListener;
        if (config_.demo) {
            const auto bound = engine->boundListeners();
            if (bound.empty())
                throw std::runtime_error("the demo listener did not start");
            ingest::ListenSpec shown = bound.front();
            shown.name.clear();
            demoListener = QString::fromStdString(shown.toUri());
            feeder_ = std::make_unique<demo::DemoFeeder>(bound.front().address, bound.front().port,
                                                         config_.demoLinesPerSecond);
            feeder_->start();
        }
        engine_ = std::move(engine);
        anomaly::RunnerOptions anomalyOptions;
        anomalyOptions.conninfo = conninfo;
        if (config_.demo) { // the demo attack raises its anomaly alerts within a minute
            anomalyOptions.tick = std::chrono::seconds(5);
            anomalyOptions.lateness = std::chrono::seconds(10);
        }
        anomalyOptions.log = [](const std::string& message) { qWarning("Vigie: %s", message.c_str()); };
        anomalies_ = std::make_unique<anomaly::AnomalyRunner>(anomalyOptions);
        anomalies_->start();
        const QString readyConninfo = QString::fromStdString(conninfo);
        QMetaObject::invokeMethod(
            this,
            [this, readyConninfo, demoListener] {
                if (phase_ == Phase::Stopped)
                    return;
                conninfo_ = readyConninfo;
                demoListener_ = demoListener;
                phase_ = Phase::Running;
                QString error;
                if (!sources_->attach(engine_.get(), readyConninfo, &error))
                    qWarning("Vigie: the sources cannot be read: %s", qUtf8Printable(error));
                imports_->attach(engine_.get());
                retention_->attach(readyConninfo);
                rules_->attach(engine_.get(), readyConninfo);
                Q_EMIT phaseChanged(phase_);
                Q_EMIT ready(readyConninfo);
                retiredEngine_.reset(); // ready()'s receivers moved to the new engine
            },
            Qt::QueuedConnection);
    } catch (const std::exception& e) {
        // libpq indents the continuation lines of its messages with a tab: keep the lines,
        // drop the indentation, so a message box shows them cleanly.
        QStringList lines = QString::fromUtf8(e.what()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString& line : lines)
            line = line.trimmed();
        const QString message = lines.join(QLatin1Char('\n'));
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                if (phase_ == Phase::Stopped)
                    return;
                phase_ = Phase::Failed;
                Q_EMIT phaseChanged(phase_);
                Q_EMIT failed(message);
            },
            Qt::QueuedConnection);
    }
}

void WorkstationSession::stop()
{
    if (phase_ == Phase::Stopped)
        return;
    startWork_.waitForFinished();
    phase_ = Phase::Stopped;
    // Their workers use the engine: they go first.
    rules_->detach();
    retention_->detach();
    imports_->detach();
    sources_->detach();
    try {
        if (anomalies_)
            anomalies_->stop();
        if (feeder_)
            feeder_->stop();
        if (engine_)
            engine_->stop();
        if (cluster_)
            cluster_->stop();
    } catch (const std::exception& e) {
        qWarning("Vigie: while stopping: %s", e.what());
    }
}

void WorkstationSession::suspendIngest()
{
    if (phase_ != Phase::Running)
        return;
    phase_ = Phase::Suspended;
    Q_EMIT phaseChanged(phase_);
    rules_->detach();
    retention_->detach();
    imports_->detach();
    sources_->detach();
    startWork_ = QtConcurrent::run([this] {
        try {
            if (anomalies_)
                anomalies_->stop();
            if (feeder_)
                feeder_->stop();
            engine_->stop(); // stores (or spools) what was received
        } catch (const std::exception& e) {
            qWarning("Vigie: while stopping the ingest: %s", e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (phase_ == Phase::Suspended)
                    Q_EMIT ingestSuspended();
            },
            Qt::QueuedConnection);
    });
}

void WorkstationSession::resumeIngest()
{
    if (phase_ != Phase::Suspended)
        return;
    startWork_.waitForFinished();
    retiredEngine_ = std::move(engine_);
    phase_ = Phase::StartingEngine;
    Q_EMIT phaseChanged(phase_);
    startWork_ = QtConcurrent::run([this] { runStart(); });
}

} // namespace vigie::models
