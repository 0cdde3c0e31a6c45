// BSD syslog (see rfc3164_parser.h), including the Cisco IOS/NX-OS/ASA variant with its own
// sequence number, clock markers and %FACILITY-SEVERITY-MNEMONIC. Runs on the parse workers.
#include "parse/rfc3164_parser.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::parse::detail {

namespace {

bool isHostChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '-' ||
           c == '_' || c == ':' || c == '/' || c == '@';
}

// rsyslog's heuristic for the word after the timestamp: "sshd[12]:" or "su:" is a tag (the
// sender left its hostname out); a word made of hostname characters is the hostname.
bool looksLikeHostname(std::string_view token)
{
    if (token.empty() || token.back() == ':')
        return false;
    for (char c : token)
        if (!isHostChar(c))
            return false;
    return true;
}

void skipBlanks(std::string_view s, std::size_t& i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
}

bool isUpperOrDigit(char c)
{
    return (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
}

// Cisco's uptime stamp ("service timestamps log uptime"): "00:01:23" or "1d02h", "2w3d", "1y2w".
bool looksLikeUptime(std::string_view token)
{
    if (token.empty() || !isDigit(token.front()))
        return false;
    bool clock = true; // hh:mm:ss
    for (char c : token)
        clock = clock && (isDigit(c) || c == ':');
    if (clock)
        return token.size() == 8 && token[2] == ':' && token[5] == ':';
    bool digits = false;
    for (char c : token) {
        if (isDigit(c)) {
            digits = true;
        } else if ((c == 'y' || c == 'w' || c == 'd' || c == 'h' || c == 'm') && digits) {
            digits = false;
        } else {
            return false;
        }
    }
    return !digits;
}

// Cisco IOS, NX-OS and ASA messages, with or without the device's own fields:
//   "[seq: ][host: ][*|.]Mmm dd [yyyy] hh:mm:ss[.mmm][ ZONE]: %FAC[-SUB]-SEV-MNEMONIC: text"
//   "[seq: ][host: ]<uptime>: %FAC-SEV-MNEMONIC: text"
// '*' says the device clock is not authoritative (never synchronised), '.' that it was but lost
// its time source. Taken only when the %FAC-SEV-MNEMONIC: signature is there and something
// Cisco-specific precedes it (a sequence number, or a device stamp or uptime when
// `need_sequence` is false), so that an rsyslog-style "host %PIX-7-710005: ..." keeps its usual tag reading.
// Fills `event` only on success.
bool parseCisco(std::string_view s, std::size_t i, bool need_sequence, const Context& context, Event& event)
{
    const std::size_t n = s.size();
    std::string_view sequence, host, uptime, zone;
    char marker = 0;
    // "123: "
    {
        std::size_t k = i;
        while (k < n && isDigit(s[k]) && k - i < 10)
            ++k;
        if (k > i && k + 1 < n && s[k] == ':' && s[k + 1] == ' ') {
            sequence = s.substr(i, k - i);
            i = k + 2;
        }
    }
    if (need_sequence && sequence.empty())
        return false;
    // "router1: " or an uptime "1d02h: " / "00:01:23: "
    {
        std::size_t k = i;
        while (k < n && s[k] != ' ' && s[k] != '%')
            ++k;
        if (k > i && s[k - 1] == ':' && k < n && s[k] == ' ') {
            const std::string_view token = s.substr(i, k - 1 - i);
            if (looksLikeUptime(token)) {
                uptime = token;
                i = k + 1;
            } else if (looksLikeHostname(token) && token.find(':') == std::string_view::npos) {
                host = token;
                i = k + 1;
            }
        }
    }
    bool has_stamp = false;
    CivilTime civil;
    std::string_view stamp; // as written, zone included
    if (uptime.empty()) {
        std::size_t k = i;
        if (k < n && (s[k] == '*' || s[k] == '.')) {
            marker = s[k];
            ++k;
        }
        const std::size_t stamp_begin = k;
        ParseFailure ignored;
        if (parseBsdTimestamp(s, k, civil, ignored) == Scan::Ok) {
            stamp = s.substr(stamp_begin, k - 1 - stamp_begin);
            if (s[k - 1] != ':') {
                // " UTC:" / " +02:00:" -- the zone, then the colon that ends the stamp.
                std::size_t z = k + 1;
                while (z < n && s[z] != ':' && s[z] != ' ' && z - k <= 6)
                    ++z;
                if (k >= n || z >= n || s[z] != ':' || z == k + 1)
                    return false;
                zone = s.substr(k + 1, z - k - 1);
                stamp = s.substr(stamp_begin, z - stamp_begin);
                for (char c : zone)
                    if (!isUpperOrDigit(c) && c != '+' && c != '-')
                        return false;
                k = z + 1;
            }
            has_stamp = true;
            i = k;
            if (i < n && s[i] == ' ')
                ++i;
        } else if (marker != 0) {
            return false;
        }
    }
    if (sequence.empty() && !has_stamp && uptime.empty())
        return false;
    // "%FAC[-SUB]-SEV-MNEMONIC:"
    if (i >= n || s[i] != '%')
        return false;
    std::size_t colon = i + 1;
    while (colon < n && s[colon] != ':' && s[colon] != ' ')
        ++colon;
    if (colon >= n || s[colon] != ':')
        return false;
    const std::string_view signature = s.substr(i + 1, colon - i - 1);
    const std::size_t first_dash = signature.find('-');
    const std::size_t last_dash = signature.rfind('-');
    if (first_dash == std::string_view::npos || first_dash == 0 || last_dash < 2 ||
        last_dash + 1 >= signature.size() || signature[last_dash - 1] < '0' ||
        signature[last_dash - 1] > '7' || signature[last_dash - 2] != '-')
        return false;
    const std::string_view facility = signature.substr(0, first_dash);
    for (char c : facility)
        if (!isUpperOrDigit(c))
            return false;
    const std::size_t severity_dash = last_dash - 2;
    const std::string_view subfacility =
        severity_dash > first_dash ? signature.substr(first_dash + 1, severity_dash - first_dash - 1)
                                   : std::string_view();
    const int severity = signature[last_dash - 1] - '0';
    const std::string_view mnemonic = signature.substr(last_dash + 1);

    // Committed: fill the event.
    if (has_stamp) {
        int offset = 0;
        Timestamp ts;
        if (!zone.empty() && parseZoneOffset(zone, offset))
            ts = civil.year != 0 ? civilToUtc(civil) - std::chrono::seconds(offset)
                                 : resolveBsdTimestampWithOffset(civil, offset, context.received_at);
        else
            ts = civil.year != 0 ? localToUtc(civil) : resolveBsdTimestamp(civil, context.received_at);
        if (marker == '*') // not authoritative: keep it for the analyst, but not as the event time
            event.fields.emplace_back("cisco.device_time", std::string(stamp));
        else
            event.ts = ts;
    }
    if (event.ts == Timestamp{})
        event.ts = context.received_at;
    if (!host.empty())
        event.host.assign(host);
    event.app.assign(facility);
    if (!event.severity)
        event.severity = static_cast<std::int16_t>(severity);
    if (!sequence.empty())
        event.fields.emplace_back("cisco.sequence", std::string(sequence));
    event.fields.emplace_back("cisco.mnemonic", std::string(mnemonic));
    event.fields.emplace_back("cisco.severity", std::string(1, static_cast<char>('0' + severity)));
    if (!subfacility.empty())
        event.fields.emplace_back("cisco.subfacility", std::string(subfacility));
    if (marker == '*')
        event.fields.emplace_back("cisco.clock", "unsynchronized");
    else if (marker == '.')
        event.fields.emplace_back("cisco.clock", "sync_lost");
    if (!zone.empty())
        event.fields.emplace_back("cisco.timezone", std::string(zone));
    if (!uptime.empty())
        event.fields.emplace_back("cisco.uptime", std::string(uptime));
    i = colon + 1;
    skipBlanks(s, i);
    event.message.assign(s.substr(i));
    event.format = "rfc3164";
    return true;
}

} // namespace

