// WorkstationSession starts the engine off the GUI thread and answers with ready() or
// failed(); in demo mode the scenario reaches the database through the real listener. An
// analyst's role on a shared database gets a desktop without an engine (the server collects),
// provided the schema is current.
#include "gui_test_support.h"
#include "support/incident_support.h"
#include "support/test_database.h"

#include "incident_service.h"
#include "store/migrator.h"
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

TEST(WorkstationSessionTest, AnAnalystsRoleOpensTheSharedDatabaseWithoutAnEngine)
{
    test::AnalystRoles roles; // dropped after the databases
    test::TestDatabase shared("gui_session_analyst");
    test::TestDatabase empty("gui_session_analyst_empty");
    store::PgConnection owner(shared.conninfo());
    store::applyMigrations(owner);
    const auto alice = roles.create(owner, "l2");

    models::SessionConfig config;
    config.conninfo = QString::fromStdString(shared.conninfo() + " user=" + alice);
    WorkstationSession session(config);
    QSignalSpy ready(&session, &WorkstationSession::ready);
    QSignalSpy failed(&session, &WorkstationSession::failed);
    session.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 60000));
    ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();
    EXPECT_EQ(session.phase(), WorkstationSession::Phase::Running);
    EXPECT_EQ(session.engine(), nullptr); // the server collects

    // The desktop knows her as level 2 and she works on tickets.
    models::IncidentService incidents;
    ASSERT_TRUE(incidents.attach(config.conninfo));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !incidents.isLoading(); }, 20000));
    EXPECT_EQ(incidents.analyst().name, alice);
    EXPECT_EQ(incidents.analyst().tier, "l2");
    QSignalSpy finished(&incidents, &models::IncidentService::finished);
    incidents.create(test::incidentByHand("Odd DNS lookups", "low"));
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_TRUE(finished.first().at(1).toString().isEmpty())
        << finished.first().at(1).toString().toStdString();
    incidents.detach();
    session.stop();

    // A schema her role cannot bring up to date is refused with the reason.
    models::SessionConfig early;
    early.conninfo = QString::fromStdString(empty.conninfo() + " user=" + alice);
    WorkstationSession tooEarly(early);
    QSignalSpy refused(&tooEarly, &WorkstationSession::failed);
    tooEarly.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !refused.isEmpty(); }, 60000));
    EXPECT_TRUE(refused.first().first().toString().contains(QStringLiteral("owner must start this version")))
        << refused.first().first().toString().toStdString();
    tooEarly.stop();
}

} // namespace
