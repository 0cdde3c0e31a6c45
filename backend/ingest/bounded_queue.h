#pragma once
// BoundedQueue: the hand-off between pipeline stages. A full queue makes producers wait
// (TCP back-pressure) or refuse (UDP, counted as a drop); close() wakes everybody so the
// pipeline can drain and stop. Thread-safe: any number of producers and consumers.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

namespace vigie::ingest {

template <typename T> class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

    // Waits for room; returns false (and drops nothing silently: the caller counts) once closed.
    bool push(T item)
    {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
        if (closed_)
            return false;
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }

    // Never waits: false when full or closed.
    bool tryPush(T item)
    {
        std::lock_guard lock(mutex_);
        if (closed_ || items_.size() >= capacity_)
            return false;
        items_.push_back(std::move(item));
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
            out.push_back(std::move(items_.front()));
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

private:
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable not_full_;
    std::condition_variable not_empty_;
    std::deque<T> items_;
    bool closed_ = false;
};

} // namespace vigie::ingest
