#pragma once
// Typed reads of stored JSON documents parsed with simdjson's DOM, shared by the readers of the
// dashboard format and of the detector settings: a read answers nullopt for an absent member or
// a value of another type, and the caller throws its own error, with its path and its words.
// Pure functions: any thread.
#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie {

inline std::optional<simdjson::dom::element> jsonMember(simdjson::dom::object object, std::string_view key)
{
    simdjson::dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

inline std::optional<std::string> jsonText(simdjson::dom::element value)
{
    std::string_view text;
    if (value.get(text) != simdjson::SUCCESS)
        return std::nullopt;
    return std::string(text);
}

// A whole number (not 3.0); see is_double() to tell a fractional number from another type.
inline std::optional<std::int64_t> jsonWholeNumber(simdjson::dom::element value)
{
    std::int64_t number = 0;
    if (value.get(number) != simdjson::SUCCESS)
        return std::nullopt;
    return number;
}

} // namespace vigie
