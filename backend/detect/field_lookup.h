#pragma once
// The seam between the Sigma language (rules, conditions, modifiers: sigma_*.h) and Vigie's
// events (field mapping, log source dispatch: field_mapping.h): a rule names fields and log
// sources the way Sigma does; a FieldLookup answers with the value one event holds for such a
// name, once the mapping chose where it lives (a column, a `fields` key, a decoded value).
// Plain interfaces; an implementation is used by one thread at a time.
#include <optional>
#include <string>
#include <string_view>

namespace vigie::detect {

// A rule's `logsource:` block; an empty member is a wildcard.
struct Logsource {
    std::string product;
    std::string category;
    std::string service;
    bool operator==(const Logsource&) const = default;
};

// The values one event holds, by Sigma field name, as the mapping for the rule's log source
// resolves them. Views stay valid until the lookup is pointed at another event.
class FieldLookup {
public:
    virtual ~FieldLookup() = default;
    // The field's value as text (integers in decimal); nullopt when the event has no such field.
    // An empty string is a present, empty value (Sigma's '' is not its null).
    virtual std::optional<std::string_view> value(std::string_view sigma_field) const = 0;
    // What Sigma's keyword selections (value lists without a field) search: the event's message
    // and any other text the mapping names, one at a time.
    virtual std::optional<std::string_view> keywordText(std::size_t index) const = 0;
};

} // namespace vigie::detect
