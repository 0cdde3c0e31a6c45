// RetroHuntJob (retro_hunt_job.h): the GUI-thread object and the hunt's run() on a pool thread.
#include "retro_hunt_job.h"

#include "detect/live_detection.h"
#include "detect/retro_hunt.h"
#include "detect/stored_rules.h"
#include "qt_time.h"
#include "store/pg_connection.h"

#include <QElapsedTimer>
#include <QTimeZone>
#include <QtConcurrent>

#include <chrono>
#include <exception>

namespace vigie::models {
namespace {

// At most ten progress reports a second reach the GUI thread.
constexpr qint64 progressIntervalMs = 100;

Timestamp toTimestamp(const QDateTime& time)
{
    return Timestamp(std::chrono::milliseconds(time.toMSecsSinceEpoch()));
}


RetroHuntRuleHits toRuleHits(const detect::RuleHits& rule)
{
    RetroHuntRuleHits hits;
    hits.ruleId = QString::fromStdString(rule.rule_id);
    hits.title = QString::fromStdString(rule.title);
    hits.hits = rule.hits;
    hits.alerts = rule.alerts;
    hits.first = utcDateTime(rule.first);
    hits.last = utcDateTime(rule.last);
    return hits;
}

// libpq indents the continuation lines of its messages: one line each, trimmed.
QString plainMessage(const char* what)
{
    QStringList lines = QString::fromUtf8(what).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString& line : lines)
        line = line.trimmed();
    return lines.join(QLatin1Char(' '));
}

} // namespace

RetroHuntJob::DetectionFactory RetroHuntJob::storedRules()
{
    return [](store::PgConnection& db) { return detect::loadStoredDetection(db); };
}

RetroHuntJob::RetroHuntJob(QString conninfo, QDateTime from, QDateTime to, DetectionFactory detection,
                           bool dryRun, QObject* parent)
    : QObject(parent), conninfo_(std::move(conninfo)), from_(std::move(from)), to_(std::move(to)),
      detection_(std::move(detection)), dryRun_(dryRun)
{
    qRegisterMetaType<RetroHuntSummary>();
}

RetroHuntJob::~RetroHuntJob()
{
    cancel();
    work_.waitForFinished();
}

void RetroHuntJob::start()
{
    if (started_)
        return; // a job runs once
    started_ = running_ = true;
    work_ = QtConcurrent::run([this] { run(); });
}

void RetroHuntJob::cancel()
{
    cancelRequested_ = true;
}

void RetroHuntJob::run()
{
    RetroHuntSummary summary;
    summary.from = from_.toUTC();
    summary.to = to_.toUTC();
    summary.dryRun = dryRun_;
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -progressIntervalMs;
    const auto report = [this, &clock, &lastReport](const detect::RetroHuntProgress& p) {
        const qint64 now = clock.elapsed();
        if (now - lastReport < progressIntervalMs && p.fraction < 1)
            return;
        lastReport = now;
        const double rate = now > 0 ? static_cast<double>(p.events) * 1000.0 / static_cast<double>(now) : 0;
        QMetaObject::invokeMethod(
            this,
            [this, fraction = p.fraction, events = p.events, hits = p.alerts, rate] {
                if (running_)
                    Q_EMIT progress(fraction, events, hits, rate);
            },
            Qt::QueuedConnection);
    };
    try {
        store::PgConnection db(conninfo_.toStdString());
        const auto detection = detection_(db);
        detect::RetroHuntOptions options;
        options.store_alerts = !dryRun_;
        const query::TimeRange range{toTimestamp(from_), toTimestamp(to_)};
        const auto result = detect::runRetroHunt(db, detection, range, report, &cancelRequested_, options);
        summary.events = result.events;
        summary.hits = result.alerts;
        summary.alerts = result.alert_rows;
        summary.cancelled = result.cancelled;
        for (const auto& rule : result.rules)
            summary.rules.append(toRuleHits(rule));
    } catch (const store::ConnectionError& e) {
        summary.error = tr("Cannot connect to the database: %1").arg(plainMessage(e.what()));
    } catch (const std::exception& e) {
        summary.error = tr("The retro-hunt failed: %1").arg(plainMessage(e.what()));
    }
    summary.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    QMetaObject::invokeMethod(
        this,
        [this, summary] {
            running_ = false;
            Q_EMIT finished(summary);
        },
        Qt::QueuedConnection);
}

} // namespace vigie::models
