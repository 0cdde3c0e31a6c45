#pragma once
// SourceState: the live counters of one source (a listener or a feed). Shared by the io threads
// that receive, the workers that parse and the writer that stores; every counter is an atomic,
// so any thread may read a consistent-enough snapshot at any time. The engine keeps every
// SourceState alive until it is destroyed, so the pipeline may hold plain pointers to them.
#include "ingest/engine.h"

#include <atomic>
#include <mutex>

namespace vigie::ingest {

struct SourceState {
    SourceState(std::string source_name, std::string source_kind, parse::Format source_format)
        : name(std::move(source_name)), kind(std::move(source_kind)), format(source_format)
    {
    }

    const std::string name;
    const std::string kind;
    const parse::Format format;
    std::atomic<std::uint64_t> received{0};
    std::atomic<std::uint64_t> parsed{0};
    std::atomic<std::uint64_t> parse_errors{0};
    std::atomic<std::uint64_t> dropped{0};
    std::atomic<std::uint64_t> truncated{0};
    std::atomic<std::uint64_t> spooled{0};
    std::atomic<std::uint64_t> stored{0};
    std::atomic<std::int64_t> lag_us{0};
    std::atomic<bool> active{true};

    void setError(std::string text)
    {
        std::lock_guard lock(error_mutex_);
        error_ = std::move(text);
    }

    SourceStats snapshot() const
    {
        SourceStats s;
        s.name = name;
        s.kind = kind;
        s.received = received.load(std::memory_order_relaxed);
        s.parsed = parsed.load(std::memory_order_relaxed);
        s.parse_errors = parse_errors.load(std::memory_order_relaxed);
        s.dropped = dropped.load(std::memory_order_relaxed);
        s.truncated = truncated.load(std::memory_order_relaxed);
        s.spooled = spooled.load(std::memory_order_relaxed);
        s.stored = stored.load(std::memory_order_relaxed);
        s.lag_seconds = static_cast<double>(lag_us.load(std::memory_order_relaxed)) / 1e6;
        s.active = active.load();
        std::lock_guard lock(error_mutex_);
        s.error = error_;
        return s;
    }

private:
    mutable std::mutex error_mutex_;
    std::string error_;
};

} // namespace vigie::ingest
