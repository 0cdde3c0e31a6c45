// EventTableModel under QAbstractItemModelTester (fatal on any inconsistency) while pages are
// fetched and live rows arrive; every stored event appears exactly once, in order.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "conn_info.h"
#include "event_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <atomic>
#include <set>
#include <thread>

using namespace vigie;
using models::EventTableModel;

namespace {

TEST(EventTableModelTest, PagesAndLiveRowsKeepTheModelConsistent)
{
    test::TestDatabase db("gui_model");
    auto engine = test::startEngine(db.conninfo());
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-600);
    for (int n = 0; n < 1000; ++n)
        ASSERT_TRUE(engine->submit(test::rfc5424Line(n, start.addMSecs(n * 50)), parse::Format::Auto));
    ASSERT_TRUE(test::waitStored(*engine, 1000));

    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(150);
    model.setTailInterval(std::chrono::milliseconds(100));
    QSignalSpy failures(&model, &EventTableModel::loadFailed);
    ASSERT_TRUE(model.open(QString::fromStdString(db.conninfo())));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 150; }, 20000));

    // Live rows keep arriving while older pages are fetched.
    std::atomic<bool> stop{false};
    std::atomic<int> live{0};
    std::thread writer([&] {
        while (!stop) {
            const int n = 5000 + live.load();
            if (!engine->submit(test::rfc5424Line(n, QDateTime::currentDateTimeUtc()), parse::Format::Auto))
                break;
            ++live;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.atEnd() && live > 200;
        },
        60000));
    stop = true;
    writer.join();
    const std::uint64_t stored = 1000 + live;
    ASSERT_TRUE(test::waitStored(*engine, stored));
    ASSERT_TRUE(QTest::qWaitFor([&] { return std::uint64_t(model.rowCount()) == stored; }, 20000))
        << model.rowCount() << " rows for " << stored << " stored";
    QTest::qWait(300);
    EXPECT_EQ(std::uint64_t(model.rowCount()), stored);
    EXPECT_TRUE(failures.isEmpty());

    std::set<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.insert(model.row(r).value().id);
    EXPECT_EQ(ids.size(), stored);

    // A reload starts again from the newest page, under the tester as well.
    model.reload();
    EXPECT_EQ(model.rowCount(), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == 150; }, 20000));
    EXPECT_EQ(model.row(0).value().id, *ids.rbegin());

    engine->stop();
}

// Scrolling through 20,000 rows with pages of 100 and room for 1,000 rows: every row comes back,
// in order and with its own text, after its page was let go and read again; live rows on top
// are read again too; the model never holds more rows than its cap.
TEST(EventTableModelTest, ScrollingFarKeepsMemoryBoundedAndRowsRight)
{
    constexpr int total = 20000;
    constexpr int cap = 1000;
    test::TestDatabase db("gui_model_scroll");
    auto engine = test::startEngine(db.conninfo());
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (int n = 0; n < total; ++n)
        ASSERT_TRUE(engine->submit(test::rfc5424Line(n, start.addMSecs(n * 10)), parse::Format::Auto));
    ASSERT_TRUE(test::waitStored(*engine, total));
    // The model's snapshot: what exists when it opens.
    const qint64 snapshot =
        test::queryRows(db.conninfo(), QStringLiteral("SELECT max(id) FROM events")).at(0).at(0).toLongLong();

    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(100);
    model.setCacheRows(cap);
    model.setTailInterval(std::chrono::milliseconds(100));
    QSignalSpy failures(&model, &EventTableModel::loadFailed);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(model.open(QString::fromStdString(db.conninfo())));

    // Like a view kept at the bottom: fetchMore, and read the last rows shown.
    int maxHeld = 0;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (int r = std::max(0, model.rowCount() - 40); r < model.rowCount(); ++r)
                model.data(model.index(r, EventTableModel::MessageColumn));
            maxHeld = std::max(maxHeld, model.heldRows());
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.atEnd() && !model.isFetching();
        },
        120000));
    ASSERT_EQ(model.rowCount(), total);

    // Live rows arrive at the top while the view is far down.
    constexpr int live = 30;
    for (int n = 0; n < live; ++n)
        ASSERT_TRUE(engine->submit(test::rfc5424Line(total + n, QDateTime::currentDateTimeUtc()),
                                   parse::Format::Auto));
    ASSERT_TRUE(test::waitStored(*engine, total + live));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.rowCount() == total + live; }, 20000));

    // The table order: the live rows newest id first, then the snapshot by (ts, id) descending.
    QList<QPair<qint64, QString>> expected;
    for (const QString& order : {QStringLiteral("id > %1 ORDER BY id DESC"),
                                 QStringLiteral("id <= %1 ORDER BY ts DESC, id DESC")}) {
        const auto rows = test::queryRows(
            db.conninfo(), QStringLiteral("SELECT id, message FROM events WHERE ") + order.arg(snapshot));
        for (const QVariantList& row : rows)
            expected.append({row.at(0).toLongLong(), row.at(1).toString()});
    }
    ASSERT_EQ(expected.size(), total + live);

    // Walk down a 60-row window, then back to the top; every row must come back right.
    const auto checkWindow = [&](int top) {
        const int bottom = std::min(top + 60, model.rowCount());
        const auto loaded = [&] {
            bool all = true;
            for (int r = top; r < bottom; ++r)
                all = model.data(model.index(r, 0), EventTableModel::EventIdRole).isValid() && all;
            return all;
        };
        if (!QTest::qWaitFor(loaded, 20000))
            return testing::AssertionFailure() << "rows from " << top << " never came back";
        for (int r = top; r < bottom; ++r) {
            const auto row = model.row(r);
            if (!row || row->id != expected.at(r).first || row->message != expected.at(r).second)
                return testing::AssertionFailure() << "row " << r << " is not the expected event";
        }
        maxHeld = std::max(maxHeld, model.heldRows());
        return testing::AssertionSuccess();
    };
    for (int top = 0; top < model.rowCount(); top += 50)
        ASSERT_TRUE(checkWindow(top));
    ASSERT_TRUE(checkWindow(0)) << "live rows read again";
    EXPECT_LE(maxHeld, cap);
    EXPECT_GT(changed.size(), (total + live) / 100 / 2) << "pages were read again";
    EXPECT_TRUE(failures.isEmpty());
    engine->stop();
}

