#pragma once
// One Event as a single-line JSON object whose keys are the events table's column names
// (what `vigiectl parse` prints). Absent optional values are omitted; ts and received_at are
// RFC 3339 UTC with microseconds; fields is a nested object.
#include "event/event.h"

#include <string>

namespace vigie {

std::string eventToJson(const Event& event);

// RFC 3339 UTC text, e.g. "2026-11-22T06:01:59.123456Z".
std::string formatTimestamp(Timestamp ts);

} // namespace vigie
