#pragma once
// DatabaseJobDialog: the window-modal dialog following a backup or a restore (a DatabaseJob) —
// the table the tool is at ("Dumping table events_20261101…"), a progress bar (tables done of
// the database's tables for a backup, busy for a restore whose total is unknown), the tool's
// lines under Details, Cancel; then the summary (file size, events, partitions, sources) and
// Close. Does no work itself. GUI thread.
#include "database_job.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace vigie::widgets {

class DatabaseJobDialog : public QDialog {
    Q_OBJECT
public:
    // Follows `job` (not owned); the dialog cancels it when closed while it runs.
    DatabaseJobDialog(models::DatabaseJob* job, QWidget* parent = nullptr);

    QString statusText() const;
    QString summaryText() const;
    QProgressBar* progressBar() const { return bar_; }
    QPushButton* cancelButton() const { return cancel_; }

    // The summary sentence of a finished job, as shown.
    static QString summarySentence(const models::DatabaseJobSummary& summary);

protected:
    void reject() override; // Escape or the close button: cancel while running

private:
    void onTable(const QString& table, int done, int total);
    void onFinished(const models::DatabaseJobSummary& summary);

    QPointer<models::DatabaseJob> job_;
    QLabel* status_;
    QProgressBar* bar_;
    QPlainTextEdit* log_;
    QLabel* summary_;
    QDialogButtonBox* buttons_;
    QPushButton* cancel_;
    bool finished_ = false;
};

} // namespace vigie::widgets
