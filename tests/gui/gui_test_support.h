#pragma once
// Shared by the GUI tests: a QApplication for the whole run (gtest_main makes none), with
// QStandardPaths in test mode so settings never touch the user's own, and helpers that feed
// an Engine with syslog lines.
#include "ingest/engine.h"

#include <QApplication>
#include <QDateTime>
#include <QStandardPaths>
#include <QTest>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

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
