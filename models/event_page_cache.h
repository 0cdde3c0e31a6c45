#pragma once
// EventPageCache: the rows of EventTableModel in pages, with at most `maxRows` of them held in
// memory. GUI thread only (owned by the model; no signals, no database).
//
// The table is two segments: the tail (rows the live tail inserted at the top, newest first)
// and the snapshot (pages fetchMore appended at the bottom). Every page keeps only where its
// rows lie (EventPageBounds) and how many there are, a few dozen bytes whatever the rows weigh,
// so the table can list millions of rows. The rows themselves are held for the pages used most
// recently; a page pushed out is read again by its bounds when a row of it is wanted, and its
// answer fills the same rows. Tail pages are numbered from the oldest, so inserting at the top
// never renumbers a page and an answer always finds the page it was asked for.
#include "event_row.h"

#include <list>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vigie::models {

// Where the rows of a page lie, enough to read exactly them again.
struct EventPageBounds {
    // A tail page holds the matching rows with afterId < id <= lastId (ids only grow there).
    // A snapshot page holds the matching rows with id <= the snapshot whose key (ts, id) is
    // below `from` (from the newest when !hasFrom) and at or above `last`.
    bool tail = false;
    bool hasFrom = false;
    qint64 fromTs = 0;
    qint64 fromId = 0; // the tail's afterId
    qint64 lastTs = 0;
    qint64 lastId = 0;
};

class EventPageCache {
public:
    using PageId = quint64;

    // A page to read again: the rows fill(page, ...) expects, newest first.
    struct Request {
        PageId page = 0;
        EventPageBounds bounds;
        int rows = 0;
    };
    // Rows [first, last] of the table.
    struct RowRange {
        int first = 0;
        int last = 0;
    };

    explicit EventPageCache(int maxRows) : maxRows_(maxRows) {}

    // At most this many rows are held; pages of the least recently used go first. A page
    // added or read again is held even when alone it is over the cap, until the next one.
    void setMaxRows(int rows);
    int maxRows() const { return maxRows_; }
    // Rows held in memory now.
    int heldRows() const { return heldRows_; }
    int rowCount() const { return tailRows() + snapshotRows(); }

    // Forgets every page (a reset).
    void clear();

    // Makes room for `rows` more rows before they are added, so a model can evict before
    // beginInsertRows rather than while views compare rows around the insertion.
    void reserve(int rows);
    // Appends a snapshot page at the bottom: `rows` newest first (not empty), read after
    // `from` (from the newest when nullopt).
    void appendSnapshotPage(std::optional<std::pair<qint64, qint64>> from, EventRows rows);
    // Inserts tail rows at the top: `ascending` by id (not empty), all newer than `afterId`,
    // the newest id the tail had before. Pages hold at most `pageRows` rows.
    void prependTail(qint64 afterId, const EventRows& ascending, int pageRows);

    // The row, or nullptr when its page is not held. Marks the page as recently used.
    const EventRow* find(int row);
    // For a row whose page is not held, the request that reads it again, once: nullopt when
    // the page is held or already asked for.
    std::optional<Request> requestFor(int row);
    // The answer to a request, newest first; the rows it fills, or nullopt when nobody waits
    // for it any more. A page that lost rows meanwhile (retention) shows them empty.
    std::optional<RowRange> fill(PageId page, EventRows rows);
    // Requests that will not be answered (the query failed): they may be made again.
    void forgetRequests() { requested_.clear(); }

private:
    struct Page {
        EventPageBounds bounds;
        int rows = 0;
        int end = 0; // rows in its segment up to and including this page
    };
    struct Held {
        EventRows rows;
        std::list<PageId>::iterator recent;
    };
    struct Location {
        PageId page;
        int offset; // within the page, newest first
    };

    static PageId snapshotId(std::size_t index) { return PageId(index) * 2; }
    static PageId tailId(std::size_t index) { return PageId(index) * 2 + 1; }
    int tailRows() const { return tail_.empty() ? 0 : tail_.back().end; }
    int snapshotRows() const { return snapshot_.empty() ? 0 : snapshot_.back().end; }
    Location locate(int row) const;
    const Page& page(PageId id) const;
    RowRange range(PageId id) const;
    void hold(PageId id, EventRows rows);
    // Drops the least recently used pages until at most `rows` are held or `keep` pages are
    // left: the page just asked for stays even when alone it is over the cap.
    void evictBeyond(int rows, std::size_t keep);

    int maxRows_;
    int heldRows_ = 0;
    std::vector<Page> tail_;     // oldest first
    std::vector<Page> snapshot_; // newest first
    std::unordered_map<PageId, Held> held_;
    std::list<PageId> recent_; // most recently used first
    std::unordered_set<PageId> requested_;
};

} // namespace vigie::models
