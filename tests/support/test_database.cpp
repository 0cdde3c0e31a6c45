#include "support/test_database.h"

#include "store/local_cluster.h"
#include "store/pg_connection.h"

#include <cstdlib>
#include <unistd.h>

namespace vigie::test {
namespace {

std::string clusterDirectory()
{
    const char* dir = std::getenv("VIGIE_TEST_CLUSTER");
    return dir && *dir ? dir : VIGIE_TEST_CLUSTER_DEFAULT;
}

} // namespace

std::string TestDatabase::adminConninfo()
{
    return store::LocalCluster(clusterDirectory()).conninfo("postgres");
}

TestDatabase::TestDatabase(const std::string& purpose)
    : name_("vigie_test_" + purpose + "_" + std::to_string(getpid()))
{
    store::PgConnection admin(adminConninfo());
    // The name is built from the test's own identifier and the pid, never from outside input.
    admin.execScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    admin.execScript("CREATE DATABASE " + name_);
    conninfo_ = store::LocalCluster(clusterDirectory()).conninfo(name_);
}

TestDatabase::~TestDatabase()
{
    try {
        store::PgConnection admin(adminConninfo());
        admin.execScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
        // Leaving a database behind in a throw-away cluster is harmless.
    }
}

long long scalar(store::PgConnection& db, const std::string& sql)
{
    return db.exec(sql).integer(0, 0);
}

} // namespace vigie::test
