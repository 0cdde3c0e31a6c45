#pragma once
// Shared by the GUI tests: a QApplication for the whole run (gtest_main makes none), with
// QStandardPaths in test mode so settings never touch the user's own, helpers that feed
// an Engine with syslog lines (directly or over TCP), and a query helper to check what the
// GUI wrote in the database.
#include "conn_info.h"

#include "ingest/engine.h"

#include <QApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTest>
#include <QVariant>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigie::test {

class QtApplicationEnvironment : public ::testing::Environment {
public:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("VigieTest"));
        QCoreApplication::setApplicationName(QStringLiteral("vigie-gui-test"));
        app_ = std::make_unique<QApplication>(argc_, argv_);
    }
    void TearDown() override { app_.reset(); }

private:
    // QApplication keeps references to these for its whole life.
    static inline int argc_ = 1;
    static inline char name_[] = "vigie_gui_test";
    static inline char* argv_[] = {name_, nullptr};
    std::unique_ptr<QApplication> app_;
};

inline ::testing::Environment* const qtEnvironment =
    ::testing::AddGlobalTestEnvironment(new QtApplicationEnvironment);

// An RFC 5424 line stamped `ts` (UTC, milliseconds), distinct for each n.
inline std::string rfc5424Line(int n, const QDateTime& ts)
{
    char buffer[512];
    std::snprintf(buffer, sizeof buffer,
                  "<%d>1 %s web-%02d sshd %d - - Failed password for user%d from 10.0.%d.%d port %d ssh2",
                  32 + n % 8,
                  ts.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toStdString().c_str(),
                  n % 7, 1000 + n, n, (n / 250) % 256, n % 250, 40000 + n % 20000);
    return buffer;
}

// An RFC 3164 line (second precision, no year) stamped `ts`.
inline std::string rfc3164Line(int n, const QDateTime& ts)
{
    const QDateTime utc = ts.toUTC();
    char buffer[512];
    // "Mmm dd hh:mm:ss" with the day padded by a space, as RFC 3164 writes it.
    std::snprintf(buffer, sizeof buffer,
                  "<%d>%s %2d %s db-%02d cron[%d]: (root) CMD (run-parts /etc/cron.hourly) #%d", 72 + n % 8,
                  QLocale::c().toString(utc, QStringLiteral("MMM")).toStdString().c_str(), utc.date().day(),
                  utc.toString(QStringLiteral("HH:mm:ss")).toStdString().c_str(), n % 3, 2000 + n, n);
    return buffer;
}

// Submits `count` lines, the history the table and search tests browse: RFC 5424 sshd lines
// spaced `spacing` apart from an hour ago (hosts web-00..web-06, severity n % 8), every tenth an
// RFC 3164 cron line of yesterday (hosts db-00..db-02). Returns the newest RFC 5424 line.
inline std::string submitSampleHistory(ingest::Engine& engine, int count, std::chrono::milliseconds spacing)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    std::string newest;
    for (int n = 0; n < count; ++n) {
        std::string line = n % 10 == 5 ? rfc3164Line(n, start.addDays(-1).addSecs(n))
                                       : rfc5424Line(n, start.addMSecs(n * spacing.count()));
        if (n % 10 != 5)
            newest = line;
        engine.submit(std::move(line), parse::Format::Auto);
    }
    return newest;
}

// Waits (without an event loop: the engine needs none) until the engine has stored `count`.
inline bool waitStored(const ingest::Engine& engine, std::uint64_t count,
                       std::chrono::seconds timeout = std::chrono::seconds(60))
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (engine.stats().stored < count) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// Sends `text` to 127.0.0.1:`port` over one TCP connection; false when it cannot connect.
inline bool sendTcp(std::uint16_t port, const std::string& text)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    for (std::size_t sent = 0; ok && sent < text.size();) {
        const ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        ok = n > 0;
        sent += ok ? static_cast<std::size_t>(n) : 0;
    }
    ::close(fd);
    return ok;
}

// Runs `sql` on its own short-lived connection and returns every row (one QVariantList each).
inline QList<QVariantList> queryRows(const std::string& conninfo, const QString& sql,
                                     const QVariantList& values = {})
{
    static int counter = 0;
    const QString name = QStringLiteral("gui_test_probe_%1").arg(++counter);
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setConnectOptions(
            models::ConnInfo::parse(QString::fromStdString(conninfo)).toQpsqlConnectOptions());
        EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
        QSqlQuery query(db);
        query.prepare(sql);
        for (const QVariant& value : values)
            query.addBindValue(value);
        EXPECT_TRUE(query.exec()) << query.lastError().text().toStdString();
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row << query.value(i);
            rows << row;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

inline std::unique_ptr<ingest::Engine> startEngine(const std::string& conninfo)
{
    ingest::EngineConfig config;
    config.conninfo = conninfo;
    config.flush_interval = std::chrono::milliseconds(50);
    auto engine = std::make_unique<ingest::Engine>(config);
    engine->start();
    return engine;
}

} // namespace vigie::test
