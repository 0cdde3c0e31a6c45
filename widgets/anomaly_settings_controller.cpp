// AnomalySettingsController (anomaly_settings_controller.h). GUI thread.
#include "anomaly_settings_controller.h"

#include "anomaly_detector_service.h"
#include "anomaly_settings_dialog.h"

#include <QAction>
#include <QEvent>
#include <QWidget>

namespace vigie::widgets {

AnomalySettingsController::AnomalySettingsController(QWidget* window)
    : QObject(window), window_(window), action_(new QAction(this)),
      service_(new models::AnomalyDetectorService(this))
{
    action_->setObjectName(QStringLiteral("anomalyDetectorsAction"));
    action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    action_->setEnabled(false);
    connect(action_, &QAction::triggered, this, &AnomalySettingsController::showDialog);
    // The window's LanguageChange reaches this object through the filter below.
    window_->installEventFilter(this);
    retranslate();
}

AnomalySettingsController::~AnomalySettingsController()
{
    delete dialog_.data(); // before the service it shows
}

AnomalySettingsDialog* AnomalySettingsController::dialog() const
{
    return dialog_;
}

void AnomalySettingsController::setConnInfo(const QString& conninfo)
{
    if (conninfo == conninfo_)
        return;
    conninfo_ = conninfo;
    service_->detach();
    if (dialog_ && !conninfo_.isEmpty())
        service_->attach(conninfo_);
    action_->setEnabled(!conninfo_.isEmpty());
}

AnomalySettingsDialog* AnomalySettingsController::showDialog()
{
    if (conninfo_.isEmpty())
        return nullptr;
    if (!service_->isAttached())
        service_->attach(conninfo_);
    if (!dialog_) {
        dialog_ = new AnomalySettingsDialog(service_, window_);
        dialog_->setWindowModality(Qt::WindowModal);
    }
    dialog_->show();
    dialog_->raise();
    dialog_->activateWindow();
    return dialog_;
}

bool AnomalySettingsController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void AnomalySettingsController::retranslate()
{
    action_->setText(tr("&Anomaly Detectors…"));
    action_->setStatusTip(tr("Sensitivity, learning period and entities of the anomaly detectors"));
}

} // namespace vigie::widgets
