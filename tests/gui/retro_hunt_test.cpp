// Detection from the analyst's side (issue #5), over a real database. Retro-hunt: the demo
// attack stored without detection is found by Detection > Retro-hunt… (Ctrl+Shift+H) over the
// last 24 hours — progress to the end, "121 events read, 3 alert(s) found (retro-hunt).", Show
// Alerts opens the queue listing the three built-in alerts marked retro-hunt; Escape stops a hunt
// over a larger history within moments, with what it read so far; a database that is away is
// said in the dialog. Live: the desktop session in demo mode raises the same three alerts in the
// alert queue within seconds of the attack lines arriving (the "done when" of issue #5).
#include "gui_test_support.h"
#include "support/test_database.h"

#include "alert_queue_model.h"
#include "alert_queue_panel.h"
#include "alert_queue_service.h"
#include "demo/demo_scenario.h"
#include "detect/stored_rules.h"
#include "engine_status.h"
#include "language_switcher.h"
#include "main_window.h"
#include "retro_hunt_controller.h"
#include "retro_hunt_dialog.h"
#include "store/pg_connection.h"
#include "store/rule_store.h"
#include "workstation_session.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTreeView>

#include <memory>

using namespace vigie;
using models::AlertQueueModel;

namespace {

const QStringList kDemoAlerts = {QStringLiteral("New local user account created"),
                                 QStringLiteral("SSH brute force followed by success from the same address"),
                                 QStringLiteral("Sudo to root by a user outside the administrators")};

// Settings of this test's own (QStandardPaths test mode), empty: the windows open with the default
// layout, not with the docks another test left.
void useOwnSettings()
{
    QCoreApplication::setApplicationName(QStringLiteral("vigie-gui-retro-hunt-test"));
    QSettings().clear();
}

void screenshot(QWidget* widget, const QString& name)
{
    if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(300);
        widget->grab().save(shots + QLatin1Char('/') + name);
    }
}

// The demo scenario's first 121 lines (the whole attack), one second apart and ending a minute
// ago, stored by the real engine without detection: history nobody has hunted yet.
void storeDemoWithoutDetection(const test::TestDatabase& db)
{
    auto engine = test::startEngine(db.conninfo());
    demo::DemoScenario scenario;
    Timestamp ts = nowTimestamp() - std::chrono::seconds(60 + 121);
    for (int i = 0; i < 121; ++i, ts += std::chrono::seconds(1))
        engine->submit(scenario.nextLine(ts), parse::Format::Auto);
    ASSERT_TRUE(test::waitStored(*engine, 121));
    engine->stop();
}

// The rule titles the alert queue lists (column Rule), sorted, and whether every row says origin.
QStringList ruleTitles(QAbstractItemModel* model)
{
    QStringList titles;
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row, AlertQueueModel::RuleColumn).data().toString();
    titles.sort();
    return titles;
}

bool allOfOrigin(QAbstractItemModel* model, const QString& origin)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, AlertQueueModel::OriginColumn).data().toString() != origin)
            return false;
    return model->rowCount() > 0;
}

class RetroHuntTest : public ::testing::Test {
protected:
    void SetUp() override { useOwnSettings(); }

    // A main window over `db`, shown and active (for the shortcuts).
    std::unique_ptr<widgets::MainWindow> openWindow(const test::TestDatabase& db)
    {
        auto window = std::make_unique<widgets::MainWindow>(&status_, &languages_);
        tester_ = std::make_unique<QAbstractItemModelTester>(
            window->alertQueue()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        window->openEvents(QString::fromStdString(db.conninfo()));
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window->alertQueue()->isLoading(); }, 20000));
        return window;
    }

    models::EngineStatus status_;
    widgets::LanguageSwitcher languages_;
    std::unique_ptr<QAbstractItemModelTester> tester_;
};

