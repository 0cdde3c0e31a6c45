#include "thread_connection.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace vigie::models {

ThreadConnection::ThreadConnection(QString connectOptions, const QString& purpose)
    : connectOptions_(std::move(connectOptions))
{
    static QAtomicInteger<quint64> counter;
    name_ = QStringLiteral("vigie_%1_%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1) + 1);
}

ThreadConnection::~ThreadConnection()
{
    if (!QSqlDatabase::contains(name_))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name_, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name_);
}

QSqlDatabase ThreadConnection::database() const
{
    return QSqlDatabase::database(name_, false);
}

QString serverMessage(const QSqlError& error)
{
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text() : text;
}

bool ThreadConnection::ensureOpen(QString* error)
{
    if (!QSqlDatabase::contains(name_)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name_);
        // Host, port and database stay empty: the whole libpq conninfo goes in the options.
        db.setConnectOptions(connectOptions_);
    }
    QSqlDatabase db = database();
    if (db.isOpen()) {
        // A connection the server dropped is reopened on the next request.
        QSqlQuery ping(db);
        if (ping.exec(QStringLiteral("SELECT 1")))
            return true;
        db.close();
    }
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace vigie::models
