// The dashboard models over a real database, as the dashboard panel drives them: the shipped
// dashboards are seeded and listed; an edited dashboard saved and read back (by another
// "desktop") gives the same canonical JSON and exports byte for byte; a save made on an older
// version is refused with a sentence and the colleague's definition is shown instead (and the
// colleague's change is noticed without asking); a deleted dashboard comes back by undo with
// its id and tab; importing a file already stored asks, then copies under a new name. The tile
// pool answers every tile of the shipped SOC overview once, the total matching the events
// table, and drops the answers of a refresh that was replaced.
#include "support/qt_core_environment.h"
#include "support/test_database.h"

#include "dashboard_document.h"
#include "dashboard_list_model.h"
#include "dashboard_refresher.h"
#include "dashboard_service.h"
#include "tile_query_pool.h"

#include "dashboard/dashboard_spec.h"
#include "ingest/engine.h"
#include "store/dashboard_store.h"
#include "store/migrator.h"
#include "store/pg_connection.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <map>
#include <thread>

using namespace vigie;
using models::DashboardDocument;
using models::DashboardService;

namespace {

::testing::Environment* const qtEnvironment =
    ::testing::AddGlobalTestEnvironment(new test::QtCoreEnvironment);

constexpr int kTimeoutMs = 20000;

// `count` sshd lines over the last hour: failed logins (every third one a success) on
// web-00..web-03 for alice/bob/carol.
void submitLogins(ingest::Engine& engine, int count)
{
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (int n = 0; n < count; ++n) {
        const QString ts = start.addSecs(n * 10).toString(Qt::ISODateWithMs);
        const char* users[] = {"alice", "bob", "carol"};
        const std::string what = n % 3 == 0 ? "Accepted password for " : "Failed password for ";
        const std::string line = "<38>1 " + ts.toStdString() + " web-0" + std::to_string(n % 4) + " sshd " +
                                 std::to_string(1000 + n) + " - - " + what + users[n % 3] + " from 10.0.4." +
                                 std::to_string(n % 200) + " port 22 ssh2";
        engine.submit(line, parse::Format::Auto);
    }
}

class DashboardModelsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store::PgConnection db(db_.conninfo());
        store::applyMigrations(db);
    }

    // A service attached to the test database with its first list read.
    std::unique_ptr<DashboardService> attached()
    {
        auto service = std::make_unique<DashboardService>();
        QSignalSpy loaded(service.get(), &DashboardService::loaded);
        EXPECT_TRUE(service->attach(QString::fromStdString(db_.conninfo())));
        EXPECT_TRUE(loaded.wait(kTimeoutMs));
        return service;
    }

    // Opens `id` through the service into `document`.
    static void openInto(DashboardService& service, DashboardDocument& document, qint64 id)
    {
        QSignalSpy reset(&document, &DashboardDocument::reset);
        QSignalSpy opened(&service, &DashboardService::opened);
        service.open(id);
        ASSERT_TRUE(opened.wait(kTimeoutMs));
        document.load(opened.at(0).at(1).value<store::StoredDashboard>());
        EXPECT_EQ(reset.count(), 1);
    }

    static qint64 idOf(const DashboardService& service, const QString& builtin)
    {
        for (const auto& entry : service.model()->entries())
            if (entry.builtin == builtin)
                return entry.id;
        return 0;
    }

    test::TestDatabase db_{"dashboard_models"};
};

