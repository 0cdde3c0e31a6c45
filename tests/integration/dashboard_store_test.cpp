// Stored dashboards in a real PostgreSQL (`dashboards`, migration 0009), as the dashboard tabs
// use them: the shipped dashboards are seeded once and one an analyst deleted stays deleted at
// the next start; a save made on an older version is refused and changes nothing; a removed
// dashboard comes back with its id (undo); what is saved reloads to the same canonical text.
#include "embedded_dashboards.h"
#include "store/dashboard_store.h"
#include "store/migrator.h"
#include "support/test_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace {

using namespace vigie;

class DashboardStoreTest : public ::testing::Test {
protected:
    void SetUp() override { store::applyMigrations(db_); }

    dashboard::DashboardSpec mine(const std::string& name)
    {
        dashboard::DashboardSpec spec;
        spec.name = name;
        dashboard::TileSpec tile;
        tile.id = "t1";
        tile.title = "Failed logins";
        tile.query = "outcome:failure";
        tile.aggregation.kind = "total";
        tile.visualization.kind = "number";
        spec.tiles.push_back(tile);
        return spec;
    }

    std::vector<std::string> names()
    {
        std::vector<std::string> out;
        for (const auto& summary : store_.list())
            out.push_back(summary.name);
        return out;
    }

    test::TestDatabase database_{"dashboard_store"};
    store::PgConnection db_{database_.conninfo()};
    store::DashboardStore store_{db_};
};

TEST_F(DashboardStoreTest, ShippedDashboardsAreSeededOnceAndADeletedOneStaysDeleted)
{
    EXPECT_EQ(store_.seedBuiltins(), 4);
    EXPECT_EQ(store_.seedBuiltins(), 0);
    const auto tabs = store_.list();
    ASSERT_EQ(tabs.size(), 4u);
    // Tab order is the file order, each stored exactly as shipped.
    const auto files = resources::shippedDashboards();
    for (std::size_t i = 0; i < tabs.size(); ++i) {
        const auto stored = store_.find(tabs[i].id);
        ASSERT_TRUE(stored);
        EXPECT_EQ(dashboard::writeDashboard(stored->spec), files[i].text);
    }

    const auto overview =
        std::find_if(tabs.begin(), tabs.end(), [](const auto& t) { return t.builtin == "soc-overview"; });
    ASSERT_NE(overview, tabs.end());
    ASSERT_TRUE(store_.remove(overview->id));
    EXPECT_EQ(store_.seedBuiltins(), 0); // the next start
    EXPECT_EQ(store_.list().size(), 3u);

    // "Restore shipped dashboards" brings it back, renamed if an analyst took its name.
    store_.add(mine("SOC overview"));
    EXPECT_EQ(store_.restoreBuiltins(), 1);
    const auto all = names();
    EXPECT_NE(std::find(all.begin(), all.end(), "SOC overview (shipped)"), all.end());
}

TEST_F(DashboardStoreTest, SaveReloadGivesTheSameCanonicalText)
{
    const auto added = store_.add(mine("Night shift"));
    EXPECT_EQ(added.summary.version, 1);
    EXPECT_EQ(added.summary.uid.size(), 36u);
    EXPECT_EQ(added.spec.uid, added.summary.uid);
    const auto reloaded = store_.find(added.summary.id);
    ASSERT_TRUE(reloaded);
    EXPECT_EQ(dashboard::writeDashboard(reloaded->spec), dashboard::writeDashboard(added.spec));
    ASSERT_TRUE(store_.findByUid(added.summary.uid));
    EXPECT_EQ(store_.findByUid(added.summary.uid)->summary.id, added.summary.id);
}

