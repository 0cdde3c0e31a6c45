// IncidentService over a real database, logged in as a level-2 analyst while colleagues work on
// other connections (their own LOGIN roles): the first read lists the tickets and names the
// analyst; opening reads the whole ticket; an edit or a merge made on a stale copy is refused
// with a sentence and the current ticket (and the corrected one goes through); a refused
// transition gives the database's reason; a colleague's change reaches changedElsewhere() in
// under two seconds (the done-when), also after the server dropped the listening
// connection; a dropped store connection is reported, then reopened; announced() fires for a
// colleague's critical incident or escalation, not for a medium one nor for the analyst's own.
#include "support/incident_support.h"
#include "support/qt_core_environment.h"
#include "support/test_database.h"

#include "incident_list_model.h"
#include "incident_service.h"

#include "cases/incident_store.h"
#include "store/migrator.h"
#include "store/pg_connection.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <memory>

using namespace vigie;
using models::IncidentListModel;
using models::IncidentNotice;
using models::IncidentService;

namespace {

::testing::Environment* const qtEnvironment =
    ::testing::AddGlobalTestEnvironment(new test::QtCoreEnvironment);

constexpr int kTimeoutMs = 20000;

class IncidentModelsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store::applyMigrations(admin);
        test::addTwoAlerts(admin);
        me = analysts.create(admin, "l2");
        colleague = analysts.create(admin, "l2");
        junior = analysts.create(admin, "l1");
        colleagueDb = std::make_unique<store::PgConnection>(conninfoOf(colleague));
    }

    // The test cluster trusts local connections; a later user= overrides the superuser's.
    std::string conninfoOf(const std::string& role) const { return db.conninfo() + " user=" + role; }

    // A service logged in as `me`, its first read done (and so listening: it subscribes first).
    std::unique_ptr<IncidentService> attached()
    {
        auto service = std::make_unique<IncidentService>();
        QSignalSpy loaded(service.get(), &IncidentService::loaded);
        EXPECT_TRUE(service->attach(QString::fromStdString(conninfoOf(me))));
        EXPECT_TRUE(loaded.wait(kTimeoutMs));
        EXPECT_FALSE(service->isLoading());
        return service;
    }

    // Waits for the answer to `request`; its arguments (request, error, id).
    static QList<QVariant> answer(IncidentService& service, quint64 request)
    {
        QSignalSpy finished(&service, &IncidentService::finished);
        EXPECT_NE(request, 0u);
        while (finished.wait(kTimeoutMs)) {
            for (const auto& arguments : finished)
                if (arguments.at(0).toULongLong() == request)
                    return arguments;
        }
        ADD_FAILURE() << "request " << request << " not answered";
        return {};
    }

    static QString titleShown(IncidentService& service, qint64 id)
    {
        const IncidentListModel* model = service.model();
        return model->index(model->rowOfId(id), IncidentListModel::TitleColumn).data().toString();
    }

    test::AnalystRoles analysts; // dropped after the database
    test::TestDatabase db{"incident_models"};
    store::PgConnection admin{db.conninfo()};
    std::string me, colleague, junior;
    std::unique_ptr<store::PgConnection> colleagueDb;
};

