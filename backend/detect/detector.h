#pragma once
// The per-thread matcher of design §3.7: one literal prefilter over the rules of all the mapping
// entries an event belongs to (CompiledRuleSet::group) picks the candidate rules, then the
// reference evaluator
// (CompiledRule::matches) decides each candidate through an EventView. One Detector per
// detection thread (it owns the vectorscan scratch, the view and its buffers); the rule set it
// holds is shared and immutable.
#include "detect/event_view.h"
#include "detect/literal_prefilter.h"
#include "detect/rule_set.h"
#include "event/event.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace vigie::detect {

// One rule matching one event.
struct RuleMatch {
    std::uint32_t rule = 0; // index into CompiledRuleSet (rule(i).compiled->rule().id ...)
    std::size_t entry = 0;  // the mapping entry it matched through (the first one, ascending)
    Timestamp event_ts{};
    // Correlations (correlation.h) resolve their group-by fields through the base rule's
    // mapping entry: `entry` above, read with an EventView on the event while it is alive.
    // Values copied out of the event for later (when the event is gone) go here.
    std::vector<std::string> group_values;
};

class Detector {
public:
    struct Counters {
        std::uint64_t events = 0;
        std::uint64_t entry_scans = 0; // entries with rules prefiltered (an event may be in several)
        std::uint64_t group_scans = 0; // prefilter runs: one per event in at least one such entry
        std::uint64_t candidates = 0;  // rule evaluations
        std::uint64_t matches = 0;
    };

    explicit Detector(std::shared_ptr<const CompiledRuleSet> set);

    // Appends the rules matching `event` to `out`, each rule once, in entry then rule order.
    void match(const Event& event, std::vector<RuleMatch>& out);

    const CompiledRuleSet& ruleSet() const { return *set_; }
    const Counters& counters() const { return counters_; }

private:
    const EntryGroup* groupFor(const std::vector<std::size_t>& entries);

    // Dispatch results seen by this thread -> their group: no lock on the set after the first.
    struct EntriesHash {
        std::size_t operator()(const std::vector<std::size_t>& entries) const;
    };
    std::unordered_map<std::vector<std::size_t>, const EntryGroup*, EntriesHash> groups_;
    std::shared_ptr<const CompiledRuleSet> set_;
    EventView view_;
    PrefilterScratch scratch_;
    std::vector<std::size_t> entries_;
    std::vector<std::uint32_t> candidates_;
    std::vector<std::uint32_t> matched_stamp_; // per rule: generation of the event it matched
    std::uint32_t generation_ = 0;
    Counters counters_;
};

} // namespace vigie::detect
