#pragma once
// The compiled rule set of design §3.7: every loaded Sigma rule compiled and attached to the
// mapping entries its logsource selects, and per entry the literal prefilter over that entry's
// rules. Built once (RuleSetBuilder, any thread), then immutable and shared read-only by every
// detection thread (Detector) through a shared_ptr, except for the entry groups' prefilters
// added on first use under a mutex; a reload builds a new set.
#include "detect/field_mapping.h"
#include "detect/literal_prefilter.h"
#include "detect/logsource_dispatch.h"
#include "detect/sigma_matcher.h"
#include "detect/sigma_rule.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vigie::detect {

// What `rules check` prints: every document, ok or why it cannot run.
struct RuleStatus {
    std::string file;
    std::size_t doc_index = 0;
    std::string id;
    std::string title;
    bool ok = false;
    std::string reason; // when !ok
};

struct CheckReport {
    std::vector<RuleStatus> rules;
    std::size_t okCount() const;
    std::size_t unsupportedCount() const { return rules.size() - okCount(); }
};

// A rule of the set: the rule as loaded and the entries it runs on.
struct SetRule {
    std::shared_ptr<const CompiledRule> compiled; // as written (no value map)
    std::vector<std::size_t> entries;             // indexes into the mapping's entries
};

// The rules of one mapping entry: what the Detector runs for an event of that entry.
struct EntryRules {
    std::size_t entry = 0;
    std::vector<std::uint32_t> rules; // set rule indexes, ascending
    // Parallel to `rules`: what is evaluated for this entry — the rule itself, or its variant
    // with the entry's value_maps applied (FieldMapping::ruleValues).
    std::vector<std::shared_ptr<const CompiledRule>> programs;
    std::vector<std::optional<std::vector<Atom>>> required; // requiredAtoms of `programs`
    std::unique_ptr<const LiteralPrefilter> prefilter;      // over `programs`, same order
};

// The entries with rules of one dispatch result, and one prefilter over all their rules: an
// event in several entries (a Linux syslog line is in 5) is scanned once, not once per entry.
struct EntryGroup {
    std::vector<const EntryRules*> parts;             // in dispatch order
    std::vector<std::uint32_t> offsets;               // parts' first prefilter rule, then the total
    std::unique_ptr<const LiteralPrefilter> combined; // when more than one part
    const LiteralPrefilter* prefilter = nullptr;      // combined, or the one part's own
};

class CompiledRuleSet {
public:
    CompiledRuleSet(const CompiledRuleSet&) = delete;
    CompiledRuleSet& operator=(const CompiledRuleSet&) = delete;

    const FieldMapping& mapping() const { return *mapping_; }
    const LogsourceDispatch& dispatch() const { return *dispatch_; }
    std::size_t size() const { return rules_.size(); }
    const SetRule& rule(std::size_t index) const { return rules_[index]; }
    // The rules of mapping entry `entry`; nullptr when no rule runs on it.
    const EntryRules* entryRules(std::size_t entry) const;
    const std::vector<EntryRules>& entries() const { return entries_; }
    std::size_t alwaysRunCount() const; // summed over entries
    // The group of the entries `dispatched` (LogsourceDispatch::entriesFor) names, built on
    // first use and kept for the set's life (any thread; callers cache the pointer); nullptr
    // when no rule runs on any of them.
    const EntryGroup* group(const std::vector<std::size_t>& dispatched) const;
    // The event fields the prefilters read as they are (PrefilterScratch::readEvent).
    const FieldIndex& fieldIndex() const { return field_index_; }

private:
    friend class RuleSetBuilder;
    CompiledRuleSet() = default;
    std::unique_ptr<const FieldMapping> mapping_;
    std::unique_ptr<const LogsourceDispatch> dispatch_;
    std::vector<SetRule> rules_;
    std::vector<EntryRules> entries_;
    std::vector<std::int32_t> entry_index_; // mapping entry -> index into entries_, -1 if none
    FieldIndex field_index_;
    mutable std::mutex groups_mutex_;
    mutable std::map<std::vector<std::size_t>, std::unique_ptr<const EntryGroup>> groups_;
};

struct RuleSetBuild {
    std::shared_ptr<const CompiledRuleSet> set;
    CheckReport report; // every rule of the input and every issue it already carried
};

// One rule through build()'s two refusals, in its order: the compiler's, then the dispatch's
// (no mapping entry for its logsource). build() and the rule editor's check (rule_text_check.h)
// both judge a rule with it, so they cannot disagree on whether it runs.
struct RuleAdmission {
    CompileResult compiled;
    RuleEntries entries;
    bool runs() const { return compiled.rule && !entries.entries.empty(); }
    // Why it cannot run; meaningless when runs().
    const std::string& reason() const { return compiled.rule ? entries.reason : compiled.error; }
};

RuleAdmission admitRule(const SigmaRule& rule, const LogsourceDispatch& dispatch,
                        const CompileOptions& options = {});

class RuleSetBuilder {
public:
    // Compiles every rule of `loaded` (loaded.issues are reported as unsupported), attaches it
    // to the entries LogsourceDispatch::entriesForRule names (none: unsupported with the
    // reason) and builds one literal prefilter per entry. Correlations are left to correlation.h.
    static RuleSetBuild build(const LoadResult& loaded, FieldMapping mapping,
                              const CompileOptions& options = {});
};

// `rule` with `entry`'s value_maps added as alternatives of the values they translate;
// nullopt when no map applies (the rule is used as it is).
std::optional<SigmaRule> withValueMaps(const SigmaRule& rule, const MappingEntry& entry,
                                       const FieldMapping& mapping);

} // namespace vigie::detect
