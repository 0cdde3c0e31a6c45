#pragma once
// Turns one framed record (a syslog message, a CEF/LEEF line, a JSON object) into a normalised
// Event. Never fails: a record
// that does not parse comes back with parse_error set, message = the raw text and
// fields["parse_error"] = the reason, so nothing is ever dropped for being malformed.
// Pure functions, safe to call from any number of worker threads.
//
// Auto looks at the record itself: '{' starts JSON (generic, Suricata EVE, Zeek, Windows events
// — told apart by their keys), "CEF:" and "LEEF:" start those formats, anything else is syslog;
// a syslog message whose text is CEF or LEEF (how appliances forward them) is read as both.
// For syslog, Auto picks RFC 5424 when the record starts with "<PRI>VERSION " (or "VERSION " with no PRI);
// if that fails before the TIMESTAMP was read (e.g. "<13>1 apple fell") it is read as RFC 3164
// instead; a record that fails the grammar it was recognised as is a parse error. A parse
// error keeps format = the grammar that refused it ("rfc5424" or "rfc3164"), its reason with
// a 0-based byte column in fields["parse_error"], ts = received_at, host = peer_address, and
// severity/facility when the PRI itself was valid.
#include "event/event.h"

#include <optional>
#include <string>
#include <string_view>

namespace vigie::parse {

enum class Format { Auto, Rfc5424, Rfc3164, Cef, Leef, Json };

// "auto", "rfc5424", "rfc3164", "cef", "leef", "json" -> Format; anything else -> nullopt.
std::optional<Format> formatFromName(std::string_view name);
std::string_view formatName(Format format);

struct Context {
    Timestamp received_at{};
    // Address of the sender, used as host when the record names none.
    std::string peer_address;
};

Event parseRecord(std::string_view record, Format format, const Context& context);

// Makes every string of the event storable as PostgreSQL text: invalid UTF-8 sequences and NUL
// bytes become U+FFFD in host, app, ..., message, raw and the keys and values of fields. When
// raw had to change, fields["raw_b64"] keeps the exact original bytes (base64), so evidence is
// never lost. parseRecord already calls it; other producers of Events must too.
void sanitizeForText(Event& event);

} // namespace vigie::parse
