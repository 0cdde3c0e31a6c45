#pragma once
// Analysts for the incident tests: LOGIN roles in a tier's group (cases::createAnalyst). Roles
// are cluster-wide, so each name is unique per process, and every role is dropped at the end:
// declare the AnalystRoles before the TestDatabase, so it is destroyed after it.
#include "store/pg_connection.h"

#include <string>
#include <vector>

namespace vigie::test {

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

} // namespace vigie::test
