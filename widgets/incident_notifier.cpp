// IncidentNotifier: tray balloon or in-window toast for new critical incidents and escalations.
#include "incident_notifier.h"

#include "incident_service.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QMouseEvent>
#include <QSettings>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

namespace vigie::widgets {
namespace {

const QString kSetting = QStringLiteral("incidents/notify");
constexpr int kToastMs = 10000;

} // namespace

IncidentNotifier::IncidentNotifier(models::IncidentService* service, QWidget* window)
    : QObject(window), window_(window), enabled_(new QAction(this)), hide_(new QTimer(this))
{
    enabled_->setCheckable(true);
    enabled_->setChecked(QSettings().value(kSetting, true).toBool());
    connect(enabled_, &QAction::toggled, this, [](bool on) { QSettings().setValue(kSetting, on); });
    hide_->setSingleShot(true);
    connect(hide_, &QTimer::timeout, this, [this] {
        if (toast_)
            toast_->hide();
    });
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        tray_ = new QSystemTrayIcon(window->windowIcon().isNull()
                                        ? QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                        : window->windowIcon(),
                                    this);
        tray_->show();
        connect(tray_, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT openRequested(lastId_); });
    }
    connect(service, &models::IncidentService::announced, this, &IncidentNotifier::announce);
    window->installEventFilter(this);
    retranslate();
}

void IncidentNotifier::announce(const models::IncidentNotice& notice)
{
    if (!enabled_->isChecked())
        return;
    const bool escalated = notice.event == QLatin1String("escalated");
    const QString title = escalated ? tr("Incident #%1 escalated to level 3").arg(notice.id)
                                    : tr("New critical incident #%1").arg(notice.id);
    const QString text = tr("%1 — by %2").arg(notice.title, notice.actor);
    lastId_ = notice.id;
    lastMessage_ = title + QLatin1Char('\n') + text;
    if (tray_)
        tray_->showMessage(title, text, QSystemTrayIcon::Warning, kToastMs);
    else
        showToast(title, text);
    QApplication::alert(window_);
}

void IncidentNotifier::showToast(const QString& title, const QString& text)
{
    if (!toast_) {
        toast_ = new QFrame(window_);
        toast_->setObjectName(QStringLiteral("incidentToast"));
        toast_->setFrameShape(QFrame::StyledPanel);
        toast_->setAutoFillBackground(true);
        toast_->setStyleSheet(
            QStringLiteral("#incidentToast { border: 1px solid palette(mid); border-left: 5px solid "
                           "#c62828; border-radius: 4px; background: palette(base); }"));
        toast_->setCursor(Qt::PointingHandCursor);
        auto* layout = new QVBoxLayout(toast_);
        toastTitle_ = new QLabel(toast_);
        QFont bold = toastTitle_->font();
        bold.setBold(true);
        toastTitle_->setFont(bold);
        toastText_ = new QLabel(toast_);
        toastText_->setWordWrap(true);
        layout->addWidget(toastTitle_);
        layout->addWidget(toastText_);
        toast_->installEventFilter(this);
    }
    toastTitle_->setText(title);
    toastText_->setText(text);
    toast_->setFixedWidth(360);
    toast_->adjustSize();
    placeToast();
    toast_->show();
    toast_->raise();
    hide_->start(kToastMs);
}

void IncidentNotifier::placeToast()
{
    if (toast_)
        toast_->move(window_->width() - toast_->width() - 16, 56);
}

bool IncidentNotifier::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::Resize)
        placeToast();
    else if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    else if (toast_ && watched == toast_ && event->type() == QEvent::MouseButtonRelease) {
        toast_->hide();
        Q_EMIT openRequested(lastId_);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void IncidentNotifier::retranslate()
{
    enabled_->setText(tr("Notify Me of Critical Incidents and Escalations"));
    if (tray_)
        tray_->setToolTip(QStringLiteral("Vigie"));
}

} // namespace vigie::widgets