TEST_F(DashboardModelsTest, SavedDashboardReadsBackAsTheSameJsonAndExportsIt)
{
    auto service = attached();
    QAbstractItemModelTester tester(service->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(service->model()->rowCount(), 4); // the shipped dashboards, seeded once
    const qint64 id = idOf(*service, QStringLiteral("soc-overview"));
    ASSERT_NE(id, 0);

    DashboardDocument document(service.get());
    openInto(*service, document, id);
    dashboard::TileSpec tile;
    tile.title = "Top hosts";
    tile.w = 4;
    tile.h = 3;
    tile.aggregation.kind = "top";
    tile.aggregation.field = "host";
    tile.visualization.kind = "bar";
    const dashboard::TileSpec added = document.addTile(tile);
    EXPECT_EQ(added.id, "t9"); // unique among t1…t8
    dashboard::TimeSpec week;
    week.relative = "-7d";
    document.setTimeRange(week);
    EXPECT_TRUE(document.isDirty());

    QSignalSpy saved(&document, &DashboardDocument::saved);
    ASSERT_NE(document.save(), 0u);
    ASSERT_TRUE(saved.wait(kTimeoutMs));
    EXPECT_FALSE(document.isDirty());
    EXPECT_EQ(document.version(), 2);

    // Another desktop (a new service and document) reads exactly what was saved.
    auto other = attached();
    DashboardDocument reread(other.get());
    openInto(*other, reread, id);
    EXPECT_EQ(dashboard::writeDashboard(reread.spec()), dashboard::writeDashboard(document.spec()));

    // Export writes the canonical text; importing it again asks, then copies under a new name.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("soc.json"));
    QSignalSpy finished(service.get(), &DashboardService::finished);
    const quint64 exported = service->exportFile(id, path);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
    EXPECT_EQ(finished.at(0).at(0).toULongLong(), exported);
    EXPECT_TRUE(finished.at(0).at(1).toString().isEmpty());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(), dashboard::writeDashboard(document.spec()));

    QSignalSpy conflict(service.get(), &DashboardService::importConflict);
    service->importFile(path);
    ASSERT_TRUE(conflict.wait(kTimeoutMs));
    EXPECT_EQ(conflict.at(0).at(2).toString(), QStringLiteral("SOC overview"));
    QSignalSpy copied(service.get(), &DashboardService::saved);
    service->importFile(path, models::DashboardImportMode::Copy);
    ASSERT_TRUE(copied.wait(kTimeoutMs));
    const auto copy = copied.at(0).at(1).value<store::StoredDashboard>();
    EXPECT_EQ(copy.spec.name, "SOC overview (2)");
    EXPECT_NE(copy.spec.uid, document.spec().uid);
    EXPECT_EQ(copy.spec.tiles, document.spec().tiles);
    EXPECT_EQ(service->model()->rowCount(), 5);
}

TEST_F(DashboardModelsTest, StaleSaveIsRefusedAndTheColleaguesVersionShown)
{
    auto mine = attached();
    auto theirs = attached();
    const qint64 id = idOf(*mine, QStringLiteral("auth-anomalies"));
    DashboardDocument myDocument(mine.get());
    DashboardDocument theirDocument(theirs.get());
    openInto(*mine, myDocument, id);
    openInto(*theirs, theirDocument, id);

    // I start editing; they save first…
    myDocument.removeTile(QStringLiteral("t1"));
    QSignalSpy conflict(&myDocument, &DashboardDocument::conflict);
    theirDocument.setName(QStringLiteral("Auth (theirs)"));
    QSignalSpy theySaved(&theirDocument, &DashboardDocument::saved);
    theirDocument.save();
    ASSERT_TRUE(theySaved.wait(kTimeoutMs));
    // …my desktop hears of it at once (LISTEN; the poll fallback would take 15 s), lists the
    // new version and, as I have unsaved edits, warns instead of reloading…
    const int row = mine->model()->rowOfId(id);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return mine->model()->entry(row).name == QStringLiteral("Auth (theirs)"); }, 5000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !conflict.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(myDocument.isDirty());

    // …and my save is refused: their definition replaces my edit.
    QSignalSpy refused(&myDocument, &DashboardDocument::saveRefused);
    myDocument.save();
    ASSERT_TRUE(refused.wait(kTimeoutMs));
    EXPECT_TRUE(
        refused.at(0).at(0).toString().contains(QStringLiteral("Someone saved this dashboard meanwhile")));
    EXPECT_EQ(myDocument.spec().name, "Auth (theirs)");
    EXPECT_EQ(myDocument.spec().tiles, theirDocument.spec().tiles);
    EXPECT_FALSE(myDocument.isDirty());
    EXPECT_EQ(myDocument.version(), theirDocument.version());
}

