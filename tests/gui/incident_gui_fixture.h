#pragma once
// Shared by the incident GUI tests: a migrated test database with two alerts, analysts logged
// in as LOGIN roles of a tier (cluster-wide, so unique per run and dropped at the end), an
// IncidentService attached as the superuser (tier admin) or as such an analyst, tickets made
// through cases::IncidentStore, and waits on an IncidentView.
#include "gui_test_support.h"
#include "support/incident_support.h"
#include "support/test_database.h"

#include "incident_service.h"
#include "incident_view.h"

#include "cases/incident_store.h"
#include "store/migrator.h"
#include "store/pg_connection.h"

#include <QSettings>

#include <memory>
#include <string>
#include <vector>

namespace vigie::test {

class IncidentGuiTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store::applyMigrations(admin_);
        addTwoAlerts(admin_);
        QSettings().remove(QStringLiteral("incidents/lastTeam"));
    }

    // A new analyst of `tier` (l1, l2, l3, admin); returns the role's name.
    std::string analyst(const std::string& tier) { return roles_.create(admin_, tier); }

    std::string conninfoOf(const std::string& user) const
    {
        // The test cluster trusts local connections; a later user= overrides the superuser's.
        return user.empty() ? db_.conninfo() : db_.conninfo() + " user=" + user;
    }

    // A service attached as `user` (empty: the superuser, tier admin), its first read done.
    models::IncidentService* attach(const std::string& user = {})
    {
        services_.push_back(std::make_unique<models::IncidentService>());
        models::IncidentService* service = services_.back().get();
        QString error;
        EXPECT_TRUE(service->attach(QString::fromStdString(conninfoOf(user)), &error)) << error.toStdString();
        EXPECT_TRUE(QTest::qWaitFor([&] { return !service->isLoading(); }, 20000));
        return service;
    }

    // A ticket of `severity` opened by the superuser and moved up to `state` (new, triage or
    // in_progress), with the given alerts linked.
    cases::Incident ticket(const std::string& severity, const std::string& state,
                           std::vector<std::int64_t> alerts = {})
    {
        cases::IncidentStore store(admin_);
        cases::NewIncident incident;
        incident.title = "Suspicious logins on web-01";
        incident.description = "Many failed passwords, then a success.";
        incident.severity = severity;
        incident.alert_ids = std::move(alerts);
        auto made = store.create(incident);
        for (const std::string next : {"triage", "in_progress"}) {
            if (made.state == state)
                break;
            made = store.transition(made.id, next, made.version);
        }
        return made;
    }

    // Shows ticket `id` in `view` and waits until it is read and nothing is pending.
    static bool showAndWait(widgets::IncidentView& view, qint64 id)
    {
        view.showIncident(id);
        return settled(view, [&] { return view.ticket() && view.ticket()->incident.id == id; });
    }

    // Waits until `done` holds and the view has no request pending.
    template <typename Done> static bool settled(widgets::IncidentView& view, Done done, int ms = 15000)
    {
        return QTest::qWaitFor([&] { return done() && !view.isBusy(); }, ms);
    }

    AnalystRoles roles_; // dropped after the database
    TestDatabase db_{"gui_incident_view"};
    store::PgConnection admin_{db_.conninfo()};
    // Detached (destroyed) before the database is dropped.
    std::vector<std::unique_ptr<models::IncidentService>> services_;
};

} // namespace vigie::test
