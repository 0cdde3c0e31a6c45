#include "event_page_loader.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <QVariant>

namespace vigie::models {
namespace {

// Times travel as integer microseconds since the epoch, both ways, so the keyset cursor is
// exact whatever the session time zone and however QPSQL would format a timestamptz.
const QLatin1String selectColumns(
    "SELECT id, (extract(epoch FROM ts) * 1000000)::bigint, (extract(epoch FROM received_at) * "
    "1000000)::bigint,"
    " host, app, pid, severity, facility, category, action, outcome, user_name, host(source_ip), source_port,"
    " host(dest_ip), dest_port, process, format, message, fields::text, raw, parse_error FROM events");

const QLatin1String cursorFromMicros("(timestamptz 'epoch' + CAST(? AS bigint) * interval '1 microsecond')");

std::optional<int> optionalInt(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

QDateTime fromMicros(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, QTimeZone::utc());
}

EventRow readRow(const QSqlQuery& query)
{
    EventRow row;
    row.id = query.value(0).toLongLong();
    row.ts_us = query.value(1).toLongLong();
    row.ts = fromMicros(row.ts_us);
    row.received_at = fromMicros(query.value(2).toLongLong());
    row.host = query.value(3).toString();
    row.app = query.value(4).toString();
    row.pid = optionalInt(query.value(5));
    row.severity = optionalInt(query.value(6));
    row.facility = optionalInt(query.value(7));
    row.category = query.value(8).toString();
    row.action = query.value(9).toString();
    row.outcome = query.value(10).toString();
    row.user_name = query.value(11).toString();
    row.source_ip = query.value(12).toString();
    row.source_port = optionalInt(query.value(13));
    row.dest_ip = query.value(14).toString();
    row.dest_port = optionalInt(query.value(15));
    row.process = query.value(16).toString();
    row.format = query.value(17).toString();
    row.message = query.value(18).toString();
    row.fields = query.value(19).toString();
    row.raw = query.value(20).toString();
    row.parse_error = query.value(21).toBool();
    return row;
}

} // namespace

EventPageLoader::EventPageLoader(QString connectOptions)
    : connection_(std::move(connectOptions), QStringLiteral("event_page_loader"))
{
}

bool EventPageLoader::run(const QString& sql, const QVariantList& values, EventRows* rows, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (rows) {
        if (query.size() > 0)
            rows->reserve(query.size());
        while (query.next())
            rows->append(readRow(query));
    }
    return true;
}

void EventPageLoader::fetchFirst(quint64 generation, int limit)
{
    QString error;
    if (!connection_.ensureOpen(&error)) {
        Q_EMIT failed(generation, Request::First, error);
        return;
    }
    QSqlQuery snapshot(connection_.database());
    if (!snapshot.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM events")) || !snapshot.next()) {
        Q_EMIT failed(generation, Request::First, snapshot.lastError().text());
        return;
    }
    const qint64 snapshotId = snapshot.value(0).toLongLong();
    EventRows rows;
    if (!run(selectColumns + QStringLiteral(" WHERE id <= ? ORDER BY ts DESC, id DESC LIMIT ?"),
             {QVariant(snapshotId), QVariant(limit)}, &rows, &error)) {
        Q_EMIT failed(generation, Request::First, error);
        return;
    }
    const bool atEnd = rows.size() < limit;
    Q_EMIT snapshotReady(generation, snapshotId, rows, atEnd);
}

void EventPageLoader::fetchOlder(quint64 generation, qint64 tsMicros, qint64 id, qint64 snapshotId, int limit)
{
    EventRows rows;
    QString error;
    const QString sql = selectColumns + QStringLiteral(" WHERE (ts, id) < (") + cursorFromMicros +
                        QStringLiteral(", ?) AND id <= ? ORDER BY ts DESC, id DESC LIMIT ?");
    if (!run(sql, {QVariant(tsMicros), QVariant(id), QVariant(snapshotId), QVariant(limit)}, &rows, &error)) {
        Q_EMIT failed(generation, Request::Older, error);
        return;
    }
    const bool atEnd = rows.size() < limit;
    Q_EMIT olderReady(generation, rows, atEnd);
}

void EventPageLoader::fetchNewer(quint64 generation, qint64 afterId, int limit)
{
    EventRows rows;
    QString error;
    if (!run(selectColumns + QStringLiteral(" WHERE id > ? ORDER BY id LIMIT ?"),
             {QVariant(afterId), QVariant(limit)}, &rows, &error)) {
        Q_EMIT failed(generation, Request::Newer, error);
        return;
    }
    const bool more = rows.size() == limit;
    Q_EMIT newerReady(generation, rows, more);
}

} // namespace vigie::models
