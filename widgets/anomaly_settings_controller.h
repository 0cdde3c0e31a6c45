#pragma once
// AnomalySettingsController: Detection > Anomaly Detectors… (Ctrl+Shift+M) — the action, the
// AnomalyDetectorService it reads through (attached the first time the dialog opens, over the
// database the window reads) and the one AnomalySettingsDialog, kept while the window lives so
// its undo history does too. The action is off before a database is open. GUI thread.
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace vigie::models {
class AnomalyDetectorService;
}

namespace vigie::widgets {

class AnomalySettingsDialog;

class AnomalySettingsController : public QObject {
    Q_OBJECT
public:
    // The dialog opens over `window`, which also owns the controller.
    explicit AnomalySettingsController(QWidget* window);
    ~AnomalySettingsController() override;

    QAction* action() const { return action_; }
    models::AnomalyDetectorService* service() const { return service_; }
    AnomalySettingsDialog* dialog() const;

    // The database whose detectors are edited (libpq conninfo); the action is off without one.
    void setConnInfo(const QString& conninfo);

public Q_SLOTS:
    // Opens (or raises) the dialog, window-modal without blocking; nullptr without a database.
    AnomalySettingsDialog* showDialog();

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void retranslate();

    QWidget* window_;
    QAction* action_;
    models::AnomalyDetectorService* service_;
    QPointer<AnomalySettingsDialog> dialog_;
    QString conninfo_;
};

} // namespace vigie::widgets
