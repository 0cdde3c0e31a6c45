#include "database_job.h"

#include "store/database_backup.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtConcurrent>

#include <exception>

namespace vigie::models {
namespace {

// Tables whose rows pg_dump writes: ordinary tables (each daily partition is one) outside
// PostgreSQL's own schemas. Only a denominator for the progress bar.
int tablesToDump(store::PgConnection& connection)
{
    return static_cast<int>(
        connection
            .exec("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                  "AND n.nspname NOT LIKE 'pg_toast%'")
            .integer(0, 0));
}

void fillContents(DatabaseJobSummary& summary, const store::DatabaseContents& contents)
{
    summary.events = contents.events;
    summary.sources = contents.sources;
    summary.partitions = contents.partitions;
}

} // namespace

DatabaseJob::DatabaseJob(Kind kind, QString conninfo, QString file, bool force, QObject* parent)
    : QObject(parent), kind_(kind), conninfo_(std::move(conninfo)), file_(std::move(file)), force_(force)
{
    qRegisterMetaType<DatabaseJobSummary>();
}

DatabaseJob::~DatabaseJob()
{
    stop_.request_stop();
    work_.waitForFinished();
}

void DatabaseJob::start()
{
    if (started_)
        return; // a job runs once
    started_ = running_ = true;
    work_ = QtConcurrent::run([this] { run(); });
}

void DatabaseJob::cancel()
{
    stop_.request_stop();
}

QString DatabaseJob::tableOfLine(const QString& line)
{
    // pg_dump: "dumping contents of table "public.events_20261101""; pg_restore: "processing
    // data for table "public.events_20261101"". A tool speaking another language still shows
    // its lines, only without the table count.
    static const QRegularExpression table(
        QStringLiteral("(?:dumping contents of|processing data for) table \"(?:[^\".]+\\.)?([^\"]+)\""));
    const auto match = table.match(line);
    return match.hasMatch() ? match.captured(1) : QString();
}

void DatabaseJob::run()
{
    DatabaseJobSummary summary;
    summary.kind = kind_;
    summary.file = file_;
    QElapsedTimer clock;
    clock.start();
    const std::string conninfo = conninfo_.toStdString();
    const std::filesystem::path path = file_.toStdString();
    int total = 0;
    int done = 0;
    const auto progress = [this, &done, &total](std::string_view text) {
        const QString lineText = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
        const QString table = tableOfLine(lineText);
        const int doneNow = table.isEmpty() ? done : ++done;
        QMetaObject::invokeMethod(
            this,
            [this, lineText, table, doneNow, total] {
                Q_EMIT line(lineText);
                if (!table.isEmpty())
                    Q_EMIT tableStarted(table, doneNow, total);
            },
            Qt::QueuedConnection);
    };
    try {
        if (kind_ == Kind::Backup) {
            {
                store::PgConnection connection(conninfo);
                fillContents(summary, store::databaseContents(connection));
                total = tablesToDump(connection);
            }
            store::backupDatabase(conninfo, path, progress, stop_.get_token());
            summary.fileSize = QFileInfo(file_).size();
        } else {
            store::restoreDatabase(conninfo, path, force_, progress, stop_.get_token());
            store::PgConnection connection(conninfo);
            fillContents(summary, store::databaseContents(connection));
            summary.fileSize = QFileInfo(file_).size();
        }
    } catch (const store::OperationCancelled&) {
        summary.cancelled = true;
    } catch (const std::exception& e) {
        summary.error = QString::fromUtf8(e.what()).trimmed();
    }
    summary.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    QMetaObject::invokeMethod(
        this,
        [this, summary] {
            running_ = false;
            Q_EMIT finished(summary);
        },
        Qt::QueuedConnection);
}

store::DatabaseContents readDatabaseContents(const QString& conninfo, QString* error)
{
    try {
        store::PgConnection connection(conninfo.toStdString());
        return store::databaseContents(connection);
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what()).trimmed();
        return {};
    }
}

} // namespace vigie::models
