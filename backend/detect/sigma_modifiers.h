#pragma once
// Sigma value modifiers (`field|contains|all: ...`): turns one SelectionItem into a Leaf, the
// unit the matcher evaluates against one field of an event. Each value becomes one
// ValueMatcher; encodings (base64, base64offset, utf16*, windash, expand) are applied at
// compile time so evaluation never re-encodes anything. Immutable once built, any thread.
//
// Semantics worth knowing:
//  - matching is case-insensitive with ASCII folding unless `cased`; encoded values (base64,
//    utf16*) are always cased, as their bytes are what the event holds.
//  - an integer value without a string modifier also equals a numerically equal field
//    ("4625" == 4625 == "04625"); `null` means the field is absent; '' is present and empty.
//  - `neq`: the field is present and different from every value.
//  - `re` is unanchored and case-sensitive unless `i`; `m`/`s` as in PCRE.
//  - time modifiers (minute..year) read an ISO 8601 / RFC 3339 field value.
#include "detect/field_lookup.h"
#include "detect/regex_matcher.h"
#include "detect/sigma_rule.h"
#include "detect/value_pattern.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

bool isKnownModifier(std::string_view name);

// `expand` placeholders: name (without %) -> values.
using Placeholders = std::map<std::string, std::vector<std::string>>;

// How one value of a leaf is compared with the field's value.
struct ValueMatcher {
    enum class Kind {
        Pattern,  // pattern (literal with an anchor, or a glob)
        Number,   // integer equality, with `pattern` as the text alternative
        Null,     // the field is absent
        Exists,   // presence == flag
        Regex,    // regex
        Cidr,     // network/prefix
        Compare,  // lt/lte/gt/gte against number
        FieldRef, // equal to the other field `text`
    };
    enum class Op { Lt, Lte, Gt, Gte, Eq };
    enum class TimePart { None, Minute, Hour, Day, Week, Month, Year };

    Kind kind = Kind::Pattern;
    ValuePattern pattern;
    std::shared_ptr<const RegexMatcher> regex;
    double number = 0;
    Op op = Op::Eq;
    TimePart time_part = TimePart::None;
    bool flag = false;           // Exists
    std::string text;            // FieldRef: the other field's name
    unsigned char network[16]{}; // Cidr
    int family = 0;              // Cidr: 4 or 6
    int prefix_bits = 0;

    // `value` is the field's value (nullopt when absent); `event` is for FieldRef.
    bool matches(std::optional<std::string_view> value, const FieldLookup& event) const;
};

// One `field|modifiers: values` item, compiled.
struct Leaf {
    std::string field;    // the Sigma field name, as written
    bool keyword = false; // no field: searched in FieldLookup::keywordText(i)
    bool all = false;     // values ANDed instead of ORed
    bool neq = false;     // the field is present and matches none of the values
    // One entry per Sigma value; its alternatives (base64offset's three shifts, expand's
    // values) are ORed whatever `all` says.
    std::vector<std::vector<ValueMatcher>> values;

    bool matches(const FieldLookup& event) const;
};

struct LeafResult {
    std::optional<Leaf> leaf;
    std::string error; // why the item cannot run, when leaf is empty
};

LeafResult compileLeaf(const SelectionItem& item, const Placeholders& placeholders);

// How Sigma numbers are read from rules and field values alike: spaces around, a sign,
// decimal or 0x hexadecimal; nullopt for anything else.
std::optional<long long> parseInteger(std::string_view text);

} // namespace vigie::detect
