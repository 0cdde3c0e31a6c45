// Administration menu: backup and restore through the controller (with its progress dialog and
// confirmation), the refusal of a non-empty target without force, a cancelled backup leaving no
// file, a restore into a running session (ingest stopped and started again around it), and the
// retention dialog saving the window in the database and dropping the days before it.
#include "gui_test_support.h"
#include "support/scratch_cluster.h"
#include "support/test_database.h"

#include "administration_controller.h"
#include "database_job_dialog.h"
#include "retention_dialog.h"
#include "retention_service.h"
#include "workstation_session.h"

#include "store/event_writer.h"
#include "store/migrator.h"
#include "store/partition_manager.h"
#include "store/settings_store.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

using namespace vigie;
using models::DatabaseJobSummary;
using widgets::AdministrationController;

namespace {

using std::chrono::days;

std::chrono::sys_days today()
{
    return std::chrono::floor<days>(nowTimestamp());
}

// One event on each day `ago` days back, each in its own batch.
void seedDays(const std::string& conninfo, const std::vector<int>& daysAgo)
{
    store::EventWriter writer(conninfo);
    for (const int ago : daysAgo) {
        Event e;
        e.ts = Timestamp((today() - days(ago)).time_since_epoch()) + std::chrono::hours(1);
        e.received_at = nowTimestamp();
        e.host = "host-" + std::to_string(ago);
        e.format = "rfc5424";
        e.message = "old event " + std::to_string(ago);
        e.raw = e.message;
        std::vector<Event> batch{e};
        ASSERT_TRUE(writer.write(batch, "day-" + std::to_string(ago)));
    }
}

// A database with `count` sample events (several days: today and yesterday) and one source.
void populate(const std::string& conninfo, int count)
{
    auto engine = test::startEngine(conninfo);
    test::submitSampleHistory(*engine, count, std::chrono::milliseconds(100));
    ASSERT_TRUE(test::waitStored(*engine, static_cast<std::uint64_t>(count)));
    engine->stop();
    test::queryRows(conninfo, QStringLiteral("INSERT INTO sources (name, protocol, address, port, format) "
                                             "VALUES ('firewall', 'udp', '0.0.0.0', 5514, 'auto')"));
}

qlonglong scalar(const std::string& conninfo, const QString& sql)
{
    const auto rows = test::queryRows(conninfo, sql);
    return rows.isEmpty() ? -1 : rows.first().first().toLongLong();
}

// Waits for the controller's job to end and returns its summary.
DatabaseJobSummary waitJob(AdministrationController& controller)
{
    QSignalSpy finished(&controller, &AdministrationController::jobFinished);
    if (!finished.wait(120000))
        ADD_FAILURE() << "the job did not finish";
    return finished.isEmpty() ? DatabaseJobSummary{} : finished.first().first().value<DatabaseJobSummary>();
}

struct Fixture {
    QWidget window;
    models::RetentionService retention;
    AdministrationController controller{&retention, &window};
};

TEST(AdministrationTest, BackupThenRestoreIntoAFreshDatabaseFindsEveryRow)
{
    test::TestDatabase source("gui_admin_backup_from");
    populate(source.conninfo(), 300);
    test::ScratchDirectory directory;
    const QString file = QString::fromStdString((directory.path() / "vigie.dump").string());

    Fixture f;
    EXPECT_FALSE(f.controller.backupAction()->isEnabled()); // no database yet
    f.controller.setConninfo(QString::fromStdString(source.conninfo()));
    EXPECT_TRUE(f.controller.backupAction()->isEnabled());
    EXPECT_EQ(f.controller.menu()->actions().size(), 4); // backup, restore, separator, retention

    models::DatabaseJob* job = f.controller.backupTo(file);
    ASSERT_NE(job, nullptr);
    QSignalSpy tables(job, &models::DatabaseJob::tableStarted);
    widgets::DatabaseJobDialog* dialog = f.controller.jobDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(f.controller.backupAction()->isEnabled()) << "one job at a time";
    const DatabaseJobSummary backup = waitJob(f.controller);
    ASSERT_TRUE(backup.ok()) << backup.error.toStdString();
    EXPECT_EQ(backup.events, 300);
    EXPECT_EQ(backup.sources, 1);
    EXPECT_GE(backup.partitions, 2);
    EXPECT_EQ(backup.fileSize, QFileInfo(file).size());
    EXPECT_GT(backup.fileSize, 0);
    // pg_dump named its tables: the dialog counted them against the database's tables.
    ASSERT_FALSE(tables.isEmpty());
    bool sawPartition = false;
    for (const auto& table : tables)
        sawPartition |= table.at(0).toString().startsWith(QLatin1String("events_"));
    EXPECT_TRUE(sawPartition);
    EXPECT_GT(tables.last().at(2).toInt(), 0);
    EXPECT_TRUE(dialog->summaryText().contains(QLatin1String("300 event")))
        << dialog->summaryText().toStdString();
    EXPECT_TRUE(f.controller.backupAction()->isEnabled());

    test::TestDatabase target("gui_admin_backup_to");
    f.controller.setConninfo(QString::fromStdString(target.conninfo()));
    f.controller.confirmRestore(file);
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.controller.restoreConfirmation() != nullptr; }, 30000));
    QMessageBox* confirmation = f.controller.restoreConfirmation();
    EXPECT_TRUE(confirmation->text().contains(QLatin1String("holds no events")))
        << confirmation->text().toStdString();
    auto* restoreButton = confirmation->findChild<QPushButton*>(QStringLiteral("confirmRestoreButton"));
    ASSERT_NE(restoreButton, nullptr);
    QSignalSpy finished(&f.controller, &AdministrationController::jobFinished);
    restoreButton->click();
    ASSERT_TRUE(finished.wait(120000));
    const auto restored = finished.first().first().value<DatabaseJobSummary>();
    ASSERT_TRUE(restored.ok()) << restored.error.toStdString();
    EXPECT_EQ(restored.events, 300);

    const QString ids =
        QStringLiteral("SELECT count(*), md5(string_agg(id::text || message, ',' ORDER BY id)) FROM events");
    EXPECT_EQ(test::queryRows(target.conninfo(), ids), test::queryRows(source.conninfo(), ids));
    const auto sample = test::queryRows(
        source.conninfo(), QStringLiteral("SELECT id, raw FROM events ORDER BY id LIMIT 5 OFFSET 100"));
    ASSERT_EQ(sample.size(), 5);
    for (const auto& row : sample)
        EXPECT_EQ(test::queryRows(target.conninfo(), QStringLiteral("SELECT raw FROM events WHERE id = ?"),
                                  {row.at(0)})
                      .value(0)
                      .value(0),
                  row.at(1));
    EXPECT_EQ(
        scalar(target.conninfo(), QStringLiteral("SELECT count(*) FROM sources WHERE name = 'firewall'")), 1);
}

