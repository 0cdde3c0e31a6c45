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
    void collect(const std::vector<Candidate>& candidates, const Event& event,
                 std::vector<std::size_t>& out) const;

    const FieldMapping& mapping_;
    std::unordered_map<std::string, std::vector<Candidate>, NameHash, std::equal_to<>> by_app_;
    // Selectors without an app term but with `format: X` (Zeek, syslog, CEF...), indexed by X.
    std::unordered_map<std::string, std::vector<Candidate>, NameHash, std::equal_to<>> by_format_;
    std::vector<Candidate> any_app_;
};

} // namespace vigie::detect
