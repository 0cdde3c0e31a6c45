#pragma once
// Which mapping entries (design §4) an event belongs to, from each entry's `events:`
// selectors, and which entries a rule's `logsource:` names. An event is tested only against
// the selectors that can hold for its `app` (selectors naming `app: X` are indexed by X; those
// without an app but naming `format: X` by format), plus the few that name neither. Immutable
// after construction: shared by every detection thread.
#include "detect/field_lookup.h"
#include "detect/field_mapping.h"
#include "event/event.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigie::detect {

// Keys the rule omits are wildcards; keys it sets must equal the entry's (case-insensitive).
bool logsourceMatches(const Logsource& rule, const Logsource& entry);
// "product=windows category=process_creation service=" style text, for messages.
std::string describeLogsource(const Logsource& logsource);

// The entries a rule runs on, or why none.
struct RuleEntries {
    std::vector<std::size_t> entries; // indexes into FieldMapping::entries(), ascending
    std::string reason;               // "no mapping for logsource …" when entries is empty
};

class LogsourceDispatch {
public:
    // `mapping` must outlive the dispatch.
    explicit LogsourceDispatch(const FieldMapping& mapping);

    // The entries `event` belongs to, ascending indexes into mapping.entries() (cleared first).
    void entriesFor(const Event& event, std::vector<std::size_t>& out) const;
    std::vector<std::size_t> entriesFor(const Event& event) const;

    RuleEntries entriesForRule(const Logsource& logsource) const;

    const FieldMapping& mapping() const { return mapping_; }

private:
    struct Candidate {
        std::uint32_t entry;
        const EventSelector* selector;
    };
    // The selectors of one app (or format), further indexed by the `fields.K: value` equality
    // most of them test (K is EventID for every Windows channel): an event is tested only
    // against the selectors naming its value of K, plus those without such a term. Every
    // selector is still tested in full; the index only skips those that cannot hold.
    struct Bucket {
        std::vector<Candidate> rest;
        std::string key; // K; empty when no key is worth indexing
        std::unordered_map<std::string, std::vector<Candidate>, NameHash, std::equal_to<>> by_value;
        void add(const Candidate& candidate) { rest.push_back(candidate); }
        void index(); // picks K and moves the selectors testing it out of `rest`
    };
    void collect(const Bucket& bucket, const Event& event, std::vector<std::size_t>& out) const;
    void collect(const std::vector<Candidate>& candidates, const Event& event,
                 std::vector<std::size_t>& out) const;

    const FieldMapping& mapping_;
    std::unordered_map<std::string, Bucket, NameHash, std::equal_to<>> by_app_;
    // Selectors without an app term but with `format: X` (Zeek, syslog, CEF...), indexed by X.
    std::unordered_map<std::string, Bucket, NameHash, std::equal_to<>> by_format_;
    Bucket any_app_;
};

} // namespace vigie::detect
