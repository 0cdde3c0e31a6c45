// The main window over a real database: pages load as the table scrolls, the newest event is
// first, a click shows the event in the detail pane, Ctrl+C copies its raw line, and events
// stored after the window opened arrive at the top through the live tail.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "event_detail_pane.h"
#include "event_table_model.h"
#include "event_table_view.h"
#include "language_switcher.h"
#include "main_window.h"

#include <QClipboard>
#include <QScrollBar>

#include <set>

using namespace vigie;
using models::EventTableModel;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        engine_ = test::startEngine(db_.conninfo());
        // The newest of all is the last RFC 5424 line.
        newestRaw_ = QString::fromStdString(
            test::submitSampleHistory(*engine_, total_, std::chrono::milliseconds(100)));
        ASSERT_TRUE(test::waitStored(*engine_, total_));
    }

    void TearDown() override { engine_->stop(); }

    test::TestDatabase db_{"gui_main"};
    std::unique_ptr<ingest::Engine> engine_;
    const int total_ = 3000;
    QString newestRaw_;
};

TEST_F(MainWindowTest, LoadsPagesShowsDetailsAndFollowsTheTail)
{
    models::EngineStatus status;
    status.setEngine(engine_.get());
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&status, &languages);
    EventTableModel* model = window.eventModel();
    model->setPageSize(400);
    model->setTailInterval(std::chrono::milliseconds(200));
    window.openEvents(QString::fromStdString(db_.conninfo()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    // The first page, newest first.
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() >= 400; }, 20000));
    EXPECT_EQ(model->rowCount(), 400);
    EXPECT_EQ(model->row(0).value().raw, newestRaw_);
    EXPECT_EQ(model->index(0, EventTableModel::TimeColumn).data().toString(),
              model->row(0).value().ts.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));

    // Scrolling to the bottom makes the view fetch more until everything is there.
    widgets::EventTableView* view = window.eventView();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            view->scrollToBottom();
            return model->rowCount() == total_ && model->atEnd();
        },
        60000))
        << "rows loaded: " << model->rowCount();
    QTest::qWait(300); // nothing more may arrive
    ASSERT_EQ(model->rowCount(), total_);
    std::set<qint64> ids;
    for (int r = 0; r < model->rowCount(); ++r) {
        ids.insert(model->row(r).value().id);
        if (r > 0) {
            const auto newer = model->row(r - 1).value();
            const auto older = model->row(r).value();
            ASSERT_TRUE(newer.ts_us > older.ts_us || (newer.ts_us == older.ts_us && newer.id > older.id))
                << "row " << r << " is out of order";
        }
    }
    EXPECT_EQ(ids.size(), std::size_t(total_));

    // A click on a row shows that event in the detail pane.
    view->scrollToTop();
    QTest::qWait(50);
    const int clicked = 3;
    const QRect rect = view->visualRect(model->index(clicked, EventTableModel::MessageColumn));
    ASSERT_TRUE(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    ASSERT_EQ(view->currentIndex().row(), clicked);
    EXPECT_EQ(window.detailPane()->rawText(), model->row(clicked).value().raw);
    EXPECT_EQ(window.detailPane()->fieldText(QStringLiteral("host")), model->row(clicked).value().host);
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(200); // let the layouts settle
        window.grab().save(dir + QStringLiteral("/main_window_detail.png"));
    }

    // The keyboard moves the selection and the pane follows; Ctrl+C copies the raw line.
    QTest::keyClick(view, Qt::Key_Down);
    ASSERT_EQ(view->currentIndex().row(), clicked + 1);
    EXPECT_EQ(window.detailPane()->rawText(), model->row(clicked + 1).value().raw);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    EXPECT_EQ(QApplication::clipboard()->text(), model->row(clicked + 1).value().raw);

    // Events stored after the window opened come in at the top.
    std::set<QString> liveRaw;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int n = 0; n < 5; ++n) {
        std::string line = test::rfc5424Line(100000 + n, now.addMSecs(n));
        liveRaw.insert(QString::fromStdString(line));
        ASSERT_TRUE(engine_->submit(std::move(line), parse::Format::Auto));
    }
    ASSERT_TRUE(test::waitStored(*engine_, total_ + 5));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == total_ + 5; }, 20000));
    std::set<QString> topRaw;
    for (int r = 0; r < 5; ++r)
        topRaw.insert(model->row(r).value().raw);
    EXPECT_EQ(topRaw, liveRaw);
    for (int r = 1; r < 5; ++r)
        EXPECT_GT(model->row(r - 1).value().id, model->row(r).value().id);
    // The selection stayed on the same event.
    EXPECT_EQ(model->row(view->currentIndex().row()).value().raw, window.detailPane()->rawText());
}

TEST_F(MainWindowTest, DetailPaneHighlightsRecordsThatDidNotParse)
{
    ASSERT_TRUE(engine_->submit("this is not syslog at all", parse::Format::Rfc5424));
    ASSERT_TRUE(test::waitStored(*engine_, total_ + 1));

    models::EngineStatus status;
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&status, &languages);
    window.openEvents(QString::fromStdString(db_.conninfo()));
    window.show();
    window.showSearch(); // the dashboards are the home page
    EventTableModel* model = window.eventModel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() > 0; }, 20000));
    // The broken record was received last; find it among the loaded rows or load more.
    int found = -1;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->row(r).value().parse_error) {
                    found = r;
                    return true;
                }
            }
            window.eventView()->scrollToBottom();
            return false;
        },
        60000));
    window.eventView()->setCurrentIndex(model->index(found, 0));
    auto* banner = window.detailPane()->findChild<QWidget*>(QStringLiteral("parseError"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_EQ(window.detailPane()->rawText(), QStringLiteral("this is not syslog at all"));
}

} // namespace
