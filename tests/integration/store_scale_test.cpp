// The store at scale: per-minute rollups kept exact by the writer, retention by whole daily
// partitions, and backup/restore through vigiectl with PostgreSQL's own tools.
#include "store/event_writer.h"
#include "store/partition_manager.h"
#include "store/pg_connection.h"
#include "store/retention.h"
#include "support/child_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <unistd.h>

namespace {

using namespace vigie;
using std::chrono::days;
using std::chrono::sys_days;

sys_days today()
{
    return std::chrono::floor<days>(nowTimestamp());
}

Event eventOn(sys_days day, int second, const std::string& host, const std::string& action,
              std::optional<int16_t> severity)
{
    Event e;
    e.ts = Timestamp(day.time_since_epoch()) + std::chrono::seconds(second);
    e.received_at = nowTimestamp();
    e.host = host;
    e.app = "sshd";
    e.category = action.empty() ? "" : "authentication";
    e.action = action;
    e.outcome = action.empty() ? "" : "failure";
    e.severity = severity;
    e.format = "rfc5424";
    e.message = "event " + std::to_string(second) + " on " + host;
    e.raw = "<38>1 - " + host + " sshd - - - " + e.message;
    return e;
}

// Both sides as sorted text rows, so a mismatch shows which minute and dimensions differ.
std::string countsFromEvents(store::PgConnection& db)
{
    return std::string(
        db.exec("SELECT coalesce(string_agg(r, E'\\n' ORDER BY r), '') FROM ("
                " SELECT concat_ws('|', date_trunc('minute', ts AT TIME ZONE 'UTC'), host, category,"
                "  action, outcome, severity, count(*)) AS r"
                " FROM events GROUP BY date_trunc('minute', ts AT TIME ZONE 'UTC'), host, category,"
                "  action, outcome, severity) x")
            .text(0, 0));
}

std::string countsFromRollups(store::PgConnection& db)
{
    return std::string(
        db.exec("SELECT coalesce(string_agg(r, E'\\n' ORDER BY r), '') FROM ("
                " SELECT concat_ws('|', minute AT TIME ZONE 'UTC', host, category, action, outcome,"
                "  severity, count) AS r FROM event_counts_1m) x")
            .text(0, 0));
}

TEST(StoreScale, RollupsCountEveryStoredEventOnceIncludingRetriesAndRefusedRows)
{
    test::TestDatabase db("scale_rollups");
    store::EventWriter writer(db.conninfo());
    std::vector<Event> batch;
    for (int i = 0; i < 300; ++i)
        batch.push_back(eventOn(today(), i % 150, i % 3 ? "web-01" : "", i % 5 ? "ssh_login" : "",
                                i % 7 ? std::optional<int16_t>(4) : std::nullopt));
    batch.push_back(eventOn(today() - days(1), 59, "web-01", "ssh_login", 4)); // another day
    ASSERT_TRUE(writer.write(batch, "batch-1"));
    // The same batch again (a lost acknowledgement): nothing stored, nothing counted twice.
    auto again = batch;
    EXPECT_FALSE(writer.write(again, "batch-1"));

    store::PgConnection check(db.conninfo());
    EXPECT_EQ(test::scalar(check, "SELECT sum(count) FROM event_counts_1m"), 301);
    EXPECT_EQ(countsFromRollups(check), countsFromEvents(check));

    // A refused row sends the batch down the one-by-one path; the refused event is kept raw.
    check.execScript(
        "CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " IF NEW.message = 'poison' THEN RAISE EXCEPTION 'poison refused'; END IF;"
        " RETURN NEW; END $$;"
        "CREATE TRIGGER refuse_poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
    std::vector<Event> mixed;
    for (int i = 0; i < 10; ++i)
        mixed.push_back(eventOn(today(), 200 + i, "db-01", "sudo", 5));
    mixed[4].message = "poison";
    mixed[4].raw = "poison raw";
    ASSERT_TRUE(writer.write(mixed, "batch-2"));
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 311);
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events WHERE parse_error AND message = 'poison raw'"), 1);
    EXPECT_EQ(test::scalar(check, "SELECT sum(count) FROM event_counts_1m"), 311);
    EXPECT_EQ(countsFromRollups(check), countsFromEvents(check));
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> result;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        result.push_back(text.substr(start, end - start));
    return result;
}

TEST(StoreScale, RetentionDropsExactlyTheDaysBeforeTheWindowWithTheirRollups)
{
    test::TestDatabase db("scale_retention");
    store::EventWriter writer(db.conninfo());
    const std::vector<std::pair<int, int>> days_ago_and_count = {{400, 1}, {10, 2}, {5, 3},
                                                                 {2, 4},   {1, 5},  {0, 6}};
    int batch_number = 0;
    for (const auto& [ago, count] : days_ago_and_count) {
        std::vector<Event> batch;
        for (int i = 0; i < count; ++i)
            batch.push_back(
                eventOn(today() - days(ago), 3600 + i, "host-" + std::to_string(ago), "ssh_login", 4));
        ASSERT_TRUE(writer.write(batch, "day-" + std::to_string(batch_number++)));
    }
    store::PgConnection check(db.conninfo());
    // A table an administrator attached by hand is never Vigie's to drop.
    check.execScript("CREATE TABLE events_archive_old PARTITION OF events FOR VALUES FROM ('1990-01-01') TO "
                     "('1990-01-02')");
    const auto name = [](int ago) { return store::PartitionManager::partitionName(today() - days(ago)); };

    test::ChildProcess dry(
        {VIGIECTL_PATH, "db", "retention", "--database", db.conninfo(), "--days", "3", "--dry-run"});
    ASSERT_EQ(dry.wait(), 0);
    const auto dry_lines = lines(dry.output());
    ASSERT_EQ(dry_lines.size(), 4u) << dry.output();
    EXPECT_TRUE(dry_lines[0].starts_with("would drop " + name(400))) << dry_lines[0];
    EXPECT_TRUE(dry_lines[1].starts_with("would drop " + name(10))) << dry_lines[1];
    EXPECT_TRUE(dry_lines[2].starts_with("would drop " + name(5))) << dry_lines[2];
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 21);

