// Seeding the demo history (demo/demo_history.h) into a real database: once per database, no
// alert raised, every hour's rollups recounted so that week- and month-long tiles read rollups.
#include "demo/demo_history.h"
#include "store/event_writer.h"
#include "store/pg_connection.h"
#include "store/settings_store.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace {

using namespace vigie;

long long count(store::PgConnection& db, const char* sql)
{
    return db.exec(sql).integer(0, 0);
}

TEST(DemoHistorySeeding, SeedsOnceRaisesNothingAndRecountsTheRollups)
{
    test::TestDatabase database("demo_history");
    const auto started = std::chrono::steady_clock::now();
    const demo::SeedResult first = demo::seedDemoHistory(database.conninfo(), nowTimestamp());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("seeded %zu events, recounted %d hours in %.1f s\n", first.events, first.hours_recounted,
                seconds);
    ASSERT_TRUE(first.seeded);
    EXPECT_GE(first.events, 100'000u);

    store::PgConnection db(database.conninfo());
    EXPECT_EQ(count(db, "SELECT count(*) FROM events"), static_cast<long long>(first.events));
    EXPECT_EQ(count(db, "SELECT count(*) FROM alerts"), 0) << "history is stored without detection";
    EXPECT_GE(first.hours_recounted, 14 * 24);
    EXPECT_EQ(count(db, "SELECT count(*) FROM event_field_rollup_pending"), 0) << "every hour recounted";
    EXPECT_EQ(count(db, "SELECT count(DISTINCT date_trunc('hour', ts)) FROM events"),
              count(db, "SELECT count(DISTINCT hour) FROM event_field_counts_1h"));
    EXPECT_TRUE(store::readSetting(db, demo::demoHistoryKey).has_value());

    // A second demo start on the same database leaves it as it is.
    const demo::SeedResult second = demo::seedDemoHistory(database.conninfo(), nowTimestamp());
    EXPECT_FALSE(second.seeded);
    EXPECT_EQ(count(db, "SELECT count(*) FROM events"), static_cast<long long>(first.events));
}

TEST(DemoHistorySeeding, ADatabaseWithEventsOfItsOwnIsLeftAlone)
{
    test::TestDatabase database("demo_history_used");
    store::EventWriter writer(database.conninfo());
    Event event;
    event.ts = event.received_at = nowTimestamp();
    event.host = "real-host";
    event.message = "real life";
    std::vector<Event> batch{event};
    writer.write(batch, "real-1");
    const demo::SeedResult result = demo::seedDemoHistory(database.conninfo(), nowTimestamp());
    EXPECT_FALSE(result.seeded);
    store::PgConnection db(database.conninfo());
    EXPECT_EQ(count(db, "SELECT count(*) FROM events"), 1);
}

} // namespace