TEST_F(DashboardModelsTest, DeletedDashboardComesBackByUndo)
{
    auto service = attached();
    const qint64 id = idOf(*service, QStringLiteral("network-ids"));
    const int row = service->model()->rowOfId(id);
    QSignalSpy removed(service.get(), &DashboardService::removed);
    service->remove(id);
    ASSERT_TRUE(removed.wait(kTimeoutMs));
    EXPECT_EQ(service->model()->rowOfId(id), -1);
    EXPECT_EQ(service->model()->rowCount(), 3);

    const auto gone = removed.at(0).at(1).value<store::StoredDashboard>();
    QSignalSpy saved(service.get(), &DashboardService::saved);
    service->restore(gone);
    ASSERT_TRUE(saved.wait(kTimeoutMs));
    EXPECT_EQ(service->model()->rowOfId(id), row); // same id, same tab
    const auto back = saved.at(0).at(1).value<store::StoredDashboard>();
    EXPECT_EQ(dashboard::writeDashboard(back.spec), dashboard::writeDashboard(gone.spec));
    EXPECT_EQ(back.summary.builtin, "network-ids");
}

class TilePoolTest : public DashboardModelsTest {
protected:
    void SetUp() override
    {
        DashboardModelsTest::SetUp();
        ingest::EngineConfig config;
        config.conninfo = db_.conninfo();
        config.flush_interval = std::chrono::milliseconds(50);
        engine_ = std::make_unique<ingest::Engine>(config);
        engine_->start();
        submitLogins(*engine_, kEvents);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (engine_->stats().stored < kEvents && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ASSERT_EQ(engine_->stats().stored, static_cast<std::uint64_t>(kEvents));
        store::PgConnection db(db_.conninfo());
        store::DashboardStore dashboards(db);
        dashboards.seedBuiltins();
        for (const auto& summary : dashboards.list())
            if (summary.builtin == "soc-overview")
                soc_ = dashboards.find(summary.id)->spec;
        pool_.start(QString::fromStdString(db_.conninfo()));
        now_ = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        context_ = {now_, {}, "UTC"};
    }
    void TearDown() override
    {
        pool_.stop();
        engine_->stop();
    }

    static constexpr int kEvents = 200;
    std::unique_ptr<ingest::Engine> engine_;
    dashboard::DashboardSpec soc_;
    models::TileQueryPool pool_;
    Timestamp now_;                  // once the events are in: the tiles are asked for as of then
    dashboard::TileContext context_; // at now_, in UTC
    // Every answer of the pool.
    QSignalSpy ready_{&pool_, &models::TileQueryPool::tileReady};
    QSignalSpy finished_{&pool_, &models::TileQueryPool::finished};
};

TEST_F(TilePoolTest, EverySocOverviewTileIsAnsweredOnceAndTheTotalIsExact)
{
    ASSERT_EQ(soc_.tiles.size(), 8u);
    pool_.submit(1, soc_, context_);
    ASSERT_TRUE(finished_.wait(kTimeoutMs));
    EXPECT_EQ(finished_.at(0).at(0).toULongLong(), 1u);
    ASSERT_EQ(ready_.count(), 8);

    std::map<QString, models::TileResult> results;
    for (const auto& args : ready_)
        results.emplace(args.at(0).value<models::TileResult>().tile_id,
                        args.at(0).value<models::TileResult>());
    ASSERT_EQ(results.size(), 8u);
    for (const auto& [id, result] : results)
        EXPECT_TRUE(result.error.isEmpty()) << id.toStdString() << ": " << result.error.toStdString();

    // The "Events" number equals a plain count of the events table over the same range.
    const auto range = dashboard::absoluteRange(soc_.time, now_);
    store::PgConnection db(db_.conninfo());
    const auto micros = [](vigie::Timestamp ts) { return std::to_string(ts.time_since_epoch().count()); };
    const auto count = db.exec("SELECT count(*) FROM events WHERE ts >= to_timestamp($1::float8 / 1e6) "
                               "AND ts < to_timestamp($2::float8 / 1e6)",
                               {micros(*range.from), micros(*range.to)})
                           .integer(0, 0);
    for (const auto& tile : soc_.tiles) {
        if (tile.aggregation.kind == "total") {
            EXPECT_EQ(results.at(QString::fromStdString(tile.id)).data.count, count);
        }
    }
    EXPECT_GT(count, 0);
}

TEST_F(TilePoolTest, AnswersOfAReplacedRefreshAreDropped)
{
    pool_.submit(1, soc_, context_);
    pool_.submit(2, soc_, context_); // the dashboard changed before the first refresh ended
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            for (const auto& args : finished_)
                if (args.at(0).toULongLong() == 2u)
                    return true;
            return false;
        },
        kTimeoutMs));
    QTest::qWait(300); // answers of refresh 1 still running would arrive now
    ASSERT_EQ(ready_.count(), 8);
    for (const auto& args : ready_)
        EXPECT_EQ(args.at(0).value<models::TileResult>().generation, 2u);
}

