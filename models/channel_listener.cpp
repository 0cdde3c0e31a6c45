// ChannelListener: LISTEN over QPSQL with burst grouping, renewal and a poll fallback.
#include "channel_listener.h"

#include "thread_connection.h"

#include <QSqlDriver>
#include <QTimer>
#include <QVariant>

namespace vigie::models {
namespace {

// How often a live LISTEN is checked: a server restart drops it with its connection.
constexpr int kRenewCheckMs = 10000;

} // namespace

ChannelListener::ChannelListener(QString qpsqlOptions, QString channel, int burstMs, QObject* parent)
    : QObject(parent), channel_(std::move(channel)),
      connection_(
          std::make_unique<ThreadConnection>(std::move(qpsqlOptions), channel_ + QStringLiteral("_listen"))),
      burst_(new QTimer(this))
{
    burst_->setSingleShot(true);
    burst_->setInterval(burstMs);
    connect(burst_, &QTimer::timeout, this, [this] { Q_EMIT notified(std::exchange(payloads_, {})); });
}

ChannelListener::~ChannelListener() = default;

void ChannelListener::start(int pollMs)
{
    if (subscribe()) {
        auto* check = new QTimer(this);
        connect(check, &QTimer::timeout, this, &ChannelListener::renewIfDropped);
        check->start(kRenewCheckMs);
        return;
    }
    // No LISTEN (driver without notifications, or no connection yet): read again now and then.
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, &ChannelListener::changesMissed);
    poll->start(pollMs);
}

bool ChannelListener::subscribe()
{
    QString error;
    QSqlDriver* driver = connection_->ensureOpen(&error) ? connection_->database().driver() : nullptr;
    if (!driver || !driver->subscribeToNotification(channel_))
        return false;
    connect(driver, &QSqlDriver::notification, this, &ChannelListener::hear, Qt::UniqueConnection);
    return true;
}

void ChannelListener::hear(const QString&, QSqlDriver::NotificationSource, const QVariant& payload)
{
    payloads_.append(payload.toString());
    if (!burst_->isActive())
        burst_->start();
}

void ChannelListener::renewIfDropped()
{
    QString error;
    if (!connection_->ensureOpen(&error))
        return; // the server is still away: try at the next check
    if (connection_->database().driver()->subscribedToNotifications().contains(channel_))
        return;
    if (subscribe())
        Q_EMIT changesMissed();
}

} // namespace vigie::models
