#pragma once
// AdministrationController: the Administration menu of the main window — Back Up Database…,
// Restore Database… and Retention… — with their dialogs. The file dialogs and confirmations are
// separate from the jobs (backupTo, restoreFrom), which tests call with a path. A restore into a
// running session stops its ingest first (WorkstationSession::suspendIngest) and starts it again
// afterwards, which reloads the events. The work runs in models::DatabaseJob and
// models::RetentionService. GUI thread.
#include "database_job.h"
#include "database_job_dialog.h"
#include "retention_dialog.h"

#include <QFuture>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace vigie::models {
class RetentionService;
class WorkstationSession;
struct RetentionReport;
} // namespace vigie::models

namespace vigie::widgets {

class AdministrationController : public QObject {
    Q_OBJECT
public:
    // The dialogs open over `window`, which also owns the controller.
    AdministrationController(models::RetentionService* retention, QWidget* window);
    ~AdministrationController() override; // cancels a running job and waits for it

    // Follows `session`: its database from ready(), its ingest stopped around a restore.
    void setSession(models::WorkstationSession* session);
    // The database administered (libpq conninfo); the actions are disabled without one.
    void setConninfo(const QString& conninfo);

    QMenu* menu() const { return menu_; }
    QAction* backupAction() const { return backup_; }
    QAction* restoreAction() const { return restore_; }
    QAction* retentionAction() const { return retention_; }
    models::DatabaseJob* currentJob() const { return job_; }
    DatabaseJobDialog* jobDialog() const { return jobDialog_; }
    RetentionDialog* retentionDialog() const { return retentionDialog_; }
    QMessageBox* restoreConfirmation() const { return confirmation_; }

    // The backup file type: pg_dump's custom format, under the extension PostgreSQL users know,
    // so `pg_restore` and `vigiectl db restore` read it too.
    static QString backupFileFilter();

public Q_SLOTS:
    void showBackupDialog();
    void showRestoreDialog();
    RetentionDialog* showRetentionDialog();
    // Writes the database to `path`, with the progress dialog.
    models::DatabaseJob* backupTo(const QString& path);
    // Reads what the database holds (on a worker), then asks to confirm restoring `path` over
    // it (restoreConfirmation()); Yes calls restoreFrom() with force when it is not empty.
    void confirmRestore(const QString& path);
    // Restores `path` (force: replace a database holding events or sources), with the
    // progress dialog; the session's ingest is stopped meanwhile.
    models::DatabaseJob* restoreFrom(const QString& path, bool force);

Q_SIGNALS:
    // One line for the status bar (what retention dropped, a finished job).
    void message(const QString& text);
    void jobFinished(const vigie::models::DatabaseJobSummary& summary);

private:
    models::DatabaseJob* startJob(models::DatabaseJob::Kind kind, const QString& path, bool force);
    void onJobFinished(const models::DatabaseJobSummary& summary);
    void onRetentionApplied(const models::RetentionReport& report);
    void askRestore(const QString& path, const store::DatabaseContents& contents, const QString& error);
    void updateActions();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    models::RetentionService* retentionService_;
    QWidget* window_;
    QPointer<models::WorkstationSession> session_;
    QString conninfo_;
    QMenu* menu_;
    QAction* backup_;
    QAction* restore_;
    QAction* retention_;
    QPointer<models::DatabaseJob> job_;
    QPointer<DatabaseJobDialog> jobDialog_;
    QPointer<RetentionDialog> retentionDialog_;
    QPointer<QMessageBox> confirmation_;
    QFuture<void> contentsWork_;
    bool readingContents_ = false; // from confirmRestore() until askRestore()
    bool resumeIngest_ = false;
};

} // namespace vigie::widgets
