#pragma once
// ImportStrip: the band under the events table while files are imported — file name, progress
// bar (bytes read of the file size), amount and rate, how many files wait, and Cancel; then
// the summary of what was imported (received, stored, parse errors, dropped) until the analyst
// closes it. Looks like the export strip (ProgressStrip); follows an ImportQueue; does no work
// itself. GUI thread.
#include "file_import_job.h"
#include "progress_strip.h"

#include <QElapsedTimer>

class QLabel;
class QPushButton;

namespace vigie::models {
class ImportQueue;
}

namespace vigie::widgets {

class ImportStrip : public ProgressStrip {
    Q_OBJECT
public:
    explicit ImportStrip(models::ImportQueue* queue, QWidget* parent = nullptr);

    // The summary sentence of a finished import, as shown.
    static QString summarySentence(const models::ImportSummary& summary);

Q_SIGNALS:
    // The analyst asked for the counters of that feed (the Ingest status panel).
    void countersRequested(const QString& feedName);

private:
    void onStarted(models::FileImportJob* job);
    void onProgress(quint64 bytesRead, quint64 fileSize, quint64 records, double seconds);
    void onPhase(models::FileImportJob::Phase phase);
    void onFinished(const models::ImportSummary& summary);
    void updatePending();
    void retranslate() override;

    models::ImportQueue* queue_;
    QLabel* pending_;
    QPushButton* details_;
    QString currentPath_;
    QString lastFeed_;
    QList<models::ImportSummary> finished_; // since the strip was last closed
    models::FileImportJob::Phase phase_ = models::FileImportJob::Phase::Queued;
};

} // namespace vigie::widgets