TEST_F(RetroHuntTest, TheDetectionMenuHuntsTheLastDayAndTheQueueListsWhatItFound)
{
    test::TestDatabase db("gui_retro_hunt");
    storeDemoWithoutDetection(db);
    auto window = openWindow(db);
    QAbstractItemModel* alerts = window->alertQueuePanel()->view()->model();
    EXPECT_EQ(alerts->rowCount(), 0); // stored without detection: nothing yet

    // Detection > Retro-hunt…, between View and Language.
    QMenu* detection = window->detectionMenu();
    ASSERT_NE(detection, nullptr);
    EXPECT_EQ(detection->title(), QStringLiteral("&Detection"));
    QStringList menus;
    for (QAction* action : window->menuBar()->actions())
        menus << action->text();
    EXPECT_EQ(menus.indexOf(QStringLiteral("&Detection")), menus.indexOf(QStringLiteral("&View")) + 1);
    QAction* retroHunt = window->retroHuntController()->retroHuntAction();
    EXPECT_TRUE(detection->actions().contains(retroHunt));
    EXPECT_EQ(retroHunt->text(), QStringLiteral("&Retro-hunt…"));
    EXPECT_EQ(retroHunt->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    EXPECT_TRUE(retroHunt->isEnabled());

    QTest::keyClick(window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    widgets::RetroHuntDialog* dialog = window->retroHuntController()->dialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_EQ(dialog->preset(), widgets::RetroHuntDialog::Last24Hours); // the default
    EXPECT_EQ(dialog->presetCombo()->currentText(), QStringLiteral("Last 24 hours"));
    EXPECT_FALSE(dialog->fromEdit()->isEnabled()); // a preset: the fields only show its range
    EXPECT_NEAR(dialog->from().secsTo(dialog->to()), 24 * 3600, 2);
    EXPECT_TRUE(dialog->runButton()->isEnabled());
    EXPECT_TRUE(dialog->summaryText().isEmpty());

    QSignalSpy requested(dialog, &widgets::RetroHuntDialog::huntRequested);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    EXPECT_EQ(requested.size(), 1);
    EXPECT_TRUE(dialog->cancelButton()->isVisible());
    EXPECT_FALSE(dialog->runButton()->isEnabled()); // one hunt at a time
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->summaryText().isEmpty(); }, 60000));
    EXPECT_EQ(dialog->summaryText(), QStringLiteral("121 events read, 3 alert(s) found (retro-hunt)."));
    EXPECT_EQ(dialog->statusText(), QStringLiteral("Done."));
    EXPECT_EQ(dialog->progressBar()->value(), dialog->progressBar()->maximum());
    EXPECT_FALSE(dialog->cancelButton()->isVisible());
    EXPECT_TRUE(dialog->runButton()->isEnabled()); // another range can be hunted
    ASSERT_TRUE(dialog->showAlertsButton()->isVisible());
    screenshot(dialog, QStringLiteral("retro_hunt_dialog.png"));

    // Stored as retro-hunt alerts; Show Alerts opens the queue, which lists them marked so.
    const auto count = [&](const std::string& origin) {
        store::PgConnection connection(db.conninfo());
        return connection.exec("SELECT count(*) FROM alerts WHERE origin = $1", {origin}).integer(0, 0);
    };
    EXPECT_EQ(count("retro-hunt"), 3);
    EXPECT_EQ(count("live"), 0);
    QTest::mouseClick(dialog->showAlertsButton(), Qt::LeftButton);
    EXPECT_TRUE(window->alertQueuePanel()->isVisible());
    ASSERT_TRUE(QTest::qWaitFor([&] { return alerts->rowCount() == 3; }, 20000));
    EXPECT_EQ(ruleTitles(alerts), kDemoAlerts);
    EXPECT_TRUE(allOfOrigin(alerts, QStringLiteral("Retro-hunt")));
    EXPECT_EQ(alerts->headerData(AlertQueueModel::OriginColumn, Qt::Horizontal).toString(),
              QStringLiteral("Origin"));
    EXPECT_TRUE(alerts->index(0, AlertQueueModel::RuleColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Found by a retro-hunt")));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window->retroHuntController()->dialog(); },
                                5000)); // Show Alerts closed it
    screenshot(window.get(), QStringLiteral("retro_hunt_alert_queue.png"));
}

