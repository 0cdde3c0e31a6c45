// EventPageCache on its own (no database): rows come back in table order from both segments,
// never more rows are held than the cap, a page let go is asked for once with the bounds that
// read exactly it, and its answer fills the same rows (empty ones when retention took some).
#include "event_page_cache.h"

#include <algorithm>

#include <gtest/gtest.h>

using vigie::models::EventPageCache;
using vigie::models::EventRow;
using vigie::models::EventRows;

namespace {

// Snapshot rows: id n at time n seconds, so newest first means descending n.
EventRows snapshotRows(int newest, int count)
{
    EventRows rows;
    for (int n = newest; n > newest - count; --n) {
        EventRow row;
        row.id = n;
        row.ts_us = qint64(n) * 1000000;
        row.message = QStringLiteral("event %1").arg(n);
        rows << row;
    }
    return rows;
}

EventRows tailRows(int first, int count)
{
    EventRows rows = snapshotRows(first + count - 1, count);
    std::reverse(rows.begin(), rows.end());
    return rows;
}

// Fills `cache` with pages of 10 rows for ids 1000 down to 1000 - pages * 10 + 1.
void appendPages(EventPageCache& cache, int pages)
{
    for (int p = 0; p < pages; ++p) {
        std::optional<std::pair<qint64, qint64>> from;
        if (p > 0)
            from = std::pair(qint64(1000 - p * 10 + 1) * 1000000, qint64(1000 - p * 10 + 1));
        cache.appendSnapshotPage(from, snapshotRows(1000 - p * 10, 10));
    }
}

TEST(EventPageCacheTest, HoldsAtMostTheCapAndRereadsWhatItLetGo)
{
    EventPageCache cache(30);
    appendPages(cache, 10);
    EXPECT_EQ(cache.rowCount(), 100);
    EXPECT_EQ(cache.heldRows(), 30);
    // The three newest pages appended are held; the first ones were let go.
    ASSERT_NE(cache.find(99), nullptr);
    EXPECT_EQ(cache.find(99)->id, 901);
    EXPECT_EQ(cache.find(0), nullptr);

    const auto request = cache.requestFor(5);
    ASSERT_TRUE(request.has_value());
    EXPECT_EQ(request->rows, 10);
    EXPECT_FALSE(request->bounds.tail);
    EXPECT_FALSE(request->bounds.hasFrom); // the first page is read from the newest
    EXPECT_EQ(request->bounds.lastId, 991);
    EXPECT_FALSE(cache.requestFor(7).has_value()) << "one request per page";
    const auto second = cache.requestFor(15);
    ASSERT_TRUE(second.has_value());
    EXPECT_TRUE(second->bounds.hasFrom);
    EXPECT_EQ(second->bounds.fromId, 991);
    EXPECT_EQ(second->bounds.lastId, 981);

    const auto filled = cache.fill(request->page, snapshotRows(1000, 10));
    ASSERT_TRUE(filled.has_value());
    EXPECT_EQ(filled->first, 0);
    EXPECT_EQ(filled->last, 9);
    EXPECT_EQ(cache.find(5)->message, QStringLiteral("event 995"));
    EXPECT_LE(cache.heldRows(), 30);
    EXPECT_FALSE(cache.fill(request->page, snapshotRows(1000, 10)).has_value()) << "answered twice";

    // Retention dropped rows meanwhile: the page keeps its size, the missing rows are empty.
    const auto shrunk = cache.fill(second->page, snapshotRows(990, 4));
    ASSERT_TRUE(shrunk.has_value());
    EXPECT_EQ(cache.find(10)->id, 990);
    EXPECT_EQ(cache.find(19)->id, 0);
    EXPECT_EQ(cache.rowCount(), 100);
}

TEST(EventPageCacheTest, TailRowsGoOnTopWithoutRenumberingPages)
{
    EventPageCache cache(1000);
    appendPages(cache, 2);
    cache.prependTail(1000, tailRows(1001, 3), 4);
    cache.prependTail(1003, tailRows(1004, 6), 4);
    EXPECT_EQ(cache.rowCount(), 29);
    for (int row = 0; row < 29; ++row)
        EXPECT_EQ(cache.find(row)->id, 1009 - row) << row;

    // Let everything go, then ask for the tail rows again: the pages hold id ranges.
    cache.setMaxRows(0);
    EXPECT_EQ(cache.heldRows(), 0);
    cache.setMaxRows(1000);
    const auto newest = cache.requestFor(0);
    ASSERT_TRUE(newest.has_value());
    EXPECT_TRUE(newest->bounds.tail);
    EXPECT_EQ(newest->bounds.fromId, 1008);
    EXPECT_EQ(newest->bounds.lastId, 1009);
    EXPECT_EQ(newest->rows, 1);
    // The first tail page (3 rows) was topped up to 4 by the next answer: ids 1001..1004.
    const auto oldest = cache.requestFor(8);
    ASSERT_TRUE(oldest.has_value());
    EXPECT_EQ(oldest->bounds.fromId, 1000);
    EXPECT_EQ(oldest->bounds.lastId, 1004);
    EXPECT_EQ(oldest->rows, 4);

    EventRows answer = tailRows(1001, 4);
    std::reverse(answer.begin(), answer.end());
    const auto filled = cache.fill(oldest->page, answer);
    ASSERT_TRUE(filled.has_value());
    EXPECT_EQ(filled->first, 5);
    EXPECT_EQ(filled->last, 8);
    EXPECT_EQ(cache.find(5)->id, 1004);
    EXPECT_EQ(cache.find(8)->id, 1001);
    EXPECT_EQ(cache.find(9), nullptr); // a snapshot page, still let go

    cache.clear();
    EXPECT_EQ(cache.rowCount(), 0);
    EXPECT_EQ(cache.heldRows(), 0);
}

TEST(EventPageCacheTest, ReserveMakesRoomBeforeAnInsertion)
{
    EventPageCache cache(20);
    appendPages(cache, 2);
    cache.find(0); // the first page is the most recently used
    cache.reserve(10);
    EXPECT_EQ(cache.heldRows(), 10);
    EXPECT_NE(cache.find(0), nullptr);
    EXPECT_EQ(cache.find(10), nullptr);
}

} // namespace
