#include "parse/record_parser.h"

#include "parse/cef_leef_parser.h"
#include "parse/json_parser.h"
#include "parse/message_extractor.h"
#include "parse/rfc3164_parser.h"
#include "parse/rfc5424_parser.h"
#include "parse/syslog_common.h"

namespace vigie::parse {

using detail::isDigit;

namespace {

bool isTrimmed(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == '\0';
}

// "<PRI>VERSION SP" or, without PRI, "VERSION SP" followed by what can only be a 5424
// TIMESTAMP ("-" or a year), so that "2 errors" stays BSD text.
bool looksLikeRfc5424(std::string_view s, std::size_t i, bool& has_pri)
{
    has_pri = i < s.size() && s[i] == '<';
    if (has_pri) {
        const std::size_t close = s.find('>', i);
        if (close == std::string_view::npos || close - i > 4)
            return false;
        i = close + 1;
    }
    const std::size_t start = i;
    while (i < s.size() && isDigit(s[i]) && i - start < 4)
        ++i;
    if (i == start || i - start > 3 || i >= s.size() || s[i] != ' ')
        return false;
    if (has_pri)
        return true;
    ++i;
    if (i + 1 < s.size() && s[i] == '-' && s[i + 1] == ' ')
        return true;
    return i + 4 < s.size() && isDigit(s[i]) && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) &&
           s[i + 4] == '-';
}

Event errorEvent(std::string_view record, const char* format, const Context& context, const Event& partial,
                 const detail::ParseFailure& failure)
{
    Event event;
    event.ts = context.received_at;
    event.received_at = context.received_at;
    event.host = context.peer_address;
    event.severity = partial.severity; // only ever set from a valid PRI
    event.facility = partial.facility;
    event.format = format;
    event.message.assign(record);
    event.fields.emplace_back("parse_error", detail::withColumn(failure));
    event.parse_error = true;
    return event;
}

Event freshEvent(std::string_view record, const Context& context)
{
    Event event;
    event.received_at = context.received_at;
    event.raw.assign(record);
    return event;
}


// Which grammar a record is in, judged from its first bytes; Auto means syslog.
Format sniff(std::string_view s, std::size_t begin)
{
    const std::string_view head = s.substr(begin);
    if (head.starts_with('{'))
        return Format::Json;
    if (head.starts_with("CEF:"))
        return Format::Cef;
    if (head.starts_with("LEEF:"))
        return Format::Leef;
    return Format::Auto;
}

// RFC 5424 or RFC 3164 (Auto decides, see the header); false after `refuse` was called.
template <typename Refuse>
bool parseSyslog(std::string_view s, std::size_t begin, Format format, const Context& context, Event& event,
                 const Refuse& refuse)
{
    bool has_pri = false;
    const bool as_5424 =
        format == Format::Rfc5424 || (format == Format::Auto && looksLikeRfc5424(s, begin, has_pri));
    detail::ParseFailure failure;
    if (!as_5424) {
        if (detail::parseRfc3164(s, begin, context, event, failure))
            return true;
        refuse("rfc3164", failure);
        return false;
    }
    const auto result = detail::parseRfc5424(s, begin, format == Format::Rfc5424 || has_pri, context, event);
    if (result.ok)
        return true;
    if (format == Format::Auto && !result.past_header) {
        // Only looked like RFC 5424 ("<13>1 apple fell"): read it as BSD syslog.
        std::string raw = std::move(event.raw);
        event = Event{};
        event.received_at = context.received_at;
        event.raw = std::move(raw);
        if (detail::parseRfc3164(s, begin, context, event, failure))
            return true;
    }
    refuse("rfc5424", result.failure);
    return false;
}

} // namespace

std::optional<Format> formatFromName(std::string_view name)
{
    if (name == "auto")
        return Format::Auto;
    if (name == "rfc5424")
        return Format::Rfc5424;
    if (name == "rfc3164")
        return Format::Rfc3164;
    if (name == "cef")
        return Format::Cef;
    if (name == "leef")
        return Format::Leef;
    if (name == "json")
        return Format::Json;
    return std::nullopt;
}

