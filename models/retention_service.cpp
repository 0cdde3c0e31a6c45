#include "retention_service.h"

#include "store/retention_scheduler.h"
#include "store/settings_store.h"

#include <QtConcurrent>

#include <exception>

namespace vigie::models {
namespace {

QDate dateOf(std::chrono::sys_days day)
{
    return QDate(1970, 1, 1).addDays(day.time_since_epoch().count());
}

RetentionReport reportOf(const store::RetentionRun& run)
{
    RetentionReport report;
    report.keepDays = run.keep_days;
    report.error = QString::fromUtf8(run.error.c_str()).trimmed();
    if (run.keep_days && run.error.empty()) {
        report.cutoff = dateOf(run.result.cutoff);
        for (const auto& partition : run.result.dropped)
            report.dropped << QString::fromStdString(partition.name);
        report.rollupRows = run.result.rollup_rows_deleted;
    }
    return report;
}

} // namespace

RetentionService::RetentionService(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RetentionPreview>();
    qRegisterMetaType<RetentionReport>();
    qRegisterMetaType<std::optional<int>>();
}

RetentionService::~RetentionService()
{
    detach();
}

void RetentionService::attach(const QString& conninfo)
{
    detach();
    conninfo_ = conninfo;
    // The report is posted to this object; detach() stops the scheduler before it can go.
    scheduler_ = std::make_unique<store::RetentionScheduler>(conninfo.toStdString(), interval_,
                                                             [this](const store::RetentionRun& run) {
                                                                 const RetentionReport report = reportOf(run);
                                                                 QMetaObject::invokeMethod(
                                                                     this,
                                                                     [this, report] {
                                                                         last_ = report;
                                                                         Q_EMIT applied(report);
                                                                     },
                                                                     Qt::QueuedConnection);
                                                             });
    scheduler_->start();
}

void RetentionService::detach()
{
    for (auto& work : work_)
        work.waitForFinished();
    work_.clear();
    scheduler_.reset(); // waits for a run under way
    conninfo_.clear();
}

void RetentionService::runOnPool(std::function<void()> work)
{
    work_.removeIf([](const QFuture<void>& future) { return future.isFinished(); });
    work_.append(QtConcurrent::run(std::move(work)));
}

int RetentionService::preview(std::optional<int> days)
{
    const int id = ++lastRequest_;
    if (!isAttached()) {
        RetentionPreview preview;
        preview.requestId = id;
        preview.error = tr("The database is not open yet.");
        QMetaObject::invokeMethod(
            this, [this, preview] { Q_EMIT previewReady(preview); }, Qt::QueuedConnection);
        return id;
    }
    runOnPool([this, id, days, conninfo = conninfo_.toStdString()] {
        RetentionPreview preview;
        preview.requestId = id;
        preview.days = days;
        try {
            store::PgConnection connection(conninfo);
            preview.savedDays = store::readRetentionDays(connection);
            const auto partitions = store::listEventPartitions(connection);
            preview.partitions = static_cast<int>(partitions.size());
            if (!partitions.empty())
                preview.oldestDay = dateOf(partitions.front().day);
            if (days) {
                const auto dry = store::applyRetention(connection, *days, nowTimestamp(), true);
                preview.cutoff = dateOf(dry.cutoff);
                preview.wouldDrop = static_cast<int>(dry.dropped.size());
            }
        } catch (const std::exception& e) {
            preview.error = QString::fromUtf8(e.what()).trimmed();
        }
        QMetaObject::invokeMethod(
            this, [this, preview] { Q_EMIT previewReady(preview); }, Qt::QueuedConnection);
    });
    return id;
}

void RetentionService::save(std::optional<int> days)
{
    if (!isAttached()) {
        QMetaObject::invokeMethod(
            this, [this, error = tr("The database is not open yet.")] { Q_EMIT saveFailed(error); },
            Qt::QueuedConnection);
        return;
    }
    runOnPool([this, days, conninfo = conninfo_.toStdString()] {
        QString error;
        try {
            store::PgConnection connection(conninfo);
            store::writeRetentionDays(connection, days);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what()).trimmed();
        }
        QMetaObject::invokeMethod(
            this,
            [this, days, error] {
                if (!error.isEmpty()) {
                    Q_EMIT saveFailed(error);
                    return;
                }
                Q_EMIT saved(days);
                if (scheduler_)
                    scheduler_->wake(); // apply the new window now rather than tomorrow
            },
            Qt::QueuedConnection);
    });
}

} // namespace vigie::models
