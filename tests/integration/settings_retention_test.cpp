// The retention window kept in the database and the maintenance step applying it: settings
// read and written with parameters, the scheduler's run at start, after a change and every
// interval, `vigiectl serve` honouring the window an administrator saved, and a backup that can
// be cancelled without leaving a file.
#include "store/database_backup.h"
#include "store/event_writer.h"
#include "store/migrator.h"
#include "store/partition_manager.h"
#include "store/pg_connection.h"
#include "store/retention_scheduler.h"
#include "store/settings_store.h"
#include "support/child_process.h"
#include "support/scratch_cluster.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unistd.h>

namespace {

using namespace vigie;
using namespace std::chrono_literals;
using std::chrono::days;
using std::chrono::sys_days;

sys_days today()
{
    return std::chrono::floor<days>(nowTimestamp());
}

Event eventOn(sys_days day, int second, const std::string& host)
{
    Event e;
    e.ts = Timestamp(day.time_since_epoch()) + std::chrono::seconds(second);
    e.received_at = nowTimestamp();
    e.host = host;
    e.app = "sshd";
    e.format = "rfc5424";
    e.message = "event " + std::to_string(second) + " on " + host;
    e.raw = "<38>1 - " + host + " sshd - - - " + e.message;
    return e;
}

// One event a day on each of `days_ago`, each in its own batch.
void seedDays(const std::string& conninfo, const std::vector<int>& days_ago, const std::string& tag)
{
    store::EventWriter writer(conninfo);
    for (const int ago : days_ago) {
        std::vector<Event> batch{eventOn(today() - days(ago), 3600, "host-" + std::to_string(ago))};
        ASSERT_TRUE(writer.write(batch, tag + "-" + std::to_string(ago)));
    }
}

std::string partitionName(int ago)
{
    return store::PartitionManager::partitionName(today() - days(ago));
}

TEST(SettingsStore, KeepsValuesByKeyAndTheRetentionWindowUnsetMeansKeepForever)
{
    test::TestDatabase db("settings_store");
    store::PgConnection connection(db.conninfo());
    store::applyMigrations(connection);

    EXPECT_EQ(store::readRetentionDays(connection), std::nullopt);
    store::writeRetentionDays(connection, 30);
    EXPECT_EQ(store::readRetentionDays(connection), 30);
    store::writeRetentionDays(connection, 365);
    EXPECT_EQ(store::readRetentionDays(connection), 365);
    EXPECT_EQ(test::scalar(connection, "SELECT count(*) FROM settings"), 1);
    store::writeRetentionDays(connection, std::nullopt);
    EXPECT_EQ(store::readRetentionDays(connection), std::nullopt);
    EXPECT_THROW(store::writeRetentionDays(connection, 0), std::invalid_argument);
    EXPECT_THROW(store::writeRetentionDays(connection, 3651), std::invalid_argument);

    // A value edited by hand into nonsense is refused, never guessed into a window.
    store::writeSetting(connection, store::retentionDaysKey, "7 days");
    EXPECT_THROW(store::readRetentionDays(connection), store::StoreError);

    // Keys and values are data, never SQL.
    const std::string hostile = "x'); DROP TABLE settings; --";
    store::writeSetting(connection, hostile, hostile);
    EXPECT_EQ(store::readSetting(connection, hostile), hostile);
    EXPECT_EQ(store::readSetting(connection, "never.set"), std::nullopt);
}

// Collects the scheduler's reports from its thread.
class Reports {
public:
    void add(const store::RetentionRun& run)
    {
        std::lock_guard lock(mutex_);
        runs_.push_back(run);
        arrived_.notify_all();
    }
    // Waits until at least `count` runs were reported; returns the `count`-th.
    store::RetentionRun waitFor(std::size_t count)
    {
        std::unique_lock lock(mutex_);
        if (!arrived_.wait_for(lock, 30s, [&] { return runs_.size() >= count; }))
            throw std::runtime_error("the scheduler did not run " + std::to_string(count) + " times");
        return runs_[count - 1];
    }
    std::size_t size()
    {
        std::lock_guard lock(mutex_);
        return runs_.size();
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<store::RetentionRun> runs_;
};

TEST(RetentionScheduler, RunsAtStartAfterAChangeAndEveryIntervalDroppingOnlyWhatTheWindowExcludes)
{
    test::TestDatabase db("retention_scheduler");
    seedDays(db.conninfo(), {400, 10, 5, 2, 0}, "seed");
    store::PgConnection check(db.conninfo());

    Reports reports;
    {
        // A day between runs: only start and wake() run it here.
        store::RetentionScheduler scheduler(db.conninfo(), 24h, [&](const auto& run) { reports.add(run); });
        scheduler.start();
        const auto first = reports.waitFor(1);
        EXPECT_TRUE(first.error.empty()) << first.error;
        EXPECT_EQ(first.keep_days, std::nullopt); // unset: nothing is ever dropped
        EXPECT_TRUE(first.result.dropped.empty());
        EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 5);

        store::writeRetentionDays(check, 3);
        scheduler.wake();
        const auto second = reports.waitFor(2);
        EXPECT_TRUE(second.error.empty()) << second.error;
        EXPECT_EQ(second.keep_days, 3);
        ASSERT_EQ(second.result.dropped.size(), 3u);
        EXPECT_EQ(second.result.dropped[0].name, partitionName(400));
        EXPECT_EQ(second.result.dropped[2].name, partitionName(5));
        EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 2);
    }
    EXPECT_EQ(reports.size(), 2u) << "no run without start, wake or the interval";

