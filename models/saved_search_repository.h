#pragma once
// SavedSearchRepository: reads and writes the `saved_searches` table over its own QSqlDatabase
// connection. Synchronous: it belongs to one worker thread (QtSql wants one connection per
// thread) and is never used from the GUI thread. Every value travels as a bound parameter.
#include "saved_search.h"
#include "thread_connection.h"

#include <QString>

class QSqlQuery;

namespace vigie::models {

class SavedSearchRepository {
public:
    // `connectOptions` is a normalised conninfo (see ConnInfo::qpsqlOptionsFor).
    explicit SavedSearchRepository(QString connectOptions);
    SavedSearchRepository(const SavedSearchRepository&) = delete;
    SavedSearchRepository& operator=(const SavedSearchRepository&) = delete;

    // Each returns false and sets *error (a sentence for the analyst) when the statement fails;
    // on success the search passed in is updated to the row as stored (id, trimmed name).
    bool loadAll(SavedSearches* searches, QString* error);
    // Inserts a new search and sets its id. With keepId (undoing a delete), the row gets back
    // the id it had.
    bool insert(SavedSearch* search, bool keepId, QString* error);
    bool rename(SavedSearch* search, QString* error);
    // Replaces the query and the range of the search with that id (an overwrite).
    bool updateSearch(SavedSearch* search, QString* error);
    bool remove(qint64 id, QString* error);

private:
    // Runs the prepared statement, which returns the row's columns, and reads that row.
    bool execReturningRow(QSqlQuery& query, SavedSearch* search, QString* error);

    ThreadConnection connection_;
};

} // namespace vigie::models
