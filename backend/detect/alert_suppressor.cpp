// AlertSuppressor: one map entry per (rule id, entity) window; any thread (see the header).
#include "detect/alert_suppressor.h"

#include <algorithm>
#include <functional>

namespace vigie::detect {

AlertSuppressor::AlertSuppressor(SuppressionOptions options) : options_(std::move(options))
{
    for (auto& shard : shards_)
        shard = std::make_unique<Shard>();
}

AlertSuppressor::~AlertSuppressor() = default;

std::chrono::microseconds AlertSuppressor::windowFor(std::string_view rule_id) const
{
    const auto found = options_.per_rule.find(rule_id);
    return found == options_.per_rule.end() ? options_.window : found->second;
}

SuppressionDecision AlertSuppressor::offer(std::string_view rule_id, std::string_view entity, Timestamp ts)
{
    std::string key;
    key.reserve(rule_id.size() + entity.size() + 1);
    key.append(rule_id).append(1, '\x1e').append(entity);
    Shard& shard = *shards_[std::hash<std::string>{}(key) % shards_.size()];
    const auto window = windowFor(rule_id);
    std::lock_guard lock(shard.mutex);
    auto found = shard.index.find(key);
    if (found != shard.index.end()) {
        Entry& entry = found->second->second;
        // Hits up to window_end (inclusive) join the open alert; so do late hits of the same
        // window (ts before its start but after the previous window could have closed).
        if (ts <= entry.window_end && ts + window > entry.window_start) {
            ++entry.count;
            entry.last_ts = std::max(entry.last_ts, ts);
            shard.lru.splice(shard.lru.begin(), shard.lru, found->second);
            return {false, entry.count, entry.window_start, entry.last_ts};
        }
        shard.lru.erase(found->second);
        shard.index.erase(found);
    }
    shard.lru.emplace_front(key, Entry{ts, ts + window, ts, 1});
    shard.index.emplace(std::move(key), shard.lru.begin());
    const std::size_t cap =
        std::max<std::size_t>(1, (options_.max_entries + shards_.size() - 1) / shards_.size());
    if (shard.lru.size() > cap) {
        shard.index.erase(shard.lru.back().first);
        shard.lru.pop_back();
        evictions_.fetch_add(1, std::memory_order_relaxed);
    }
    return {true, 1, ts, ts};
}

std::string AlertSuppressor::entityOf(const Event& event)
{
    return "host=" + event.host + "\x1fuser=" + event.user_name;
}

std::string AlertSuppressor::entityOf(const std::vector<std::pair<std::string, std::string>>& group)
{
    std::string entity;
    for (const auto& [name, value] : group) {
        if (!entity.empty())
            entity += '\x1f';
        entity += name + "=" + value;
    }
    return entity;
}

std::size_t AlertSuppressor::size() const
{
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        total += shard->lru.size();
    }
    return total;
}

} // namespace vigie::detect
