#include "event_page_cache.h"

#include <algorithm>
#include <ranges>

namespace vigie::models {

void EventPageCache::setMaxRows(int rows)
{
    maxRows_ = rows;
    evictBeyond(maxRows_, 0);
}

void EventPageCache::clear()
{
    heldRows_ = 0;
    tail_.clear();
    snapshot_.clear();
    held_.clear();
    recent_.clear();
    requested_.clear();
}

void EventPageCache::reserve(int rows)
{
    evictBeyond(std::max(0, maxRows_ - rows), 0);
}

void EventPageCache::appendSnapshotPage(std::optional<std::pair<qint64, qint64>> from, EventRows rows)
{
    Page page;
    page.bounds.hasFrom = from.has_value();
    if (from) {
        page.bounds.fromTs = from->first;
        page.bounds.fromId = from->second;
    }
    page.bounds.lastTs = rows.constLast().ts_us;
    page.bounds.lastId = rows.constLast().id;
    page.rows = static_cast<int>(rows.size());
    page.end = snapshotRows() + page.rows;
    snapshot_.push_back(page);
    hold(snapshotId(snapshot_.size() - 1), std::move(rows));
}

void EventPageCache::prependTail(qint64 afterId, const EventRows& ascending, int pageRows)
{
    pageRows = std::max(pageRows, 1);
    qsizetype next = 0;
    // Topping up the newest tail page keeps pages full when the tail brings a few rows a tick;
    // only a held page grows, so no answer for it can be on its way with fewer rows.
    const auto newest = tail_.empty() ? held_.end() : held_.find(tailId(tail_.size() - 1));
    if (newest != held_.end() && tail_.back().rows < pageRows) {
        Page& page = tail_.back();
        next = std::min<qsizetype>(ascending.size(), pageRows - page.rows);
        for (qsizetype i = 0; i < next; ++i)
            newest->second.rows.prepend(ascending.at(i));
        page.rows += static_cast<int>(next);
        page.end += static_cast<int>(next);
        page.bounds.lastId = ascending.at(next - 1).id;
        heldRows_ += static_cast<int>(next);
        afterId = page.bounds.lastId;
    }
    while (next < ascending.size()) {
        const qsizetype count = std::min<qsizetype>(pageRows, ascending.size() - next);
        EventRows newestFirst;
        newestFirst.reserve(count);
        for (qsizetype i = next + count - 1; i >= next; --i)
            newestFirst.append(ascending.at(i));
        Page page;
        page.bounds.tail = true;
        page.bounds.fromId = afterId;
        page.bounds.lastId = newestFirst.constFirst().id;
        page.rows = static_cast<int>(count);
        page.end = tailRows() + page.rows;
        tail_.push_back(page);
        hold(tailId(tail_.size() - 1), std::move(newestFirst));
        afterId = page.bounds.lastId;
        next += count;
    }
    evictBeyond(maxRows_, 1);
}

const EventRow* EventPageCache::find(int row)
{
    const Location where = locate(row);
    const auto found = held_.find(where.page);
    if (found == held_.end())
        return nullptr;
    recent_.splice(recent_.begin(), recent_, found->second.recent);
    return &found->second.rows.at(where.offset);
}

std::optional<EventPageCache::Request> EventPageCache::requestFor(int row)
{
    const Location where = locate(row);
    if (held_.contains(where.page) || !requested_.insert(where.page).second)
        return std::nullopt;
    const Page& wanted = page(where.page);
    return Request{where.page, wanted.bounds, wanted.rows};
}

std::optional<EventPageCache::RowRange> EventPageCache::fill(PageId id, EventRows rows)
{
    if (requested_.erase(id) == 0 || held_.contains(id))
        return std::nullopt;
    // Same rows as before unless retention dropped some meanwhile: those become empty rows
    // (id 0) rather than shifting the pages below.
    rows.resize(page(id).rows);
    hold(id, std::move(rows));
    return range(id);
}

EventPageCache::Location EventPageCache::locate(int row) const
{
    const int tailCount = tailRows();
    if (row < tailCount) {
        // Tail pages count from the oldest row up; the table counts from the newest down.
        const int fromOldest = tailCount - 1 - row;
        const auto it = std::ranges::upper_bound(tail_, fromOldest, {}, &Page::end);
        const auto index = static_cast<std::size_t>(it - tail_.begin());
        return {tailId(index), row - (tailCount - it->end)};
    }
    const int inSnapshot = row - tailCount;
    const auto it = std::ranges::upper_bound(snapshot_, inSnapshot, {}, &Page::end);
    const auto index = static_cast<std::size_t>(it - snapshot_.begin());
    return {snapshotId(index), inSnapshot - (it->end - it->rows)};
}

const EventPageCache::Page& EventPageCache::page(PageId id) const
{
    return id % 2 ? tail_.at(id / 2) : snapshot_.at(id / 2);
}

EventPageCache::RowRange EventPageCache::range(PageId id) const
{
    const Page& p = page(id);
    const int first = id % 2 ? tailRows() - p.end : tailRows() + p.end - p.rows;
    return {first, first + p.rows - 1};
}

void EventPageCache::hold(PageId id, EventRows rows)
{
    heldRows_ += static_cast<int>(rows.size());
    recent_.push_front(id);
    held_.emplace(id, Held{std::move(rows), recent_.begin()});
    evictBeyond(maxRows_, 1);
}

void EventPageCache::evictBeyond(int rows, std::size_t keep)
{
    while (heldRows_ > rows && recent_.size() > keep) {
        const auto found = held_.find(recent_.back());
        heldRows_ -= static_cast<int>(found->second.rows.size());
        held_.erase(found);
        recent_.pop_back();
    }
}

} // namespace vigie::models
