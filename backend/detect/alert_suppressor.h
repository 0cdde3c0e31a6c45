#pragma once
// Alert suppression (design §3.9, in-memory part): the first hit of a (rule id, entity) pair
// opens a window (10 minutes by default, per-rule override) and is a new alert; later hits
// inside that window only bump its count and last time. The window is anchored at the first
// hit, so (rule id, entity, window start) names one alert row for the writer's upsert.
// Thread-safe: 16 shards, each behind its own mutex; bounded (least recently hit entries are
// dropped beyond the cap, counted).
#include "event/event.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigie::detect {

struct SuppressionOptions {
    std::chrono::microseconds window = std::chrono::minutes(10);
    std::map<std::string, std::chrono::microseconds, std::less<>> per_rule; // rule id -> window
    std::size_t max_entries = 100'000;
};

struct SuppressionDecision {
    bool is_new = false;      // first hit of a window: raise an alert
    std::uint64_t count = 0;  // hits in this window so far, this one included
    Timestamp window_start{}; // the first hit's time
    Timestamp last_ts{};
};

class AlertSuppressor {
public:
    explicit AlertSuppressor(SuppressionOptions options = {});
    ~AlertSuppressor();
    AlertSuppressor(const AlertSuppressor&) = delete;
    AlertSuppressor& operator=(const AlertSuppressor&) = delete;

    SuppressionDecision offer(std::string_view rule_id, std::string_view entity, Timestamp ts);

    // The default entity of a base rule's alert: host and user of the event.
    static std::string entityOf(const Event& event);
    // A correlation alert's entity: its group-by values.
    static std::string entityOf(const std::vector<std::pair<std::string, std::string>>& group);

    std::size_t size() const;
    std::uint64_t evictions() const { return evictions_.load(); }

private:
    struct Entry {
        Timestamp window_start{};
        Timestamp window_end{};
        Timestamp last_ts{};
        std::uint64_t count = 0;
    };
    struct Shard {
        mutable std::mutex mutex;
        std::list<std::pair<std::string, Entry>> lru; // front: most recently hit
        std::unordered_map<std::string, std::list<std::pair<std::string, Entry>>::iterator> index;
    };
    std::chrono::microseconds windowFor(std::string_view rule_id) const;

    SuppressionOptions options_;
    std::array<std::unique_ptr<Shard>, 16> shards_;
    std::atomic<std::uint64_t> evictions_{0};
};

} // namespace vigie::detect
