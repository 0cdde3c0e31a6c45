// DashboardService: posts the dashboard panel's requests to the store worker and applies its
// answers to the tab model. GUI thread.
#include "dashboard_service.h"

#include "conn_info.h"

namespace vigie::models {
namespace {

// How often the list is compared when the driver cannot LISTEN.
constexpr int kPollMs = 15000;

} // namespace

DashboardService::DashboardService(QObject* parent)
    : QObject(parent), model_(new DashboardListModel(this)), worker_(QStringLiteral("dashboard store worker"))
{
    qRegisterMetaType<DashboardOutcome>();
    qRegisterMetaType<DashboardImportMode>();
    qRegisterMetaType<dashboard::DashboardSpec>();
    qRegisterMetaType<store::StoredDashboard>();
}

DashboardService::~DashboardService()
{
    detach();
}

bool DashboardService::attach(const QString& conninfo, QString* error)
{
    QString options;
    if (!ConnInfo::qpsqlOptionsFor(conninfo, &options, error))
        return false;
    detach();
    auto* worker = new DashboardStoreWorker(conninfo.toStdString(), options);
    // Not an answer to a request: connected here, it ends with the worker.
    connect(worker, &DashboardStoreWorker::changedElsewhere, this, &DashboardService::onChangedElsewhere);
    worker_.start<DashboardOutcome>(worker, &DashboardStoreWorker::done, this,
                                    [this](const DashboardOutcome& outcome) { onDone(outcome); });
    // Loading before telling: a panel reading isLoading() on attachedChanged shows "Reading…".
    loadRequest_ = reload();
    QMetaObject::invokeMethod(
        worker, [worker] { worker->listen(kPollMs); }, Qt::QueuedConnection);
    Q_EMIT attachedChanged(true);
    return true;
}

void DashboardService::detach()
{
    if (!worker_.isRunning())
        return;
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

quint64 DashboardService::reload()
{
    return worker_.post([](DashboardStoreWorker* worker, quint64 request) { worker->load(request); });
}

quint64 DashboardService::open(qint64 id)
{
    return worker_.post([id](DashboardStoreWorker* worker, quint64 request) { worker->open(request, id); });
}

quint64 DashboardService::save(qint64 id, const dashboard::DashboardSpec& spec, int expectedVersion)
{
    return worker_.post([id, spec, expectedVersion](DashboardStoreWorker* worker, quint64 request) {
        worker->save(request, id, spec, expectedVersion);
    });
}

quint64 DashboardService::add(const dashboard::DashboardSpec& spec)
{
    return worker_.post(
        [spec](DashboardStoreWorker* worker, quint64 request) { worker->add(request, spec); });
}

quint64 DashboardService::rename(qint64 id, const QString& name, int expectedVersion)
{
    return worker_.post([id, name, expectedVersion](DashboardStoreWorker* worker, quint64 request) {
        worker->rename(request, id, name, expectedVersion);
    });
}

quint64 DashboardService::duplicate(qint64 id, const QString& name)
{
    return worker_.post(
        [id, name](DashboardStoreWorker* worker, quint64 request) { worker->duplicate(request, id, name); });
}

quint64 DashboardService::remove(qint64 id)
{
    return worker_.post([id](DashboardStoreWorker* worker, quint64 request) { worker->remove(request, id); });
}

quint64 DashboardService::restore(const store::StoredDashboard& dashboard)
{
    return worker_.post(
        [dashboard](DashboardStoreWorker* worker, quint64 request) { worker->restore(request, dashboard); });
}

quint64 DashboardService::restoreShipped()
{
    return worker_.post(
        [](DashboardStoreWorker* worker, quint64 request) { worker->restoreShipped(request); });
}

quint64 DashboardService::importFile(const QString& path, DashboardImportMode mode)
{
    return worker_.post([path, mode](DashboardStoreWorker* worker, quint64 request) {
        worker->importFile(request, path, mode);
    });
}

quint64 DashboardService::exportFile(qint64 id, const QString& path)
{
    return worker_.post([id, path](DashboardStoreWorker* worker, quint64 request) {
        worker->exportFile(request, id, std::nullopt, path);
    });
}

quint64 DashboardService::exportSpec(const dashboard::DashboardSpec& spec, const QString& path)
{
    return worker_.post([spec, path](DashboardStoreWorker* worker, quint64 request) {
        worker->exportFile(request, 0, spec, path);
    });
}

QString DashboardService::uniqueName(const QString& base) const
{
    return uniqueDashboardName(model_->entries(), base);
}

void DashboardService::onDone(const DashboardOutcome& outcome)
{
    using Op = DashboardOutcome::Op;
    if (outcome.listed)
        model_->resetEntries(outcome.entries);
    const bool wasLoad = outcome.request == loadRequest_;
    if (wasLoad)
        loadRequest_ = 0;
    qint64 id = 0;
    if (outcome.dashboard) {
        const store::StoredDashboard& dashboard = *outcome.dashboard;
        id = dashboard.summary.id;
        if (outcome.stale)
            Q_EMIT saveRefused(outcome.request, dashboard, outcome.error);
        else if (outcome.uidTaken)
            Q_EMIT importConflict(outcome.request, outcome.path, QString::fromStdString(dashboard.spec.name));
        else if (outcome.error.isEmpty() && outcome.op == Op::Open)
            Q_EMIT opened(outcome.request, dashboard);
        else if (outcome.error.isEmpty() && outcome.op == Op::Remove)
            Q_EMIT removed(outcome.request, dashboard);
        else if (outcome.error.isEmpty())
            Q_EMIT saved(outcome.request, dashboard);
    }
    if (outcome.op == Op::RestoreShipped && outcome.error.isEmpty())
        Q_EMIT restoredShipped(outcome.request, outcome.count);
    Q_EMIT finished(outcome.request, outcome.error, id);
    if (wasLoad)
        Q_EMIT loaded();
}

void DashboardService::onChangedElsewhere(const DashboardOutcome& outcome)
{
    model_->resetEntries(outcome.entries);
    Q_EMIT changedElsewhere();
}

} // namespace vigie::models
