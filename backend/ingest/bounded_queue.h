#pragma once
// BoundedQueue: the hand-off between pipeline stages. Each item has a cost (1, or its size in
// bytes for a memory cap); a full queue makes producers wait (TCP back-pressure) or refuse
// (UDP, counted as a drop); close() wakes everybody so the pipeline can drain and stop.
// An item dearer than the whole capacity still enters an empty queue, so nothing deadlocks.
// Thread-safe: any number of producers and consumers.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace vigie::ingest {

template <typename T> class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

    // Waits for room; returns false (and drops nothing silently: the caller counts) once closed.
    bool push(T item, std::size_t cost = 1)
    {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return closed_ || fits(cost); });
        if (closed_)
            return false;
        used_ += cost;
        items_.emplace_back(std::move(item), cost);
        not_empty_.notify_one();
        return true;
    }

    // Never waits: false when full or closed.
    bool tryPush(T item, std::size_t cost = 1)
    {
        std::lock_guard lock(mutex_);
        if (closed_ || !fits(cost))
            return false;
        used_ += cost;
        items_.emplace_back(std::move(item), cost);
        not_empty_.notify_one();
        return true;
    }

    // Moves up to `max` items into `out`, waiting at most `timeout` for the first one.
    // Returns false when the queue is closed and empty: the consumer can stop.
    bool popSome(std::vector<T>& out, std::size_t max, std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(mutex_);
        not_empty_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); });
        if (items_.empty())
            return !closed_;
        while (!items_.empty() && out.size() < max) {
            used_ -= items_.front().second;
            out.push_back(std::move(items_.front().first));
            items_.pop_front();
        }
        not_full_.notify_all();
        return true;
    }

    void close()
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_full_.notify_all();
        not_empty_.notify_all();
    }

    std::size_t size() const
    {
        std::lock_guard lock(mutex_);
        return items_.size();
    }

    // The summed cost of what waits (bytes, for a memory cap).
    std::size_t used() const
    {
        std::lock_guard lock(mutex_);
        return used_;
    }

private:
    bool fits(std::size_t cost) const { return items_.empty() || used_ + cost <= capacity_; }

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable not_full_;
    std::condition_variable not_empty_;
    std::deque<std::pair<T, std::size_t>> items_;
    std::size_t used_ = 0;
    bool closed_ = false;
};

} // namespace vigie::ingest
