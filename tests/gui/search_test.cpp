// The search view over a real database: a query typed in the search bar filters the table
// (exactly the matching rows, newest first, every page), a syntax error is shown inline and
// keeps the rows, pivots from the detail pane build quoted queries, Back/Forward walk the
// searches, and the model stays consistent under QAbstractItemModelTester while searches
// supersede each other and the live tail adds only matching rows.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "event_detail_pane.h"
#include "event_histogram.h"
#include "event_table_model.h"
#include "event_table_view.h"
#include "histogram_view.h"
#include "language_switcher.h"
#include "main_window.h"
#include "search_bar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>

using namespace vigie;
using models::EventTableModel;

namespace {

class SearchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        engine_ = test::startEngine(db_.conninfo());
        test::submitSampleHistory(*engine_, total_, std::chrono::milliseconds(1000));
        ASSERT_TRUE(test::waitStored(*engine_, total_));
    }

    void TearDown() override { engine_->stop(); }

    // Ids of the events matching `where` (SQL), newest first.
    QList<qint64> expectedIds(const QString& where) const
    {
        QList<qint64> ids;
        for (const auto& row :
             test::queryRows(db_.conninfo(), QStringLiteral("SELECT id FROM events WHERE ") + where +
                                                 QStringLiteral(" ORDER BY ts DESC, id DESC")))
            ids << row.at(0).toLongLong();
        return ids;
    }

    static QList<qint64> shownIds(const EventTableModel& model)
    {
        QList<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids << model.row(r).value().id;
        return ids;
    }

    // Fetches every page of the current search.
    static bool loadAll(EventTableModel& model)
    {
        return QTest::qWaitFor(
            [&] {
                if (model.canFetchMore({}))
                    model.fetchMore({});
                return model.atEnd() && !model.isFetching();
            },
            30000);
    }

    test::TestDatabase db_{"gui_search"};
    std::unique_ptr<ingest::Engine> engine_;
    const int total_ = 1500;
};

TEST_F(SearchTest, QueryFromTheBarShowsExactlyTheMatchingRows)
{
    models::EngineStatus status;
    status.setEngine(engine_.get());
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&status, &languages);
    EventTableModel* model = window.eventModel();
    model->setPageSize(25);
    model->setTailInterval(std::chrono::milliseconds(100));
    window.openEvents(QString::fromStdString(db_.conninfo()));
    window.show();
    window.showSearch(); // the dashboards are the home page
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() >= 25; }, 20000));

    widgets::SearchBar* bar = window.searchBar();
    QLineEdit* edit = bar->lineEdit();
    // Ctrl+F focuses the bar.
    window.eventView()->setFocus();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return edit->hasFocus(); }, 2000));
    QTest::keyClicks(edit, QStringLiteral("host:web-01 and severity<=3"));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(bar->errorText().isEmpty()) << bar->errorText().toStdString();
    EXPECT_EQ(model->search().query, QStringLiteral("host:web-01 and severity<=3"));

    const QList<qint64> expected = expectedIds(QStringLiteral("host = 'web-01' AND severity <= 3"));
    ASSERT_GT(expected.size(), 25); // more than one page
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            window.eventView()->scrollToBottom();
            return model->atEnd() && !model->isFetching() && model->rowCount() == expected.size();
        },
        30000))
        << model->rowCount() << " rows for " << expected.size();
    EXPECT_EQ(shownIds(*model), expected);
    // The histogram counts the same events (all within the last 24 hours it shows).
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return !window.histogram()->isLoading() &&
                   window.histogramView()->totalCount() == expected.size();
        },
        10000))
        << window.histogramView()->totalCount();
    EXPECT_GE(window.histogramView()->barCount(), 24);
    EXPECT_LE(window.histogramView()->barCount(), 61);
    EXPECT_TRUE(bar->history().contains(QStringLiteral("host:web-01 and severity<=3")));
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.eventView()->scrollToTop();
        window.eventView()->setCurrentIndex(model->index(0, EventTableModel::HostColumn));
        QTest::qWait(200);
        window.grab().save(dir + QStringLiteral("/search_view.png"));
    }

    // The live tail adds only matching rows.
    int matching = 20000;
    while (!(matching % 7 == 1 && matching % 8 <= 3))
        ++matching;
    const qint64 before = model->rowCount();
    ASSERT_TRUE(engine_->submit(test::rfc5424Line(matching + 1, QDateTime::currentDateTimeUtc()),
                                parse::Format::Auto));
    ASSERT_TRUE(
        engine_->submit(test::rfc5424Line(matching, QDateTime::currentDateTimeUtc()), parse::Format::Auto));
    ASSERT_TRUE(test::waitStored(*engine_, total_ + 2));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == before + 1; }, 10000));
    QTest::qWait(300);
    EXPECT_EQ(model->rowCount(), before + 1);
    EXPECT_EQ(model->row(0).value().host, QStringLiteral("web-01"));
    EXPECT_TRUE(model->row(0).value().message.contains(QStringLiteral("user%1 ").arg(matching)));

    // A syntax error is shown inline with its position selected; the rows stay.
    const QList<qint64> shown = shownIds(*model);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("host:web-02 and ("));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(bar->errorText().contains(QStringLiteral("Syntax error"))) << bar->errorText().toStdString();
    EXPECT_TRUE(bar->findChild<QWidget*>(QStringLiteral("searchError"))->isVisible());
    EXPECT_TRUE(edit->hasSelectedText() || edit->cursorPosition() == edit->text().size());
    EXPECT_EQ(model->search().query, QStringLiteral("host:web-01 and severity<=3"));
    QTest::qWait(200);
    EXPECT_EQ(shownIds(*model), shown);
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        window.grab().save(dir + QStringLiteral("/search_syntax_error.png"));

    // Esc clears the line and the error; Enter on an empty line lists everything again.
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_TRUE(edit->text().isEmpty());
    EXPECT_TRUE(bar->errorText().isEmpty());
    QTest::keyClick(edit, Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return model->rowCount() >= 25 && model->row(0).value().host != QString(); }, 10000));
    EXPECT_TRUE(model->search().query.isEmpty());

    // Up recalls the last query.
    QTest::keyClick(edit, Qt::Key_Up);
    EXPECT_EQ(edit->text(), QStringLiteral("host:web-01 and severity<=3"));
    QTest::keyClick(edit, Qt::Key_Down);
    EXPECT_TRUE(edit->text().isEmpty());

    // Dragging across the right half of the histogram searches that absolute range.
    widgets::HistogramView* chart = window.histogramView();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !window.histogram()->isLoading() && chart->totalCount() > 0; }, 10000));
    QWidget* viewport = chart->viewport();
    const int y = viewport->height() / 2;
    QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(viewport->width() / 2, y));
    QTest::mouseMove(viewport, QPoint(viewport->width() * 3 / 4, y));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(viewport->width() - 2, y));
    EXPECT_EQ(bar->rangeCombo()->currentData().toInt(), -1);
    ASSERT_TRUE(model->search().fromUs.has_value());
    ASSERT_TRUE(model->search().toUs.has_value());
    EXPECT_LT(*model->search().fromUs, *model->search().toUs);
    ASSERT_TRUE(loadAll(*model));
    EXPECT_EQ(shownIds(*model),
              expectedIds(QStringLiteral("(extract(epoch FROM ts) * 1000000)::bigint >= %1 AND "
                                         "(extract(epoch FROM ts) * 1000000)::bigint < %2")
                              .arg(*model->search().fromUs)
                              .arg(*model->search().toUs)));
    EXPECT_GT(model->rowCount(), 0);
    EXPECT_TRUE(bar->canGoBack());
}

