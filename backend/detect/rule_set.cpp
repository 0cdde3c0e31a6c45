// Building the compiled rule set (rule_set.h): compile, attach to mapping entries, apply value
// maps, index required literals. Runs once on the thread that loads the rules; the entry
// groups' prefilters are built later, under a mutex, by the first detection thread needing one.
#include "detect/rule_set.h"

#include <algorithm>
#include <unordered_map>

namespace vigie::detect {

std::size_t CheckReport::okCount() const
{
    return static_cast<std::size_t>(
        std::count_if(rules.begin(), rules.end(), [](const RuleStatus& s) { return s.ok; }));
}

const EntryRules* CompiledRuleSet::entryRules(std::size_t entry) const
{
    if (entry >= entry_index_.size() || entry_index_[entry] < 0)
        return nullptr;
    return &entries_[static_cast<std::size_t>(entry_index_[entry])];
}

const EntryGroup* CompiledRuleSet::group(const std::vector<std::size_t>& dispatched) const
{
    std::lock_guard lock(groups_mutex_);
    auto found = groups_.find(dispatched);
    if (found != groups_.end())
        return found->second.get();
    auto group = std::make_unique<EntryGroup>();
    std::vector<PrefilterPart> parts;
    std::uint32_t total = 0;
    for (std::size_t entry : dispatched)
        if (const EntryRules* rules = entryRules(entry)) {
            group->parts.push_back(rules);
            group->offsets.push_back(total);
            total += static_cast<std::uint32_t>(rules->rules.size());
            parts.push_back(PrefilterPart{&mapping_->entries()[entry], &rules->required});
        }
    group->offsets.push_back(total);
    if (parts.size() > 1)
        group->combined = std::make_unique<const LiteralPrefilter>(parts, field_index_);
    group->prefilter = group->combined        ? group->combined.get()
                       : group->parts.empty() ? nullptr
                                              : group->parts.front()->prefilter.get();
    if (!group->prefilter)
        group.reset();
    return groups_.emplace(dispatched, std::move(group)).first->second.get();
}

std::size_t CompiledRuleSet::alwaysRunCount() const
{
    std::size_t total = 0;
    for (const EntryRules& entry : entries_)
        total += entry.prefilter->alwaysRunCount();
    return total;
}

std::optional<SigmaRule> withValueMaps(const SigmaRule& rule, const MappingEntry& entry,
                                       const FieldMapping& mapping)
{
    if (entry.value_maps.empty())
        return std::nullopt;
    SigmaRule out = rule;
    bool changed = false;
    auto alternatives = [&](const SelectionItem& item, const SigmaValue& value) {
        std::vector<SigmaValue> values{value};
        if (value.kind == SigmaValue::Kind::Null)
            return values;
        const auto texts = mapping.ruleValues(entry, item.field, value.text);
        for (std::size_t i = 1; i < texts.size(); ++i)
            values.push_back(SigmaValue{SigmaValue::Kind::String, texts[i], true});
        return values;
    };
    for (auto& [name, detection] : out.detections)
        for (auto& branch : detection.branches) {
            std::vector<SelectionItem> items;
            for (SelectionItem& item : branch) {
                if (!item.has_field || entry.value_maps.find(item.field) == entry.value_maps.end()) {
                    items.push_back(std::move(item));
                    continue;
                }
                auto all = std::find(item.modifiers.begin(), item.modifiers.end(), "all");
                if (all == item.modifiers.end()) {
                    std::vector<SigmaValue> values;
                    for (const SigmaValue& value : item.values)
                        for (SigmaValue& v : alternatives(item, value))
                            values.push_back(std::move(v));
                    changed |= values.size() != item.values.size();
                    item.values = std::move(values);
                    items.push_back(std::move(item));
                    continue;
                }
                // `all`: every value must hold, each with its alternatives: one item per value.
                changed = true;
                item.modifiers.erase(all);
                for (const SigmaValue& value : item.values) {
                    SelectionItem one = item;
                    one.values = alternatives(item, value);
                    items.push_back(std::move(one));
                }
            }
            branch = std::move(items);
        }
    if (!changed)
        return std::nullopt;
    return out;
}

RuleAdmission admitRule(const SigmaRule& rule, const LogsourceDispatch& dispatch,
                        const CompileOptions& options)
{
    return {compileRule(rule, options), dispatch.entriesForRule(rule.logsource)};
}

RuleSetBuild RuleSetBuilder::build(const LoadResult& loaded, FieldMapping mapping,
                                   const CompileOptions& options)
{
    RuleSetBuild out;
    std::shared_ptr<CompiledRuleSet> set(new CompiledRuleSet());
    set->mapping_ = std::make_unique<const FieldMapping>(std::move(mapping));
    set->dispatch_ = std::make_unique<const LogsourceDispatch>(*set->mapping_);
    const FieldMapping& map = *set->mapping_;
    for (const LoadIssue& issue : loaded.issues)
        out.report.rules.push_back({issue.file, issue.doc_index, issue.id, issue.title, false, issue.reason});

    using Programs = std::vector<std::pair<std::uint32_t, std::shared_ptr<const CompiledRule>>>;
    std::vector<Programs> per_entry(map.entries().size());
    for (const SigmaRule& rule : loaded.rules) {
        RuleStatus status{rule.file, rule.doc_index, rule.id, rule.title, false, {}};
        RuleAdmission admission = admitRule(rule, *set->dispatch_, options);
        if (!admission.runs()) {
            status.reason = admission.reason();
            out.report.rules.push_back(std::move(status));
            continue;
        }
        auto& [compiled, entries] = admission;
        const auto index = static_cast<std::uint32_t>(set->rules_.size());
        for (std::size_t entry : entries.entries) {
            std::shared_ptr<const CompiledRule> program = compiled.rule;
            if (auto variant = withValueMaps(rule, map.entries()[entry], map))
                if (CompileResult mapped = compileRule(*variant, options); mapped.rule)
                    program = std::move(mapped.rule);
            per_entry[entry].emplace_back(index, std::move(program));
        }
        set->rules_.push_back(SetRule{std::move(compiled.rule), std::move(entries.entries)});
        status.ok = true;
        out.report.rules.push_back(std::move(status));
    }

    // A rule on several entries is analysed once (unless a value map made a variant).
    std::unordered_map<const CompiledRule*, std::optional<std::vector<Atom>>> atoms;
    set->entry_index_.assign(map.entries().size(), -1);
    for (std::size_t entry = 0; entry < per_entry.size(); ++entry) {
        if (per_entry[entry].empty())
            continue;
        EntryRules rules;
        rules.entry = entry;
        for (auto& [index, program] : per_entry[entry]) {
            auto found = atoms.find(program.get());
            if (found == atoms.end())
                found = atoms.emplace(program.get(), requiredAtoms(*program)).first;
            rules.required.push_back(found->second);
            rules.rules.push_back(index);
            rules.programs.push_back(std::move(program));
        }
        rules.prefilter =
            std::make_unique<const LiteralPrefilter>(map.entries()[entry], rules.required, set->field_index_);
        set->entry_index_[entry] = static_cast<std::int32_t>(set->entries_.size());
        set->entries_.push_back(std::move(rules));
    }
    out.set = std::move(set);
    return out;
}

} // namespace vigie::detect
