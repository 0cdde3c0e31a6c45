// Schema migrations: applied once, in order, recorded; a second start changes nothing.
#include "embedded_migrations.h"
#include "store/migrator.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie;

TEST(Migrations, ApplyOnceRecordEachAndAreIdempotent)
{
    test::TestDatabase db("migrations");
    store::PgConnection connection(db.conninfo());
    const int all = static_cast<int>(resources::migrations().size());
    ASSERT_GT(all, 0);
    EXPECT_EQ(store::applyMigrations(connection), all);
    EXPECT_EQ(store::applyMigrations(connection), 0);
    EXPECT_EQ(connection.exec("SELECT count(*) FROM schema_migrations").integer(0, 0), all);
    EXPECT_EQ(connection.exec("SELECT max(version) FROM schema_migrations").integer(0, 0),
              resources::migrations().back().version);
    // The events table is partitioned by time, as the writer expects.
    EXPECT_EQ(
        connection.exec("SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'events'::regclass")
            .text(0, 0),
        "r");
    // The shipped anomaly detectors run from the start, except a host's whole event volume,
    // which swings with deployments and log levels.
    EXPECT_EQ(test::scalar(connection, "SELECT count(*) FROM anomaly_detectors WHERE enabled"), 11);
    EXPECT_EQ(test::scalar(connection, "SELECT count(*) FROM anomaly_detectors WHERE NOT enabled "
                                       "AND id = 'anomaly.rate.events.host'"),
              1);
}

TEST(Migrations, StatementsWithUserTextTravelAsParameters)
{
    test::TestDatabase db("parameters");
    store::PgConnection connection(db.conninfo());
    const std::string hostile = "x'); DROP TABLE schema_migrations; --";
    const auto echoed = connection.exec("SELECT $1::text", {hostile});
    EXPECT_EQ(echoed.text(0, 0), hostile);
}

} // namespace