TEST_F(SearchTest, PivotsFromTheDetailPaneAndBackForward)
{
    models::EngineStatus status;
    status.setEngine(engine_.get());
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&status, &languages);
    EventTableModel* model = window.eventModel();
    model->setPageSize(100);
    window.openEvents(QString::fromStdString(db_.conninfo()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() >= 100; }, 20000));
    widgets::SearchBar* bar = window.searchBar();
    ASSERT_TRUE(bar->run({})); // the plain listing is the first step
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() >= 100; }, 20000));

    window.eventView()->setCurrentIndex(model->index(2, EventTableModel::HostColumn));
    const QString host = model->row(2).value().host;
    ASSERT_EQ(window.detailPane()->fieldText(QStringLiteral("host")), host);
    QObject owner;
    const QList<QAction*> actions = window.detailPane()->pivotActions(QStringLiteral("host"), &owner);
    ASSERT_EQ(actions.size(), 3);
    QAction* filterFor = owner.findChild<QAction*>(QStringLiteral("filterFor"));
    ASSERT_NE(filterFor, nullptr);
    filterFor->trigger();
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:\"%1\"").arg(host));
    ASSERT_TRUE(loadAll(*model));
    QList<qint64> expected = expectedIds(QStringLiteral("host = '%1'").arg(host));
    EXPECT_EQ(shownIds(*model), expected);

    // Filter out a user on top of it.
    window.eventView()->setCurrentIndex(model->index(0, EventTableModel::HostColumn));
    const QString user = model->row(0).value().user_name;
    ASSERT_FALSE(user.isEmpty());
    QObject owner2;
    window.detailPane()->pivotActions(QStringLiteral("user_name"), &owner2);
    owner2.findChild<QAction*>(QStringLiteral("filterOut"))->trigger();
    EXPECT_EQ(bar->lineEdit()->text(),
              QStringLiteral("(host:\"%1\") and not user_name:\"%2\"").arg(host, user));
    ASSERT_TRUE(loadAll(*model));
    EXPECT_EQ(shownIds(*model),
              expectedIds(QStringLiteral("host = '%1' AND user_name IS DISTINCT FROM '%2'").arg(host, user)));

    // Back returns to the host filter, then to everything; Forward comes again.
    EXPECT_TRUE(bar->canGoBack());
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:\"%1\"").arg(host));
    ASSERT_TRUE(loadAll(*model));
    EXPECT_EQ(shownIds(*model), expected);
    bar->backAction()->trigger();
    EXPECT_TRUE(bar->lineEdit()->text().isEmpty());
    EXPECT_FALSE(bar->canGoBack());
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() >= 100; }, 10000));
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:\"%1\"").arg(host));

    // ±15 minutes around an event: an absolute range, shown in the range combo.
    ASSERT_TRUE(loadAll(*model));
    window.eventView()->setCurrentIndex(model->index(0, EventTableModel::HostColumn));
    const models::EventRow around = model->row(0).value();
    QObject owner3;
    window.detailPane()->pivotActions(QStringLiteral("source_ip"), &owner3);
    owner3.findChild<QAction*>(QStringLiteral("searchAround"))->trigger();
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("source_ip:\"%1\"").arg(around.source_ip));
    EXPECT_EQ(bar->rangeCombo()->currentData().toInt(), -1);
    ASSERT_TRUE(loadAll(*model));
    ASSERT_GE(model->rowCount(), 1);
    for (int r = 0; r < model->rowCount(); ++r) {
        EXPECT_EQ(model->row(r).value().source_ip, around.source_ip);
        EXPECT_LE(std::abs(model->row(r).value().ts_us - around.ts_us), qint64(15) * 60 * 1000000);
    }
}

