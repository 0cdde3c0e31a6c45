#include "administration_controller.h"

#include "database_job_dialog.h"
#include "retention_dialog.h"
#include "retention_service.h"
#include "workstation_session.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QWidget>
#include <QtConcurrent>

namespace vigie::widgets {

AdministrationController::AdministrationController(models::RetentionService* retention, QWidget* window)
    : QObject(window), retentionService_(retention), window_(window), menu_(new QMenu(window)),
      backup_(new QAction(this)), restore_(new QAction(this)), retention_(new QAction(this))
{
    menu_->setObjectName(QStringLiteral("administrationMenu"));
    backup_->setObjectName(QStringLiteral("backupAction"));
    restore_->setObjectName(QStringLiteral("restoreAction"));
    retention_->setObjectName(QStringLiteral("retentionAction"));
    backup_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    menu_->addAction(backup_);
    menu_->addAction(restore_);
    menu_->addSeparator();
    menu_->addAction(retention_);
    connect(backup_, &QAction::triggered, this, &AdministrationController::showBackupDialog);
    connect(restore_, &QAction::triggered, this, &AdministrationController::showRestoreDialog);
    connect(retention_, &QAction::triggered, this, &AdministrationController::showRetentionDialog);
    connect(retentionService_, &models::RetentionService::applied, this,
            &AdministrationController::onRetentionApplied);
    connect(retentionService_, &models::RetentionService::saveFailed, this, [this](const QString& error) {
        QMessageBox::warning(window_, tr("Retention"),
                             tr("The retention window was not saved: %1").arg(error));
    });
    // The window's LanguageChange reaches this object through the filter below.
    window_->installEventFilter(this);
    retranslate();
    updateActions();
}

AdministrationController::~AdministrationController()
{
    contentsWork_.waitForFinished();
    delete job_; // cancels and waits
}

void AdministrationController::setSession(models::WorkstationSession* session)
{
    session_ = session;
    connect(session, &models::WorkstationSession::ready, this, &AdministrationController::setConninfo);
    if (!session->conninfo().isEmpty())
        setConninfo(session->conninfo());
}

void AdministrationController::setConninfo(const QString& conninfo)
{
    conninfo_ = conninfo;
    updateActions();
}

QString AdministrationController::backupFileFilter()
{
    return tr("Vigie backups (*.dump)") + QStringLiteral(";;") + tr("All files (*)");
}

void AdministrationController::updateActions()
{
    const bool idle = !job_ && !confirmation_ && !readingContents_;
    backup_->setEnabled(!conninfo_.isEmpty() && idle);
    restore_->setEnabled(!conninfo_.isEmpty() && idle);
    retention_->setEnabled(!conninfo_.isEmpty());
}

void AdministrationController::showBackupDialog()
{
    auto* dialog = new QFileDialog(window_, tr("Back Up Database"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(backupFileFilter());
    dialog->setDefaultSuffix(QStringLiteral("dump"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(QStringLiteral("vigie-%1.dump").arg(QDate::currentDate().toString(Qt::ISODate)));
    connect(dialog, &QFileDialog::fileSelected, this, &AdministrationController::backupTo);
    dialog->open();
}

void AdministrationController::showRestoreDialog()
{
    auto* dialog = new QFileDialog(window_, tr("Restore Database"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilter(backupFileFilter());
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    connect(dialog, &QFileDialog::fileSelected, this, &AdministrationController::confirmRestore);
    dialog->open();
}

RetentionDialog* AdministrationController::showRetentionDialog()
{
    if (retentionDialog_) {
        retentionDialog_->raise();
        retentionDialog_->activateWindow();
        return retentionDialog_;
    }
    retentionDialog_ = new RetentionDialog(retentionService_, window_);
    retentionDialog_->setAttribute(Qt::WA_DeleteOnClose);
    retentionDialog_->open();
    return retentionDialog_;
}

models::DatabaseJob* AdministrationController::backupTo(const QString& path)
{
    return startJob(models::DatabaseJob::Kind::Backup, path, false);
}

void AdministrationController::confirmRestore(const QString& path)
{
    if (conninfo_.isEmpty() || job_ || readingContents_)
        return;
    readingContents_ = true;
    contentsWork_ = QtConcurrent::run([this, conninfo = conninfo_, path] {
        QString error;
        const auto contents = models::readDatabaseContents(conninfo, &error);
        QMetaObject::invokeMethod(
            this, [this, path, contents, error] { askRestore(path, contents, error); }, Qt::QueuedConnection);
    });
    updateActions();
}

void AdministrationController::askRestore(const QString& path, const store::DatabaseContents& contents,
                                          const QString& error)
{
    readingContents_ = false;
    if (!error.isEmpty()) {
        QMessageBox::warning(window_, tr("Restore Database"),
                             tr("The database cannot be read: %1").arg(error));
        updateActions();
        return;
    }
    const bool empty = contents.events == 0 && contents.sources == 0;
    const QLocale locale;
    const QString name = QFileInfo(path).fileName();
    confirmation_ = new QMessageBox(
        empty ? QMessageBox::Question : QMessageBox::Warning, tr("Restore Database"),
        empty ? tr("Restore %1 into the database? It holds no events or sources.").arg(name)
              : tr("The database holds %1 events and %2 sources. Restoring %3 "
                   "replaces all of them with the contents of the backup.")
                    .arg(locale.toString(contents.events), locale.toString(contents.sources), name),
        QMessageBox::Cancel, window_);
    confirmation_->setObjectName(QStringLiteral("restoreConfirmation"));
    confirmation_->setAttribute(Qt::WA_DeleteOnClose);
    confirmation_->setInformativeText(
        tr("Collecting stops while the database is restored and starts again afterwards; what was "
           "received until then is stored first."));
    QPushButton* restore = confirmation_->addButton(empty ? tr("&Restore") : tr("&Replace and Restore"),
                                                    QMessageBox::DestructiveRole);
    restore->setObjectName(QStringLiteral("confirmRestoreButton"));
    confirmation_->setDefaultButton(QMessageBox::Cancel);
    connect(confirmation_, &QMessageBox::buttonClicked, this,
            [this, restore, path, empty](QAbstractButton* button) {
                if (button == restore)
                    restoreFrom(path, !empty);
            });
    connect(confirmation_, &QObject::destroyed, this, &AdministrationController::updateActions);
    confirmation_->open();
    updateActions();
}

models::DatabaseJob* AdministrationController::restoreFrom(const QString& path, bool force)
{
    return startJob(models::DatabaseJob::Kind::Restore, path, force);
}

models::DatabaseJob* AdministrationController::startJob(models::DatabaseJob::Kind kind, const QString& path,
                                                        bool force)
{
    if (conninfo_.isEmpty() || job_)
        return nullptr;
    job_ = new models::DatabaseJob(kind, conninfo_, path, force, this);
    connect(job_, &models::DatabaseJob::finished, this, &AdministrationController::onJobFinished);
    jobDialog_ = new DatabaseJobDialog(job_, window_);
    jobDialog_->setAttribute(Qt::WA_DeleteOnClose);
    // The analyst may keep working during a backup; a restore replaces what the window shows.
    jobDialog_->setWindowModality(kind == models::DatabaseJob::Kind::Restore ? Qt::WindowModal
                                                                             : Qt::NonModal);
    jobDialog_->show();
    // The writer must not store batches into tables pg_restore is replacing.
    const bool suspend = kind == models::DatabaseJob::Kind::Restore && session_ &&
                         session_->phase() == models::WorkstationSession::Phase::Running;
    if (suspend) {
        resumeIngest_ = true;
        connect(session_, &models::WorkstationSession::ingestSuspended, job_, &models::DatabaseJob::start,
                Qt::SingleShotConnection);
        session_->suspendIngest();
    } else {
        job_->start();
    }
    updateActions();
    return job_;
}

void AdministrationController::onJobFinished(const models::DatabaseJobSummary& summary)
{
    if (job_)
        job_->deleteLater();
    job_ = nullptr;
    if (resumeIngest_ && session_) {
        // Also after a failed or cancelled restore: the database is then as it was.
        resumeIngest_ = false;
        session_->resumeIngest();
    }
    updateActions();
    Q_EMIT message(DatabaseJobDialog::summarySentence(summary));
    Q_EMIT jobFinished(summary);
}

void AdministrationController::onRetentionApplied(const models::RetentionReport& report)
{
    updateActions();
    if (!report.error.isEmpty()) {
        qWarning("Vigie: retention failed: %s", qUtf8Printable(report.error));
        Q_EMIT message(tr("Retention failed: %1").arg(report.error));
        return;
    }
    if (!report.keepDays)
        return; // no window: nothing to say every day
    if (!report.dropped.isEmpty())
        qInfo("Vigie: retention dropped %s and %lld rollup rows",
              qUtf8Printable(report.dropped.join(QLatin1String(", "))),
              static_cast<long long>(report.rollupRows));
    const QString cutoff = QLocale().toString(report.cutoff, QLocale::ShortFormat);
    Q_EMIT message(
        report.dropped.isEmpty()
            ? tr("Retention (%n day(s)): nothing older than %1 to delete.", nullptr, *report.keepDays)
                  .arg(cutoff)
            : tr("Retention (%n day(s)): deleted the events before %1 (%2 daily partitions).", nullptr,
                 *report.keepDays)
                  .arg(cutoff)
                  .arg(report.dropped.size()));
}

bool AdministrationController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void AdministrationController::retranslate()
{
    menu_->setTitle(tr("&Administration"));
    backup_->setText(tr("&Back Up Database…"));
    backup_->setStatusTip(tr("Write the whole database to a file with pg_dump"));
    restore_->setText(tr("&Restore Database…"));
    restore_->setStatusTip(tr("Replace the database with the contents of a backup file"));
    retention_->setText(tr("R&etention…"));
    retention_->setStatusTip(tr("Choose how many days of events the database keeps"));
}

} // namespace vigie::widgets
