#pragma once
// ImportStrip: the band under the events table while files are imported — file name, progress
// bar (bytes read of the file size), amount and rate, how many files wait, and Cancel; then
// the summary of what was imported (received, stored, parse errors, dropped) until the analyst
// closes it. Follows an ImportQueue; does no work itself. GUI thread.
#include "file_import_job.h"

#include <QElapsedTimer>
#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace vigie::models {
class ImportQueue;
}

namespace vigie::widgets {

class ImportStrip : public QFrame {
    Q_OBJECT
public:
    explicit ImportStrip(models::ImportQueue* queue, QWidget* parent = nullptr);

    int progressPercent() const;
    QString fileText() const;
    QString detailText() const;
    QString summaryText() const;
    QPushButton* cancelButton() const { return cancel_; }

    // The summary sentence of a finished import, as shown.
    static QString summarySentence(const models::ImportSummary& summary);

Q_SIGNALS:
    // The analyst asked for the counters of that feed (the Ingest status panel).
    void countersRequested(const QString& feedName);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onStarted(models::FileImportJob* job);
    void onProgress(quint64 bytesRead, quint64 fileSize, quint64 records, double seconds);
    void onPhase(models::FileImportJob::Phase phase);
    void onFinished(const models::ImportSummary& summary);
    void updatePending();
    void retranslate();

    models::ImportQueue* queue_;
    QLabel* file_;
    QProgressBar* bar_;
    QLabel* detail_;
    QLabel* pending_;
    QPushButton* cancel_;
    QLabel* summary_;
    QPushButton* details_;
    QToolButton* close_;
    QString currentPath_;
    QString lastFeed_;
    QList<models::ImportSummary> finished_; // since the strip was last closed
    models::FileImportJob::Phase phase_ = models::FileImportJob::Phase::Queued;
};

} // namespace vigie::widgets
