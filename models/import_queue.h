#pragma once
// ImportQueue: the files the analyst asked to import (File > Import…, or dropped on the
// window), imported one after the other through FileImportJob. GUI thread. Files queued before
// the engine runs wait for attach(). Keeps the summaries of the finished imports for the
// session.
#include "file_import_job.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace vigie::ingest {
class Engine;
}

namespace vigie::models {

class ImportQueue : public QObject {
    Q_OBJECT
public:
    explicit ImportQueue(QObject* parent = nullptr);
    ~ImportQueue() override; // cancels the running import and waits for it

    // Imports go through `engine` from now on (nullptr: cancel and stop). The engine must
    // outlive the queue or be detached first.
    void attach(ingest::Engine* engine);
    void detach() { attach(nullptr); }
    bool isAttached() const { return engine_ != nullptr; }

    void enqueue(const QStringList& paths, parse::Format format = parse::Format::Auto);
    // Cancels the running import (a second call stops waiting for its storage).
    void cancelCurrent();
    // Cancels the running import and forgets the queued ones.
    void cancelAll();

    FileImportJob* current() const { return current_; }
    int pendingCount() const { return static_cast<int>(pending_.size()); }
    bool isIdle() const { return !current_ && pending_.isEmpty(); }
    const QList<ImportSummary>& summaries() const { return summaries_; }

    // Passed on to each job (tests use small chunks).
    void setChunkSize(qsizetype bytes) { chunkSize_ = bytes; }

Q_SIGNALS:
    void started(vigie::models::FileImportJob* job);
    void progress(quint64 bytesRead, quint64 fileSize, quint64 records, double seconds);
    void phaseChanged(vigie::models::FileImportJob::Phase phase);
    void finished(const vigie::models::ImportSummary& summary);
    // The number of files waiting changed.
    void pendingChanged(int pending);
    void idle();

private:
    struct Pending {
        QString path;
        parse::Format format;
    };
    void startNext();
    void onJobFinished(const ImportSummary& summary);

    ingest::Engine* engine_ = nullptr;
    QList<Pending> pending_;
    FileImportJob* current_ = nullptr;
    QList<ImportSummary> summaries_;
    qsizetype chunkSize_ = 256 * 1024;
};

} // namespace vigie::models