TEST_F(TilePoolTest, RefresherRefreshesTheOpenDashboardAndReportsTheRun)
{
    DashboardDocument document(nullptr);
    document.load(1, 1, soc_);
    models::DashboardRefresher refresher(&pool_);
    QSignalSpy started(&refresher, &models::DashboardRefresher::refreshStarted);
    QSignalSpy results(&refresher, &models::DashboardRefresher::tileResult);
    QSignalSpy done(&refresher, &models::DashboardRefresher::refreshFinished);
    refresher.setDocument(&document); // refreshes at once
    ASSERT_TRUE(done.wait(kTimeoutMs));
    EXPECT_EQ(started.count(), 1);
    EXPECT_EQ(results.count(), 8);
    EXPECT_FALSE(refresher.isRefreshing());
    EXPECT_EQ(*refresher.lastRange().to - *refresher.lastRange().from, std::chrono::hours(24));

    // Editing one tile refreshes that tile only.
    dashboard::TileSpec tile = document.spec().tiles[1];
    tile.query = "host:web-01";
    document.setTile(tile);
    ASSERT_TRUE(done.wait(kTimeoutMs));
    ASSERT_EQ(results.count(), 9);
    const auto edited = results.at(8).at(0).value<models::TileResult>();
    EXPECT_EQ(edited.tile_id.toStdString(), tile.id);
    EXPECT_TRUE(edited.error.isEmpty()) << edited.error.toStdString();

    // A broken query shows a sentence with its position instead of a chart.
    tile.query = "host:(web-01";
    document.setTile(tile);
    ASSERT_TRUE(done.wait(kTimeoutMs));
    const auto broken = results.last().at(0).value<models::TileResult>();
    EXPECT_TRUE(broken.error.startsWith(QStringLiteral("The tile's query has an error at character")))
        << broken.error.toStdString();

    // The variables bar's values: the field's top values over the range.
    dashboard::DashboardSpec auth = soc_;
    dashboard::VariableSpec host;
    host.name = "host";
    host.field = "host";
    auth.variables.push_back(host);
    document.load(1, 1, auth);
    ASSERT_TRUE(done.wait(kTimeoutMs));
    QSignalSpy values(&refresher, &models::DashboardRefresher::variableValuesReady);
    refresher.requestVariableValues(QStringLiteral("host"));
    ASSERT_TRUE(values.wait(kTimeoutMs));
    auto hosts = values.at(0).at(1).toStringList();
    hosts.sort();
    EXPECT_EQ(hosts, (QStringList{QStringLiteral("web-00"), QStringLiteral("web-01"),
                                  QStringLiteral("web-02"), QStringLiteral("web-03")}));
}

TEST_F(TilePoolTest, AutomaticRefreshWaitsWhileHidden)
{
    dashboard::DashboardSpec spec = soc_;
    spec.refresh_seconds = 1;
    DashboardDocument document(nullptr);
    document.load(1, 1, spec);
    models::DashboardRefresher refresher(&pool_);
    QSignalSpy done(&refresher, &models::DashboardRefresher::refreshFinished);
    refresher.setDocument(&document);
    ASSERT_TRUE(done.wait(kTimeoutMs));

    refresher.setVisible(false); // another page is shown
    QSignalSpy started(&refresher, &models::DashboardRefresher::refreshStarted);
    QTest::qWait(2500);
    EXPECT_EQ(started.count(), 0);
    refresher.setVisible(true); // the skipped refresh runs as soon as it is seen
    EXPECT_EQ(started.count(), 1);
    ASSERT_TRUE(done.wait(kTimeoutMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return started.count() >= 2; }, 5000)); // then every second
}

} // namespace
