// The alert queue from the analyst's side, over a real database with alerts written by
// store::AlertStore: the Alerts dock (Ctrl+Shift+A, `showPanel("alerts")`) lists them most
// severe first with the open count in its title; grouping by rule and by host shows group rows
// "title — N alerts, M events"; Ctrl+K acknowledges the selection (the database records who),
// which takes it out of the open list until Show acknowledged brings it back; a refresh merges
// new alerts without losing the selection; Enter runs the alert's host and entity over its time
// in the search bar; Create incident is there but disabled; a database that cannot be read
// says so. The model runs under QAbstractItemModelTester throughout.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "alert_queue_model.h"
#include "alert_queue_panel.h"
#include "alert_queue_service.h"
#include "engine_status.h"
#include "event_table_model.h"
#include "language_switcher.h"
#include "main_window.h"
#include "search_bar.h"
#include "store/alert_store.h"
#include "store/migrator.h"
#include "store/pg_connection.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTimeZone>
#include <QTreeView>

#include <memory>

using namespace vigie;
using models::AlertQueueModel;

namespace {

class AlertQueueTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        connection_ = std::make_unique<store::PgConnection>(db_.conninfo());
        store::applyMigrations(*connection_);
        // Whole seconds: the search bar's range is compared to the second.
        base_ = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 3600, QTimeZone::utc());
        add("vigie-ssh-brute-force", "SSH brute force", "high", "bastion-01", "source_ip=203.0.113.7", 0, 5,
            12, {"attack.credential_access", "attack.t1110"});
        add("vigie-ssh-brute-force", "SSH brute force", "high", "web-01", "source_ip=198.51.100.4", 1, 3, 3,
            {"attack.credential_access", "attack.t1110"});
        add("vigie-sudo-root", "Sudo to root", "critical", "web-01", "host=web-01\x1fuser_name=bob", 2, 2, 1,
            {"attack.privilege_escalation", "attack.t1548.003"});
        add("vigie-port-scan", "Port scan", "medium", "fw-01", "source_ip=192.0.2.9", 4, 9, 40,
            {"attack.t1046"});
        add("vigie-new-process", "Rare process", "low", "web-01", "", 6, 7, 2, {});
    }

    void add(const std::string& rule, const std::string& title, const std::string& level,
             const std::string& host, const std::string& entity, int firstMinute, int lastMinute,
             std::int64_t count, std::vector<std::string> tags)
    {
        store::AlertRecord r;
        r.rule_id = rule;
        r.rule_title = title;
        r.level = level;
        r.tags = std::move(tags);
        r.host = host;
        r.entity = entity;
        r.window_start = timestamp(0);
        r.first_ts = timestamp(firstMinute);
        r.last_ts = timestamp(lastMinute);
        r.count = count;
        store::AlertStore(*connection_).add({r});
    }

    Timestamp timestamp(int minute) const
    {
        return Timestamp(std::chrono::seconds(base_.toSecsSinceEpoch()) + std::chrono::minutes(minute));
    }

    // A main window over the test database, shown and active (for the shortcuts), the Alerts
    // dock open and its first read merged.
    std::unique_ptr<widgets::MainWindow> openWindow()
    {
        auto window = std::make_unique<widgets::MainWindow>(&status_, &languages_);
        tester_ = std::make_unique<QAbstractItemModelTester>(
            window->alertQueue()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        window->openEvents(QString::fromStdString(db_.conninfo()));
        EXPECT_TRUE(window->showPanel(QStringLiteral("alerts")));
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window->alertQueue()->isLoading(); }, 20000));
        return window;
    }

    static QStringList column(QAbstractItemModel* model, int column, const QModelIndex& parent = {})
    {
        QStringList texts;
        for (int row = 0; row < model->rowCount(parent); ++row)
            texts << model->index(row, column, parent).data().toString();
        return texts;
    }

    // Selects (and makes current) the row of the alert whose rule title and host are these.
    static qint64 select(widgets::AlertQueuePanel* panel, const QString& title, const QString& host)
    {
        QAbstractItemModel* model = panel->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (model->index(row, AlertQueueModel::RuleColumn).data().toString() == title &&
                model->index(row, AlertQueueModel::HostColumn).data().toString() == host) {
                panel->view()->setCurrentIndex(index);
                return index.data(AlertQueueModel::IdRole).toLongLong();
            }
        }
        ADD_FAILURE() << "no alert " << title.toStdString() << " on " << host.toStdString();
        return 0;
    }

    static void screenshot(QWidget* widget, const QString& name)
    {
        if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QTest::qWait(300);
            widget->grab().save(shots + QLatin1Char('/') + name);
        }
    }

    test::TestDatabase db_{"gui_alert_queue"};
    std::unique_ptr<store::PgConnection> connection_;
    QDateTime base_;
    models::EngineStatus status_;
    widgets::LanguageSwitcher languages_;
    std::unique_ptr<QAbstractItemModelTester> tester_;
};