TEST_F(SearchTest, ModelSearchesSupersedeAndStayConsistent)
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(30);
    model.setTailInterval(std::chrono::milliseconds(100));
    QSignalSpy failures(&model, &EventTableModel::loadFailed);
    ASSERT_TRUE(model.open(QString::fromStdString(db_.conninfo())));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 30; }, 20000));

    // A newer search supersedes one whose answers are still on their way.
    EXPECT_FALSE(model.setSearch({QStringLiteral("host:web-03"), {}, {}}).has_value());
    EXPECT_FALSE(model.setSearch({QStringLiteral("host:db-01 or host:web-05"), {}, {}}).has_value());
    ASSERT_TRUE(loadAll(model));
    EXPECT_EQ(shownIds(model), expectedIds(QStringLiteral("host IN ('db-01', 'web-05')")));

    // A time range: only yesterday's RFC 3164 lines are older than two hours.
    const qint64 twoHoursAgo = QDateTime::currentDateTimeUtc().addSecs(-7200).toMSecsSinceEpoch() * 1000;
    EXPECT_FALSE(model.setSearch({QString(), {}, twoHoursAgo}).has_value());
    ASSERT_TRUE(loadAll(model));
    EXPECT_EQ(shownIds(model), expectedIds(QStringLiteral("host LIKE 'db-%'")));

    // A query that does not parse changes nothing.
    const QList<qint64> shown = shownIds(model);
    const auto error = model.setSearch({QStringLiteral("severity<=three"), {}, {}});
    ASSERT_TRUE(error.has_value());
    EXPECT_FALSE(error->message.isEmpty());
    EXPECT_EQ(error->position, int(QStringLiteral("severity<=").size()));
    QTest::qWait(200);
    EXPECT_EQ(shownIds(model), shown);
    EXPECT_TRUE(failures.isEmpty());
}

TEST(EventHistogramTest, BucketSizesGiveAboutSixtyBars)
{
    EXPECT_EQ(models::EventHistogram::bucketSecondsFor(15 * 60), 30);
    EXPECT_EQ(models::EventHistogram::bucketSecondsFor(3600), 60);
    EXPECT_EQ(models::EventHistogram::bucketSecondsFor(86400), 30 * 60);
    EXPECT_EQ(models::EventHistogram::bucketSecondsFor(7 * 86400), 3 * 3600);
}

TEST(SearchBarTest, QuotesValuesAsTheLanguageExpects)
{
    using widgets::SearchBar;
    EXPECT_EQ(SearchBar::quoted(QStringLiteral("web-01")), QStringLiteral("\"web-01\""));
    EXPECT_EQ(SearchBar::quoted(QStringLiteral("a\"b\\c")), QStringLiteral("\"a\\\"b\\\\c\""));
    // Whatever the value, the quoted term parses.
    for (const QString& value : {QStringLiteral("a\"b\\c"), QStringLiteral("x and (y"), QStringLiteral("\\"),
                                 QStringLiteral("été *?")}) {
        const QString term = QStringLiteral("message:") + SearchBar::quoted(value);
        EXPECT_FALSE(models::checkSyntax(term).has_value()) << term.toStdString();
    }
    // The pivots quote numbers and addresses too.
    for (const char* term : {"severity:\"3\"", "source_port:\"41499\"", "source_ip:\"10.0.5.249\""})
        EXPECT_FALSE(models::checkSyntax(QString::fromLatin1(term)).has_value()) << term;
    EXPECT_TRUE(models::checkSyntax(QStringLiteral("host:(")).has_value());
}

} // namespace
