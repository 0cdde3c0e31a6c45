// Literal prefilter (literal_prefilter.h): required-atom analysis at rule-set build time, then
// one vectorscan scan per event and group of mapping entries on the detection thread owning
// the scratch.
#include "detect/literal_prefilter.h"

#include "detect/sigma_modifiers.h"

#include <hs/hs.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>
#include <tuple>

namespace vigie::detect {

namespace {

using Anchor = ValuePattern::Anchor;
using AtomSet = std::optional<std::vector<Atom>>; // nullopt: no literal is required (⊤)

// Shorter literals would make a rule a candidate for nearly every event (and flood the scan
// with hits); a 2-byte one is still better than running the rule always (`^^`, a Cyrillic
// letter), the cost function keeps it for when nothing better exists.
constexpr std::size_t kMinLiteral = 2;

// Literals that appear in most Windows events (paths, common binaries, the vendor string):
// a set made of them barely filters anything, so the analysis prefers any other choice.
bool commonLiteral(const std::string& literal)
{
    static const char* const common[] = {".exe",
                                         "\\windows\\",
                                         "c:\\",
                                         "\\system32\\",
                                         "cmd",
                                         "powershell",
                                         "cmd.exe",
                                         "powershell.exe",
                                         "c:\\windows\\",
                                         "\\windows\\system32\\",
                                         ".dll",
                                         "c:\\windows\\system32\\",
                                         "\\cmd.exe",
                                         "\\powershell.exe",
                                         "\\pwsh.exe",
                                         "\\rundll32.exe",
                                         "\\svchost.exe",
                                         "\\explorer.exe",
                                         "\\conhost.exe",
                                         "c:\\users\\",
                                         "c:\\windows\\system32\\cmd.exe",
                                         "microsoft corporation",
                                         "microsoft",
                                         "http",
                                         "http://",
                                         "https://",
                                         "\\\\",
                                         ".bat",
                                         ".ps1"};
    return std::any_of(std::begin(common), std::end(common), [&](const char* c) { return literal == c; });
}

// Estimated hit rate of a set (lower is better): short, unanchored and common literals cost more.
double cost(const std::vector<Atom>& atoms)
{
    double total = 0;
    for (const Atom& atom : atoms) {
        if (atom.regex || atom.is_number) {
            total += 12; // a regex scan / an event id: less selective than most literals
            continue;
        }
        double c = 64.0 / static_cast<double>(std::min<std::size_t>(atom.literal.size(), 32));
        if (atom.anchor == Anchor::Exact)
            c *= 0.3;
        else if (atom.anchor != Anchor::Contains)
            c *= 0.6;
        if (commonLiteral(atom.literal))
            c *= 30;
        total += c;
    }
    return total;
}

// Or: every alternative must bring atoms.
void unite(AtomSet& into, const AtomSet& other)
{
    if (!into)
        return;
    if (!other) {
        into.reset();
        return;
    }
    into->insert(into->end(), other->begin(), other->end());
}

// And: any child that requires literals is enough; keep the cheapest.
void keepBest(AtomSet& best, bool& have, AtomSet candidate)
{
    if (!candidate)
        return;
    if (!have || !best || cost(*candidate) < cost(*best)) {
        best = std::move(candidate);
        have = true;
    }
}

AtomSet matcherAtoms(const Leaf& leaf, const ValueMatcher& matcher)
{
    if (matcher.kind == ValueMatcher::Kind::Regex && matcher.regex &&
        matcher.regex->engine() == RegexMatcher::Engine::Vectorscan) {
        const RegexMatcher::Flags flags = matcher.regex->flags();
        Atom atom{leaf.keyword ? std::string() : leaf.field,
                  leaf.keyword,
                  Anchor::Contains,
                  matcher.regex->pattern(),
                  true,
                  true,
                  static_cast<std::uint8_t>((flags.caseless ? 1 : 0) | (flags.multiline ? 2 : 0) |
                                            (flags.dotall ? 4 : 0))};
        return std::vector<Atom>{std::move(atom)};
    }
    if (matcher.kind == ValueMatcher::Kind::Number && !leaf.keyword &&
        matcher.pattern.anchor() == Anchor::Exact && !matcher.pattern.literal().empty()) {
        Atom atom{leaf.field, false, Anchor::Exact, matcher.pattern.literal(), matcher.pattern.cased()};
        atom.is_number = true;
        atom.number = matcher.number;
        return std::vector<Atom>{std::move(atom)};
    }
    if (matcher.kind != ValueMatcher::Kind::Pattern)
        return std::nullopt;
    const ValuePattern& pattern = matcher.pattern;
    Atom atom{leaf.keyword ? std::string() : leaf.field, leaf.keyword, pattern.anchor(), pattern.literal(),
              pattern.cased()};
    if (pattern.anchor() == Anchor::Glob) {
        // Every literal piece of a glob is in the value: the longest one is a Contains atom.
        const std::string* longest = nullptr;
        for (const auto& piece : pattern.pieces())
            if (piece.kind == ValuePattern::Piece::Kind::Literal &&
                (!longest || piece.text.size() > longest->size()))
                longest = &piece.text;
        if (!longest)
            return std::nullopt;
        atom.anchor = Anchor::Contains;
        atom.literal = *longest;
    }
    if (atom.literal.size() < kMinLiteral)
        return std::nullopt;
    return std::vector<Atom>{std::move(atom)};
}

AtomSet leafAtoms(const Leaf& leaf)
{
    if (leaf.neq)
        return std::nullopt;
    auto valueAtoms = [&](const std::vector<ValueMatcher>& alternatives) {
        AtomSet set = std::vector<Atom>{};
        for (const ValueMatcher& matcher : alternatives)
            unite(set, matcherAtoms(leaf, matcher));
        return set;
    };
    if (leaf.all) {
        AtomSet best;
        bool have = false;
        for (const auto& value : leaf.values)
            keepBest(best, have, valueAtoms(value));
        return have ? best : std::nullopt;
    }
    AtomSet set = std::vector<Atom>{};
    for (const auto& value : leaf.values)
        unite(set, valueAtoms(value));
    return set;
}

AtomSet selectionAtoms(const CompiledSelection& selection)
{
    AtomSet set = std::vector<Atom>{};
    for (const auto& branch : selection.branches) {
        AtomSet best;
        bool have = false;
        for (const Leaf& leaf : branch)
            keepBest(best, have, leafAtoms(leaf));
        unite(set, have ? best : std::nullopt);
    }
    return set;
}

AtomSet conditionAtoms(const CondNode& node, const CompiledRule& rule)
{
    using K = CondNode::Kind;
    switch (node.kind) {
    case K::Ref:
        return selectionAtoms(rule.selections()[node.ref]);
    case K::Const:
        return node.value ? AtomSet() : AtomSet(std::vector<Atom>{});
    case K::Not:
        return std::nullopt; // a negated selection never implies a literal
    case K::And: {
        AtomSet best;
        bool have = false;
        for (const CondNode& child : node.children)
            keepBest(best, have, conditionAtoms(child, rule));
        return have ? best : std::nullopt;
    }
    case K::Or: {
        AtomSet set = std::vector<Atom>{};
        for (const CondNode& child : node.children)
            unite(set, conditionAtoms(child, rule));
        return set;
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::vector<Atom>> requiredAtoms(const CompiledRule& rule)
{
    AtomSet set = conditionAtoms(rule.normalCondition(), rule);
    if (set) {
        auto key = [](const Atom& a) {
            return std::tie(a.keyword, a.field, a.anchor, a.literal, a.cased, a.regex, a.regex_flags,
                            a.is_number, a.number);
        };
        std::sort(set->begin(), set->end(), [&](const Atom& a, const Atom& b) { return key(a) < key(b); });
        set->erase(std::unique(set->begin(), set->end()), set->end());
    }
    return set;
}

struct LiteralPrefilter::Database {
    hs_database_t* db = nullptr;
    std::vector<std::uint32_t> lengths; // per literal id
    ~Database() { hs_free_database(db); }
};

// The vectorscan `re` atoms of one slot, scanned over that value alone (their ^ and $ are the
// value's); ids are atom ids.
struct LiteralPrefilter::RegexDatabase {
    hs_database_t* db = nullptr;
    ~RegexDatabase() { hs_free_database(db); }
};

std::uint32_t FieldIndex::intern(const std::string& key)
{
    return ids_.emplace(key, static_cast<std::uint32_t>(ids_.size())).first->second;
}

const std::uint32_t* FieldIndex::find(std::string_view key) const
{
    const auto found = ids_.find(key);
    return found == ids_.end() ? nullptr : &found->second;
}

// The number atoms of one slot: by the value's integer reading and by its (folded) text.
struct LiteralPrefilter::NumberAtoms {
    std::unordered_map<double, std::vector<std::uint32_t>> by_number;
    std::unordered_map<std::string, std::vector<std::uint32_t>, NameHash, std::equal_to<>> by_text;
    std::size_t longest_text = 0;
};

struct PrefilterScratch::State {
    struct Span { // one distinct value of the haystack
        std::uint32_t begin;
        std::uint32_t end;
    };
    hs_scratch_t* scratch = nullptr;
    std::string haystack;
    std::vector<Span> spans;
    std::uint32_t generation = 0;
    // readEvent(): FieldIndex id -> the event's value, valid when stamped with event_generation.
    std::uint32_t event_generation = 0;
    std::vector<std::uint32_t> field_stamp;
    std::vector<std::string_view> field_value;
    std::vector<std::uint32_t> atom_stamp;
    std::vector<std::uint32_t> rule_stamp;
    // Per slot of the prefilter in use: the span holding its value, when stamped with generation.
    std::vector<std::uint32_t> slot_stamp;
    std::vector<std::uint32_t> slot_span;
    // The scan in progress.
    const LiteralPrefilter* prefilter = nullptr;
    std::vector<std::uint32_t>* out = nullptr;
    std::string folded;

    void setAtom(std::uint32_t atom, const std::vector<std::vector<std::uint32_t>>& atom_rules)
    {
        if (atom_stamp[atom] == generation)
            return;
        atom_stamp[atom] = generation;
        for (std::uint32_t rule : atom_rules[atom])
            if (rule_stamp[rule] != generation) {
                rule_stamp[rule] = generation;
                out->push_back(rule);
            }
    }

    // The span of `slot`'s value in this scan, or nullptr when the event has none.
    const Span* spanOf(std::uint32_t slot) const
    {
        return slot_stamp[slot] == generation ? &spans[slot_span[slot]] : nullptr;
    }

    ~State() { hs_free_scratch(scratch); }

    void begin(const LiteralPrefilter& p)
    {
        if (++generation == 0) {
            std::fill(atom_stamp.begin(), atom_stamp.end(), 0);
            std::fill(rule_stamp.begin(), rule_stamp.end(), 0);
            std::fill(slot_stamp.begin(), slot_stamp.end(), 0);
            generation = 1;
        }
        if (atom_stamp.size() < p.atom_rules_.size())
            atom_stamp.resize(p.atom_rules_.size(), 0);
        if (rule_stamp.size() < p.rule_count_)
            rule_stamp.resize(p.rule_count_, 0);
        if (slot_stamp.size() < p.slots_.size()) {
            slot_stamp.resize(p.slots_.size(), 0);
            slot_span.resize(p.slots_.size(), 0);
        }
    }
};

PrefilterScratch::PrefilterScratch() : state_(std::make_unique<State>()) {}

void PrefilterScratch::readEvent(const Event& event, const FieldIndex& index)
{
    State& s = *state_;
    if (s.field_stamp.size() < index.size()) {
        s.field_stamp.resize(index.size(), 0);
        s.field_value.resize(index.size());
    }
    if (++s.event_generation == 0) {
        std::fill(s.field_stamp.begin(), s.field_stamp.end(), 0);
        s.event_generation = 1;
    }
    // The first entry with a key wins, as in EventView.
    for (const auto& [key, value] : event.fields)
        if (const std::uint32_t* id = index.find(key); id && s.field_stamp[*id] != s.event_generation) {
            s.field_stamp[*id] = s.event_generation;
            s.field_value[*id] = value;
        }
}
PrefilterScratch::~PrefilterScratch() = default;

void PrefilterScratch::prepare(const LiteralPrefilter& prefilter)
{
    if (prefilter.database_ && hs_alloc_scratch(prefilter.database_->db, &state_->scratch) != HS_SUCCESS)
        throw std::bad_alloc();
    for (const auto& regex : prefilter.regex_by_slot_)
        if (regex && hs_alloc_scratch(regex->db, &state_->scratch) != HS_SUCCESS)
            throw std::bad_alloc();
}

LiteralPrefilter::LiteralPrefilter(const MappingEntry& entry,
                                   const std::vector<std::optional<std::vector<Atom>>>& rules,
                                   FieldIndex& index)
    : LiteralPrefilter({PrefilterPart{&entry, &rules}}, &index, index)
{
}

LiteralPrefilter::LiteralPrefilter(const std::vector<PrefilterPart>& parts, const FieldIndex& index)
    : LiteralPrefilter(parts, nullptr, index)
{
}

LiteralPrefilter::LiteralPrefilter(const std::vector<PrefilterPart>& parts, FieldIndex* intern,
                                   const FieldIndex& index)
{
    for (const PrefilterPart& part : parts) {
        name_ += (name_.empty() ? "" : "+") + part.entry->id;
        entries_.push_back(part.entry);
        rule_count_ += part.rules->size();
    }
    // Identity slots (part -1) read the event's own field and serve every part.
    std::map<std::pair<std::int64_t, std::string>, std::uint32_t, std::less<>> field_slots;
    auto fieldSlot = [&](std::uint32_t part, const std::string& field) {
        const MappingEntry& entry = *entries_[part];
        const std::uint32_t* id = nullptr;
        if (entry.decode == Decode::None && entry.fields.find(field) == entry.fields.end()) {
            // A name no per-entry prefilter interned is read through the view: the same value.
            if (intern)
                intern->intern(field);
            id = index.find(field);
        }
        const auto key = std::make_pair(id ? std::int64_t{-1} : std::int64_t{part}, field);
        if (const auto found = field_slots.find(key); found != field_slots.end())
            return found->second;
        const auto slot = static_cast<std::uint32_t>(slots_.size());
        slots_.push_back(Slot{field, false, 0, id != nullptr, id ? *id : 0u, part});
        field_slots.emplace(key, slot);
        return slot;
    };
    // The slots an atom is tested on: its field, or every keyword text of its part's entry.
    std::vector<std::vector<std::uint32_t>> keyword_slots(parts.size());
    auto atomSlots = [&](std::uint32_t part, const Atom& atom) {
        if (!atom.keyword)
            return std::vector<std::uint32_t>{fieldSlot(part, atom.field)};
        if (keyword_slots[part].empty())
            for (std::size_t i = 0; i < entries_[part]->keywords.size(); ++i) {
                keyword_slots[part].push_back(static_cast<std::uint32_t>(slots_.size()));
                slots_.push_back(Slot{std::string(), true, i, false, 0, part});
            }
        return keyword_slots[part];
    };
    std::map<
        std::tuple<std::vector<std::uint32_t>, Anchor, std::string, bool, bool, std::uint8_t, bool, double>,
        std::uint32_t>
        atom_ids;
    struct SlotAtom { // a regex or number atom of one slot
        std::uint32_t atom;
        const Atom* source;
    };
    std::map<std::uint32_t, std::vector<SlotAtom>> regexes; // slot -> its regex atoms
    std::map<std::uint32_t, std::vector<SlotAtom>> numbers; // slot -> its number atoms
    std::map<std::pair<std::string, bool>, std::uint32_t> literal_ids;
    std::vector<const std::string*> literals;
    std::vector<bool> literal_cased;
    std::uint32_t rule = 0;
    for (std::uint32_t part = 0; part < parts.size(); ++part)
        for (const std::optional<std::vector<Atom>>& required : *parts[part].rules) {
            if (!required) {
                always_run_.push_back(rule++);
                continue;
            }
            for (const Atom& atom : *required) {
                std::vector<std::uint32_t> slots = atomSlots(part, atom);
                const auto key = std::make_tuple(slots, atom.anchor, atom.literal, atom.cased, atom.regex,
                                                 atom.regex_flags, atom.is_number, atom.number);
                auto [found, added] = atom_ids.emplace(key, static_cast<std::uint32_t>(atom_rules_.size()));
                if (added) {
                    atom_rules_.emplace_back();
                    const std::uint32_t id = found->second;
                    if (atom.is_number || atom.regex) {
                        for (std::uint32_t slot : slots)
                            (atom.is_number ? numbers : regexes)[slot].push_back({id, &atom});
                    } else {
                        auto [lit, new_literal] =
                            literal_ids.emplace(std::make_pair(atom.literal, atom.cased),
                                                static_cast<std::uint32_t>(uses_.size()));
                        if (new_literal) {
                            uses_.emplace_back();
                            literals.push_back(&lit->first.first);
                            literal_cased.push_back(atom.cased);
                        }
                        for (std::uint32_t slot : slots)
                            uses_[lit->second].push_back(Use{slot, atom.anchor, id});
                    }
                }
                auto& users = atom_rules_[found->second];
                if (users.empty() || users.back() != rule)
                    users.push_back(rule);
            }
            ++rule;
        }
    for (std::uint32_t i = 0; i < slots_.size(); ++i)
        (slots_[i].identity ? identity_slots_ : mapped_slots_).push_back(i);
    // fillHaystack selects the view on each part once.
    std::stable_sort(mapped_slots_.begin(), mapped_slots_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return slots_[a].part < slots_[b].part; });
    number_by_slot_.resize(slots_.size());
    for (const auto& [slot, uses] : numbers) {
        auto atoms = std::make_unique<NumberAtoms>();
        for (const SlotAtom& use : uses) {
            atoms->by_number[use.source->number].push_back(use.atom);
            // Folded even when cased: a superset of the exact test is enough for a prefilter.
            std::string text = foldAscii(use.source->literal);
            atoms->longest_text = std::max(atoms->longest_text, text.size());
            atoms->by_text[std::move(text)].push_back(use.atom);
        }
        number_by_slot_[slot] = std::move(atoms);
        number_slots_.push_back(slot);
    }
    regex_by_slot_.resize(slots_.size());
    for (const auto& [slot, uses] : regexes) {
        std::vector<const char*> patterns;
        std::vector<unsigned> pattern_flags, pattern_ids;
        for (const SlotAtom& use : uses) {
            unsigned f = HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
            f |= (use.source->regex_flags & 1) ? HS_FLAG_CASELESS : 0;
            f |= (use.source->regex_flags & 2) ? HS_FLAG_MULTILINE : 0;
            f |= (use.source->regex_flags & 4) ? HS_FLAG_DOTALL : 0;
            patterns.push_back(use.source->literal.c_str());
            pattern_flags.push_back(f);
            pattern_ids.push_back(use.atom);
        }
        auto database = std::make_unique<RegexDatabase>();
        hs_compile_error_t* error = nullptr;
        if (hs_compile_multi(patterns.data(), pattern_flags.data(), pattern_ids.data(),
                             static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &database->db,
                             &error) == HS_SUCCESS) {
            regex_by_slot_[slot] = std::move(database);
            regex_slots_.push_back(slot);
            continue;
        }
        // Each pattern compiled alone (RegexMatcher) but not together: their rules always run.
        hs_free_compile_error(error);
        for (const SlotAtom& use : uses)
            always_run_.insert(always_run_.end(), atom_rules_[use.atom].begin(), atom_rules_[use.atom].end());
    }
    std::sort(always_run_.begin(), always_run_.end());
    always_run_.erase(std::unique(always_run_.begin(), always_run_.end()), always_run_.end());
    literal_count_ = literals.size();
    if (literals.empty())
        return;
    std::vector<const char*> expressions;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags, ids;
    database_ = std::make_unique<Database>();
    for (std::size_t i = 0; i < literals.size(); ++i) {
        expressions.push_back(literals[i]->data());
        lengths.push_back(literals[i]->size());
        flags.push_back(literal_cased[i] ? 0u : unsigned{HS_FLAG_CASELESS});
        ids.push_back(static_cast<unsigned>(i));
        database_->lengths.push_back(static_cast<std::uint32_t>(literals[i]->size()));
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(literals.size()), HS_MODE_BLOCK, nullptr, &database_->db,
                             &error) != HS_SUCCESS) {
        const std::string message = error && error->message ? error->message : "unknown error";
        hs_free_compile_error(error);
        throw std::runtime_error("literal prefilter for " + name_ + ": " + message);
    }
}

LiteralPrefilter::~LiteralPrefilter() = default;

void LiteralPrefilter::fillHaystack(EventView& view, PrefilterScratch::State& state) const
{
    state.haystack.clear();
    state.spans.clear();
    auto append = [&](std::uint32_t slot, std::string_view value, bool shared) {
        state.slot_stamp[slot] = state.generation;
        // Entries that map a name to the same field, or share keyword texts, read equal
        // values: scanned once (compared by content, a decoder may reuse its buffers).
        if (shared)
            for (std::uint32_t i = 0; i < state.spans.size(); ++i) {
                const auto& span = state.spans[i];
                if (span.end - span.begin == value.size() &&
                    std::string_view(state.haystack).substr(span.begin, value.size()) == value) {
                    state.slot_span[slot] = i;
                    return;
                }
            }
        const auto begin = static_cast<std::uint32_t>(state.haystack.size());
        state.haystack.append(value);
        state.slot_span[slot] = static_cast<std::uint32_t>(state.spans.size());
        state.spans.push_back({begin, static_cast<std::uint32_t>(state.haystack.size())});
        state.haystack.push_back('\0');
    };
    // Unmapped names in an entry that decodes nothing: EventView::value reads the first
    // event.fields entry with that key, which is what readEvent() kept.
    for (std::uint32_t slot : identity_slots_) {
        const std::uint32_t id = slots_[slot].field_id;
        if (state.field_stamp[id] == state.event_generation)
            append(slot, state.field_value[id], false);
    }
    const bool shared = entries_.size() > 1;
    std::uint32_t selected = ~0u;
    for (std::uint32_t slot : mapped_slots_) {
        const Slot& s = slots_[slot];
        if (s.part != selected && shared) {
            view.select(*entries_[s.part]);
            selected = s.part;
        }
        const auto value = s.keyword ? view.keywordText(s.keyword_index) : view.value(s.field);
        if (value)
            append(slot, *value, shared);
    }
}

void LiteralPrefilter::candidates(EventView& view, PrefilterScratch& scratch,
                                  std::vector<std::uint32_t>& out) const
{
    out.clear();
    if (!database_ && regex_slots_.empty() && number_slots_.empty()) {
        out = always_run_;
        return;
    }
    PrefilterScratch::State& state = *scratch.state_;
    state.begin(*this);
    fillHaystack(view, state);
    state.prefilter = this;
    state.out = &out;
    auto onMatch = [](unsigned id, unsigned long long, unsigned long long to, unsigned,
                      void* context) -> int {
        auto& s = *static_cast<PrefilterScratch::State*>(context);
        const LiteralPrefilter& p = *s.prefilter;
        const auto end = static_cast<std::uint32_t>(to);
        const auto span = std::lower_bound(
            s.spans.begin(), s.spans.end(), end,
            [](const PrefilterScratch::State::Span& sp, std::uint32_t e) { return sp.end < e; });
        const std::uint32_t from = end - p.database_->lengths[id];
        if (span == s.spans.end() || from < span->begin)
            return 0; // across a separator: not inside one value
        const auto span_index = static_cast<std::uint32_t>(span - s.spans.begin());
        for (const Use& use : p.uses_[id]) {
            if (s.slot_stamp[use.slot] != s.generation || s.slot_span[use.slot] != span_index ||
                s.atom_stamp[use.atom] == s.generation)
                continue;
            const bool at_begin = from == span->begin, at_end = end == span->end;
            const bool holds = use.anchor == Anchor::Contains || (use.anchor == Anchor::Prefix && at_begin) ||
                               (use.anchor == Anchor::Suffix && at_end) ||
                               (use.anchor == Anchor::Exact && at_begin && at_end);
            if (!holds)
                continue;
            s.atom_stamp[use.atom] = s.generation;
            for (std::uint32_t rule : p.atom_rules_[use.atom])
                if (s.rule_stamp[rule] != s.generation) {
                    s.rule_stamp[rule] = s.generation;
                    s.out->push_back(rule);
                }
        }
        return 0;
    };
    if (database_ && !state.haystack.empty() &&
        hs_scan(database_->db, state.haystack.data(), static_cast<unsigned>(state.haystack.size()), 0,
                state.scratch, onMatch, &state) != HS_SUCCESS)
        throw std::runtime_error("literal prefilter scan failed for " + name_);
    for (std::uint32_t slot : number_slots_)
        if (const auto* span = state.spanOf(slot)) {
            const NumberAtoms& numbers = *number_by_slot_[slot];
            const std::string_view value(state.haystack.data() + span->begin, span->end - span->begin);
            auto set = [&](const std::vector<std::uint32_t>& atoms) {
                for (std::uint32_t atom : atoms)
                    state.setAtom(atom, atom_rules_);
            };
            if (const auto integer = parseInteger(value))
                if (const auto found = numbers.by_number.find(static_cast<double>(*integer));
                    found != numbers.by_number.end())
                    set(found->second);
            if (value.size() <= numbers.longest_text) {
                state.folded = foldAscii(value);
                if (const auto found = numbers.by_text.find(state.folded); found != numbers.by_text.end())
                    set(found->second);
            }
        }
    auto onRegex = [](unsigned atom, unsigned long long, unsigned long long, unsigned, void* context) -> int {
        auto& s = *static_cast<PrefilterScratch::State*>(context);
        s.setAtom(atom, s.prefilter->atom_rules_);
        return 0;
    };
    for (std::uint32_t slot : regex_slots_)
        if (const auto* span = state.spanOf(slot))
            if (hs_scan(regex_by_slot_[slot]->db, state.haystack.data() + span->begin,
                        span->end - span->begin, 0, state.scratch, onRegex, &state) != HS_SUCCESS)
                throw std::runtime_error("regex prefilter scan failed for " + name_);
    for (std::uint32_t rule : always_run_)
        if (state.rule_stamp[rule] != state.generation) {
            state.rule_stamp[rule] = state.generation;
            out.push_back(rule);
        }
    std::sort(out.begin(), out.end());
}

} // namespace vigie::detect
