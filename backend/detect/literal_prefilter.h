#pragma once
// The literal prefilter of design §3.4/§3.6: which rules of one mapping entry can possibly
// match an event, from the literals they require. requiredAtoms() derives from a compiled rule
// the literals (field, anchor, bytes) of which at least one must be present for the rule to
// match; negated selections never contribute and a rule without such a set always runs.
// A LiteralPrefilter indexes the required literals of an entry's rules in one vectorscan
// literal database, scans the values of the fields that carry literals (NUL-separated) and
// returns the candidate rules. Soundness (rule skipped ⇒ rule cannot match) is what
// detect_equivalence_test checks. A LiteralPrefilter is immutable and shared by every
// detection thread; each thread brings its own PrefilterScratch.
#include "detect/event_view.h"
#include "detect/name_hash.h"
#include "detect/sigma_matcher.h"
#include "detect/value_pattern.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigie::detect {

// A literal that must appear in a field's value (or, for keyword atoms, in one of the
// entry's keyword texts) with the given anchor. Caseless literals are ASCII-folded.
// A regex atom instead holds when the `re` value `literal` (a pattern vectorscan accepts,
// `regex_flags` bit 0 i, 1 m, 2 s) matches the value: the same test RegexMatcher makes.
// A number atom (`EventID: 4720`) holds when the value equals `literal` (folded) or reads as
// the integer `number`: the same test as ValueMatcher::Kind::Number.
struct Atom {
    std::string field; // Sigma name; empty for keyword atoms
    bool keyword = false;
    ValuePattern::Anchor anchor = ValuePattern::Anchor::Contains; // never Glob
    std::string literal;
    bool cased = false;
    bool regex = false;
    std::uint8_t regex_flags = 0;
    bool is_number = false;
    double number = 0;
    bool operator==(const Atom&) const = default;
};

// The rule matches only if at least one returned atom holds; nullopt when no such set exists
// (the rule must always run). 1-byte literals are never used; a regex leaf run
// by vectorscan is an atom of its own (scanned per field), one run by PCRE2 is not.
std::optional<std::vector<Atom>> requiredAtoms(const CompiledRule& rule);

class LiteralPrefilter;

// One mapping entry's rules in a prefilter over several entries: their required sets in the
// entry's rule order (nullopt: always run).
struct PrefilterPart {
    const MappingEntry* entry = nullptr;
    const std::vector<std::optional<std::vector<Atom>>>* rules = nullptr;
};

// The `fields` keys the prefilters of one rule set read as they are (unmapped names of entries
// that decode nothing), numbered across the set so that one pass over an event's fields
// serves every entry the event belongs to. Filled while the set is built, then read-only.
class FieldIndex {
public:
    std::uint32_t intern(const std::string& key);
    const std::uint32_t* find(std::string_view key) const;
    std::size_t size() const { return ids_.size(); }

private:
    struct Hash { // nameHash: readEvent looks up every field of every event
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return nameHash(key); }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
};

// Per-thread state of the prefilters of one rule set: vectorscan scratch, haystack, bitsets.
class PrefilterScratch {
public:
    PrefilterScratch();
    ~PrefilterScratch();
    PrefilterScratch(const PrefilterScratch&) = delete;
    PrefilterScratch& operator=(const PrefilterScratch&) = delete;

    // Grows the scratch so it can serve `prefilter` (call once per prefilter before scanning).
    void prepare(const LiteralPrefilter& prefilter);
    // Reads the indexed fields of `event`: once per event, before its first candidates() call.
    void readEvent(const Event& event, const FieldIndex& index);

private:
    friend class LiteralPrefilter;
    struct State;
    std::unique_ptr<State> state_;
};

class LiteralPrefilter {
public:
    // `rules[i]` is the required set of the entry's i-th rule (nullopt: always run). `entry`
    // must outlive the prefilter; unmapped field names are added to `index`, the set's one.
    // Throws std::runtime_error when vectorscan refuses the set.
    LiteralPrefilter(const MappingEntry& entry, const std::vector<std::optional<std::vector<Atom>>>& rules,
                     FieldIndex& index);
    // One prefilter over the rules of several entries an event belongs to, so that the event is
    // scanned once: rule i of parts[p] is numbered offset(p) + i, the parts' rules in order.
    // A value several parts read (the same field, the same keyword text) is scanned once.
    // `index` is only read (the per-entry prefilters already interned every name).
    LiteralPrefilter(const std::vector<PrefilterPart>& parts, const FieldIndex& index);
    ~LiteralPrefilter();
    LiteralPrefilter(const LiteralPrefilter&) = delete;
    LiteralPrefilter& operator=(const LiteralPrefilter&) = delete;

    // The prefilter-local indexes of the rules that may match, ascending. `view` is reset on
    // the event (it is left selected on one of the prefilter's entries); scratch.readEvent()
    // was called for it.
    void candidates(EventView& view, PrefilterScratch& scratch, std::vector<std::uint32_t>& out) const;

    std::size_t ruleCount() const { return rule_count_; }
    std::size_t alwaysRunCount() const { return always_run_.size(); }
    std::size_t literalCount() const { return literal_count_; }
    std::size_t fieldCount() const { return slots_.size(); }

private:
    friend class PrefilterScratch;
    // One haystack part: a field's value (read through part `part`'s entry), or that entry's
    // keyword text `index`.
    struct Slot {
        std::string field;
        bool keyword = false;
        std::size_t keyword_index = 0;
        bool identity = false;      // read straight from event.fields[field] (no mapping, no decoding)
        std::uint32_t field_id = 0; // identity: the FieldIndex id
        std::uint32_t part = 0;     // not identity: the entry it is read through
    };
    // A literal hit counts for atom `atom` when found in slot `slot` with `anchor`.
    struct Use {
        std::uint32_t slot;
        ValuePattern::Anchor anchor;
        std::uint32_t atom;
    };
    struct Database;
    struct RegexDatabase;
    struct NumberAtoms;

    LiteralPrefilter(const std::vector<PrefilterPart>& parts, FieldIndex* intern, const FieldIndex& index);
    void fillHaystack(EventView& view, PrefilterScratch::State& state) const;

    std::string name_;                         // the entries' ids, for error messages
    std::vector<const MappingEntry*> entries_; // per part
    std::size_t rule_count_ = 0;
    std::size_t literal_count_ = 0;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> identity_slots_;          // slots read by PrefilterScratch::readEvent
    std::vector<std::uint32_t> mapped_slots_;            // slots read through the view, by part
    std::vector<std::vector<Use>> uses_;                 // per literal id
    std::vector<std::vector<std::uint32_t>> atom_rules_; // per atom: local rule indexes
    std::vector<std::uint32_t> always_run_;
    std::unique_ptr<Database> database_;
    std::vector<std::unique_ptr<RegexDatabase>> regex_by_slot_; // per slot, null when none
    std::vector<std::uint32_t> regex_slots_;                    // the slots that have one
    std::vector<std::unique_ptr<NumberAtoms>> number_by_slot_;  // per slot, null when none
    std::vector<std::uint32_t> number_slots_;                   // the slots that have some
};

} // namespace vigie::detect
