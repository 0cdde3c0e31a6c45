// DashboardStoreWorker: each request of the dashboard panel as DashboardStore calls or file
// I/O, answered with done(); NOTIFY after changes, LISTEN (or a poll) for other desktops'.
// Worker thread.
#include "dashboard_store_worker.h"

#include "channel_listener.h"
#include "qt_time.h"

#include "store/pg_connection.h"
#include "utf8_text.h"

#include <QFile>
#include <QSaveFile>
#include <QTimeZone>

#include <libpq-fe.h>

#include <algorithm>

namespace vigie::models {
namespace {

constexpr auto kChannel = "vigie_dashboards";
// A dashboard file larger than this is not a dashboard (the shipped ones are ~5 kB).
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
// Several changes in a burst (an import, a restore) reload once.
constexpr int kNotificationDelayMs = 200;

DashboardEntry entryOf(const store::DashboardSummary& summary)
{
    DashboardEntry entry;
    entry.id = summary.id;
    entry.position = summary.position;
    entry.uid = qstr(summary.uid);
    entry.name = qstr(summary.name);
    entry.builtin = qstr(summary.builtin);
    entry.version = summary.version;
    entry.updated = utcDateTime(summary.updated_at);
    return entry;
}

DashboardOutcome outcomeFor(quint64 request, DashboardOutcome::Op op)
{
    DashboardOutcome outcome;
    outcome.request = request;
    outcome.op = op;
    return outcome;
}

// What the poll compares: ids and versions in tab order.
QString listKey(const DashboardEntries& entries)
{
    QString key;
    for (const DashboardEntry& entry : entries)
        key += QStringLiteral("%1:%2:%3;").arg(entry.id).arg(entry.version).arg(entry.position);
    return key;
}

} // namespace

DashboardStoreWorker::DashboardStoreWorker(std::string conninfo, QString qpsqlOptions)
    : conninfo_(std::move(conninfo)), qpsqlOptions_(std::move(qpsqlOptions))
{
}

DashboardStoreWorker::~DashboardStoreWorker() = default;

store::PgConnection& DashboardStoreWorker::connection()
{
    if (!db_ || !db_->healthy())
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    return *db_;
}

template <typename Work> void DashboardStoreWorker::run(DashboardOutcome* outcome, bool notify, Work work)
{
    try {
        store::DashboardStore dashboards(connection());
        try {
            work(dashboards);
            if (notify && outcome->error.isEmpty()) {
                // The payload names this connection, so our own listener ignores the echo.
                const std::string payload = std::to_string(PQbackendPID(db_->native()));
                db_->exec("SELECT pg_notify($1, $2)", {std::string(kChannel), payload});
            }
        } catch (const store::ConnectionError&) {
            throw;
        } catch (const store::StaleDashboardError&) {
            outcome->stale = true;
            outcome->error = tr("Someone saved this dashboard meanwhile; their version is now shown and your "
                                "change was not saved.");
        } catch (const store::DashboardConflictError& e) {
            outcome->error = tr("Not saved: %1").arg(qstr(e.what()).trimmed());
        } catch (const dashboard::DashboardFormatError& e) {
            outcome->error = tr("This dashboard definition cannot be used: %1").arg(qstr(e.what()).trimmed());
        } catch (const store::StoreError& e) {
            outcome->error = qstr(e.what()).trimmed();
        }
        // Refused or not, the answer carries the dashboards as they now are.
        outcome->entries.clear();
        for (const auto& summary : dashboards.list())
            outcome->entries.append(entryOf(summary));
        outcome->listed = true;
        lastListKey_ = listKey(outcome->entries);
    } catch (const store::ConnectionError& e) {
        db_.reset(); // reconnect on the next request
        outcome->error = tr("The database cannot be reached: %1").arg(qstr(e.what()).trimmed());
    } catch (const store::StoreError& e) {
        outcome->error = qstr(e.what()).trimmed();
    } catch (const dashboard::DashboardFormatError& e) {
        outcome->error = tr("This dashboard definition cannot be used: %1").arg(qstr(e.what()).trimmed());
    }
    Q_EMIT done(*outcome);
}

void DashboardStoreWorker::load(quint64 request)
{
    DashboardOutcome outcome;
    outcome.request = request;
    run(&outcome, false, [this](store::DashboardStore& dashboards) {
        if (!seeded_) {
            dashboards.seedBuiltins();
            seeded_ = true;
        }
    });
}

void DashboardStoreWorker::open(quint64 request, qint64 id)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Open);
    run(&outcome, false, [&](store::DashboardStore& dashboards) {
        outcome.dashboard = dashboards.find(id);
        if (!outcome.dashboard)
            outcome.error = tr("This dashboard was deleted.");
    });
}

void DashboardStoreWorker::save(quint64 request, qint64 id, const dashboard::DashboardSpec& spec,
                                int expectedVersion)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Save);
    run(&outcome, true, [&](store::DashboardStore& dashboards) {
        try {
            outcome.dashboard = dashboards.update(id, spec, expectedVersion);
        } catch (const store::StaleDashboardError&) {
            outcome.dashboard = dashboards.find(id); // the colleague's version, to show instead
            throw;
        }
    });
}

void DashboardStoreWorker::add(quint64 request, const dashboard::DashboardSpec& spec)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Add);
    run(&outcome, true, [&](store::DashboardStore& dashboards) { outcome.dashboard = dashboards.add(spec); });
}

