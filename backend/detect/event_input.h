#pragma once
// Reads a file of events for `vigiectl rules test` (design §3.11). Each record is either
// Vigie's normalised JSON (what eventToJson and `vigiectl parse` write: an object with "ts" and
// "format") or a raw source record handed to parse::parseRecord(Format::Auto): a Windows /
// Sysmon / Zeek / Suricata JSON object, a syslog or auditd line. JSON objects may span lines
// and follow each other without separators (evtx-dump's pretty-printed, concatenated output);
// anything else is one record per line. Blank lines are skipped. Runs on the caller's thread.
#include "event/event.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string_view>

namespace vigie::detect {

// An unreadable file or a normalised event line with a malformed member; what() says
// "<file>:<line>: <why>".
class EventInputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Called with the 1-based line where the record starts.
using EventSink = std::function<void(std::size_t line, Event&& event)>;

// `origin` names the text in errors. received_at of raw records is `received_at`.
void forEachEventInText(std::string_view text, std::string_view origin, Timestamp received_at,
                        const EventSink& sink);
// Reads the whole file; received_at is the time of the call. Throws EventInputError.
void forEachEvent(const std::filesystem::path& path, const EventSink& sink);

} // namespace vigie::detect
