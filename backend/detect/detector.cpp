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

std::size_t Detector::EntriesHash::operator()(const std::vector<std::size_t>& entries) const
{
    std::size_t hash = entries.size();
    for (std::size_t entry : entries)
        hash = (hash ^ entry) * 0x9E3779B97F4A7C15ull;
    return hash;
}

const EntryGroup* Detector::groupFor(const std::vector<std::size_t>& entries)
{
    if (const auto found = groups_.find(entries); found != groups_.end())
        return found->second;
    const EntryGroup* group = set_->group(entries);
    if (group)
        scratch_.prepare(*group->prefilter);
    groups_.emplace(entries, group);
    return group;
}

void Detector::match(const Event& event, std::vector<RuleMatch>& out)
{
    ++counters_.events;
    if (++generation_ == 0) {
        std::fill(matched_stamp_.begin(), matched_stamp_.end(), 0);
        generation_ = 1;
    }
    set_->dispatch().entriesFor(event, entries_);
    const EntryGroup* group = groupFor(entries_);
    if (!group)
        return;
    const auto& mapping = set_->mapping().entries();
    view_.reset(event, mapping[group->parts.front()->entry]);
    scratch_.readEvent(event, set_->fieldIndex());
    ++counters_.group_scans;
    counters_.entry_scans += group->parts.size();
    group->prefilter->candidates(view_, scratch_, candidates_);
    // Candidates ascend, so the parts' rules come in dispatch order, each part's in rule order.
    std::size_t part = 0;
    const EntryRules* rules = nullptr;
    for (std::uint32_t candidate : candidates_) {
        if (!rules || candidate >= group->offsets[part + 1]) {
            while (candidate >= group->offsets[part + 1])
                ++part;
            rules = group->parts[part];
            view_.select(mapping[rules->entry]);
        }
        const std::uint32_t local = candidate - group->offsets[part];
        const std::uint32_t rule = rules->rules[local];
        if (matched_stamp_[rule] == generation_)
            continue;
        ++counters_.candidates;
        if (rules->programs[local]->matches(view_)) {
            matched_stamp_[rule] = generation_;
            ++counters_.matches;
            out.push_back(RuleMatch{rule, rules->entry, event.ts, {}});
        }
    }
}

} // namespace vigie::detect
