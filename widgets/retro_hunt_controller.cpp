// RetroHuntController (retro_hunt_controller.h). GUI thread.
#include "retro_hunt_controller.h"

#include <QAction>
#include <QEvent>
#include <QWidget>

namespace vigie::widgets {

RetroHuntController::RetroHuntController(QWidget* window)
    : QObject(window), window_(window), action_(new QAction(this))
{
    action_->setObjectName(QStringLiteral("retroHuntAction"));
    action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(action_, &QAction::triggered, this, &RetroHuntController::showDialog);
    // The window's LanguageChange reaches this object through the filter below.
    window_->installEventFilter(this);
    updateAction();
    retranslate();
}

RetroHuntController::~RetroHuntController()
{
    delete job_.data(); // cancels and waits: no hunt outlives the window
}

void RetroHuntController::setConnInfo(const QString& conninfo)
{
    conninfo_ = conninfo;
    updateAction();
}

RetroHuntDialog* RetroHuntController::showDialog()
{
    if (!dialog_) {
        dialog_ = new RetroHuntDialog(window_);
        dialog_->setAttribute(Qt::WA_DeleteOnClose);
        dialog_->setWindowModality(Qt::WindowModal);
        connect(dialog_, &RetroHuntDialog::huntRequested, this,
                [this](const QDateTime& from, const QDateTime& to) { hunt(from, to); });
        connect(dialog_, &RetroHuntDialog::showAlertsRequested, this, [this] {
            Q_EMIT showAlertsRequested();
            dialog_->close();
        });
        if (job_)
            dialog_->follow(job_);
    }
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
    return dialog_;
}

models::RetroHuntJob* RetroHuntController::hunt(const QDateTime& from, const QDateTime& to, bool dryRun)
{
    if (job_ || conninfo_.isEmpty())
        return nullptr;
    job_ = new models::RetroHuntJob(conninfo_, from, to, models::RetroHuntJob::storedRules(), dryRun, this);
    connect(job_, &models::RetroHuntJob::finished, this, [this](const models::RetroHuntSummary& summary) {
        job_->deleteLater();
        job_ = nullptr;
        updateAction();
        Q_EMIT huntFinished(summary);
    });
    if (dialog_)
        dialog_->follow(job_);
    job_->start();
    updateAction();
    return job_;
}

void RetroHuntController::cancel()
{
    if (job_)
        job_->cancel();
}

void RetroHuntController::updateAction()
{
    // While a hunt runs the action still raises its dialog.
    action_->setEnabled(!conninfo_.isEmpty());
}

bool RetroHuntController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void RetroHuntController::retranslate()
{
    action_->setText(tr("&Retro-hunt…"));
    action_->setStatusTip(tr("Run the detection rules over the stored events of a time range"));
}

} // namespace vigie::widgets
