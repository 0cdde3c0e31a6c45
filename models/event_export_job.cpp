// EventExportJob (event_export_job.h): the GUI-thread object and the export thread's run().
#include "event_export_job.h"

#include "event/event_csv.h"
#include "event/event_json.h"
#include "store/event_search.h"
#include "store/pg_connection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <filesystem>
#include <mutex>

#include <libpq-fe.h>
#include <unistd.h>

namespace vigie::models {

// The libpq cancel handle of the export thread's connection while it is open, so cancel() on
// the GUI thread can interrupt the statement the server is running (PQcancel is thread-safe).
struct EventExportJob::CancelHandle {
    std::mutex mutex;
    PGcancel* handle = nullptr;

    void attach(PGconn* connection)
    {
        const std::lock_guard lock(mutex);
        handle = PQgetCancel(connection);
    }
    void detach()
    {
        const std::lock_guard lock(mutex);
        if (handle)
            PQfreeCancel(handle);
        handle = nullptr;
    }
    void interrupt()
    {
        const std::lock_guard lock(mutex);
        char error[256];
        if (handle)
            PQcancel(handle, error, sizeof error); // best effort: the flag is checked anyway
    }

    // While alive, cancel() can interrupt the statements `connection` runs.
    class Attached {
    public:
        Attached(CancelHandle& owner, PGconn* connection) : owner_(owner) { owner_.attach(connection); }
        ~Attached() { owner_.detach(); }
        Attached(const Attached&) = delete;
        Attached& operator=(const Attached&) = delete;

    private:
        CancelHandle& owner_;
    };
};

namespace {

// At most ten progress reports a second.
constexpr std::chrono::milliseconds progressInterval{100};

// How many events match `search`, for the progress bar: the histogram statement with one bucket
// wider than any range. A query the rollups can answer is then summed from them (thousands of
// rows, not millions; exact to the minute at the ends of the range, which a bar cannot show) and
// any other is counted on the events, a scan as long as one more pass of the export's reads.
qint64 countMatching(store::EventSearch& events, const EventSearch& search)
{
    using namespace std::chrono;
    query::SearchRequest request = search.toRequest(1);
    // Without a start the histogram covers only the last day.
    if (!request.range.from)
        request.range.from = Timestamp(sys_days(year(1900) / January / 1));
    const auto buckets = events.histogram(request, duration_cast<seconds>(days(1000 * 366)));
    qint64 total = 0;
    for (const auto& bucket : buckets)
        total += bucket.count;
    return total;
}

} // namespace

EventExportJob::EventExportJob(QString conninfo, EventSearch search, ExportFormat format, QString path,
                               QObject* parent)
    : QObject(parent), conninfo_(std::move(conninfo)), search_(std::move(search)), format_(format),
      path_(std::move(path)), cancelHandle_(std::make_unique<CancelHandle>())
{
}

EventExportJob::~EventExportJob()
{
    cancel();
    if (thread_)
        thread_->wait();
}

void EventExportJob::start()
{
    if (thread_)
        return;
    running_ = true;
    thread_.reset(QThread::create([this] { run(); }));
    thread_->setObjectName(QStringLiteral("event_export"));
    thread_->start();
}

void EventExportJob::cancel()
{
    cancelRequested_ = true;
    cancelHandle_->interrupt();
}

void EventExportJob::post(std::function<void()> call)
{
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void EventExportJob::run()
{
    QElapsedTimer clock;
    clock.start();
    const auto seconds = [&clock] { return static_cast<double>(clock.elapsed()) / 1000.0; };
    const QString shownPath = QDir::toNativeSeparators(path_);
    quint64 rows = 0;
    qint64 total = -1;
    QString error;

    // Unbuffered: each page is one large write, and a full disk shows at that write.
    QFile file(partPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        error = tr("Cannot create %1: %2").arg(shownPath, file.errorString());
    } else {
        try {
            store::PgConnection db(conninfo_.toStdString());
            const CancelHandle::Attached interruptible(*cancelHandle_, db.native());
            store::EventSearch events(db);
            post([this] {
                if (running_)
                    Q_EMIT counting();
            });
            if (!cancelRequested_)
                total = countMatching(events, search_);
            QElapsedTimer sinceProgress;
            const auto reportProgress = [&] {
                post([this, rows, total, elapsed = seconds()] {
                    if (running_)
                        Q_EMIT progress(rows, total, elapsed);
                });
                sinceProgress.start();
            };
            reportProgress();

            std::string buffer;
            if (format_ == ExportFormat::Csv)
                appendCsvHeader(buffer);
            query::SearchRequest request = search_.toRequest(pageSize_);
            while (!cancelRequested_) {
                const store::SearchPage page = events.page(request);
                for (const Event& event : page.events) {
                    if (format_ == ExportFormat::Csv) {
                        appendCsvRow(buffer, event);
                    } else {
                        buffer += eventToJson(event);
                        buffer.push_back('\n');
                    }
                }
                if (file.write(buffer.data(), static_cast<qint64>(buffer.size())) !=
                    static_cast<qint64>(buffer.size())) {
                    error = tr("Writing %1 failed: %2").arg(shownPath, file.errorString());
                    break;
                }
                buffer.clear();
                rows += page.events.size();
                if (!page.next)
                    break;
                request.after = page.next;
                if (sinceProgress.elapsed() >= progressInterval.count())
                    reportProgress();
            }
            reportProgress();
        } catch (const store::ConnectionError& e) {
            error = tr("Cannot connect to the database: %1").arg(QString::fromStdString(e.what()));
        } catch (const std::exception& e) {
            // Also what a cancelled statement throws; the flag tells them apart.
            error = tr("Reading the events failed: %1").arg(QString::fromStdString(e.what()));
        }
        if (error.isEmpty() && !cancelRequested_ && ::fsync(file.handle()) != 0)
            error = tr("Writing %1 failed: %2").arg(shownPath, qt_error_string(errno));
        file.close();
    }

    const bool wasCancelled = cancelRequested_;
    if (error.isEmpty() && !wasCancelled) {
        // rename(2) replaces an existing file in one step: the chosen name holds either the old
        // file or the whole export.
        std::error_code renameError;
        std::filesystem::rename(QFile::encodeName(partPath()).toStdString(),
                                QFile::encodeName(path_).toStdString(), renameError);
        if (renameError)
            error = tr("Cannot create %1: %2").arg(shownPath, QString::fromStdString(renameError.message()));
    }
    if (!error.isEmpty() || wasCancelled)
        QFile::remove(partPath());

    post([this, rows, error, wasCancelled, elapsed = seconds()] {
        running_ = false;
        if (wasCancelled)
            Q_EMIT cancelled();
        else if (!error.isEmpty())
            Q_EMIT failed(error);
        else
            Q_EMIT finished(rows, path_, elapsed);
    });
}

} // namespace vigie::models
