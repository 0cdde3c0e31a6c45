#pragma once
// Sigma correlations (design §3.8): event_count, value_count, temporal and temporal_ordered
// over the matches of base rules (and of other correlations: chains), grouped by `group-by`
// values, in sliding windows of event time.
//
// Contract with the caller (the Detector, retro-hunt, `vigiectl rules test`):
//   1. Build the engine from the LoadResult after resolveCorrelations(); rule indexes below are
//      indexes into that LoadResult::rules.
//   2. For every event a base rule matches, if fieldsFor(rule_index) is not empty (the rule
//      feeds a correlation), fill a BaseMatch: rule_index, the event's ts, and values[i] = the
//      value of the Sigma field fieldsFor(rule_index)[i] resolved through the *base rule's*
//      mapping entry (EventView::value on the entry the rule matched through), nullopt when
//      the event has no such field; `event_ref` is whatever lets the caller find the event
//      again (a row id, a line number). Then call feed().
//   3. Call advance(watermark) now and then (the live engine: every second, watermark = max
//      event ts - lateness; retro-hunt: once at the end with Timestamp::max()): it fires the
//      lt/lte/neq windows that have closed and expires idle groups.
//   4. baseRuleAlerts(rule_index) says whether the base rule's own matches are alerts
//      (false when it only feeds correlations whose `generate` is false).
//
// Thread-safe: groups live in 16 shards, each behind its own mutex; feed() and advance() may
// run on every parse worker at once. A correlation firing feeds its chained correlations after
// its shard lock is released, so no two shard locks are ever held together.
#include "detect/sigma_rule.h"
#include "event/event.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vigie::detect {

// One match of a base rule, as the caller fills it (see the contract above).
struct BaseMatch {
    std::size_t rule_index = 0;
    Timestamp ts{};
    std::vector<std::optional<std::string>> values; // parallel to fieldsFor(rule_index)
    std::uint64_t event_ref = 0;
};

// An event that took part in a firing.
struct SampleEvent {
    Timestamp ts{};
    std::uint64_t event_ref = 0;
};

struct CorrelationAlert {
    std::size_t correlation_index = 0; // into LoadResult::correlations
    std::string id;
    std::string title;
    std::string level;
    // The group-by names of the correlation and this group's values ("" when missing).
    std::vector<std::pair<std::string, std::string>> group;
    Timestamp window_start{};
    Timestamp window_end{};
    double value = 0;                 // the count, distinct count, or number of rules seen
    std::vector<SampleEvent> samples; // at most CorrelationLimits::max_samples, oldest first
};

struct CorrelationLimits {
    std::size_t max_groups = 100'000; // per correlation; least recently used evicted beyond it
    std::chrono::microseconds lateness = std::chrono::seconds(60);
    std::size_t max_samples = 20;
};

struct CorrelationStats {
    std::uint64_t groups = 0;
    std::uint64_t evictions = 0;
    std::uint64_t late_events = 0;
    std::uint64_t firings = 0;
};

class CorrelationEngine {
public:
    explicit CorrelationEngine(const LoadResult& loaded, CorrelationLimits limits = {});
    ~CorrelationEngine();
    CorrelationEngine(const CorrelationEngine&) = delete;
    CorrelationEngine& operator=(const CorrelationEngine&) = delete;

    // The Sigma fields a match of this base rule must carry (empty: it feeds no correlation).
    const std::vector<std::string>& fieldsFor(std::size_t rule_index) const;
    bool baseRuleAlerts(std::size_t rule_index) const;

    // Appends the alerts this match causes (chained firings included, hidden ones left out).
    void feed(const BaseMatch& match, std::vector<CorrelationAlert>& out);
    // Fires the windows closed before `watermark` (lt/lte/neq) and forgets idle groups.
    void advance(Timestamp watermark, std::vector<CorrelationAlert>& out);

    CorrelationStats stats() const;

private:
    struct Correlation;
    struct Group;
    struct Shard;
    struct Input;
    struct Firing;

    // `source` = the values of the source (a base rule's fieldsFor, a correlation's group-by).
    void feedInput(const Input& input, Timestamp ts, const std::vector<std::optional<std::string>>& source,
                   std::uint64_t event_ref, std::vector<CorrelationAlert>& out);
    // Judges an at-close group's open window and empties it (shard locked).
    void closeWindow(const Correlation& c, std::size_t correlation, Group& group,
                     std::vector<Firing>& firings);
    void deliver(std::vector<Firing>& firings, std::vector<CorrelationAlert>& out);
    Shard& shardFor(std::size_t correlation, std::size_t key_hash);

    CorrelationLimits limits_;
    std::vector<std::unique_ptr<Correlation>> correlations_;
    // Per base rule: the fields a caller resolves, and the correlations it feeds.
    std::vector<std::vector<std::string>> rule_fields_;
    std::vector<std::vector<Input>> rule_inputs_;
    std::vector<bool> rule_alerts_;
    std::array<std::unique_ptr<Shard>, 16> shards_;
    std::atomic<std::uint64_t> evictions_{0};
    std::atomic<std::uint64_t> late_events_{0};
    std::atomic<std::uint64_t> firings_{0};
};

} // namespace vigie::detect
