#include "parse/rfc5424_parser.h"

namespace vigie::parse::detail {

namespace {

constexpr const char* kVersion = "expecting a version value in the range 1-999";
constexpr const char* kHostname =
    "expecting an hostname (from 1 to max 255 US-ASCII characters) or a nil value";
constexpr const char* kAppName =
    "expecting an app-name (from 1 to max 48 US-ASCII characters) or a nil value";
constexpr const char* kProcid = "expecting a procid (from 1 to max 128 US-ASCII characters) or a nil value";
constexpr const char* kMsgid = "expecting a msgid (from 1 to max 32 US-ASCII characters) or a nil value";
constexpr const char* kSd = "expecting a structured data section containing one or more elements "
                            "(`[id( key=\"value\")*]+`) or a nil value";
constexpr const char* kSyntax = "parsing error";

// One of HOSTNAME, APP-NAME, PROCID, MSGID: NILVALUE or 1..max PRINTUSASCII, then SP.
// `value` is empty for NILVALUE. `next_reason` names what a premature end is missing.
bool headerField(std::string_view s, std::size_t& pos, std::size_t max, const char* reason,
                 const char* next_reason, std::string_view& value, ParseFailure& failure)
{
    const std::size_t start = pos;
    std::size_t i = pos;
    while (i < s.size() && isPrintUsAscii(s[i]) && i - start < max)
        ++i;
    if (i == start || (i < s.size() && s[i] != ' ')) {
        failure = {i, reason};
        return false;
    }
    if (i >= s.size()) {
        failure = {i, next_reason};
        return false;
    }
    value = s.substr(start, i - start);
    if (value == "-")
        value = {};
    pos = i + 1;
    return true;
}

} // namespace

Rfc5424Result parseRfc5424(std::string_view s, std::size_t pos, bool require_pri, const Context& context,
                           Event& event)
{
    Rfc5424Result result;
    ParseFailure& failure = result.failure;
    std::size_t i = pos;

    if (require_pri || (i < s.size() && s[i] == '<')) {
        int pri = 0;
        if (!parsePri(s, i, true, pri, failure))
            return result;
        applyPri(event, pri);
    }

    // VERSION: 1-999, no leading zero. Not kept: every sender in the field uses 1.
    if (i >= s.size() || s[i] < '1' || s[i] > '9') {
        failure = {i, kVersion};
        return result;
    }
    const std::size_t version_start = i;
    while (i < s.size() && isDigit(s[i])) {
        if (i - version_start == 3) {
            failure = {i, kVersion};
            return result;
        }
        ++i;
    }
    if (i >= s.size() || s[i] != ' ') {
        failure = {i, kSyntax};
        return result;
    }
    ++i;

    if (i < s.size() && s[i] == '-') {
        event.ts = context.received_at;
        ++i;
    } else if (!parseRfc3339(s, i, true, event.ts, failure)) {
        return result;
    }
    if (i >= s.size() || s[i] != ' ') {
        failure = {i, kSyntax};
        return result;
    }
    ++i;
    result.past_header = true;

    std::string_view hostname, app_name, procid, msgid;
    if (!headerField(s, i, 255, kHostname, kAppName, hostname, failure) ||
        !headerField(s, i, 48, kAppName, kProcid, app_name, failure) ||
        !headerField(s, i, 128, kProcid, kMsgid, procid, failure) ||
        !headerField(s, i, 32, kMsgid, kSd, msgid, failure))
        return result;

    event.format = "rfc5424";
    if (hostname.empty())
        event.host = context.peer_address;
    else
        event.host.assign(hostname);
    event.app.assign(app_name);
    applyProcid(event, procid);
    if (!msgid.empty())
        event.fields.emplace_back("msgid", std::string(msgid));

    if (i >= s.size()) {
        failure = {i, kSd};
        return result;
    }
    if (s[i] == '-') {
        ++i;
    } else if (s[i] == '[') {
        std::size_t params = 0;
        if (!parseStructuredData(s, i, event, params, failure))
            return result;
    } else {
        failure = {i, kSd};
        return result;
    }

    if (i < s.size()) {
        if (s[i] != ' ') {
            failure = {i, kSd};
            return result;
        }
        std::string_view msg = s.substr(i + 1);
        // RFC 5424 §6.4: a BOM announces UTF-8; it is an encoding mark, not message text.
        if (msg.starts_with("\xEF\xBB\xBF"))
            msg.remove_prefix(3);
        event.message.assign(msg);
    }
    result.ok = true;
    return result;
}

} // namespace vigie::parse::detail
