#pragma once
// FileImportJob: imports one log file through an engine feed named "import: <file name>". The
// work runs on a pool thread: read the file in chunks, frame the bytes (StreamFramer: lines or
// octet counting), submit each record (submit blocks while the engine's memory cap is reached,
// which paces the reading), then close the feed and wait until every record is stored or
// counted as dropped. Progress and the final summary reach the GUI thread as queued calls on
// this object (at most ten progress reports a second). cancel() stops the reading; what was
// already submitted is still stored and counted. Created and used on the GUI thread.
#include "parse/record_parser.h"

#include <QFuture>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>

namespace vigie::ingest {
class Engine;
}

namespace vigie::models {

struct ImportSummary {
    QString path;
    QString feedName;
    parse::Format format = parse::Format::Auto;
    quint64 fileSize = 0;
    quint64 bytesRead = 0;
    quint64 received = 0;    // records the engine counted for the feed
    quint64 stored = 0;      // committed to the database (parse errors included)
    quint64 parseErrors = 0; // stored raw with the parse-error flag
    quint64 dropped = 0;
    quint64 cut = 0; // records longer than the maximum, cut and stored
    double seconds = 0;
    bool cancelled = false;
    bool complete = false; // every received record is stored or counted as dropped
    QString error;         // the file could not be read (or the engine stopped)

    QString fileName() const;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

class FileImportJob : public QObject {
    Q_OBJECT
public:
    enum class Phase { Queued, Reading, Storing, Finished };
    Q_ENUM(Phase)

    // `engine` must outlive the job.
    FileImportJob(ingest::Engine* engine, QString path, parse::Format format, QObject* parent = nullptr);
    ~FileImportJob() override; // cancels and waits for the worker

    void setChunkSize(qsizetype bytes) { chunkSize_ = bytes; }
    void setProgressInterval(std::chrono::milliseconds interval) { progressInterval_ = interval; }

    void start();
    // Stops reading (while reading) or stops waiting for storage (while storing).
    void cancel();

    QString path() const { return path_; }
    parse::Format format() const { return format_; }
    Phase phase() const { return phase_; }
    bool isCancelRequested() const { return cancels_.load() > 0; }
    // Valid once finished() was emitted.
    const ImportSummary& summary() const { return summary_; }

Q_SIGNALS:
    void phaseChanged(vigie::models::FileImportJob::Phase phase);
    // `records` submitted so far; `fileSize` 0 when unknown (a pipe).
    void progress(quint64 bytesRead, quint64 fileSize, quint64 records, double seconds);
    void finished(const vigie::models::ImportSummary& summary);

private:
    void run(); // pool thread
    void postPhase(Phase phase);

    ingest::Engine* engine_;
    QString path_;
    parse::Format format_;
    qsizetype chunkSize_ = 256 * 1024;
    std::chrono::milliseconds progressInterval_{100};
    std::atomic<int> cancels_{0}; // cancel() calls: the first stops reading, a later one the wait
    std::atomic<bool> destroying_{false};
    Phase phase_ = Phase::Queued;
    QFuture<void> work_;
    ImportSummary summary_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::ImportSummary)
