// Saved searches in a real PostgreSQL, through the repository the panel's worker uses: a
// relative range ("last 24 hours") and an absolute one (open or closed ends) come back exactly
// as saved, a second search of the same name is refused with a sentence the analyst can act
// on, and rename, overwrite, delete and undo-of-delete (same id) change exactly one row.
#include "conn_info.h"
#include "saved_search_repository.h"
#include "store/migrator.h"
#include "store/pg_connection.h"
#include "support/qt_core_environment.h"
#include "support/test_database.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

#include <memory>

namespace {

using namespace vigie;
using models::SavedSearch;
using models::SavedSearches;

::testing::Environment* const qtEnvironment =
    ::testing::AddGlobalTestEnvironment(new test::QtCoreEnvironment);

class SavedSearchRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store::PgConnection connection(db_.conninfo());
        store::applyMigrations(connection);
        QString options;
        QString error;
        ASSERT_TRUE(
            models::ConnInfo::qpsqlOptionsFor(QString::fromStdString(db_.conninfo()), &options, &error))
            << error.toStdString();
        repository_ = std::make_unique<models::SavedSearchRepository>(options);
    }

    SavedSearches loadAll()
    {
        SavedSearches all;
        QString error;
        EXPECT_TRUE(repository_->loadAll(&all, &error)) << error.toStdString();
        return all;
    }

    test::TestDatabase db_{"saved_searches"};
    std::unique_ptr<models::SavedSearchRepository> repository_;
};

SavedSearch relative(const QString& name, const QString& query, int minutes)
{
    SavedSearch search;
    search.name = name;
    search.query = query;
    search.lastMinutes = minutes;
    return search;
}

TEST_F(SavedSearchRepositoryTest, RelativeAndAbsoluteRangesComeBackAsSaved)
{
    QString error;
    SavedSearch failures = relative(QStringLiteral("  SSH failures "),
                                    QStringLiteral("action:ssh_login and outcome:failure"), 24 * 60);
    ASSERT_TRUE(repository_->insert(&failures, false, &error)) << error.toStdString();
    EXPECT_GT(failures.id, 0);
    EXPECT_EQ(failures.name, QStringLiteral("SSH failures")); // stored trimmed

    SavedSearch everything = relative(QStringLiteral("Everything"), QString(), 0);
    ASSERT_TRUE(repository_->insert(&everything, false, &error)) << error.toStdString();

    // An incident window to the millisecond, and a pivot with only a start.
    SavedSearch window;
    window.name = QStringLiteral("Incident 42 window");
    window.query = QStringLiteral("host:bastion-01");
    window.from = QDateTime(QDate(2026, 3, 14), QTime(1, 59, 26, 535), Qt::UTC);
    window.to = QDateTime(QDate(2026, 3, 14), QTime(2, 29, 26, 536), Qt::UTC);
    ASSERT_TRUE(repository_->insert(&window, false, &error)) << error.toStdString();
    SavedSearch since;
    since.name = QStringLiteral("Since the patch");
    since.query = QStringLiteral("severity<=3");
    since.from = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    ASSERT_TRUE(repository_->insert(&since, false, &error)) << error.toStdString();

    const SavedSearches all = loadAll();
    ASSERT_EQ(all.size(), 4);
    // Ordered by name.
    EXPECT_EQ(all.at(0).name, QStringLiteral("Everything"));
    EXPECT_EQ(all.at(1).name, QStringLiteral("Incident 42 window"));
    EXPECT_EQ(all.at(2).name, QStringLiteral("SSH failures"));
    EXPECT_EQ(all.at(3).name, QStringLiteral("Since the patch"));

    EXPECT_EQ(all.at(0), everything);
    EXPECT_FALSE(all.at(0).isAbsolute());
    EXPECT_EQ(all.at(0).lastMinutes, 0);

    EXPECT_EQ(all.at(2), failures);
    EXPECT_FALSE(all.at(2).isAbsolute());
    EXPECT_EQ(all.at(2).lastMinutes, 24 * 60);
    EXPECT_EQ(all.at(2).query, QStringLiteral("action:ssh_login and outcome:failure"));

    ASSERT_TRUE(all.at(1).from && all.at(1).to);
    EXPECT_EQ(all.at(1).from->toMSecsSinceEpoch(), window.from->toMSecsSinceEpoch());
    EXPECT_EQ(all.at(1).to->toMSecsSinceEpoch(), window.to->toMSecsSinceEpoch());
    EXPECT_TRUE(all.at(1).sameSearchAs(window));

    ASSERT_TRUE(all.at(3).from.has_value());
    EXPECT_FALSE(all.at(3).to.has_value());
    EXPECT_EQ(all.at(3).from->toMSecsSinceEpoch(), since.from->toMSecsSinceEpoch());

    // The row records who saved it and when.
    store::PgConnection connection(db_.conninfo());
    const auto row = connection.exec(
        "SELECT created_by = current_user, created_at <= now(), updated_at = created_at FROM saved_searches "
        "WHERE id = $1",
        {std::to_string(failures.id)});
    EXPECT_EQ(row.text(0, 0), "t");
    EXPECT_EQ(row.text(0, 1), "t");
    EXPECT_EQ(row.text(0, 2), "t");
}