    test::ChildProcess run({VIGIECTL_PATH, "db", "retention", "--database", db.conninfo(), "--days", "3"});
    ASSERT_EQ(run.wait(), 0);
    const auto run_lines = lines(run.output());
    ASSERT_EQ(run_lines.size(), 4u) << run.output();
    EXPECT_TRUE(run_lines[0].starts_with("dropped " + name(400))) << run_lines[0];
    EXPECT_TRUE(run_lines[1].starts_with("dropped " + name(10))) << run_lines[1];
    EXPECT_TRUE(run_lines[2].starts_with("dropped " + name(5))) << run_lines[2];
    EXPECT_NE(run_lines[3].find("3 partitions"), std::string::npos) << run_lines[3];
    EXPECT_NE(run_lines[3].find("3 rollup rows deleted"), std::string::npos) << run_lines[3];

    // Kept: the 2, 1 and 0 days ago (4 + 5 + 6 events), the days ahead, and the foreign table.
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 15);
    EXPECT_EQ(
        test::scalar(check,
               "SELECT (min(ts) AT TIME ZONE 'UTC')::date - (now() AT TIME ZONE 'UTC')::date FROM events"),
        -2);
    EXPECT_EQ(test::scalar(check, "SELECT sum(count) FROM event_counts_1m"), 15);
    EXPECT_EQ(countsFromRollups(check), countsFromEvents(check));
    const auto left = store::listEventPartitions(check);
    ASSERT_EQ(left.size(), 5u);
    EXPECT_EQ(left.front().name, name(2));
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM pg_class WHERE relname = 'events_archive_old'"), 1);

    // A late event for a dropped day, from a writer that had made that partition: stored
    // whole (its partition made again), and counted.
    std::vector<Event> late{eventOn(today() - days(5), 7200, "late-host", "ssh_login", 4)};
    ASSERT_TRUE(writer.write(late, "late"));
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events WHERE host = 'late-host' AND NOT parse_error"), 1);
    EXPECT_EQ(countsFromRollups(check), countsFromEvents(check));

    // The second run drops only that day again, with its count.
    test::ChildProcess second({VIGIECTL_PATH, "db", "retention", "--database", db.conninfo(), "--days", "3"});
    ASSERT_EQ(second.wait(), 0);
    const auto second_lines = lines(second.output());
    ASSERT_EQ(second_lines.size(), 2u) << second.output();
    EXPECT_TRUE(second_lines[0].starts_with("dropped " + name(5))) << second_lines[0];
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM events"), 15);
    EXPECT_EQ(countsFromRollups(check), countsFromEvents(check));
}