TEST_F(DashboardStoreTest, StaleSaveIsRefusedAndChangesNothing)
{
    const auto added = store_.add(mine("Night shift"));
    auto edited = added.spec;
    edited.tiles[0].title = "Mine";
    const auto saved = store_.update(added.summary.id, edited, 1);
    EXPECT_EQ(saved.summary.version, 2);
    EXPECT_EQ(saved.spec.tiles[0].title, "Mine");

    auto colleague = added.spec;
    colleague.tiles[0].title = "Theirs";
    try {
        store_.update(added.summary.id, colleague, 1);
        FAIL() << "a save on version 1 was accepted over version 2";
    } catch (const store::StaleDashboardError& error) {
        EXPECT_STREQ(error.what(),
                     "the dashboard \"Night shift\" was changed meanwhile (version 2, the edit was "
                     "made on version 1): reload it and apply the edit again");
    }
    EXPECT_THROW(store_.rename(added.summary.id, "Day shift", 1), store::StaleDashboardError);
    const auto now = store_.find(added.summary.id);
    ASSERT_TRUE(now);
    EXPECT_EQ(now->spec.tiles[0].title, "Mine");
    EXPECT_EQ(now->summary.name, "Night shift");

    const auto renamed = store_.rename(added.summary.id, "Day shift", 2);
    EXPECT_EQ(renamed.summary.name, "Day shift");
    EXPECT_EQ(renamed.spec.name, "Day shift");
    EXPECT_EQ(renamed.summary.version, 3);
}

TEST_F(DashboardStoreTest, NameTakenIsAClearConflict)
{
    store_.add(mine("Night shift"));
    try {
        store_.add(mine("Night shift"));
        FAIL() << "a second dashboard with the same name was stored";
    } catch (const store::DashboardConflictError& error) {
        EXPECT_STREQ(error.what(), "a dashboard named \"Night shift\" already exists: choose another name");
    }
    EXPECT_EQ(store_.list().size(), 1u);
}

TEST_F(DashboardStoreTest, RestoreAfterRemoveKeepsIdPositionAndUid)
{
    store_.add(mine("First"));
    const auto second = store_.add(mine("Second"));
    store_.add(mine("Third"));
    const auto removed = store_.remove(second.summary.id);
    ASSERT_TRUE(removed);
    EXPECT_FALSE(store_.remove(second.summary.id));
    EXPECT_EQ(names(), (std::vector<std::string>{"First", "Third"}));

    const auto back = store_.restore(*removed);
    EXPECT_EQ(back.summary.id, second.summary.id);
    EXPECT_EQ(back.summary.uid, second.summary.uid);
    EXPECT_EQ(names(), (std::vector<std::string>{"First", "Second", "Third"}));
    EXPECT_EQ(dashboard::writeDashboard(back.spec), dashboard::writeDashboard(second.spec));
    // New dashboards still get fresh ids after an explicit one.
    EXPECT_GT(store_.add(mine("Fourth")).summary.id, back.summary.id);
}

TEST_F(DashboardStoreTest, OtherDesktopsAreNotifiedOfChanges)
{
    store::PgConnection other(database_.conninfo());
    other.exec("LISTEN vigie_dashboards");
    const auto added = store_.add(mine("Night shift"));
    store_.rename(added.summary.id, "Day shift", 1);
    // Notifications arrive asynchronously: read for up to five seconds.
    int notifications = 0;
    for (int attempt = 0; attempt < 100 && notifications < 2; ++attempt) {
        ASSERT_EQ(PQconsumeInput(other.native()), 1);
        while (PGnotify* notify = PQnotifies(other.native())) {
            EXPECT_STREQ(notify->relname, "vigie_dashboards");
            ++notifications;
            PQfreemem(notify);
        }
        if (notifications < 2)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(notifications, 2);
}

TEST_F(DashboardStoreTest, ADefinitionFromANewerVigieIsListedButNotOpened)
{
    const auto added = store_.add(mine("Future"));
    db_.exec("UPDATE dashboards SET definition = jsonb_set(definition, '{version}', '2') WHERE id = $1",
             {std::to_string(added.summary.id)});
    ASSERT_EQ(store_.list().size(), 1u);
    try {
        store_.find(added.summary.id);
        FAIL() << "a version 2 definition was read";
    } catch (const dashboard::DashboardFormatError& error) {
        EXPECT_NE(std::string(error.what()).find("made by a newer Vigie"), std::string::npos) << error.what();
    }
}

TEST_F(DashboardStoreTest, UserTextTravelsAsParameters)
{
    const auto added = store_.add(mine("x'); DROP TABLE dashboards; --"));
    EXPECT_EQ(store_.find(added.summary.id)->summary.name, "x'); DROP TABLE dashboards; --");
    EXPECT_FALSE(store_.findByUid("' OR '1'='1"));
}

} // namespace
