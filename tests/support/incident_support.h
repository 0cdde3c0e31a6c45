#pragma once
// What the incident tests share: analysts as LOGIN roles in a tier's group, the two alerts
// tickets are made of, and a ticket opened by hand.
#include "cases/incident_store.h"
#include "store/pg_connection.h"

#include <string>
#include <vector>

namespace vigie::test {

// Analysts (cases::createAnalyst). Roles are cluster-wide, so each name is unique per process,
// and every role is dropped at the end: declare the AnalystRoles before the TestDatabase, so it
// is destroyed after it.
class AnalystRoles {
public:
    AnalystRoles() = default;
    AnalystRoles(const AnalystRoles&) = delete;
    AnalystRoles& operator=(const AnalystRoles&) = delete;
    ~AnalystRoles();

    // Creates an analyst of `tier` (l1, l2, l3, admin) and returns the role's name.
    std::string create(store::PgConnection& admin, const std::string& tier,
                       const std::string& password = "secret");
    // Drops `name` at the end too (a role created another way, e.g. by vigiectl).
    std::string track(const std::string& name);

private:
    std::vector<std::string> names_;
};

// Two alerts on web-01, ids 1 and 2 in a fresh database: "SSH brute force" (high, T1110) and
// "Root login" (critical, T1078).
void addTwoAlerts(store::PgConnection& admin);

// A ticket for IncidentStore::create: a title and a severity, the rest defaults.
cases::NewIncident incidentByHand(const std::string& title, const std::string& severity);

} // namespace vigie::test
