#pragma once
// Building blocks shared by the RFC 5424 and RFC 3164 parsers: PRI, timestamps (RFC 3339 and
// BSD "Mmm dd hh:mm:ss"), local-time conversion, structured data, PROCID mapping, UTF-8
// repair. Hand-written scanning over string_view: no regex, no streams, no allocation except
// into the Event being filled. All functions are safe to call from any number of threads
// (the local-time cache is thread_local).
#include "event/event.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::parse::detail {

// Where and why a record was refused; `column` is a 0-based byte offset into the record as
// given to parseRecord, so an analyst can find the spot in `raw`.
struct ParseFailure {
    std::size_t column = 0;
    const char* reason = "";
};

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
// PRINTUSASCII of RFC 5424: %d33-126.
inline bool isPrintUsAscii(char c)
{
    return c > ' ' && c < 127;
}

// "<PRI>" at `pos`. Strict: 1-3 digits without leading zeros, 0..191 (RFC 5424). Lenient also
// accepts leading zeros. On success sets `pri`, advances `pos` past '>' and returns true; on
// failure sets `failure` and leaves `pos` unchanged.
bool parsePri(std::string_view s, std::size_t& pos, bool strict, int& pri, ParseFailure& failure);
void applyPri(Event& event, int pri);

// A broken-down civil time as written in the record.
struct CivilTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int micros = 0;
};

std::int64_t daysFromCivil(int year, int month, int day);
bool isValidDate(int year, int month, int day);
// Treats the civil time as UTC.
Timestamp civilToUtc(const CivilTime& t);
// Interprets the civil time in the process time zone (TZ), caching the UTC offset per local
// hour, since mktime is slow and takes a global lock.
Timestamp localToUtc(const CivilTime& t);

// RFC 3339 timestamp at `pos` ("2003-10-11T22:14:15.003Z", "...+02:00").
// Strict (RFC 5424 TIMESTAMP): uppercase T and Z, 1-6 fraction digits, zone required.
// Lenient (BSD-syslog variants): also 't'/'z'/' ' separators, any number of fraction digits
// (truncated to microseconds), and no zone = local time.
bool parseRfc3339(std::string_view s, std::size_t& pos, bool strict, Timestamp& out, ParseFailure& failure);

enum class Scan { NotFound, Ok, Invalid };

// BSD timestamp at `pos`: "Mmm dd hh:mm:ss" (month name in any case, day space- or
// zero-padded, optional fraction), also the rsyslog variants "Mmm dd yyyy hh:mm:ss" and a
// trailing ':'. NotFound leaves pos unchanged; Invalid (the shape is right but the date is
// impossible) sets `failure`. out.year is 0 when the record has none.
Scan parseBsdTimestamp(std::string_view s, std::size_t& pos, CivilTime& out, ParseFailure& failure);

// The year for a BSD timestamp without one: the year that puts it closest to `received_at`,
// but never more than a day ahead of it (clock skew allowed; the far future is not).
Timestamp resolveBsdTimestamp(CivilTime t, Timestamp received_at);

// UTC offset in seconds of the zone written after a device timestamp: "UTC", "GMT", "UT", "Z",
// numeric "+hh:mm" / "+hhmm" / "+hh", or a common abbreviation (the US zones, western, central
// and eastern Europe, JST, KST, AEST/AEDT, NZST/NZDT, standard and summer). Ambiguous
// abbreviations (IST, BST...) are unknown: false, and the caller falls back to local time.
bool parseZoneOffset(std::string_view zone, int& offset_seconds);

// resolveBsdTimestamp for a stamp whose UTC offset is known ("Mar  1 18:48:50 UTC"): same
// year rule, no local-time lookup.
Timestamp resolveBsdTimestampWithOffset(CivilTime t, int offset_seconds, Timestamp received_at);

// RFC 5424 STRUCTURED-DATA elements starting at `pos` (which must point at '['), appended to
// event.fields as "sd.<sd-id>.<param>" (or "sd.<sd-id>" = "" for an element without
// parameters). Returns false and sets `failure` on a grammar error; fields already appended
// are left for the caller to roll back. `params` counts the parameters read.
bool parseStructuredData(std::string_view s, std::size_t& pos, Event& event, std::size_t& params,
                         ParseFailure& failure);

// PROCID / [pid]: a number that fits -> event.pid, anything else -> fields["procid"].
void applyProcid(Event& event, std::string_view procid);

// Replaces invalid UTF-8 and NUL bytes by U+FFFD in `text`; returns false when nothing had to
// change (the common case, checked 8 bytes at a time for ASCII).
bool repairUtf8(std::string& text);
// True when repairUtf8 would change `text`.
bool needsRepair(std::string_view text);

std::string base64Encode(std::string_view bytes);

std::string withColumn(const ParseFailure& failure);

} // namespace vigie::parse::detail