// A hunt runs the rules the analysts keep enabled, as the live stream does: a built-in rule
// switched off in the rule manager finds nothing.
TEST_F(RetroHuntTest, ARuleDisabledInTheDatabaseIsNotHunted)
{
    test::TestDatabase db("gui_retro_hunt_disabled");
    storeDemoWithoutDetection(db);
    {
        store::PgConnection connection(db.conninfo());
        store::RuleStore rules(connection);
        detect::seedBuiltinRules(rules);
        int disabled = 0;
        for (const auto& rule : rules.list())
            if (rule.yaml.find("Sudo to root by a user outside the administrators") != std::string::npos) {
                rules.setEnabled(rule.id, false);
                ++disabled;
            }
        ASSERT_EQ(disabled, 1);
    }
    auto window = openWindow(db);
    widgets::RetroHuntController* controller = window->retroHuntController();
    QSignalSpy finished(controller, &widgets::RetroHuntController::huntFinished);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ASSERT_NE(controller->hunt(now.addSecs(-3600), now), nullptr);
    ASSERT_TRUE(finished.wait(60000));
    const auto summary = finished.at(0).at(0).value<models::RetroHuntSummary>();
    EXPECT_TRUE(summary.ok()) << summary.error.toStdString();
    QStringList titles;
    for (const auto& rule : summary.rules)
        titles << rule.title;
    titles.sort();
    EXPECT_EQ(titles, (QStringList{kDemoAlerts[0], kDemoAlerts[1]}));
}

TEST_F(RetroHuntTest, EscapeStopsAHuntOverALargerHistoryAtOnce)
{
    test::TestDatabase db("gui_retro_hunt_cancel");
    {
        auto engine = test::startEngine(db.conninfo());
        test::submitSampleHistory(*engine, 150000, std::chrono::milliseconds(20));
        ASSERT_TRUE(test::waitStored(*engine, 150000, std::chrono::seconds(180)));
        engine->stop();
    }
    auto window = openWindow(db);
    widgets::RetroHuntController* controller = window->retroHuntController();
    widgets::RetroHuntDialog* dialog = controller->showDialog();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    dialog->setPreset(widgets::RetroHuntDialog::Last7Days);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_NE(controller->currentJob(), nullptr);

    // The first progress: events read, hits and a rate.
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->progressBar()->value() > 0; }, 60000));
    EXPECT_TRUE(dialog->detailText().contains(QStringLiteral(" events read, ")))
        << dialog->detailText().toStdString();
    EXPECT_TRUE(dialog->detailText().endsWith(QStringLiteral(" events/s")))
        << dialog->detailText().toStdString();
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_TRUE(dialog->isVisible()); // it stays to say what the hunt did
    EXPECT_FALSE(dialog->cancelButton()->isEnabled());
    EXPECT_EQ(dialog->statusText(), QStringLiteral("Cancelling…"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->summaryText().isEmpty(); }, 20000));
    // Promptly (a page of events), not after the whole week: generous for a loaded machine.
    EXPECT_LT(clock.elapsed(), 10000) << "the hunt took " << clock.elapsed() << " ms to stop";
    EXPECT_EQ(dialog->statusText(), QStringLiteral("Cancelled."));
    EXPECT_TRUE(dialog->summaryText().startsWith(QStringLiteral("Cancelled after ")))
        << dialog->summaryText().toStdString();
    EXPECT_FALSE(dialog->summaryText().contains(QStringLiteral("150,000 events")))
        << dialog->summaryText().toStdString();
    EXPECT_EQ(controller->currentJob(), nullptr);

    // Now Escape closes it.
    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !controller->dialog(); }, 5000));
}

