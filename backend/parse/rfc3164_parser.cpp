#include "parse/rfc3164_parser.h"

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

    // TAG: up to ':' (included, not kept) or a space. Without a timestamp only a word ending
    // in ':' is a tag, otherwise free text ("complete and utter gobbledegook") would lose its
    // first word.
    std::size_t tag_end = i;
    while (tag_end < n && s[tag_end] != ' ' && s[tag_end] != ':')
        ++tag_end;
    const bool colon = tag_end < n && s[tag_end] == ':';
    if ((tag_end > i || colon) && (has_timestamp || colon)) {
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