std::string_view formatName(Format format)
{
    switch (format) {
    case Format::Auto:
        return "auto";
    case Format::Rfc5424:
        return "rfc5424";
    case Format::Rfc3164:
        return "rfc3164";
    case Format::Cef:
        return "cef";
    case Format::Leef:
        return "leef";
    case Format::Json:
        return "json";
    }
    return "auto";
}

Event parseRecord(std::string_view record, Format format, const Context& context)
{
    // Surrounding whitespace and line terminators carry no meaning (raw keeps them); columns
    // stay offsets into the record as received.
    std::size_t begin = 0;
    std::size_t end = record.size();
    while (begin < end && isTrimmed(record[begin]))
        ++begin;
    while (end > begin && isTrimmed(record[end - 1]))
        --end;
    const std::string_view s = record.substr(0, end);

    Event event = freshEvent(record, context);
    // Replaces what was parsed so far by the flagged raw event, keeping the exact bytes.
    const auto refuse = [&](const char* grammar, const detail::ParseFailure& failure) {
        Event error = errorEvent(record, grammar, context, event, failure);
        error.raw = std::move(event.raw);
        event = std::move(error);
    };
    detail::ParseFailure failure;
    switch (format == Format::Auto ? sniff(s, begin) : format) {
    case Format::Json:
        if (!detail::parseJson(s, begin, event, failure))
            refuse("json", failure);
        break;
    case Format::Cef:
        if (!detail::parseCef(s, begin, event, failure))
            refuse("cef", failure);
        break;
    case Format::Leef:
        if (!detail::parseLeef(s, begin, event, failure))
            refuse("leef", failure);
        break;
    case Format::Auto:
    case Format::Rfc5424:
    case Format::Rfc3164:
        if (!parseSyslog(s, begin, format, context, event, refuse))
            break;
        // Appliances forward CEF and LEEF inside a syslog envelope: the header gives the
        // sender and time when the payload does not.
        if (format == Format::Auto && (event.message.starts_with("CEF:") || event.message.starts_with("LEEF:")) &&
            s.ends_with(event.message)) {
            // The message is the record's tail: parse it in place so error columns count from
            // the start of the record, as for every other grammar.
            const std::size_t at = s.size() - event.message.size();
            event.message.clear();
            const bool cef = s.substr(at).starts_with("CEF:");
            if (!(cef ? detail::parseCef(s, at, event, failure) : detail::parseLeef(s, at, event, failure))) {
                refuse(cef ? "cef" : "leef", failure);
                break;
            }
        } else {
            detail::extractFromMessage(event);
        }
        break;
    }
    if (!event.parse_error) {
        if (event.ts == Timestamp{})
            event.ts = context.received_at;
        if (event.host.empty())
            event.host = context.peer_address;
    }
    sanitizeForText(event);
    return event;
}

void sanitizeForText(Event& event)
{
    using detail::repairUtf8;
    // The text grammars only cut their values out of the record at ASCII delimiters and decode
    // ASCII escapes, so when the record itself is clean UTF-8 so is everything taken from it —
    // the common case, checked in one pass. JSON can decode \u0000 into a NUL: always checked.
    const bool text_grammar =
        event.format == "rfc5424" || event.format == "rfc3164" || event.format == "cef" || event.format == "leef";
    if (text_grammar && !detail::needsRepair(event.raw))
        return;
    for (std::string* text :
         {&event.host, &event.app, &event.category, &event.action, &event.outcome, &event.user_name,
          &event.source_ip, &event.dest_ip, &event.process, &event.format, &event.message})
        repairUtf8(*text);
    for (auto& [key, value] : event.fields) {
        repairUtf8(key);
        repairUtf8(value);
    }
    if (detail::needsRepair(event.raw)) {
        std::string encoded = detail::base64Encode(event.raw);
        repairUtf8(event.raw);
        event.fields.emplace_back("raw_b64", std::move(encoded));
    }
}

} // namespace vigie::parse