TEST(AdministrationTest, RestoreRefusesANonEmptyDatabaseWithoutForceAndConfirmationSaysWhatItHolds)
{
    test::TestDatabase db("gui_admin_refuse");
    populate(db.conninfo(), 40);
    test::ScratchDirectory directory;
    const QString file = QString::fromStdString((directory.path() / "small.dump").string());
    Fixture f;
    f.controller.setConninfo(QString::fromStdString(db.conninfo()));
    f.controller.backupTo(file);
    ASSERT_TRUE(waitJob(f.controller).ok());
    // One more event after the backup: a refused restore must leave it in place.
    seedDays(db.conninfo(), {0});

    f.controller.restoreFrom(file, false);
    const auto refused = waitJob(f.controller);
    EXPECT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error.contains(QLatin1String("not empty (41 events, 1 sources)")))
        << refused.error.toStdString();
    EXPECT_TRUE(f.controller.jobDialog()->summaryText().contains(QLatin1String("left as it was")));
    EXPECT_EQ(scalar(db.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 41);

    // The confirmation states what would be replaced; Cancel restores nothing.
    f.controller.confirmRestore(file);
    ASSERT_TRUE(QTest::qWaitFor([&] { return f.controller.restoreConfirmation() != nullptr; }, 30000));
    QMessageBox* confirmation = f.controller.restoreConfirmation();
    EXPECT_TRUE(confirmation->text().contains(QLatin1String("holds 41 events and 1 sources")))
        << confirmation->text().toStdString();
    EXPECT_TRUE(confirmation->text().contains(QLatin1String("replaces")));
    confirmation->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    EXPECT_EQ(f.controller.currentJob(), nullptr);
    EXPECT_EQ(scalar(db.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 41);
}

TEST(AdministrationTest, CancellingABackupLeavesNoFileUnderTheChosenName)
{
    test::TestDatabase db("gui_admin_cancel");
    populate(db.conninfo(), 100);
    test::ScratchDirectory directory;
    const QString file = QString::fromStdString((directory.path() / "cancelled.dump").string());
    Fixture f;
    f.controller.setConninfo(QString::fromStdString(db.conninfo()));
    ASSERT_NE(f.controller.backupTo(file), nullptr);
    QPushButton* cancel = f.controller.jobDialog()->cancelButton();
    ASSERT_NE(cancel, nullptr);
    cancel->click();
    const auto summary = waitJob(f.controller);
    EXPECT_TRUE(summary.cancelled);
    EXPECT_FALSE(QFileInfo::exists(file));
    EXPECT_FALSE(QFileInfo::exists(file + QStringLiteral(".partial")));
    EXPECT_TRUE(f.controller.jobDialog()->summaryText().contains(QLatin1String("no file was written")));
}

TEST(AdministrationTest, RestoreIntoARunningSessionStopsTheIngestAndStartsItAgain)
{
    test::TestDatabase source("gui_admin_session_from");
    populate(source.conninfo(), 120);
    test::ScratchDirectory directory;
    const QString file = QString::fromStdString((directory.path() / "session.dump").string());
    {
        Fixture f;
        f.controller.setConninfo(QString::fromStdString(source.conninfo()));
        f.controller.backupTo(file);
        ASSERT_TRUE(waitJob(f.controller).ok());
    }

    test::TestDatabase target("gui_admin_session_to");
    models::SessionConfig config;
    config.conninfo = QString::fromStdString(target.conninfo());
    models::WorkstationSession session(config);
    QSignalSpy ready(&session, &models::WorkstationSession::ready);
    QSignalSpy suspended(&session, &models::WorkstationSession::ingestSuspended);
    session.start();
    ASSERT_TRUE(ready.wait(60000));
    session.engine()->submit(test::rfc5424Line(1, QDateTime::currentDateTimeUtc()), parse::Format::Auto);
    ASSERT_TRUE(test::waitStored(*session.engine(), 1));

    QWidget window;
    AdministrationController controller(session.retention(), &window);
    controller.setSession(&session);
    EXPECT_TRUE(controller.restoreAction()->isEnabled());
    controller.restoreFrom(file, true);
    const auto restored = waitJob(controller);
    ASSERT_TRUE(restored.ok()) << restored.error.toStdString();
    EXPECT_EQ(suspended.size(), 1) << "the writer was stopped before pg_restore ran";
    ASSERT_TRUE(QTest::qWaitFor([&] { return ready.size() == 2; }, 60000)) << "the ingest starts again";
    EXPECT_EQ(session.phase(), models::WorkstationSession::Phase::Running);
    EXPECT_EQ(scalar(target.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 120);
    // The new engine writes into the restored tables.
    session.engine()->submit(test::rfc5424Line(2, QDateTime::currentDateTimeUtc()), parse::Format::Auto);
    ASSERT_TRUE(test::waitStored(*session.engine(), 1));
    EXPECT_EQ(scalar(target.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 121);
    session.stop();
}

TEST(AdministrationTest, RetentionDialogSavesTheWindowAndDropsTheOlderDays)
{
    test::TestDatabase db("gui_admin_retention");
    seedDays(db.conninfo(), {400, 20, 6, 1, 0});
    Fixture f;
    QSignalSpy applied(&f.retention, &models::RetentionService::applied);
    f.retention.attach(QString::fromStdString(db.conninfo()));
    f.controller.setConninfo(QString::fromStdString(db.conninfo()));
    // The run at start: no window saved, every event kept.
    ASSERT_TRUE(applied.wait(30000));
    EXPECT_FALSE(applied.first().first().value<models::RetentionReport>().keepDays.has_value());
    EXPECT_EQ(scalar(db.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 5);

    widgets::RetentionDialog* dialog = f.controller.showRetentionDialog();
    ASSERT_NE(dialog, nullptr);
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ok->isEnabled(); }, 30000));
    EXPECT_TRUE(dialog->keepForeverBox()->isChecked()) << "unset means keep forever";
    EXPECT_FALSE(dialog->daysBox()->isEnabled());
    EXPECT_EQ(dialog->daysBox()->value(), widgets::RetentionDialog::suggestedDays);
    EXPECT_TRUE(dialog->holdingText().contains(QLatin1String("oldest")))
        << dialog->holdingText().toStdString();
    EXPECT_TRUE(dialog->effectText().contains(QLatin1String("nothing will be deleted")));

    dialog->keepForeverBox()->setChecked(false);
    dialog->daysBox()->setValue(5);
    // The dry run says what would go now: the days 400, 20 and 6 days ago.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return dialog->effectText().startsWith(QLatin1String("3 day")); }, 30000))
        << dialog->effectText().toStdString();
    EXPECT_EQ(scalar(db.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 5)
        << "a dry run drops nothing";

    QSignalSpy saved(&f.retention, &models::RetentionService::saved);
    QSignalSpy message(&f.controller, &AdministrationController::message);
    applied.clear();
    ok->click();
    ASSERT_TRUE(applied.wait(30000));
    ASSERT_EQ(saved.size(), 1);
    const auto report = applied.first().first().value<models::RetentionReport>();
    EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.keepDays, 5);
    EXPECT_EQ(report.dropped.size(), 3);
    EXPECT_EQ(report.dropped.first(),
              QString::fromStdString(store::PartitionManager::partitionName(today() - days(400))));
    EXPECT_EQ(scalar(db.conninfo(), QStringLiteral("SELECT count(*) FROM events")), 2);
    EXPECT_EQ(test::queryRows(db.conninfo(),
                              QStringLiteral("SELECT value FROM settings WHERE key = 'retention.days'"))
                  .value(0)
                  .value(0)
                  .toString(),
              QStringLiteral("5"));
    ASSERT_FALSE(message.isEmpty());
    EXPECT_TRUE(message.last().first().toString().contains(QLatin1String("3 daily partitions")));

    // Reopened, the dialog shows the saved window.
    QTest::qWait(50);
    widgets::RetentionDialog* again = f.controller.showRetentionDialog();
    auto* okAgain = again->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(QTest::qWaitFor([&] { return okAgain->isEnabled(); }, 30000));
    EXPECT_FALSE(again->keepForeverBox()->isChecked());
    EXPECT_EQ(again->daysBox()->value(), 5);
    again->reject();
    f.retention.detach();
}

} // namespace
