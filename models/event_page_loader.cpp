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
const QLatin1String selectList(
    "SELECT id, (extract(epoch FROM ts) * 1000000)::bigint, (extract(epoch FROM received_at) * "
    "1000000)::bigint,"
    " host, app, pid, severity, facility, category, action, outcome, user_name, host(source_ip), source_port,"
    " host(dest_ip), dest_port, process, format, message, fields::text, raw, parse_error FROM ");

const QLatin1String cursorFromMicros("(timestamptz 'epoch' + CAST(? AS bigint) * interval '1 microsecond')");

QVariantList bindValues(const std::vector<std::optional<std::string>>& params)
{
    QVariantList values;
    values.reserve(static_cast<qsizetype>(params.size()));
    for (const auto& param : params)
        values << (param ? QVariant(QString::fromStdString(*param))
                         : QVariant(QMetaType(QMetaType::QString)));
    return values;
}

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

// `SELECT ... FROM events WHERE` the filter and time range of `search`, with its values, for
// the caller to add its own conditions; false when the query does not compile.
bool selectMatching(const EventSearch& search, QString* sql, QVariantList* values, QString* error)
{
    query::SqlWithParams filter;
    try {
        filter = query::compileFilter(search.query.toStdString(), query::Placeholders::Question);
    } catch (const std::exception& problem) {
        *error = QString::fromStdString(problem.what());
        return false;
    }
    *values = bindValues(filter.params);
    *sql = selectList + QStringLiteral("events WHERE (") + QString::fromStdString(filter.sql) +
           QStringLiteral(")");
    if (search.fromUs) {
        *sql += QStringLiteral(" AND ts >= ") + cursorFromMicros;
        *values << QVariant(*search.fromUs);
    }
    if (search.toUs) {
        *sql += QStringLiteral(" AND ts < ") + cursorFromMicros;
        *values << QVariant(*search.toUs);
    }
    return true;
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

bool EventPageLoader::readPage(const EventSearch& search, std::optional<query::Cursor> after,
                               qint64 snapshotId, int limit, Page* page, QString* error)
{
    query::SearchRequest request = search.toRequest(limit);
    request.after = after;
    query::SqlWithParams page_sql;
    try {
        page_sql = query::buildEventPage(request, query::Placeholders::Question);
    } catch (const std::exception& problem) {
        *error = QString::fromStdString(problem.what());
        return false;
    }
    // The page statement picks the rows; the outer select reads them in the exact forms
    // readRow expects (times as integer microseconds, addresses as text).
    const QString sql = selectList + QStringLiteral("(") + QString::fromStdString(page_sql.sql) +
                        QStringLiteral(") AS page ORDER BY ts DESC, id DESC");
    EventRows rows;
    if (!run(sql, bindValues(page_sql.params), &rows, error))
        return false;
    page->atEnd = rows.size() < limit;
    if (!rows.isEmpty()) {
        page->cursorTs = rows.constLast().ts_us;
        page->cursorId = rows.constLast().id;
    }
    // Rows committed after the snapshot belong to the live tail.
    rows.removeIf([snapshotId](const EventRow& row) { return row.id > snapshotId; });
    page->rows = std::move(rows);
    return true;
}

void EventPageLoader::fetchFirst(quint64 generation, const EventSearch& search, int limit)
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
    Page page;
    if (!readPage(search, std::nullopt, snapshotId, limit, &page, &error)) {
        Q_EMIT failed(generation, Request::First, error);
        return;
    }
    Q_EMIT snapshotReady(generation, snapshotId, page.rows, page.atEnd, page.cursorTs, page.cursorId);
}

void EventPageLoader::fetchOlder(quint64 generation, const EventSearch& search, qint64 tsMicros, qint64 id,
                                 qint64 snapshotId, int limit)
{
    Page page;
    QString error;
    const query::Cursor after{Timestamp(std::chrono::microseconds(tsMicros)), id};
    if (!readPage(search, after, snapshotId, limit, &page, &error)) {
        Q_EMIT failed(generation, Request::Older, error);
        return;
    }
    Q_EMIT olderReady(generation, page.rows, page.atEnd, page.cursorTs, page.cursorId);
}

bool EventPageLoader::readTail(const EventSearch& search, qint64 afterId, std::optional<qint64> upToId,
                               bool newestFirst, int limit, EventRows* rows, QString* error)
{
    QString sql;
    QVariantList values;
    if (!selectMatching(search, &sql, &values, error))
        return false;
    sql += QStringLiteral(" AND id > ?");
    values << QVariant(afterId);
    if (upToId) {
        sql += QStringLiteral(" AND id <= ?");
        values << QVariant(*upToId);
    }
    sql += newestFirst ? QStringLiteral(" ORDER BY id DESC LIMIT ?") : QStringLiteral(" ORDER BY id LIMIT ?");
    values << QVariant(limit);
    return run(sql, values, rows, error);
}

bool EventPageLoader::readSnapshotPage(const EventSearch& search, const EventPageBounds& bounds,
                                       qint64 snapshotId, int limit, EventRows* rows, QString* error)
{
    QString sql;
    QVariantList values;
    if (!selectMatching(search, &sql, &values, error))
        return false;
    // Bounded by keys on both sides, not by a LIMIT from `from`: rows imported since with
    // older times (ids above the snapshot) must not push the page's own rows out.
    sql += QStringLiteral(" AND id <= ?");
    values << QVariant(snapshotId);
    if (bounds.hasFrom) {
        sql +=
            QStringLiteral(" AND (ts, id) < (") + cursorFromMicros + QStringLiteral(", CAST(? AS bigint))");
        values << QVariant(bounds.fromTs) << QVariant(bounds.fromId);
    }
    sql += QStringLiteral(" AND (ts, id) >= (") + cursorFromMicros + QStringLiteral(", CAST(? AS bigint))");
    values << QVariant(bounds.lastTs) << QVariant(bounds.lastId);
    sql += QStringLiteral(" ORDER BY ts DESC, id DESC LIMIT ?");
    values << QVariant(limit);
    return run(sql, values, rows, error);
}

void EventPageLoader::fetchNewer(quint64 generation, const EventSearch& search, qint64 afterId, int limit)
{
    EventRows rows;
    QString error;
    if (!readTail(search, afterId, std::nullopt, false, limit, &rows, &error)) {
        Q_EMIT failed(generation, Request::Newer, error);
        return;
    }
    const bool more = rows.size() == limit;
    Q_EMIT newerReady(generation, rows, more);
}

void EventPageLoader::rereadPage(quint64 generation, quint64 page, const EventSearch& search,
                                 const EventPageBounds& bounds, qint64 snapshotId, int rows)
{
    EventRows read;
    QString error;
    const bool ok = bounds.tail ? readTail(search, bounds.fromId, bounds.lastId, true, rows, &read, &error)
                                : readSnapshotPage(search, bounds, snapshotId, rows, &read, &error);
    if (!ok) {
        Q_EMIT failed(generation, Request::Page, error);
        return;
    }
    Q_EMIT pageReread(generation, page, read);
}

} // namespace vigie::models
