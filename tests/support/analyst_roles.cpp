// AnalystRoles: analysts' LOGIN roles for a test, dropped at the end.
#include "support/analyst_roles.h"

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

} // namespace vigie::test