// Every row of every table that matters, as one digest per table, plus the partitions.
std::map<std::string, std::string> snapshot(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    std::map<std::string, std::string> digest;
    digest["events"] =
        db.exec("SELECT count(*) || ' ' || md5(string_agg(t::text, ',' ORDER BY id)) FROM events t")
            .text(0, 0);
    digest["sources"] =
        db.exec("SELECT count(*) || ' ' || md5(string_agg(t::text, ',' ORDER BY id)) FROM sources t")
            .text(0, 0);
    digest["rollups"] = db.exec("SELECT count(*) || ' ' || md5(string_agg(t::text, ',' ORDER BY t::text)) "
                                "FROM event_counts_1m t")
                            .text(0, 0);
    digest["batches"] = db.exec("SELECT count(*) || ' ' || md5(string_agg(batch_id, ',' ORDER BY batch_id)) "
                                "FROM ingest_batches")
                            .text(0, 0);
    digest["migrations"] =
        db.exec("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations").text(0, 0);
    digest["partitions"] =
        db.exec("SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i"
                " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass")
            .text(0, 0);
    digest["next id"] = std::to_string(db.exec("SELECT last_value FROM events_id_seq").integer(0, 0));
    return digest;
}

TEST(StoreScale, BackupRestoresEveryRowIntoAnEmptyDatabaseAndRefusesANonEmptyOneWithoutForce)
{
    test::TestDatabase source("scale_backup_from");
    {
        store::EventWriter writer(source.conninfo());
        std::vector<Event> batch;
        for (int i = 0; i < 50; ++i)
            batch.push_back(
                eventOn(today() - days(i % 2), i * 7, "h" + std::to_string(i % 4), "ssh_login", 3));
        ASSERT_TRUE(writer.write(batch, "backup-batch"));
        store::PgConnection db(source.conninfo());
        db.exec(
            "INSERT INTO sources (name, protocol, address, port, format) VALUES ($1, 'tcp', '0.0.0.0', 514, "
            "'auto'), ($2, 'udp', '127.0.0.1', 5514, 'rfc5424')",
            {std::string("syslog tcp"), std::string("lab's udp")});
    }
    const auto file =
        std::filesystem::temp_directory_path() / ("vigie_store_scale_" + std::to_string(getpid()) + ".dump");
    test::ChildProcess backup(
        {VIGIECTL_PATH, "db", "backup", "--database", source.conninfo(), file.string()});
    std::string progress;
    for (std::string line; !(line = backup.readErrorLine()).empty();)
        progress += line + "\n";
    ASSERT_EQ(backup.wait(), 0) << progress;
    EXPECT_NE(progress.find("pg_dump: dumping contents of table"), std::string::npos) << progress;
    EXPECT_NE(backup.output().find("50 events in"), std::string::npos) << backup.output();
    EXPECT_NE(backup.output().find("2 sources"), std::string::npos) << backup.output();

    test::TestDatabase target("scale_backup_to");
    test::ChildProcess restore(
        {VIGIECTL_PATH, "db", "restore", "--database", target.conninfo(), file.string()});
    std::string restore_log;
    for (std::string line; !(line = restore.readErrorLine()).empty();)
        restore_log += line + "\n";
    ASSERT_EQ(restore.wait(), 0) << restore_log;
    EXPECT_NE(restore.output().find("50 events in"), std::string::npos) << restore.output();
    const auto original = snapshot(source.conninfo());
    EXPECT_EQ(snapshot(target.conninfo()), original);
    EXPECT_NE(original.at("events").find("50 "), std::string::npos);

    // The source now holds rows: restoring over it needs --force, and says so.
    test::ChildProcess refused(
        {VIGIECTL_PATH, "db", "restore", "--database", source.conninfo(), file.string()});
    const auto message = refused.readErrorLine();
    EXPECT_NE(refused.wait(), 0);
    EXPECT_NE(message.find("not empty (50 events, 2 sources)"), std::string::npos) << message;
    EXPECT_NE(message.find("--force"), std::string::npos) << message;

    // With --force the backup replaces what is there (here: one more event written since).
    {
        store::EventWriter writer(source.conninfo());
        std::vector<Event> extra{eventOn(today(), 5, "late", "ssh_login", 3)};
        ASSERT_TRUE(writer.write(extra, "after-backup"));
    }
    test::ChildProcess forced(
        {VIGIECTL_PATH, "db", "restore", "--database", source.conninfo(), file.string(), "--force"});
    std::string forced_log;
    for (std::string line; !(line = forced.readErrorLine()).empty();)
        forced_log += line + "\n";
    ASSERT_EQ(forced.wait(), 0) << forced_log;
    EXPECT_EQ(snapshot(source.conninfo()), original);
    std::filesystem::remove(file);
}

} // namespace
