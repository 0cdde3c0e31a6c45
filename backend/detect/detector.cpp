// Detector (detector.h): dispatch, prefilter and evaluation of one event. Runs on the detection
// thread that owns it.
#include "detect/detector.h"

#include <algorithm>

namespace vigie::detect {

Detector::Detector(std::shared_ptr<const CompiledRuleSet> set)
    : set_(std::move(set)), matched_stamp_(set_->size(), 0)
{
    for (const EntryRules& entry : set_->entries())
        scratch_.prepare(*entry.prefilter);
}

void Detector::match(const Event& event, std::vector<RuleMatch>& out)
{
    ++counters_.events;
    if (++generation_ == 0) {
        std::fill(matched_stamp_.begin(), matched_stamp_.end(), 0);
        generation_ = 1;
    }
    set_->dispatch().entriesFor(event, entries_);
    bool viewed = false;
    for (std::size_t entry_index : entries_) {
        const EntryRules* rules = set_->entryRules(entry_index);
        if (!rules)
            continue;
        const MappingEntry& entry = set_->mapping().entries()[entry_index];
        if (viewed) {
            view_.select(entry);
        } else {
            view_.reset(event, entry);
            scratch_.readEvent(event, set_->fieldIndex());
            viewed = true;
        }
        ++counters_.entry_scans;
        rules->prefilter->candidates(view_, scratch_, candidates_);
        for (std::uint32_t local : candidates_) {
            const std::uint32_t rule = rules->rules[local];
            if (matched_stamp_[rule] == generation_)
                continue;
            ++counters_.candidates;
            if (rules->programs[local]->matches(view_)) {
                matched_stamp_[rule] = generation_;
                ++counters_.matches;
                out.push_back(RuleMatch{rule, entry_index, event.ts, {}});
            }
        }
    }
}

} // namespace vigie::detect
