#pragma once
// ThreadConnection: the QSqlDatabase connection of one worker object, used only on the thread
// that object lives on (QtSql requires one connection per thread). Connects lazily, reconnects
// when the server dropped it, and closes and unregisters itself when destroyed (on that thread).
#include <QSqlDatabase>
#include <QString>

class QSqlError;

namespace vigie::models {

class ThreadConnection {
public:
    // `connectOptions` is the whole libpq conninfo (QPSQL appends it to an empty host and
    // database); `purpose` names the connection in QtSql's registry.
    ThreadConnection(QString connectOptions, const QString& purpose);
    ~ThreadConnection();
    ThreadConnection(const ThreadConnection&) = delete;
    ThreadConnection& operator=(const ThreadConnection&) = delete;

    // Opens (or reopens) the connection; false with the driver's message in *error.
    bool ensureOpen(QString* error);
    QSqlDatabase database() const;

private:
    QString connectOptions_;
    QString name_;
};

// The server's own message for a failed statement, without QPSQL's "Unable to create query"
// wrapping: what an analyst can read when no plainer sentence fits.
QString serverMessage(const QSqlError& error);

} // namespace vigie::models