void DashboardStoreWorker::rename(quint64 request, qint64 id, const QString& name, int expectedVersion)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Rename);
    run(&outcome, true, [&](store::DashboardStore& dashboards) {
        try {
            outcome.dashboard = dashboards.rename(id, name.toStdString(), expectedVersion);
        } catch (const store::StaleDashboardError&) {
            outcome.dashboard = dashboards.find(id);
            throw;
        }
    });
}

void DashboardStoreWorker::duplicate(quint64 request, qint64 id, const QString& name)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Duplicate);
    run(&outcome, true, [&](store::DashboardStore& dashboards) {
        const auto original = dashboards.find(id);
        if (!original) {
            outcome.error = tr("This dashboard was deleted.");
            return;
        }
        dashboard::DashboardSpec copy = original->spec;
        copy.uid.clear();
        copy.builtin.clear();
        copy.name = name.toStdString();
        outcome.dashboard = dashboards.add(std::move(copy));
    });
}

void DashboardStoreWorker::remove(quint64 request, qint64 id)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Remove);
    run(&outcome, true, [&](store::DashboardStore& dashboards) {
        outcome.dashboard = dashboards.remove(id);
        if (!outcome.dashboard)
            outcome.error = tr("This dashboard was already deleted.");
    });
}

void DashboardStoreWorker::restore(quint64 request, const store::StoredDashboard& dashboard)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Restore);
    run(&outcome, true,
        [&](store::DashboardStore& dashboards) { outcome.dashboard = dashboards.restore(dashboard); });
}

void DashboardStoreWorker::restoreShipped(quint64 request)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::RestoreShipped);
    run(&outcome, true,
        [&](store::DashboardStore& dashboards) { outcome.count = dashboards.restoreBuiltins(); });
}

void DashboardStoreWorker::importFile(quint64 request, const QString& path, DashboardImportMode mode)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Import);
    outcome.path = path;
    run(&outcome, true, [&](store::DashboardStore& dashboards) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            outcome.error = tr("Cannot read %1: %2").arg(path, file.errorString());
            return;
        }
        if (file.size() > kMaxFileBytes) {
            outcome.error = tr("%1 is too large to be a dashboard.").arg(path);
            return;
        }
        const QByteArray bytes = file.readAll();
        dashboard::DashboardSpec spec =
            dashboard::readDashboard(std::string_view(bytes.constData(), bytes.size()));
        const auto existing = spec.uid.empty() ? std::nullopt : dashboards.findByUid(spec.uid);
        if (existing && mode == DashboardImportMode::Ask) {
            outcome.uidTaken = true;
            outcome.dashboard = existing;
            outcome.error = tr("“%1” is already stored from this file.").arg(qstr(existing->spec.name));
            return;
        }
        if (existing && mode == DashboardImportMode::Replace) {
            outcome.dashboard =
                dashboards.update(existing->summary.id, std::move(spec), existing->summary.version);
            return;
        }
        DashboardEntries entries;
        for (const auto& summary : dashboards.list())
            entries.append(entryOf(summary));
        const bool builtinTaken =
            std::any_of(entries.begin(), entries.end(),
                        [&spec](const DashboardEntry& e) { return e.builtin == qstr(spec.builtin); });
        if (existing)
            spec.uid.clear(); // a copy
        if (existing || builtinTaken)
            spec.builtin.clear();
        spec.name = uniqueDashboardName(entries, qstr(spec.name)).toStdString();
        outcome.dashboard = dashboards.add(std::move(spec));
    });
}

void DashboardStoreWorker::exportFile(quint64 request, qint64 id,
                                      const std::optional<dashboard::DashboardSpec>& spec,
                                      const QString& path)
{
    DashboardOutcome outcome = outcomeFor(request, DashboardOutcome::Op::Export);
    outcome.path = path;
    run(&outcome, false, [&](store::DashboardStore& dashboards) {
        std::optional<dashboard::DashboardSpec> written = spec;
        if (!written) {
            const auto stored = dashboards.find(id);
            if (!stored) {
                outcome.error = tr("This dashboard was deleted.");
                return;
            }
            written = stored->spec;
        }
        const std::string text = dashboard::writeDashboard(*written);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
            !file.commit())
            outcome.error = tr("Cannot write %1: %2").arg(path, file.errorString());
    });
}

void DashboardStoreWorker::listen(int pollMs)
{
    auto* listener = new ChannelListener(qpsqlOptions_, QLatin1String(kChannel), kNotificationDelayMs, this);
    connect(listener, &ChannelListener::notified, this, [this](const QStringList& payloads) {
        const QString ownPid = db_ ? QString::number(PQbackendPID(db_->native())) : QString();
        if (std::any_of(payloads.begin(), payloads.end(), [&](const QString& pid) { return pid != ownPid; }))
            poll(); // someone else's change (ours were answered already)
    });
    connect(listener, &ChannelListener::changesMissed, this, &DashboardStoreWorker::poll);
    listener->start(pollMs);
}

void DashboardStoreWorker::poll()
{
    DashboardOutcome outcome = outcomeFor(0, DashboardOutcome::Op::Changed);
    const QString before = lastListKey_;
    try {
        store::DashboardStore dashboards(connection());
        for (const auto& summary : dashboards.list())
            outcome.entries.append(entryOf(summary));
    } catch (const store::StoreError&) {
        db_.reset(); // the next request reports it; a poll stays quiet
        return;
    }
    outcome.listed = true;
    lastListKey_ = listKey(outcome.entries);
    if (lastListKey_ != before)
        Q_EMIT changedElsewhere(outcome);
}

} // namespace vigie::models
