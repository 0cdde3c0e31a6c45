#pragma once
// DatabaseJob: one backup or restore of a database with PostgreSQL's own tools
// (store/database_backup.h), run on a pool thread. What the tool prints reaches the GUI thread
// as queued signals: every line, and the table it is at with a count of tables (out of the
// database's tables for a backup; a restore's total is unknown, 0). cancel() kills the tool: a
// cancelled backup leaves no file under the chosen name, a cancelled restore leaves the target
// as it was. Created and used on the GUI thread.
#include "store/database_backup.h"

#include <QFuture>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <stop_token>

namespace vigie::models {

// What the database at `conninfo` holds (for a restore's confirmation). Blocking: call it off
// the GUI thread. On failure, *error says why and the contents are empty.
store::DatabaseContents readDatabaseContents(const QString& conninfo, QString* error);

struct DatabaseJobSummary {
    enum class Kind { Backup, Restore };
    Kind kind = Kind::Backup;
    QString file;
    qint64 fileSize = 0;
    // What the backup holds (for a restore: what the restored database holds).
    qint64 events = 0;
    qint64 sources = 0;
    qint64 partitions = 0;
    double seconds = 0;
    bool cancelled = false;
    QString error; // the tool's message (with its last lines) when it failed

    bool ok() const { return error.isEmpty() && !cancelled; }
};

class DatabaseJob : public QObject {
    Q_OBJECT
public:
    using Kind = DatabaseJobSummary::Kind;

    // A restore with `force` replaces a database that holds events or sources; without it
    // such a target is refused (the summary's error says what it holds).
    DatabaseJob(Kind kind, QString conninfo, QString file, bool force = false, QObject* parent = nullptr);
    ~DatabaseJob() override; // cancels and waits for the worker

    Kind kind() const { return kind_; }
    QString file() const { return file_; }
    bool isRunning() const { return running_; }

    void start();
    void cancel();

    // The table a line of pg_dump/pg_restore --verbose starts on, or an empty string.
    static QString tableOfLine(const QString& line);

Q_SIGNALS:
    void line(const QString& text);
    // `done` tables started so far; `total` 0 when unknown.
    void tableStarted(const QString& table, int done, int total);
    void finished(const vigie::models::DatabaseJobSummary& summary);

private:
    void run(); // pool thread

    Kind kind_;
    QString conninfo_;
    QString file_;
    bool force_;
    bool started_ = false;
    bool running_ = false;
    std::stop_source stop_;
    QFuture<void> work_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::DatabaseJobSummary)
