// SavedSearchRepository: the SQL of the `saved_searches` table. Worker thread.
#include "saved_search_repository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace vigie::models {
namespace {

// The columns every statement returns, in the order readRow() reads them.
const QString columns = QStringLiteral("id, name, query, last_minutes, range_from, range_to");

QVariant nullable(const std::optional<QDateTime>& time)
{
    return time ? QVariant(time->toUTC()) : QVariant(QMetaType(QMetaType::QDateTime));
}

QVariant nullableMinutes(const SavedSearch& search)
{
    return search.isAbsolute() ? QVariant(QMetaType(QMetaType::Int))
                               : QVariant(std::max(search.lastMinutes, 0));
}

std::optional<QDateTime> timeOf(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDateTime().toUTC();
}

SavedSearch readRow(const QSqlQuery& query)
{
    SavedSearch search;
    search.id = query.value(0).toLongLong();
    search.name = query.value(1).toString();
    search.query = query.value(2).toString();
    search.lastMinutes = query.value(3).isNull() ? 0 : query.value(3).toInt();
    search.from = timeOf(query.value(4));
    search.to = timeOf(query.value(5));
    return search;
}

// A plain sentence for what an analyst can break, the server's message otherwise.
QString messageOf(const QSqlError& error, const QString& name)
{
    if (error.nativeErrorCode() == QLatin1String("23505"))
        return SavedSearch::nameTakenMessage(name);
    if (error.nativeErrorCode() == QLatin1String("23514")) {
        if (const QString problem = SavedSearch::nameProblem(name); !problem.isEmpty())
            return problem;
    }
    return serverMessage(error);
}

} // namespace

SavedSearchRepository::SavedSearchRepository(QString connectOptions)
    : connection_(std::move(connectOptions), QStringLiteral("saved_search_repository"))
{
}

bool SavedSearchRepository::loadAll(SavedSearches* searches, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM saved_searches ORDER BY name, id").arg(columns))) {
        *error = serverMessage(query.lastError());
        return false;
    }
    searches->clear();
    while (query.next())
        searches->append(readRow(query));
    return true;
}

bool SavedSearchRepository::execReturningRow(QSqlQuery& query, SavedSearch* search, QString* error)
{
    if (!query.exec()) {
        *error = messageOf(query.lastError(), search->name);
        return false;
    }
    if (!query.next()) {
        *error = SavedSearch::tr("The saved search no longer exists; another analyst may have deleted it.");
        return false;
    }
    *search = readRow(query);
    return true;
}

bool SavedSearchRepository::insert(SavedSearch* search, bool keepId, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    const bool withId = keepId && search->id > 0;
    query.prepare(
        withId ? QStringLiteral(
                     "INSERT INTO saved_searches (id, name, query, last_minutes, range_from, "
                     "range_to) OVERRIDING SYSTEM VALUE VALUES (?, ?, COALESCE(?, ''), ?, ?, ?) RETURNING %1")
                     .arg(columns)
               : QStringLiteral("INSERT INTO saved_searches (name, query, last_minutes, range_from, "
                                "range_to) VALUES (?, COALESCE(?, ''), ?, ?, ?) RETURNING %1")
                     .arg(columns));
    if (withId)
        query.addBindValue(search->id);
    query.addBindValue(search->name.trimmed());
    // An empty query (every event) may be a null QString, which binds as NULL: COALESCE above.
    query.addBindValue(search->query.trimmed());
    query.addBindValue(nullableMinutes(*search));
    query.addBindValue(nullable(search->from));
    query.addBindValue(nullable(search->to));
    return execReturningRow(query, search, error);
}

bool SavedSearchRepository::rename(SavedSearch* search, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.prepare(
        QStringLiteral("UPDATE saved_searches SET name = ?, updated_at = now() WHERE id = ? RETURNING %1")
            .arg(columns));
    query.addBindValue(search->name.trimmed());
    query.addBindValue(search->id);
    return execReturningRow(query, search, error);
}

bool SavedSearchRepository::updateSearch(SavedSearch* search, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.prepare(
        QStringLiteral("UPDATE saved_searches SET query = COALESCE(?, ''), last_minutes = ?, range_from = ?, "
                       "range_to = ?, updated_at = now() WHERE id = ? RETURNING %1")
            .arg(columns));
    query.addBindValue(search->query.trimmed());
    query.addBindValue(nullableMinutes(*search));
    query.addBindValue(nullable(search->from));
    query.addBindValue(nullable(search->to));
    query.addBindValue(search->id);
    return execReturningRow(query, search, error);
}

bool SavedSearchRepository::remove(qint64 id, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.prepare(QStringLiteral("DELETE FROM saved_searches WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = serverMessage(query.lastError());
        return false;
    }
    return true;
}

} // namespace vigie::models
