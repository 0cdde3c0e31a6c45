#pragma once
// TestDatabase: a fresh, empty database in the run's test cluster (started by the CTest
// fixture `postgres`), dropped again when the object goes. The schema is not applied: tests
// that want it call store::applyMigrations or start an Engine, as the product does.
#include <string>

namespace vigie::store {
class PgConnection;
}

namespace vigie::test {

// The first column of the first row of `sql` (a count, usually), for checks on the schema.
long long scalar(store::PgConnection& db, const std::string& sql);

class TestDatabase {
public:
    explicit TestDatabase(const std::string& purpose);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& conninfo() const { return conninfo_; }
    const std::string& name() const { return name_; }
    // Connection string of the cluster's maintenance database `postgres`.
    static std::string adminConninfo();

private:
    std::string name_;
    std::string conninfo_;
};

} // namespace vigie::test
