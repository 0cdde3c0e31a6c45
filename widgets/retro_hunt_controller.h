#pragma once
// RetroHuntController: Detection > Retro-hunt… (Ctrl+Shift+H) — the action, its dialog and the
// RetroHuntJob the dialog asks for, over the database the window reads, with the rules the
// detection factory makes (the built-in ones until stored rules plug in their own). One hunt at
// a time; the action is off before a database is open. huntFinished() lets the window read the
// alert queue again, showAlertsRequested() open it. hunt() does what Run does, so tests and the
// rule manager can start one without the form. GUI thread.
#include "retro_hunt_dialog.h"
#include "retro_hunt_job.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace vigie::widgets {

class RetroHuntController : public QObject {
    Q_OBJECT
public:
    // The dialog opens over `window`, which also owns the controller.
    explicit RetroHuntController(QWidget* window);
    ~RetroHuntController() override; // cancels a running hunt and waits for it

    QAction* retroHuntAction() const { return action_; }
    RetroHuntDialog* dialog() const { return dialog_; }
    models::RetroHuntJob* currentJob() const { return job_; }

    // The database hunted (libpq conninfo); the action is disabled without one.
    void setConnInfo(const QString& conninfo);

public Q_SLOTS:
    // Opens (or raises) the dialog, window-modal without blocking.
    RetroHuntDialog* showDialog();
    // Hunts [from, to), shown in the dialog when it is open; nullptr when a hunt already runs
    // or no database is open.
    models::RetroHuntJob* hunt(const QDateTime& from, const QDateTime& to, bool dryRun = false);
    void cancel();

Q_SIGNALS:
    void huntFinished(const vigie::models::RetroHuntSummary& summary);
    void showAlertsRequested();

private:
    void updateAction();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QWidget* window_;
    QAction* action_;
    QPointer<RetroHuntDialog> dialog_;
    QPointer<models::RetroHuntJob> job_;
    QString conninfo_;
};

} // namespace vigie::widgets
