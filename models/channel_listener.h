#pragma once
// ChannelListener: a worker's ear on a PostgreSQL NOTIFY channel — a QPSQL connection of its own
// LISTENing on the channel, the payloads of a burst handed over together (a ticket made of ten
// alerts is read once, at most `burstMs` after the first notification), the LISTEN renewed when
// the server dropped the connection, and a poll when the driver cannot listen at all. Lives on
// its worker's thread (QtSql connections are per thread).
#include <QObject>
#include <QSqlDriver>
#include <QStringList>

#include <memory>

class QTimer;

namespace vigie::models {

class ThreadConnection;

class ChannelListener : public QObject {
    Q_OBJECT
public:
    ChannelListener(QString qpsqlOptions, QString channel, int burstMs, QObject* parent);
    ~ChannelListener() override;

    // Subscribes; when that fails, emits changesMissed() every `pollMs` instead.
    void start(int pollMs);

Q_SIGNALS:
    // The payloads heard in one burst, in arrival order.
    void notified(const QStringList& payloads);
    // Changes may have gone unheard: the poll is due, or the LISTEN was renewed after the server
    // dropped it. Read the state again.
    void changesMissed();

private:
    bool subscribe();
    void hear(const QString& channel, QSqlDriver::NotificationSource source, const QVariant& payload);
    void renewIfDropped();

    QString channel_;
    std::unique_ptr<ThreadConnection> connection_;
    QTimer* burst_;
    QStringList payloads_; // heard, not handed over yet
};

} // namespace vigie::models
