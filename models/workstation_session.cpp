#include "workstation_session.h"

#include "anomaly/anomaly_runner.h"
#include "demo/demo_history.h"
#include "demo/demo_scenario.h"
#include "detect/stored_rules.h"
#include "store/local_cluster.h"
#include "store/migrator.h"

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
        if (!usesLocalCluster() && isAnalystRole(conninfo)) {
            announceReady(QString::fromStdString(conninfo), {});
            return;
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
        announceReady(QString::fromStdString(conninfo), demoListener);
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

bool WorkstationSession::isAnalystRole(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    if (store::mayMigrate(db))
        return false;
    if (!store::isUpToDate(db))
        throw std::runtime_error(
            "this database's schema is older than this version of Vigie, and your role may not upgrade it: its "
            "owner must start this version (vigiectl serve, or Vigie as the owner) first");
    return true;
}

void WorkstationSession::announceReady(const QString& conninfo, const QString& demoListener)
{
    QMetaObject::invokeMethod(
        this,
        [this, conninfo, demoListener] {
            if (phase_ == Phase::Stopped)
                return;
            conninfo_ = conninfo;
            demoListener_ = demoListener;
            phase_ = Phase::Running;
            // The rules are read (and changed, where the role may) in either case; sources,
            // imports and retention act through this desktop's own engine.
            rules_->attach(engine_.get(), conninfo);
            if (engine_) {
                QString error;
                if (!sources_->attach(engine_.get(), conninfo, &error))
                    qWarning("Vigie: the sources cannot be read: %s", qUtf8Printable(error));
                imports_->attach(engine_.get());
                retention_->attach(conninfo);
            }
            Q_EMIT phaseChanged(phase_);
            Q_EMIT ready(conninfo);
            retiredEngine_.reset(); // ready()'s receivers moved to the new engine
        },
        Qt::QueuedConnection);
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
            if (engine_) // an analyst's desktop collects nothing itself
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
