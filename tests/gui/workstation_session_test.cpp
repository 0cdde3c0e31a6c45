// WorkstationSession starts the engine off the GUI thread and answers with ready() or
// failed(); in demo mode the scenario reaches the database through the real listener.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "workstation_session.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace vigie;
using models::WorkstationSession;

namespace {

TEST(WorkstationSessionTest, DemoModeFeedsTheDatabaseThroughItsOwnListener)
{
    test::TestDatabase db("gui_session");
    models::SessionConfig config;
    config.conninfo = QString::fromStdString(db.conninfo());
    config.demo = true;
    config.demoLinesPerSecond = 50;
    WorkstationSession session(config);
    EXPECT_FALSE(session.usesLocalCluster());
    QSignalSpy ready(&session, &WorkstationSession::ready);
    QSignalSpy failed(&session, &WorkstationSession::failed);

    QElapsedTimer clock;
    clock.start();
    session.start();
    // start() returns at once: the work happens on a worker.
    EXPECT_LT(clock.elapsed(), 200);
    EXPECT_EQ(session.phase(), WorkstationSession::Phase::StartingEngine);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 60000));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();
    EXPECT_EQ(session.phase(), WorkstationSession::Phase::Running);
    EXPECT_EQ(ready.first().first().toString(), QString::fromStdString(db.conninfo()));
    EXPECT_TRUE(session.demoListener().startsWith(QStringLiteral("tcp://127.0.0.1:")));
    ASSERT_NE(session.engine(), nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.engine()->stats().stored >= 10; }, 20000));
    session.stop();
    EXPECT_EQ(session.phase(), WorkstationSession::Phase::Stopped);
}

TEST(WorkstationSessionTest, UnreachableServerFailsWithAMessage)
{
    models::SessionConfig config;
    config.conninfo = QStringLiteral("host=127.0.0.1 port=1 dbname=vigie connect_timeout=2");
    WorkstationSession session(config);
    QSignalSpy ready(&session, &WorkstationSession::ready);
    QSignalSpy failed(&session, &WorkstationSession::failed);
    session.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 60000));
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(ready.isEmpty());
    EXPECT_FALSE(failed.first().first().toString().isEmpty());
    EXPECT_EQ(session.phase(), WorkstationSession::Phase::Failed);
    EXPECT_EQ(session.engine(), nullptr);
}

TEST(WorkstationSessionTest, StopWhileStartingWaitsAndDoesNotCrash)
{
    test::TestDatabase db("gui_session_stop");
    models::SessionConfig config;
    config.conninfo = QString::fromStdString(db.conninfo());
    WorkstationSession session(config);
    QSignalSpy ready(&session, &WorkstationSession::ready);
    session.start();
    session.stop();
    QCoreApplication::processEvents();
    EXPECT_TRUE(ready.isEmpty());
    EXPECT_EQ(session.phase(), WorkstationSession::Phase::Stopped);
}

} // namespace
