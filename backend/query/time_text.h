#pragma once
// ISO 8601 / RFC 3339 timestamps as analysts type them and as PostgreSQL prints timestamptz
// (DateStyle ISO): "2026-11-22", "2026-11-22T10:00", "2026-11-22 10:00:00.000001+05:30".
// Pure functions, safe from any thread.
#include "event/event.h"

#include <optional>
#include <string_view>

namespace vigie::query {

struct ParsedTime {
    Timestamp ts;
    bool date_only = false; // "2026-11-22": the whole day when matched with ':'
};

// Separator 'T', 't' or ' '; seconds and up to 6 fraction digits optional; zone Z, ±HH,
// ±HH:MM, ±HHMM or ±HH:MM:SS; no zone means UTC. nullopt when not such a timestamp.
std::optional<ParsedTime> parseIsoTimestamp(std::string_view text);

} // namespace vigie::query