TEST_F(AlertQueueTest, ListsTheQueueMostSevereFirstWithTheOpenCountInTheTitle)
{
    auto window = openWindow();
    widgets::AlertQueuePanel* panel = window->alertQueuePanel();
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->isVisible());
    EXPECT_EQ(panel->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAbstractItemModel* model = panel->view()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 5; }, 20000));

    // Critical, then the two high ones (the latest first), medium, low.
    EXPECT_EQ(column(model, AlertQueueModel::LevelColumn),
              (QStringList{QStringLiteral("Critical"), QStringLiteral("High"), QStringLiteral("High"),
                           QStringLiteral("Medium"), QStringLiteral("Low")}));
    EXPECT_EQ(column(model, AlertQueueModel::HostColumn),
              (QStringList{QStringLiteral("web-01"), QStringLiteral("bastion-01"), QStringLiteral("web-01"),
                           QStringLiteral("fw-01"), QStringLiteral("web-01")}));
    EXPECT_EQ(model->index(0, 0).data(AlertQueueModel::SeverityRole).toInt(), models::AlertRow::Critical);
    EXPECT_EQ(model->index(1, AlertQueueModel::CountColumn).data().toLongLong(), 12);
    EXPECT_EQ(model->index(1, AlertQueueModel::EntityColumn).data().toString(),
              QStringLiteral("source_ip=203.0.113.7"));
    EXPECT_EQ(model->index(1, AlertQueueModel::StatusColumn).data().toString(), QStringLiteral("New"));
    EXPECT_EQ(model->index(1, AlertQueueModel::LastSeenColumn).data().toString(),
              base_.addSecs(5 * 60).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    const QString tip = model->index(0, AlertQueueModel::RuleColumn).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("ATT&CK: T1548.003"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("attack.privilege_escalation"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("First seen: "))) << tip.toStdString();

    EXPECT_EQ(panel->windowTitle(), QStringLiteral("Alerts (5 new)"));
    // An incident is made of selected alerts.
    panel->view()->clearSelection();
    EXPECT_FALSE(panel->createIncidentAction()->isEnabled());
    panel->view()->selectionModel()->select(model->index(0, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    EXPECT_TRUE(panel->createIncidentAction()->isEnabled());
    EXPECT_TRUE(panel->addToIncidentAction()->isEnabled());
    screenshot(window.get(), QStringLiteral("alert_queue.png"));
}

TEST_F(AlertQueueTest, GroupsByRuleAndByHost)
{
    auto window = openWindow();
    widgets::AlertQueuePanel* panel = window->alertQueuePanel();
    QAbstractItemModel* model = panel->view()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 5; }, 20000));
    QComboBox* group = panel->groupCombo();

    group->setCurrentIndex(group->findText(QStringLiteral("Rule")));
    EXPECT_EQ(column(model, 0), (QStringList{QStringLiteral("Sudo to root — 1 alert(s), 1 event(s)"),
                                             QStringLiteral("SSH brute force — 2 alert(s), 15 event(s)"),
                                             QStringLiteral("Port scan — 1 alert(s), 40 event(s)"),
                                             QStringLiteral("Rare process — 1 alert(s), 2 event(s)")}));
    const QModelIndex ssh = model->index(1, 0);
    EXPECT_TRUE(ssh.data(AlertQueueModel::GroupRole).toBool());
    EXPECT_TRUE(panel->view()->isExpanded(ssh));
    EXPECT_EQ(column(model, AlertQueueModel::HostColumn, ssh),
              (QStringList{QStringLiteral("bastion-01"), QStringLiteral("web-01")}));
    screenshot(panel, QStringLiteral("alert_queue_by_rule.png"));

    group->setCurrentIndex(group->findText(QStringLiteral("Host")));
    EXPECT_EQ(column(model, 0), (QStringList{QStringLiteral("web-01 — 3 alert(s), 6 event(s)"),
                                             QStringLiteral("bastion-01 — 1 alert(s), 12 event(s)"),
                                             QStringLiteral("fw-01 — 1 alert(s), 40 event(s)")}));
    EXPECT_EQ(column(model, AlertQueueModel::RuleColumn, model->index(0, 0)),
              (QStringList{QStringLiteral("Sudo to root"), QStringLiteral("SSH brute force"),
                           QStringLiteral("Rare process")}));

    group->setCurrentIndex(group->findText(QStringLiteral("None")));
    EXPECT_EQ(model->rowCount(), 5);
    EXPECT_FALSE(model->index(0, 0).data(AlertQueueModel::GroupRole).toBool());
}