    // With a short interval, a late event for a dropped day is dropped again without any wake.
    Reports periodic;
    store::RetentionScheduler scheduler(db.conninfo(), 200ms, [&](const auto& run) { periodic.add(run); });
    scheduler.start();
    periodic.waitFor(1);
    seedDays(db.conninfo(), {10}, "late");
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 3);
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (test::scalar(check, "SELECT count(*) FROM events") != 2 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(50ms);
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 2);
    EXPECT_GE(periodic.waitFor(2).keep_days, 3);
    scheduler.stop();
}

TEST(RetentionScheduler, ReportsAFailedRunAndRunsAgainLater)
{
    test::TestDatabase db("retention_bad_setting");
    {
        store::PgConnection connection(db.conninfo());
        store::applyMigrations(connection);
        store::writeSetting(connection, store::retentionDaysKey, "forever");
    }
    Reports reports;
    store::RetentionScheduler scheduler(db.conninfo(), 100ms, [&](const auto& run) { reports.add(run); });
    scheduler.start();
    const auto failed = reports.waitFor(1);
    EXPECT_NE(failed.error.find("retention.days"), std::string::npos) << failed.error;
    {
        store::PgConnection connection(db.conninfo());
        store::writeRetentionDays(connection, 7);
    }
    // The interval brings the next run: it succeeds now.
    for (std::size_t n = 2;; ++n) {
        const auto run = reports.waitFor(n);
        if (run.error.empty()) {
            EXPECT_EQ(run.keep_days, 7);
            break;
        }
        ASSERT_LT(n, 100u) << run.error;
    }
}

TEST(RetentionScheduler, VigiectlServeAppliesTheWindowSavedInTheDatabaseAtStart)
{
    test::TestDatabase db("retention_serve");
    seedDays(db.conninfo(), {30, 8, 1, 0}, "serve");
    {
        store::PgConnection connection(db.conninfo());
        store::writeRetentionDays(connection, 7);
    }
    test::ScratchDirectory spool;
    test::ChildProcess serve({VIGIECTL_PATH, "serve", "--database", db.conninfo(), "--listen",
                              "tcp://127.0.0.1:0", "--spool", spool.path().string()});
    std::string log;
    std::string line;
    while (!(line = serve.readErrorLine()).empty()) {
        log += line + "\n";
        if (line.find("retention") != std::string::npos)
            break;
    }
    EXPECT_NE(line.find("retention: keeping 7 days, dropped 2 daily partitions"), std::string::npos) << log;
    serve.signal(SIGTERM);
    EXPECT_EQ(serve.wait(), 0);
    store::PgConnection check(db.conninfo());
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 2);
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM pg_class WHERE relname = '" + partitionName(8) + "'"), 0);
}

TEST(DatabaseBackup, ACancelledBackupLeavesNoFileAndKeepsThePreviousOne)
{
    test::TestDatabase db("backup_cancel");
    seedDays(db.conninfo(), {3, 2, 1, 0}, "cancel");
    test::ScratchDirectory directory;
    const auto file = directory.path() / "vigie.dump";
    const auto partial = directory.path() / "vigie.dump.partial";

    std::stop_source stop;
    int lines = 0;
    EXPECT_THROW(store::backupDatabase(
                     db.conninfo(), file,
                     [&](std::string_view) {
                         if (++lines == 1)
                             stop.request_stop(); // as the Cancel button does
                     },
                     stop.get_token()),
                 store::OperationCancelled);
    EXPECT_FALSE(std::filesystem::exists(file));
    EXPECT_FALSE(std::filesystem::exists(partial));

    // A complete backup, then a cancelled one over it: the first is still whole.
    store::backupDatabase(db.conninfo(), file, nullptr);
    const auto size = std::filesystem::file_size(file);
    EXPECT_GT(size, 0u);
    std::stop_source again;
    again.request_stop();
    EXPECT_THROW(store::backupDatabase(db.conninfo(), file, nullptr, again.get_token()),
                 store::OperationCancelled);
    EXPECT_EQ(std::filesystem::file_size(file), size);
    EXPECT_FALSE(std::filesystem::exists(partial));
}

} // namespace
