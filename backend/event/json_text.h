#pragma once
// JSON text building blocks shared by everything that writes JSON (event lines, the jsonb
// `fields` column, later exports): one escaping routine, so every writer agrees.
#include "event/event.h"

#include <string>
#include <string_view>

namespace vigie {

// Appends `text` as a quoted JSON string (control characters as \u00XX). `text` must be UTF-8.
void appendJsonString(std::string& out, std::string_view text);

// Appends `fields` as a JSON object of string values, keys in their stored order.
void appendJsonObject(std::string& out, const EventFields& fields);

} // namespace vigie
