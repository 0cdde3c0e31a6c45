#pragma once
// SourceRepository: reads and writes the `sources` table over its own QSqlDatabase connection.
// Synchronous: it belongs to one worker thread (QtSql wants one connection per thread) and is
// never used from the GUI thread. Every value travels as a bound parameter.
#include "source_config.h"

#include "thread_connection.h"

#include <QString>

namespace vigie::models {

class SourceRepository {
public:
    // `connectOptions` is a normalised conninfo (see ConnInfo::toQpsqlConnectOptions).
    explicit SourceRepository(
        QString connectOptions); // closes the connection; call on the thread that used it
    SourceRepository(const SourceRepository&) = delete;
    SourceRepository& operator=(const SourceRepository&) = delete;

    // Each returns false and sets *error (the server's message) when the statement fails.
    bool loadAll(QList<SourceConfig>* sources, QString* error);
    // Inserts `source` and sets its id. With keepId (undoing a delete), the row gets back the
    // id it had.
    bool insert(SourceConfig* source, bool keepId, QString* error);
    bool update(const SourceConfig& source, QString* error);
    bool setEnabled(qint64 id, bool enabled, QString* error);
    bool remove(qint64 id, QString* error);

private:
    ThreadConnection connection_;
};

} // namespace vigie::models
