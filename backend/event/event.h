#pragma once
// Event: one normalised record, the value that flows from the parsers through detection to
// the store. Field names follow the events table (DESIGN §5), which follows ECS where it can.
// A plain value type: copied or moved between threads, never shared.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vigie {

// Microseconds since the Unix epoch, UTC: the resolution of PostgreSQL's timestamptz.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

Timestamp nowTimestamp();

// Extra key/value pairs without a column of their own (syslog structured data, msgid...).
// Kept in insertion order; stored as the jsonb object `fields` (values as JSON strings).
using EventFields = std::vector<std::pair<std::string, std::string>>;

struct Event {
    Timestamp ts{};          // when it happened (from the record, else received_at)
    Timestamp received_at{}; // when Vigie received it
    std::string host;
    std::string app;
    std::optional<int32_t> pid;
    std::optional<int16_t> severity; // syslog severity 0 (emergency) .. 7 (debug)
    std::optional<int16_t> facility; // syslog facility 0 .. 23
    std::string category;            // ECS event.category, e.g. "authentication"
    std::string action;              // e.g. "ssh_login"
    std::string outcome;             // "success" | "failure" | "unknown" | ""
    std::string user_name;
    std::string source_ip; // textual IPv4/IPv6, empty when unknown
    std::optional<int32_t> source_port;
    std::string dest_ip;
    std::optional<int32_t> dest_port;
    std::string process;
    std::string format; // which parser produced it: "rfc5424", "rfc3164", "raw"...
    std::string message;
    EventFields fields;
    std::string raw; // the record exactly as received
    bool parse_error = false;

    // Returns the value of `key` in fields, or nullptr.
    const std::string* field(std::string_view key) const;
};

} // namespace vigie