TEST(EventTableModelTest, HeadersAndSeverityNames)
{
    EventTableModel model;
    EXPECT_EQ(model.columnCount(), EventTableModel::ColumnCount);
    EXPECT_EQ(model.headerData(EventTableModel::TimeColumn, Qt::Horizontal).toString(),
              QStringLiteral("Time"));
    EXPECT_EQ(model.headerData(EventTableModel::SeverityColumn, Qt::Horizontal).toString(),
              QStringLiteral("Severity"));
    EXPECT_EQ(EventTableModel::severityName(0), QStringLiteral("emergency"));
    EXPECT_EQ(EventTableModel::severityName(7), QStringLiteral("debug"));
    EXPECT_FALSE(model.canFetchMore({}));
}

TEST(EventTableModelTest, UnreachableServerIsReportedNotFatal)
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy failures(&model, &EventTableModel::loadFailed);
    ASSERT_TRUE(model.open(QStringLiteral("host=127.0.0.1 port=1 dbname=nothing connect_timeout=2")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !failures.isEmpty(); }, 20000));
    EXPECT_FALSE(failures.first().first().toString().isEmpty());
    EXPECT_EQ(model.rowCount(), 0);

    QString error;
    EXPECT_FALSE(model.open(QStringLiteral("host='unterminated"), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(ConnInfoTest, ParsesKeywordsAndUrisAndKeepsPasswordsOutWhenAsked)
{
    QString error;
    const auto keywords = models::ConnInfo::parse(QStringLiteral("host=db.example port=5433 dbname=vigie "
                                                                 "user=ana password='s3 cr\\'et'"),
                                                  &error);
    ASSERT_TRUE(keywords.isValid()) << error.toStdString();
    EXPECT_TRUE(keywords.hasPassword());
    EXPECT_EQ(keywords.value("password"), QStringLiteral("s3 cr'et"));
    EXPECT_FALSE(keywords.toKeywordValue(false).contains(QStringLiteral("s3")));
    // What goes to QtSql parses back to the same values.
    const auto again = models::ConnInfo::parse(keywords.toQpsqlConnectOptions());
    ASSERT_TRUE(again.isValid());
    EXPECT_EQ(again.value("password"), QStringLiteral("s3 cr'et"));
    EXPECT_EQ(again.value("port"), QStringLiteral("5433"));

    const auto uri = models::ConnInfo::parse(QStringLiteral("postgresql://ana@db.example:5433/vigie"));
    ASSERT_TRUE(uri.isValid());
    EXPECT_FALSE(uri.hasPassword());
    EXPECT_EQ(uri.value("host"), QStringLiteral("db.example"));
    EXPECT_EQ(uri.value("dbname"), QStringLiteral("vigie"));

    EXPECT_FALSE(models::ConnInfo::parse(QStringLiteral("nonsense"), &error).isValid());
    EXPECT_FALSE(error.isEmpty());
    QString qpsqlError;
    EXPECT_TRUE(
        models::ConnInfo::parse(QStringLiteral("password=a;b")).toQpsqlConnectOptions(&qpsqlError).isEmpty());
    EXPECT_FALSE(qpsqlError.isEmpty());
}

} // namespace
