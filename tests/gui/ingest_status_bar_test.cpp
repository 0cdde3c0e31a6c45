// EngineStatus and the status bar show non-zero rates and totals after events are submitted,
// and the database state before, during and after start-up.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "ingest_status_bar.h"

#include <QLabel>

using namespace vigie;
using models::EngineStatus;

namespace {

TEST(IngestStatusBarTest, ShowsRatesTotalsAndDatabaseState)
{
    EngineStatus status;
    widgets::IngestStatusBar bar(&status);
    bar.show();
    EXPECT_EQ(bar.databaseText(), QStringLiteral("No database"));
    status.setStartingLocal();
    EXPECT_EQ(bar.databaseText(), QStringLiteral("Starting the local database…"));

    test::TestDatabase db("gui_status");
    auto engine = test::startEngine(db.conninfo());
    status.setEngine(engine.get());
    EXPECT_EQ(status.databaseState(), EngineStatus::DatabaseState::Up);
    EXPECT_EQ(bar.databaseText(), QStringLiteral("Database connected"));
    EXPECT_EQ(bar.ratesText(), QStringLiteral("Received 0.0/s · Stored 0.0/s"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int n = 0; n < 500; ++n)
        ASSERT_TRUE(engine->submit(test::rfc5424Line(n, now.addMSecs(n)), parse::Format::Auto));
    ASSERT_TRUE(test::waitStored(*engine, 500));
    // No event loop ran since setEngine(), so this sample covers all 500.
    status.sample();
    EXPECT_GT(status.receivedPerSecond(), 0.0);
    EXPECT_GT(status.storedPerSecond(), 0.0);
    EXPECT_EQ(status.received(), 500u);
    EXPECT_EQ(status.parseErrors(), 0u);
    EXPECT_NE(bar.ratesText(), QStringLiteral("Received 0.0/s · Stored 0.0/s"));
    EXPECT_EQ(bar.totalsText(), QStringLiteral("Total: 500 received, 500 stored"));

    // The once-a-second timer samples on its own; with nothing new the rates fall to zero.
    ASSERT_TRUE(QTest::qWaitFor([&] { return status.receivedPerSecond() == 0.0; }, 5000));
    EXPECT_EQ(status.storedPerSecond(), 0.0);
    EXPECT_EQ(bar.ratesText(), QStringLiteral("Received 0.0/s · Stored 0.0/s"));

    status.setEngine(nullptr);
    engine->stop();
    status.setFailed(QStringLiteral("password authentication failed"));
    EXPECT_EQ(status.databaseState(), EngineStatus::DatabaseState::Failed);
    EXPECT_EQ(bar.databaseText(), QStringLiteral("Database failed to start"));
    EXPECT_EQ(bar.findChild<QLabel*>(QStringLiteral("databaseState"))->toolTip(),
              QStringLiteral("password authentication failed"));
}

} // namespace