TEST_F(RetroHuntTest, ADatabaseThatIsAwayIsSaidInTheDialog)
{
    QWidget window;
    widgets::RetroHuntController controller(&window);
    EXPECT_FALSE(controller.retroHuntAction()->isEnabled()); // no database yet
    controller.setConnInfo(
        QStringLiteral("host=/nonexistent-vigie-socket-dir dbname=none connect_timeout=2"));
    EXPECT_TRUE(controller.retroHuntAction()->isEnabled());
    widgets::RetroHuntDialog* dialog = controller.showDialog();
    dialog->setPreset(widgets::RetroHuntDialog::LastHour);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->summaryText().isEmpty(); }, 20000));
    EXPECT_TRUE(dialog->summaryText().startsWith(QStringLiteral("Cannot connect to the database: ")))
        << dialog->summaryText().toStdString();
    EXPECT_EQ(dialog->statusText(), QStringLiteral("Failed."));
    EXPECT_FALSE(dialog->showAlertsButton()->isVisible());

    // A custom range that ends before it starts cannot be run.
    const QDateTime now = QDateTime::currentDateTime();
    dialog->setCustomRange(now, now.addSecs(-3600));
    EXPECT_TRUE(dialog->fromEdit()->isEnabled());
    EXPECT_FALSE(dialog->runButton()->isEnabled());
    EXPECT_EQ(dialog->statusText(), QStringLiteral("The start of the range must be before its end."));
    dialog->setCustomRange(now.addSecs(-7200), now);
    EXPECT_TRUE(dialog->runButton()->isEnabled());
}

// Issue #5, done when: the desktop session in demo mode sends the attack to its own listener and
// the built-in rules raise its three alerts, which the alert queue lists within seconds.
TEST(LiveDetectionInTheWindow, TheDemoAttackRaisesTheThreeBuiltInAlertsInTheQueue)
{
    useOwnSettings();
    test::TestDatabase db("gui_live_detection");
    models::SessionConfig config;
    config.conninfo = QString::fromStdString(db.conninfo());
    config.demo = true; // at the desktop's own rate
    models::WorkstationSession session(config);
    models::EngineStatus status;
    widgets::LanguageSwitcher languages;
    auto window =
        std::make_unique<widgets::MainWindow>(&status, &languages, session.sources(), session.imports());
    QAbstractItemModelTester tester(window->alertQueue()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QObject::connect(&session, &models::WorkstationSession::ready, window.get(),
                     [&](const QString& conninfo) {
                         status.setEngine(session.engine());
                         window->openEvents(conninfo);
                     });
    QSignalSpy failed(&session, &models::WorkstationSession::failed);
    window->show();
    EXPECT_TRUE(window->showPanel(QStringLiteral("alerts")));
    session.start();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return session.phase() == models::WorkstationSession::Phase::Running || !failed.isEmpty(); },
        60000));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();

    QElapsedTimer clock;
    clock.start();
    QAbstractItemModel* alerts = window->alertQueuePanel()->view()->model();
    // The attack is in the scenario's first 121 lines (about five seconds at 25 lines a second),
    // the queue reads itself again every five seconds.
    ASSERT_TRUE(QTest::qWaitFor([&] { return ruleTitles(alerts) == kDemoAlerts; }, 40000))
        << ruleTitles(alerts).join(QStringLiteral(", ")).toStdString();
    std::printf("the three alerts were listed %.1f s after the engine started\n",
                static_cast<double>(clock.elapsed()) / 1000.0);
    EXPECT_TRUE(allOfOrigin(alerts, QStringLiteral("Live")));
    EXPECT_EQ(window->alertQueuePanel()->windowTitle(), QStringLiteral("Alerts (3 new)"));
    for (int row = 0; row < alerts->rowCount(); ++row)
        EXPECT_GE(alerts->index(row, 0).data(AlertQueueModel::SeverityRole).toInt(),
                  models::AlertRow::Medium);
    screenshot(window.get(), QStringLiteral("live_detection_alert_queue.png"));
    window.reset();
    status.setEngine(nullptr);
    session.stop();
}

} // namespace
