// What the incident tests share (see the header).
#include "support/incident_support.h"

#include "cases/analyst_role.h"
#include "support/test_database.h"

#include <unistd.h>

namespace vigie::test {

AnalystRoles::~AnalystRoles()
{
    try {
        store::PgConnection admin(TestDatabase::adminConninfo());
        for (const auto& name : names_) {
            const auto drop = admin.exec("SELECT format('DROP ROLE IF EXISTS %I', $1::text)", {name});
            admin.execScript(std::string(drop.text(0, 0)));
        }
    } catch (...) {
        // A role left behind in a throw-away cluster is harmless.
    }
}

std::string AnalystRoles::create(store::PgConnection& admin, const std::string& tier,
                                 const std::string& password)
{
    const auto name =
        track("vigie_test_" + tier + "_" + std::to_string(getpid()) + "_" + std::to_string(names_.size()));
    cases::createAnalyst(admin, name, tier, password);
    return name;
}

std::string AnalystRoles::track(const std::string& name)
{
    names_.push_back(name);
    return name;
}

void addTwoAlerts(store::PgConnection& admin)
{
    admin.execScript(
        "INSERT INTO alerts (rule_id, rule_title, level, tags, host, window_start, first_ts, "
        "last_ts, count) VALUES "
        "('r1', 'SSH brute force', 'high', '{attack.t1110}', 'web-01', now(), now(), now(), 40), "
        "('r2', 'Root login', 'critical', '{attack.t1078}', 'web-01', now(), now(), now(), 1)");
}

cases::NewIncident incidentByHand(const std::string& title, const std::string& severity)
{
    cases::NewIncident incident;
    incident.title = title;
    incident.severity = severity;
    return incident;
}

} // namespace vigie::test
