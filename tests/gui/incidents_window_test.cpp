// The incident tickets inside the real main window, over a real database: alerts selected in the
// alert queue become a ticket (Create Incident…) shown on the Incidents page (Ctrl+3); events
// selected in the search results are linked to it with a note (Add Selected Events to
// Incident…, Ctrl+Shift+L); the status bar names the analyst and their tier; and a critical
// incident opened by a colleague on another connection is announced on this desktop within 2 s
// (LISTEN/NOTIFY), a click on the notification opening it.
#include "gui_test_support.h"
#include "support/incident_support.h"
#include "support/test_database.h"

#include "alert_queue_panel.h"
#include "alert_queue_service.h"
#include "cases/incident_store.h"
#include "engine_status.h"
#include "event_table_model.h"
#include "event_table_view.h"
#include "incident_list_panel.h"
#include "incident_notifier.h"
#include "incident_picker.h"
#include "incident_service.h"
#include "incident_view.h"
#include "incidents_controller.h"
#include "ingest_status_bar.h"
#include "language_switcher.h"
#include "link_to_incident_dialog.h"
#include "main_window.h"
#include "parse/record_parser.h"
#include "store/alert_store.h"
#include "store/event_writer.h"
#include "store/migrator.h"
#include "store/pg_connection.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <memory>

using namespace vigie;

namespace {

class IncidentsWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        connection_ = std::make_unique<store::PgConnection>(db_.conninfo());
        store::applyMigrations(*connection_);
        const auto now =
            std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        for (const auto& [title, level] :
             {std::pair{"SSH brute force", "high"}, std::pair{"Sudo to root", "critical"}}) {
            store::AlertRecord alert;
            alert.rule_id = title;
            alert.rule_title = title;
            alert.level = level;
            alert.host = "web-01";
            alert.window_start = alert.first_ts = alert.last_ts = now - std::chrono::minutes(5);
            alert.count = 3;
            store::AlertStore(*connection_).add({alert});
        }
        // Two events the search shows.
        std::vector<Event> batch;
        for (int n = 1; n <= 2; ++n)
            batch.push_back(
                parse::parseRecord(test::rfc5424Line(n, QDateTime::currentDateTimeUtc().addSecs(-60 * n)),
                                   parse::Format::Auto, {}));
        store::EventWriter(db_.conninfo()).write(batch, "two-events");
    }

    std::unique_ptr<widgets::MainWindow> openWindow()
    {
        auto window = std::make_unique<widgets::MainWindow>(&status_, &languages_);
        window->openEvents(QString::fromStdString(db_.conninfo()));
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window->alertQueue()->isLoading(); }, 20000));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window->incidents()->service()->isLoading(); }, 20000));
        return window;
    }

    test::AnalystRoles roles_; // dropped after the database
    test::TestDatabase db_{"gui_incidents_window"};
    std::unique_ptr<store::PgConnection> connection_;
    models::EngineStatus status_;
    widgets::LanguageSwitcher languages_;
};

TEST_F(IncidentsWindowTest, SelectedAlertsBecomeATicketAndSelectedEventsAreLinkedWithANote)
{
    auto window = openWindow();
    widgets::IncidentsController* incidents = window->incidents();
    // Who is logged in: the test's superuser is an administrator.
    EXPECT_TRUE(incidents->analystLabel()->text().endsWith(QStringLiteral("· Administrator")))
        << incidents->analystLabel()->text().toStdString();

    widgets::AlertQueuePanel* alerts = window->alertQueuePanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return alerts->view()->model()->rowCount() == 2; }, 20000));
    alerts->view()->selectAll();
    ASSERT_TRUE(alerts->createIncidentAction()->isEnabled());
    alerts->createIncidentAction()->trigger();

    widgets::IncidentView* view = incidents->view();
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->ticket().has_value(); }, 20000));
    EXPECT_TRUE(window->isShowingIncidents());
    const auto& ticket = *view->ticket();
    EXPECT_EQ(ticket.incident.title, "Sudo to root and 1 more alert");
    EXPECT_EQ(ticket.incident.severity, "critical");
    EXPECT_EQ(ticket.alerts.size(), 2u);
    EXPECT_EQ(incidents->listPanel()->currentIncidentId(), ticket.incident.id);
    const qint64 id = ticket.incident.id;

    // Search results: both events selected, linked with a note through the dialog.
    window->showSearch();
    widgets::EventTableView* events = window->eventView();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->eventModel()->rowCount() == 2; }, 20000));
    events->selectAll();
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<widgets::LinkToIncidentDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->picker()->count() == 1; }, 10000));
        EXPECT_TRUE(dialog->picker()->select(id));
        dialog->noteEdit()->setText(QStringLiteral("the two lines before the sudo"));
        dialog->accept();
    });
    incidents->addEventsAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return view->ticket() && view->ticket()->events.size() == 2; }, 20000))
        << window->ingestStatusBar()->currentMessage().toStdString();
    EXPECT_EQ(view->ticket()->events[0].note, "the two lines before the sudo");
    EXPECT_TRUE(view->ticket()->events[0].stored);
    EXPECT_FALSE(view->ticket()->events[0].raw.empty());
    EXPECT_EQ(
        test::queryRows(db_.conninfo(), QStringLiteral("SELECT count(*) FROM incident_events"))[0][0].toInt(),
        2);
}

TEST_F(IncidentsWindowTest, AColleaguesCriticalIncidentIsAnnouncedWithinTwoSeconds)
{
    auto window = openWindow();
    widgets::IncidentNotifier* notifier = window->incidents()->notifier();
    const auto colleagueRole = roles_.create(*connection_, "l2");
    store::PgConnection colleague(db_.conninfo() + " user=" + colleagueRole);
    cases::IncidentStore store(colleague);

    // A medium ticket is not announced; a critical one is, within 2 s of its commit.
    store.create({"Odd DNS queries", "", "medium", 3, std::nullopt, {}, {}});
    QElapsedTimer clock;
    clock.start();
    const auto critical =
        store.create({"Domain admin password sprayed", "", "critical", 1, std::nullopt, {}, {}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !notifier->lastMessage().isEmpty(); }, 5000));
    EXPECT_LT(clock.elapsed(), 2000);
    EXPECT_TRUE(
        notifier->lastMessage().startsWith(QStringLiteral("New critical incident #%1").arg(critical.id)))
        << notifier->lastMessage().toStdString();
    EXPECT_TRUE(notifier->lastMessage().contains(QString::fromStdString(colleagueRole)));
    ASSERT_NE(notifier->toast(), nullptr); // no system tray offscreen: the toast in the window
    EXPECT_TRUE(notifier->toast()->isVisible());

    // A click on it opens the ticket.
    QTest::mouseClick(notifier->toast(), Qt::LeftButton);
    EXPECT_TRUE(window->isShowingIncidents());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto& shown = window->incidents()->view()->ticket();
            return shown && shown->incident.id == critical.id;
        },
        10000));
}

} // namespace
