#pragma once
// IncidentNotifier: the desktop notification for the analysts on duty — a new critical incident
// or an escalation made by someone else (IncidentService::announced) pops up a message: the
// system tray's balloon where the desktop has a tray, otherwise a toast in the window's corner
// (clickable: it opens the ticket), and the taskbar entry asks for attention. The analyst can
// mute it (Incidents > Notify Me…, kept in QSettings "incidents/notify"). GUI thread.
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QFrame;
class QLabel;
class QSystemTrayIcon;
class QTimer;
class QWidget;

namespace vigie::models {
class IncidentService;
struct IncidentNotice;
} // namespace vigie::models

namespace vigie::widgets {

class IncidentNotifier : public QObject {
    Q_OBJECT
public:
    // Toasts appear over `window`'s top-right corner.
    IncidentNotifier(models::IncidentService* service, QWidget* window);

    // Checkable: notifications on or off.
    QAction* enabledAction() const { return enabled_; }
    // The last message shown (title and text), empty before the first; for tests and the status bar.
    QString lastMessage() const { return lastMessage_; }
    // The toast, while one is shown (nullptr otherwise).
    QFrame* toast() const { return toast_; }

Q_SIGNALS:
    // The analyst clicked the notification.
    void openRequested(qint64 id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void announce(const models::IncidentNotice& notice);
    void showToast(const QString& title, const QString& text);
    void placeToast();
    void retranslate();

    QWidget* window_;
    QAction* enabled_;
    QSystemTrayIcon* tray_ = nullptr;
    QPointer<QFrame> toast_;
    QLabel* toastTitle_ = nullptr;
    QLabel* toastText_ = nullptr;
    QTimer* hide_;
    qint64 lastId_ = 0;
    QString lastMessage_;
};

} // namespace vigie::widgets
