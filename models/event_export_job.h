#pragma once
// EventExportJob: writes every event matching one search (query + time range, taken when the job
// is made, so the analyst may search on meanwhile) to a file, as CSV (event/event_csv.h) or as
// JSON lines (event/event_json.h, exactly what `vigiectl search` prints), newest first like the
// table. Created and used on the GUI thread; the work runs on a QThread of its own with its own
// libpq connection: first a count of the matching events for the progress bar (the histogram
// statement with one bucket, so what the rollups can answer is summed from them), then
// keyset pages read one at a time (memory stays flat) and appended to "<path>.part", which is
// renamed to the chosen name only when everything was written. A cancelled or failed export
// removes the part file, so the chosen name never holds half an export. cancel() is checked
// between pages and also interrupts the statement running on the server (PQcancel), so even a
// long count stops at once. Results reach the GUI thread as queued calls on this object.
#include "event_search.h"

#include <QObject>
#include <QString>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace vigie::models {

enum class ExportFormat { Csv, JsonLines };

class EventExportJob : public QObject {
    Q_OBJECT
public:
    // `conninfo` in libpq syntax; `path` is the file to create (replaced when it exists).
    EventExportJob(QString conninfo, EventSearch search, ExportFormat format, QString path,
                   QObject* parent = nullptr);
    ~EventExportJob() override; // cancels and waits for the thread

    // Before start(). Default 5,000 rows a page.
    void setPageSize(int rows) { pageSize_ = std::max(rows, 1); }

    void start();
    void cancel();

    QString path() const { return path_; }
    // Where the rows are written until the export is complete.
    QString partPath() const { return path_ + QStringLiteral(".part"); }
    ExportFormat format() const { return format_; }
    const EventSearch& search() const { return search_; }

Q_SIGNALS:
    // The count is running (the total is not known yet).
    void counting();
    // `total` is the count made up front (-1 until known); rows committed after it may make
    // `rows` exceed it.
    void progress(quint64 rows, qint64 total, double seconds);
    void finished(quint64 rows, const QString& path, double seconds);
    void failed(const QString& message);
    void cancelled();

private:
    struct CancelHandle;
    void run(); // export thread
    void post(std::function<void()> call);

    QString conninfo_;
    EventSearch search_;
    ExportFormat format_;
    QString path_;
    int pageSize_ = 5000;
    std::atomic<bool> cancelRequested_{false};
    std::unique_ptr<CancelHandle> cancelHandle_; // shared with the export thread, locked inside
    std::unique_ptr<QThread> thread_;
    bool running_ = false;
};

} // namespace vigie::models