bool parseRfc3164(std::string_view s, std::size_t pos, const Context& context, Event& event,
                  ParseFailure& failure)
{
    std::size_t i = pos;
    const std::size_t n = s.size();
    if (i >= n) {
        failure = {i, "empty record"};
        return false;
    }
    const bool has_pri = s[i] == '<';
    if (has_pri) {
        int pri = 0;
        if (!parsePri(s, i, false, pri, failure))
            return false;
        applyPri(event, pri);
    }
    skipBlanks(s, i); // "<38> Mar  7 ..." is seen in the wild

    // Cisco devices write their own sequence number and clock right after PRI.
    if (parseCisco(s, i, false, context, event)) {
        if (event.host.empty())
            event.host = context.peer_address;
        return true;
    }

    bool has_timestamp = false;
    CivilTime civil;
    switch (parseBsdTimestamp(s, i, civil, failure)) {
    case Scan::Invalid:
        return false;
    case Scan::Ok:
        has_timestamp = true;
        event.ts = civil.year != 0 ? localToUtc(civil) : resolveBsdTimestamp(civil, context.received_at);
        break;
    case Scan::NotFound:
        // The common variant with an ISO 8601 stamp after PRI (rsyslog's RFC3339 template).
        if (i + 4 < n && isDigit(s[i]) && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) &&
            s[i + 4] == '-') {
            if (!parseRfc3339(s, i, false, event.ts, failure))
                return false;
            if (i < n && s[i] != ' ') {
                failure = {i, "expecting a space after the timestamp"};
                return false;
            }
            has_timestamp = true;
        } else if (!has_pri) {
            // Neither PRI nor a timestamp: nothing of the record is understood, so it is
            // kept raw and flagged rather than passed off as a parsed message.
            failure = {i, "expecting a <PRI> or a timestamp"};
            return false;
        } else {
            event.ts = context.received_at;
        }
        break;
    }

    // Like rsyslog, a hostname is only looked for after a timestamp.
    bool has_host = false;
    if (has_timestamp) {
        skipBlanks(s, i);
        std::size_t end = i;
        while (end < n && s[end] != ' ')
            ++end;
        const std::string_view token = s.substr(i, end - i);
        if (looksLikeHostname(token)) {
            event.host.assign(token);
            has_host = true;
            i = end < n ? end + 1 : end; // exactly one separator: a second space means "no tag"
        }
    }
    if (!has_host)
        event.host = context.peer_address;

    // A relay's header before a Cisco message: "Mar  1 18:48:50 10.1.1.1 123: *Mar  1 ...: %SYS-5-...".
    if (has_timestamp && parseCisco(s, i, true, context, event))
        return true;

    // TAG: up to ':' (included, not kept) or a space. Without a timestamp only a word ending
    // in ':' is a tag, otherwise free text ("complete and utter gobbledegook") would lose its
    // first word.
    std::size_t tag_end = i;
    while (tag_end < n && s[tag_end] != ' ' && s[tag_end] != ':')
        ++tag_end;
    const bool colon = tag_end < n && s[tag_end] == ':';
    // CEF and LEEF payloads start with "CEF:" / "LEEF:", which is not a tag: the message keeps
    // it so that parseRecord reads the payload.
    const std::string_view word = s.substr(i, tag_end - i);
    const bool payload = colon && (word == "CEF" || word == "LEEF");
    if ((tag_end > i || colon) && (has_timestamp || colon) && !payload) {
        const std::string_view tag = s.substr(i, tag_end - i);
        const std::size_t bracket = tag.find('[');
        if (bracket != std::string_view::npos && tag.back() == ']') {
            event.app.assign(tag.substr(0, bracket));
            applyProcid(event, tag.substr(bracket + 1, tag.size() - bracket - 2));
        } else {
            event.app.assign(tag);
        }
        i = colon ? tag_end + 1 : tag_end;
    }
    skipBlanks(s, i);

    // rsyslog's own messages and some appliances put RFC 5424 structured data first in the
    // message. Only taken when it parses and carries at least one parameter, so that a kernel
    // "[12345.678]" or an "[audit]" label stays in the text.
    if (i < n && s[i] == '[') {
        const std::size_t fields_before = event.fields.size();
        std::size_t j = i;
        std::size_t params = 0;
        ParseFailure ignored;
        if (parseStructuredData(s, j, event, params, ignored) && params > 0 && (j == n || s[j] == ' ')) {
            i = j;
            skipBlanks(s, i);
        } else {
            event.fields.erase(event.fields.begin() + static_cast<std::ptrdiff_t>(fields_before),
                               event.fields.end());
        }
    }
    event.message.assign(s.substr(i));
    event.format = "rfc3164";
    return true;
}

} // namespace vigie::parse::detail
