#pragma once
// One Event as a single-line JSON object whose keys are the events table's column names
// (what `vigiectl parse` prints). Absent optional values are omitted; ts and received_at are
// RFC 3339 UTC with microseconds; fields is a nested object.
#include "event/event.h"

#include <optional>
#include <string>
#include <string_view>

namespace vigie {

std::string eventToJson(const Event& event);

// The inverse of eventToJson (`vigiectl rules test` reads such lines back). An object without
// string "ts" and "format" members is not an event line: nullopt with `error` left empty. An
// event line with a member of the wrong type or a bad timestamp: nullopt and `error` says why.
// Unknown members are ignored; absent ones keep Event's defaults (received_at defaults to ts).
std::optional<Event> eventFromJson(std::string_view json, std::string& error);

// RFC 3339 UTC text, e.g. "2026-11-22T06:01:59.123456Z".
std::string formatTimestamp(Timestamp ts);
// A UTC day as YYYY-MM-DD (partition names, retention reports).
std::string formatDate(std::chrono::sys_days day);

} // namespace vigie