TEST_F(IncidentModelsTest, LoadListsTicketsAndKnowsTheAnalyst)
{
    cases::IncidentStore theirs(*colleagueDb);
    const auto first = theirs.create(test::incidentByHand("Odd DNS lookups", "low"));
    const auto second = theirs.create(test::incidentByHand("Admin login at night", "high"));

    auto service = attached();
    QAbstractItemModelTester tester(service->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(service->model()->rowCount(), 2);
    EXPECT_EQ(service->model()->listing(0)->incident.id, second.id); // most recently updated first
    EXPECT_EQ(titleShown(*service, first.id), QStringLiteral("Odd DNS lookups"));

    EXPECT_EQ(service->analyst().name, me);
    EXPECT_EQ(service->analyst().tier, "l2");
    std::map<std::string, std::string> tiers;
    for (const auto& analyst : service->analysts())
        tiers[analyst.name] = analyst.tier;
    EXPECT_EQ(tiers[colleague], "l2");
    EXPECT_EQ(tiers[junior], "l1");
    EXPECT_EQ(tiers.count(me), 1u);

    const QStringList moves = service->allowedTransitions(first);
    EXPECT_TRUE(moves.contains(QStringLiteral("triage")));
    EXPECT_FALSE(moves.contains(QStringLiteral("closed")));
    EXPECT_TRUE(service->mayEdit(first));
}

TEST_F(IncidentModelsTest, OpenReadsTheWholeTicket)
{
    const auto incident = cases::IncidentStore(*colleagueDb).createFromAlerts({1, 2});
    auto service = attached();

    QSignalSpy loaded(service.get(), &IncidentService::ticketLoaded);
    const quint64 request = service->open(incident.id);
    const QList<QVariant> done = answer(*service, request);
    ASSERT_EQ(done.size(), 3);
    EXPECT_TRUE(done.at(1).toString().isEmpty());
    EXPECT_EQ(done.at(2).toLongLong(), incident.id);
    ASSERT_EQ(loaded.count(), 1);
    EXPECT_EQ(loaded.at(0).at(0).toULongLong(), request);
    const auto ticket = loaded.at(0).at(1).value<cases::IncidentTicket>();
    EXPECT_EQ(ticket.incident.id, incident.id);
    EXPECT_EQ(ticket.incident.severity, "critical");
    EXPECT_EQ(ticket.alerts.size(), 2u);
    EXPECT_FALSE(ticket.history.empty());

    // A ticket that does not exist: a sentence, no ticket.
    const QList<QVariant> missing = answer(*service, service->open(999999));
    ASSERT_EQ(missing.size(), 3);
    EXPECT_EQ(missing.at(1).toString(), QStringLiteral("Incident #999999 no longer exists."));
    EXPECT_EQ(loaded.count(), 1);
}

TEST_F(IncidentModelsTest, StaleEditIsRefusedWithTheCurrentTicket)
{
    const auto incident =
        cases::IncidentStore(*colleagueDb).create(test::incidentByHand("Port scan", "medium"));
    auto service = attached();

    // The colleague renames it while our copy is still version 1.
    cases::IncidentChanges theirs;
    theirs.title = "Port scan from the guest Wi-Fi";
    cases::IncidentStore(*colleagueDb).update(incident.id, 1, theirs);

    QSignalSpy refused(service.get(), &IncidentService::staleRefused);
    QSignalSpy loaded(service.get(), &IncidentService::ticketLoaded);
    cases::IncidentChanges mine;
    mine.severity = "high";
    const quint64 request = service->update(incident.id, 1, mine);
    const QList<QVariant> done = answer(*service, request);
    ASSERT_EQ(done.size(), 3);
    const QString error = done.at(1).toString();
    EXPECT_EQ(error,
              QStringLiteral("%1 changed incident #%2 meanwhile; its current values are shown and your "
                             "change was not saved.")
                  .arg(QString::fromStdString(colleague))
                  .arg(incident.id));
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(loaded.count(), 0);
    const auto current = refused.at(0).at(1).value<cases::IncidentTicket>();
    EXPECT_EQ(current.incident.version, 2);
    EXPECT_EQ(current.incident.title, "Port scan from the guest Wi-Fi");
    EXPECT_EQ(current.incident.severity, "medium"); // our change was not applied
    EXPECT_EQ(refused.at(0).at(2).toString(), error);
    EXPECT_EQ(titleShown(*service, incident.id), QStringLiteral("Port scan from the guest Wi-Fi"));

    // Made again on the current version, it goes through.
    const QList<QVariant> again =
        answer(*service, service->update(incident.id, current.incident.version, mine));
    ASSERT_EQ(again.size(), 3);
    EXPECT_TRUE(again.at(1).toString().isEmpty());
    ASSERT_EQ(loaded.count(), 1);
    EXPECT_EQ(loaded.at(0).at(1).value<cases::IncidentTicket>().incident.severity, "high");
    EXPECT_EQ(service->model()
                  ->index(service->model()->rowOfId(incident.id), 0)
                  .data(IncidentListModel::VersionRole)
                  .toInt(),
              3);
}

TEST_F(IncidentModelsTest, MergeAnswersWithTheTargetOrRefusesAStaleCopy)
{
    cases::IncidentStore theirs(*colleagueDb);
    const auto source = theirs.createFromAlerts({1});
    const auto target = theirs.create(test::incidentByHand("Brute force on web-01", "high"));
    auto service = attached();

    // The colleague edits the target: our merge, made on version 1 of both, is refused.
    cases::IncidentChanges priority;
    priority.priority = 1;
    theirs.update(target.id, 1, priority);
    QSignalSpy refused(service.get(), &IncidentService::staleRefused);
    const QList<QVariant> stale = answer(*service, service->merge(source.id, 1, target.id, 1));
    ASSERT_EQ(stale.size(), 3);
    EXPECT_EQ(
        stale.at(1).toString(),
        QStringLiteral("Incident #%1 or #%2 changed meanwhile, so nothing was merged; their current values "
                       "are shown.")
            .arg(source.id)
            .arg(target.id));
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(refused.at(0).at(1).value<cases::IncidentTicket>().incident.state, "new"); // the source, as is

    QSignalSpy loaded(service.get(), &IncidentService::ticketLoaded);
    const QList<QVariant> merged = answer(*service, service->merge(source.id, 1, target.id, 2));
    ASSERT_EQ(merged.size(), 3);
    EXPECT_TRUE(merged.at(1).toString().isEmpty()) << merged.at(1).toString().toStdString();
    EXPECT_EQ(merged.at(2).toLongLong(), target.id);
    ASSERT_EQ(loaded.count(), 1);
    const auto ticket = loaded.at(0).at(1).value<cases::IncidentTicket>();
    EXPECT_EQ(ticket.incident.id, target.id);
    ASSERT_EQ(ticket.alerts.size(), 1u); // the source's alert moved over
    EXPECT_EQ(ticket.alerts[0].id, 1);
    const IncidentListModel* model = service->model();
    EXPECT_EQ(model->index(model->rowOfId(source.id), 0).data(IncidentListModel::StateRole).toString(),
              QStringLiteral("merged"));
}

TEST_F(IncidentModelsTest, RefusedTransitionGivesTheDatabasesReason)
{
    const auto incident =
        cases::IncidentStore(*colleagueDb).create(test::incidentByHand("Odd DNS lookups", "low"));
    auto service = attached();
    // new -> closed is not a transition the database allows.
    const QList<QVariant> done =
        answer(*service, service->transition(incident.id, 1, QStringLiteral("closed"),
                                             QStringLiteral("other"), QStringLiteral("x")));
    ASSERT_EQ(done.size(), 3);
    EXPECT_TRUE(done.at(1).toString().startsWith(QStringLiteral("The database refused this change: ")))
        << done.at(1).toString().toStdString();
    EXPECT_GT(done.at(1).toString().size(), QStringLiteral("The database refused this change: ").size());
    EXPECT_EQ(service->model()->index(0, 0).data(IncidentListModel::StateRole).toString(),
              QStringLiteral("new"));
}

TEST_F(IncidentModelsTest, ColleaguesChangeArrivesWithinTwoSeconds)
{
    const auto incident =
        cases::IncidentStore(*colleagueDb).create(test::incidentByHand("Port scan", "medium"));
    auto service = attached();
    QSignalSpy changed(service.get(), &IncidentService::changedElsewhere);

    QElapsedTimer elapsed;
    elapsed.start();
    cases::IncidentStore(*colleagueDb).transition(incident.id, "triage", 1);
    bool seen = false;
    while (!seen && changed.wait(kTimeoutMs))
        for (const auto& arguments : changed)
            seen |= arguments.at(0).value<QList<qint64>>().contains(incident.id);
    const qint64 latency = elapsed.elapsed();
    ASSERT_TRUE(seen);
    EXPECT_LT(latency, 2000);
    // The list was already updated when the signal came.
    EXPECT_EQ(service->model()
                  ->index(service->model()->rowOfId(incident.id), 0)
                  .data(IncidentListModel::StateRole)
                  .toString(),
              QStringLiteral("triage"));
}

TEST_F(IncidentModelsTest, LostConnectionIsReportedThenReopened)
{
    const auto incident =
        cases::IncidentStore(*colleagueDb).create(test::incidentByHand("Port scan", "medium"));
    auto service = attached();
    // The server drops the worker's store connection (not the listening one).
    const auto terminated = admin.exec(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
        "current_database() AND usename = $1 AND query NOT ILIKE 'LISTEN%' AND query <> 'SELECT 1'",
        {me});
    ASSERT_EQ(terminated.integer(0, 0), 1);

    const QList<QVariant> lost =
        answer(*service, service->comment(incident.id, QStringLiteral("Looking at it")));
    ASSERT_EQ(lost.size(), 3);
    EXPECT_TRUE(lost.at(1).toString().startsWith(QStringLiteral("The connection to the database was lost (")))
        << lost.at(1).toString().toStdString();
    EXPECT_TRUE(lost.at(1).toString().endsWith(QStringLiteral("it will be reopened with your next action.")));
    EXPECT_FALSE(lost.at(1).toString().contains(QStringLiteral("statement failed"))); // no wrapper words

    // The next action reconnects and goes through.
    QSignalSpy loaded(service.get(), &IncidentService::ticketLoaded);
    const QList<QVariant> again =
        answer(*service, service->comment(incident.id, QStringLiteral("Looking at it")));
    ASSERT_EQ(again.size(), 3);
    EXPECT_TRUE(again.at(1).toString().isEmpty()) << again.at(1).toString().toStdString();
    ASSERT_EQ(loaded.count(), 1);
    const auto ticket = loaded.at(0).at(1).value<cases::IncidentTicket>();
    ASSERT_EQ(ticket.comments.size(), 1u);
    EXPECT_EQ(ticket.comments[0].body, "Looking at it");
}

TEST_F(IncidentModelsTest, ListensAgainAfterTheServerDroppedTheConnection)
{
    auto service = attached();
    QSignalSpy changed(service.get(), &IncidentService::changedElsewhere);
    // The server drops the listening connection (a restart, a network cut), then a colleague
    // opens a ticket: the worker notices within its check period, listens again and reads it.
    const auto terminated =
        admin.exec("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                   "WHERE datname = current_database() AND usename = $1 AND query ILIKE 'LISTEN%'",
                   {me});
    ASSERT_EQ(terminated.integer(0, 0), 1);
    const auto incident =
        cases::IncidentStore(*colleagueDb).create(test::incidentByHand("Port scan", "medium"));
    bool seen = false;
    while (!seen && changed.wait(kTimeoutMs))
        for (const auto& arguments : changed)
            seen |= arguments.at(0).value<QList<qint64>>().contains(incident.id);
    ASSERT_TRUE(seen);
    EXPECT_EQ(service->model()->rowOfId(incident.id), 0);

    // Listening again: the next change arrives as fast as before.
    changed.clear();
    QElapsedTimer elapsed;
    elapsed.start();
    cases::IncidentStore(*colleagueDb).comment(incident.id, "Blocked at the firewall");
    ASSERT_TRUE(changed.wait(kTimeoutMs));
    EXPECT_LT(elapsed.elapsed(), 2000);
}

TEST_F(IncidentModelsTest, AnnouncesColleaguesCriticalIncidentsAndEscalationsOnly)
{
    auto service = attached();
    QSignalSpy announced(service.get(), &IncidentService::announced);
    QSignalSpy changed(service.get(), &IncidentService::changedElsewhere);
    const auto waitForChangeOf = [&changed](qint64 id) {
        for (qsizetype seen = 0;; ++seen) {
            if (seen == changed.size() && !changed.wait(kTimeoutMs))
                return false;
            if (changed.at(seen).at(0).value<QList<qint64>>().contains(id))
                return true;
        }
    };

    cases::IncidentStore theirs(*colleagueDb);
    const auto medium = theirs.create(test::incidentByHand("Odd DNS lookups", "medium"));
    ASSERT_TRUE(waitForChangeOf(medium.id));
    EXPECT_EQ(announced.count(), 0);

    const auto critical = theirs.create(test::incidentByHand("Ransomware on FS-01", "critical"));
    ASSERT_TRUE(waitForChangeOf(critical.id));
    ASSERT_EQ(announced.count(), 1);
    const auto notice = announced.at(0).at(0).value<IncidentNotice>();
    EXPECT_EQ(notice.id, critical.id);
    EXPECT_EQ(notice.event, QStringLiteral("created"));
    EXPECT_EQ(notice.severity, QStringLiteral("critical"));
    EXPECT_EQ(notice.title, QStringLiteral("Ransomware on FS-01"));
    EXPECT_EQ(notice.actor, QString::fromStdString(colleague));

    // The analyst's own critical incident is no news to them.
    const QList<QVariant> created =
        answer(*service, service->create(test::incidentByHand("Root login on web-01", "critical")));
    ASSERT_EQ(created.size(), 3);
    ASSERT_TRUE(created.at(1).toString().isEmpty()) << created.at(1).toString().toStdString();
    ASSERT_TRUE(waitForChangeOf(created.at(2).toLongLong()));
    EXPECT_EQ(announced.count(), 1);

    // A colleague's escalation of a medium incident is announced.
    auto ticket = theirs.transition(medium.id, "triage", medium.version);
    ticket = theirs.transition(ticket.id, "in_progress", ticket.version);
    const cases::EscalationRequest request{
        "Lateral movement", "Finance file server", "Isolated the laptop", {1}, {}, "CSIRT"};
    theirs.linkAlert(ticket.id, 1);
    theirs.escalate(ticket.id, ticket.version, request);
    while (announced.count() < 2 && announced.wait(kTimeoutMs)) {
    }
    ASSERT_EQ(announced.count(), 2);
    EXPECT_EQ(announced.at(1).at(0).value<IncidentNotice>().event, QStringLiteral("escalated"));
    EXPECT_EQ(announced.at(1).at(0).value<IncidentNotice>().id, medium.id);
}

} // namespace