TEST_F(SavedSearchRepositoryTest, DuplicateOrBlankNameIsRefusedWithAClearMessage)
{
    QString error;
    SavedSearch first = relative(QStringLiteral("Brute force"), QStringLiteral("outcome:failure"), 60);
    ASSERT_TRUE(repository_->insert(&first, false, &error)) << error.toStdString();

    SavedSearch again = relative(QStringLiteral("Brute force "), QStringLiteral("action:ssh_login"), 15);
    EXPECT_FALSE(repository_->insert(&again, false, &error));
    EXPECT_EQ(error, QStringLiteral("A saved search named “Brute force” already exists."));

    SavedSearch blank = relative(QStringLiteral("   "), QStringLiteral("x"), 15);
    EXPECT_FALSE(repository_->insert(&blank, false, &error));
    EXPECT_EQ(error, QStringLiteral("Give the search a name."));

    // Renaming another search onto that name is refused the same way.
    SavedSearch other = relative(QStringLiteral("Sudo"), QStringLiteral("app:sudo"), 60);
    ASSERT_TRUE(repository_->insert(&other, false, &error)) << error.toStdString();
    SavedSearch renamed = other;
    renamed.name = QStringLiteral("Brute force");
    EXPECT_FALSE(repository_->rename(&renamed, &error));
    EXPECT_EQ(error, QStringLiteral("A saved search named “Brute force” already exists."));

    const SavedSearches all = loadAll();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(0), first);
    EXPECT_EQ(all.at(1), other);
}

TEST_F(SavedSearchRepositoryTest, RenameOverwriteDeleteAndRestoreWithTheSameId)
{
    QString error;
    SavedSearch search = relative(QStringLiteral("Scans"), QStringLiteral("category:network"), 15);
    ASSERT_TRUE(repository_->insert(&search, false, &error)) << error.toStdString();
    SavedSearch keep = relative(QStringLiteral("Keep me"), QStringLiteral("host:db-01"), 60);
    ASSERT_TRUE(repository_->insert(&keep, false, &error)) << error.toStdString();

    SavedSearch renamed = search;
    renamed.name = QStringLiteral("Port scans");
    ASSERT_TRUE(repository_->rename(&renamed, &error)) << error.toStdString();
    EXPECT_EQ(renamed.id, search.id);
    EXPECT_EQ(renamed.query, search.query); // a rename keeps the query and range
    EXPECT_EQ(renamed.lastMinutes, 15);

    // Overwrite: relative becomes absolute, the name stays.
    SavedSearch overwrite = renamed;
    overwrite.query = QStringLiteral("dest_port:[1 TO 1024]");
    overwrite.from = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
    overwrite.to = QDateTime(QDate(2026, 5, 2), QTime(0, 0), Qt::UTC);
    ASSERT_TRUE(repository_->updateSearch(&overwrite, &error)) << error.toStdString();
    EXPECT_EQ(overwrite.name, QStringLiteral("Port scans"));
    SavedSearches all = loadAll();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(1).id, search.id);
    EXPECT_TRUE(all.at(1).sameSearchAs(overwrite));
    store::PgConnection connection(db_.conninfo());
    EXPECT_EQ(connection
                  .exec("SELECT updated_at > created_at FROM saved_searches WHERE id = $1",
                        {std::to_string(search.id)})
                  .text(0, 0),
              "t");

    // Delete, then put back with the same id (undo).
    const SavedSearch deleted = all.at(1);
    ASSERT_TRUE(repository_->remove(deleted.id, &error)) << error.toStdString();
    all = loadAll();
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all.at(0), keep);
    SavedSearch restored = deleted;
    ASSERT_TRUE(repository_->insert(&restored, true, &error)) << error.toStdString();
    EXPECT_EQ(restored.id, deleted.id);
    all = loadAll();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(1).id, deleted.id);
    EXPECT_TRUE(all.at(1).sameSearchAs(deleted));

    // A search another analyst deleted meanwhile cannot be renamed.
    ASSERT_TRUE(repository_->remove(keep.id, &error));
    SavedSearch gone = keep;
    gone.name = QStringLiteral("Ghost");
    EXPECT_FALSE(repository_->rename(&gone, &error));
    EXPECT_EQ(error,
              QStringLiteral("The saved search no longer exists; another analyst may have deleted it."));
}

} // namespace