TEST_F(AlertQueueTest, AcknowledgeTakesAlertsOutUntilShowAcknowledged)
{
    auto window = openWindow();
    widgets::AlertQueuePanel* panel = window->alertQueuePanel();
    models::AlertQueueService* service = window->alertQueue();
    QAbstractItemModel* model = panel->view()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 5; }, 20000));

    const qint64 id = select(panel, QStringLiteral("SSH brute force"), QStringLiteral("bastion-01"));
    panel->view()->setFocus();
    QTest::keyClick(panel->view(), Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 4; }, 20000));
    EXPECT_TRUE(panel->messageText().isEmpty()) << panel->messageText().toStdString();
    EXPECT_EQ(panel->windowTitle(), QStringLiteral("Alerts (4 new)"));
    const auto rows =
        test::queryRows(db_.conninfo(),
                        QStringLiteral("SELECT status, acknowledged_by, acknowledged_at IS NOT NULL "
                                       "FROM alerts WHERE id = ?"),
                        {id});
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][0].toString(), QStringLiteral("acknowledged"));
    EXPECT_FALSE(rows[0][1].toString().isEmpty());
    EXPECT_TRUE(rows[0][2].toBool());

    panel->showAcknowledgedAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 5; }, 20000));
    const QModelIndex back = window->alertQueue()->model()->indexOfId(id);
    ASSERT_TRUE(back.isValid());
    EXPECT_TRUE(back.siblingAtColumn(AlertQueueModel::StatusColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Acknowledged by ")));
    EXPECT_EQ(panel->windowTitle(), QStringLiteral("Alerts (4 new)")); // acknowledged ones are not new

    // The timer's refresh merges a new alert in without losing the analyst's place.
    const qint64 current = select(panel, QStringLiteral("Port scan"), QStringLiteral("fw-01"));
    service->setRefreshInterval(std::chrono::milliseconds(200));
    add("vigie-ssh-brute-force", "SSH brute force", "critical", "db-01", "source_ip=203.0.113.99", 8, 8, 7,
        {});
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 6; }, 20000));
    EXPECT_EQ(panel->view()->currentIndex().data(AlertQueueModel::IdRole).toLongLong(), current);
    EXPECT_EQ(panel->view()->selectionModel()->selectedRows().size(), 1);
    EXPECT_EQ(panel->windowTitle(), QStringLiteral("Alerts (5 new)"));

    panel->showAcknowledgedAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 5; }, 20000));
    EXPECT_FALSE(window->alertQueue()->model()->indexOfId(id).isValid());
}

TEST_F(AlertQueueTest, EnterOpensTheAlertsEventsInTheSearchBar)
{
    auto window = openWindow();
    widgets::AlertQueuePanel* panel = window->alertQueuePanel();
    QAbstractItemModel* model = panel->view()->model();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 5; }, 20000));

    select(panel, QStringLiteral("SSH brute force"), QStringLiteral("bastion-01"));
    panel->view()->setFocus();
    QTest::keyClick(panel->view(), Qt::Key_Return);
    widgets::SearchBar* bar = window->searchBar();
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:\"bastion-01\" and source_ip:\"203.0.113.7\""));
    widgets::SearchEntry entry = bar->current();
    ASSERT_TRUE(entry.from && entry.to);
    EXPECT_EQ(*entry.from, base_.addSecs(-60));
    EXPECT_EQ(*entry.to, base_.addSecs(6 * 60));
    EXPECT_TRUE(bar->errorText().isEmpty()) << bar->errorText().toStdString();

    // An entity that names a user: the host and the user.
    const QModelIndex sudo = model->index(0, AlertQueueModel::RuleColumn);
    ASSERT_EQ(sudo.data().toString(), QStringLiteral("Sudo to root"));
    EXPECT_EQ(sudo.siblingAtColumn(AlertQueueModel::EntityColumn).data().toString(),
              QStringLiteral("host=web-01  user_name=bob"));
    // As a mouse does it: the first click of the pair selects the row, the second opens it.
    const QPoint point = panel->view()->visualRect(sudo).center();
    QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, point);
    QTest::mouseDClick(panel->view()->viewport(), Qt::LeftButton, {}, point);
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:\"web-01\" and user_name:\"bob\""));
    entry = bar->current();
    EXPECT_EQ(*entry.from, base_.addSecs(60));
    EXPECT_EQ(*entry.to, base_.addSecs(3 * 60));
}

TEST_F(AlertQueueTest, ADatabaseThatCannotBeReadIsSaid)
{
    models::AlertQueueService service;
    QAbstractItemModelTester tester(service.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    models::EventTableModel events;
    widgets::SearchBar bar(&events);
    widgets::AlertQueuePanel panel(&service, &bar);
    service.attach(QStringLiteral("host=/nonexistent-vigie-socket-dir dbname=none connect_timeout=2"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !service.isLoading(); }, 20000));
    EXPECT_TRUE(panel.messageText().startsWith(QStringLiteral("The alerts could not be read: ")))
        << panel.messageText().toStdString();
    EXPECT_EQ(panel.windowTitle(), QStringLiteral("Alerts"));
    EXPECT_FALSE(panel.acknowledgeSelected());
}

} // namespace
