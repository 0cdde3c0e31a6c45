// CEF and LEEF records (see cef_leef_parser.h). Runs on the parse workers: pure functions that
// scan string_views by hand (no regex) and allocate only the strings kept in the Event.
//
// Decisions an analyst or a rule writer may need to know:
//  - Everything is kept: the header as fields "cef.version", "cef.device_vendor",
//    "cef.device_product", "cef.device_version", "cef.signature_id", "cef.name", "cef.severity"
//    ("leef.version", "leef.vendor", "leef.product", "leef.product_version", "leef.event_id",
//    "leef.delimiter"), and every extension key as "cef.<key>" / "leef.<key>" with its value
//    unescaped, also when it fills a column. The column holds the normalised value (severity
//    0-7, outcome success/failure, ts as an instant), the field what the device wrote, so
//    evidence stays exact and Sigma mappings written against CEF names keep working. An
//    extension key that would overwrite a header field is stored as "cef.ext.<key>"; a key
//    repeated in one record keeps its last value (as jsonb would).
//  - Severity: CEF 0-3 / Low -> 6 (informational), 4-6 / Medium -> 4 (warning), 7-8 / High -> 3
//    (error), 9-10 / Very-High -> 2 (critical); LEEF sev uses the same scale. It replaces the
//    envelope's PRI severity, which appliances tend to set to one value for every event.
//  - Time: rt, else end, else start (LEEF devTime): epoch milliseconds (seconds when the number
//    is below 1e11, which as milliseconds would be 1973), ISO 8601, or "MMM dd [yyyy]
//    HH:mm:ss[.SSS] [zone]" (no zone or an unknown one: the collector's local time, as for BSD
//    syslog). The device's own time wins over the syslog envelope's; an unreadable value leaves
//    the envelope's time (or the receipt time) in place.
//  - Host: dvchost (the device itself) wins over the envelope's hostname, which is often a
//    relay; without either, dvc (the device address), then dhost (the event's destination,
//    which endpoint products use for the machine the event is about).
//  - app: the syslog tag when the envelope had one, else Device Product / Product. The CEF "app"
//    key is the application protocol (HTTP, SSH...), not a program: it stays in cef.app.
//  - category: only when cat names an ECS category outright ("network", "authentication"...);
//    vendor taxonomies such as "/Firewall/Deny" stay in fields.
//  - Line breaks: a raw line break inside a record is a folded line and reads as a space; a line
//    break followed by "CEF:"/"LEEF:" means several records were framed as one, which is
//    refused (the raw text is kept) rather than silently merged.
//  - Text before "CEF:"/"LEEF:" (only possible when the source is pinned to the format): a
//    "[<PRI>]Mmm dd [yyyy] hh:mm:ss host" prefix supplies severity/facility, ts and host,
//    anything else is kept in fields as "cef.prefix" / "leef.prefix".
//  - Not supported: per-source separator options (axosyslog's pair_separator), LEEF values with
//    escapes (LEEF defines none), devTimeFormat patterns other than the shapes above.
#include "parse/cef_leef_parser.h"

#include <arpa/inet.h>

#include <array>
#include <chrono>
#include <climits>
#include <cstring>
#include <optional>
#include <string>

namespace vigie::parse::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (toLower(a[k]) != toLower(b[k]))
            return false;
    return true;
}

std::string_view trim(std::string_view v)
{
    while (!v.empty() && isSpace(v.front()))
        v.remove_prefix(1);
    while (!v.empty() && isSpace(v.back()))
        v.remove_suffix(1);
    return v;
}

// Appends `part`, each raw line break (CR, LF or CR LF) read as one space: a folded line.
void appendFolded(std::string& out, std::string_view part)
{
    std::size_t run = 0;
    for (std::size_t k = 0; k < part.size(); ++k) {
        if (part[k] != '\n' && part[k] != '\r')
            continue;
        out.append(part.data() + run, k - run);
        out.push_back(' ');
        if (part[k] == '\r' && k + 1 < part.size() && part[k + 1] == '\n')
            ++k;
        run = k + 1;
    }
    out.append(part.data() + run, part.size() - run);
}

// One '|'-terminated header field at `i`, with the header escapes \| and \\ (any other
// backslash stays as written). False when the record ends before the closing pipe.
bool readHeaderField(std::string_view s, std::size_t& i, std::string& out)
{
    out.clear();
    std::size_t run = i;
    for (std::size_t k = i; k < s.size(); ++k) {
        const char c = s[k];
        if (c == '|') {
            appendFolded(out, s.substr(run, k - run));
            i = k + 1;
            return true;
        }
        if (c == '\\' && k + 1 < s.size() && (s[k + 1] == '|' || s[k + 1] == '\\')) {
            appendFolded(out, s.substr(run, k - run));
            out.push_back(s[k + 1]);
            ++k;
            run = k + 1;
        }
    }
    return false;
}

// A CEF extension value: \= \\ \| \n \r are escapes; any other backslash stays as written.
std::string cefValue(std::string_view v)
{
    std::string out;
    out.reserve(v.size());
    std::size_t run = 0;
    for (std::size_t k = 0; k < v.size(); ++k) {
        const char c = v[k];
        if (c == '\\' && k + 1 < v.size()) {
            const char next = v[k + 1];
            char decoded = 0;
            if (next == '=' || next == '\\' || next == '|')
                decoded = next;
            else if (next == 'n')
                decoded = '\n';
            else if (next == 'r')
                decoded = '\r';
            if (decoded != 0) {
                appendFolded(out, v.substr(run, k - run));
                out.push_back(decoded);
                ++k;
                run = k + 1;
            }
        }
    }
    appendFolded(out, v.substr(run));
    return out;
}

bool isVersion(std::string_view v)
{
    if (v.empty() || !isDigit(v.front()))
        return false;
    for (char c : v)
        if (!isDigit(c) && c != '.')
            return false;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Columns filled from standard keys.

enum class Slot {
    SourceIp,
    DestIp,
    SourcePort,
    DestPort,
    SourceUser,
    DestUser,
    Action,
    Outcome,
    Message,
    Time,
    EndTime,
    StartTime,
    DeviceHost,
    DeviceAddress,
    DestHost,
    SourceProcess,
    DestProcess,
    Category,
    DevicePid,
    Severity,
    Count,
};

struct KeySlot {
    std::string_view key;
    Slot slot;
};

// CEF keys by their short name and the full name of the ArcSight dictionary.
constexpr std::array<KeySlot, 38> kCefKeys{{
    {"src", Slot::SourceIp},
    {"sourceAddress", Slot::SourceIp},
    {"dst", Slot::DestIp},
    {"destinationAddress", Slot::DestIp},
    {"spt", Slot::SourcePort},
    {"sourcePort", Slot::SourcePort},
    {"dpt", Slot::DestPort},
    {"destinationPort", Slot::DestPort},
    {"suser", Slot::SourceUser},
    {"sourceUserName", Slot::SourceUser},
    {"duser", Slot::DestUser},
    {"destinationUserName", Slot::DestUser},
    {"act", Slot::Action},
    {"deviceAction", Slot::Action},
    {"outcome", Slot::Outcome},
    {"eventOutcome", Slot::Outcome},
    {"msg", Slot::Message},
    {"message", Slot::Message},
    {"rt", Slot::Time},
    {"receiptTime", Slot::Time},
    {"end", Slot::EndTime},
    {"endTime", Slot::EndTime},
    {"start", Slot::StartTime},
    {"startTime", Slot::StartTime},
    {"dvchost", Slot::DeviceHost},
    {"deviceHostName", Slot::DeviceHost},
    {"dvc", Slot::DeviceAddress},
    {"deviceAddress", Slot::DeviceAddress},
    {"dhost", Slot::DestHost},
    {"destinationHostName", Slot::DestHost},
    {"sproc", Slot::SourceProcess},
    {"sourceProcessName", Slot::SourceProcess},
    {"dproc", Slot::DestProcess},
    {"destinationProcessName", Slot::DestProcess},
    {"cat", Slot::Category},
    {"deviceEventCategory", Slot::Category},
    {"dvcpid", Slot::DevicePid},
    {"deviceProcessId", Slot::DevicePid},
}};

// LEEF's predefined keys (IBM's LEEF guide), plus the action/msg/outcome keys many vendors add.
constexpr std::array<KeySlot, 13> kLeefKeys{{
    {"src", Slot::SourceIp},
    {"dst", Slot::DestIp},
    {"srcPort", Slot::SourcePort},
    {"dstPort", Slot::DestPort},
    {"usrName", Slot::SourceUser},
    {"accountName", Slot::DestUser},
    {"action", Slot::Action},
    {"outcome", Slot::Outcome},
    {"msg", Slot::Message},
    {"devTime", Slot::Time},
    {"cat", Slot::Category},
    {"sev", Slot::Severity},
    {"identHostName", Slot::DestHost},
}};

template <std::size_t N> const Slot* slotOf(const std::array<KeySlot, N>& table, std::string_view key)
{
    for (const auto& entry : table)
        if (entry.key == key)
            return &entry.slot;
    return nullptr;
}

// Where this record's fields start, and which field holds each standard key.
struct Collected {
    std::size_t first_field = 0;
    std::array<std::size_t, static_cast<std::size_t>(Slot::Count)> at{};
    Collected() { at.fill(npos); }

    const std::string* value(const Event& event, Slot slot) const
    {
        const std::size_t index = at[static_cast<std::size_t>(slot)];
        return index == npos ? nullptr : &event.fields[index].second;
    }
};

// The dialect-specific parts: field prefix, the names the header uses, the key table.
struct Dialect {
    std::string_view prefix;              // "cef." / "leef."
    const std::string_view* header_names; // header fields, which an extension key may not shadow
    std::size_t header_count;
    const Slot* (*slot_of)(std::string_view key);
};

constexpr std::array<std::string_view, 9> kCefHeaderNames{"version",        "device_vendor", "device_product",
                                                          "device_version", "signature_id",  "name",
                                                          "severity",       "prefix",        "unparsed"};
constexpr std::array<std::string_view, 8> kLeefHeaderNames{
    "version", "vendor", "product", "product_version", "event_id", "delimiter", "prefix", "unparsed"};

const Dialect kCef{"cef.", kCefHeaderNames.data(), kCefHeaderNames.size(),
                   [](std::string_view key) { return slotOf(kCefKeys, key); }};
const Dialect kLeef{"leef.", kLeefHeaderNames.data(), kLeefHeaderNames.size(),
                    [](std::string_view key) { return slotOf(kLeefKeys, key); }};

// Adds "<prefix><name>" = value for a header field (no shadowing check).
std::size_t addHeaderField(Event& event, const Dialect& dialect, std::string_view name, std::string value)
{
    std::string key;
    key.reserve(dialect.prefix.size() + name.size());
    key.append(dialect.prefix).append(name);
    event.fields.emplace_back(std::move(key), std::move(value));
    return event.fields.size() - 1;
}

// Adds an extension key; a key repeated within the record replaces the earlier value.
std::size_t addExtension(Event& event, const Dialect& dialect, Collected& collected, std::string_view name,
                         std::string value)
{
    bool shadows_header = false;
    for (std::size_t k = 0; k < dialect.header_count; ++k)
        shadows_header = shadows_header || dialect.header_names[k] == name;
    std::string key;
    key.reserve(dialect.prefix.size() + 4 + name.size());
    key.append(dialect.prefix);
    if (shadows_header)
        key.append("ext.");
    key.append(name);
    std::size_t index = npos;
    for (std::size_t f = collected.first_field; f < event.fields.size(); ++f) {
        if (event.fields[f].first == key) {
            event.fields[f].second = std::move(value);
            index = f;
            break;
        }
    }
    if (index == npos) {
        event.fields.emplace_back(std::move(key), std::move(value));
        index = event.fields.size() - 1;
    }
    if (!shadows_header)
        if (const Slot* slot = dialect.slot_of(name))
            collected.at[static_cast<std::size_t>(*slot)] = index;
    return index;
}

// ---------------------------------------------------------------------------------------------
// Normalising values.

bool isIpAddress(std::string_view v)
{
    char text[INET6_ADDRSTRLEN + 1];
    if (v.empty() || v.size() >= sizeof text)
        return false;
    std::memcpy(text, v.data(), v.size());
    text[v.size()] = '\0';
    unsigned char bytes[16];
    return inet_pton(AF_INET, text, bytes) == 1 || inet_pton(AF_INET6, text, bytes) == 1;
}

bool parseNumber(std::string_view v, std::int64_t max, std::int64_t& out)
{
    v = trim(v);
    if (v.empty() || v.size() > 18)
        return false;
    std::int64_t value = 0;
    for (char c : v) {
        if (!isDigit(c))
            return false;
        value = value * 10 + (c - '0');
    }
    if (value > max)
        return false;
    out = value;
    return true;
}

// CEF/LEEF severity -> syslog severity (see the top of the file); nullopt when unknown.
std::optional<std::int16_t> mapSeverity(std::string_view v)
{
    v = trim(v);
    std::int64_t number = 0;
    if (parseNumber(v, 10, number)) {
        if (number <= 3)
            return 6;
        if (number <= 6)
            return 4;
        if (number <= 8)
            return 3;
        return 2;
    }
    if (equalsIgnoreCase(v, "low"))
        return 6;
    if (equalsIgnoreCase(v, "medium"))
        return 4;
    if (equalsIgnoreCase(v, "high"))
        return 3;
    if (equalsIgnoreCase(v, "very-high") || equalsIgnoreCase(v, "very high") ||
        equalsIgnoreCase(v, "veryhigh"))
        return 2;
    return std::nullopt;
}

// ECS event.outcome from what devices write ("success", "Failed", ArcSight's "/Failure"...);
// empty when it is not clearly one of them.
std::string_view normaliseOutcome(std::string_view v)
{
    v = trim(v);
    if (!v.empty() && v.front() == '/')
        v.remove_prefix(1);
    for (std::string_view word : {"success", "successful", "succeeded", "succeed", "ok", "true"})
        if (equalsIgnoreCase(v, word))
            return "success";
    for (std::string_view word : {"failure", "failed", "fail", "false", "error"})
        if (equalsIgnoreCase(v, word))
            return "failure";
    if (equalsIgnoreCase(v, "unknown"))
        return "unknown";
    return {};
}

std::string_view ecsCategory(std::string_view v)
{
    static constexpr std::array<std::string_view, 20> kCategories{
        "api",      "authentication", "configuration", "database",      "driver",
        "email",    "file",           "host",          "iam",           "intrusion_detection",
        "library",  "malware",        "network",       "package",       "process",
        "registry", "session",        "threat",        "vulnerability", "web"};
    v = trim(v);
    for (std::string_view category : kCategories)
        if (equalsIgnoreCase(v, category))
            return category;
    return {};
}

// A device time (see the top of the file); false when unreadable.
bool parseDeviceTime(std::string_view v, Timestamp received_at, Timestamp& out)
{
    using namespace std::chrono;
    v = trim(v);
    if (v.empty())
        return false;
    std::int64_t number = 0;
    if (parseNumber(v, 999'999'999'999'999, number)) {
        out = number < 100'000'000'000 ? Timestamp(seconds(number)) : Timestamp(milliseconds(number));
        return true;
    }
    ParseFailure ignored;
    std::size_t p = 0;
    if (v.size() > 4 && isDigit(v[0]) && isDigit(v[1]) && isDigit(v[2]) && isDigit(v[3]) && v[4] == '-') {
        Timestamp t;
        if (!parseRfc3339(v, p, false, t, ignored) || p != v.size())
            return false;
        out = t;
        return true;
    }
    CivilTime civil;
    if (parseBsdTimestamp(v, p, civil, ignored) != Scan::Ok)
        return false;
    const std::string_view zone = trim(v.substr(p));
    int offset = 0;
    if (!zone.empty() && parseZoneOffset(zone, offset))
        out = civil.year != 0 ? civilToUtc(civil) - seconds(offset)
                              : resolveBsdTimestampWithOffset(civil, offset, received_at);
    else
        out = civil.year != 0 ? localToUtc(civil) : resolveBsdTimestamp(civil, received_at);
    return true;
}

bool isHostName(std::string_view v)
{
    if (v.empty())
        return false;
    for (char c : v)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '-' ||
              c == '_' || c == ':'))
            return false;
    return true;
}

// Fills the columns from the standard keys collected while parsing.
void applyColumns(Event& event, const Collected& c, std::string_view fallback_message)
{
    auto value = [&](Slot slot) { return c.value(event, slot); };
    auto nonEmpty = [&](Slot slot) -> const std::string* {
        const std::string* v = value(slot);
        return v != nullptr && !trim(*v).empty() ? v : nullptr;
    };
    if (const std::string* v = value(Slot::SourceIp); v && isIpAddress(trim(*v)))
        event.source_ip.assign(trim(*v));
    if (const std::string* v = value(Slot::DestIp); v && isIpAddress(trim(*v)))
        event.dest_ip.assign(trim(*v));
    std::int64_t number = 0;
    if (const std::string* v = value(Slot::SourcePort); v && parseNumber(*v, 65535, number))
        event.source_port = static_cast<std::int32_t>(number);
    if (const std::string* v = value(Slot::DestPort); v && parseNumber(*v, 65535, number))
        event.dest_port = static_cast<std::int32_t>(number);
    if (const std::string* v = value(Slot::DevicePid); v && !event.pid && parseNumber(*v, INT32_MAX, number))
        event.pid = static_cast<std::int32_t>(number);
    if (const std::string* v =
            nonEmpty(Slot::SourceUser) ? nonEmpty(Slot::SourceUser) : nonEmpty(Slot::DestUser))
        event.user_name.assign(trim(*v));
    if (const std::string* v =
            nonEmpty(Slot::SourceProcess) ? nonEmpty(Slot::SourceProcess) : nonEmpty(Slot::DestProcess))
        event.process.assign(trim(*v));
    if (const std::string* v = nonEmpty(Slot::Action))
        event.action.assign(trim(*v));
    if (const std::string* v = value(Slot::Outcome))
        event.outcome.assign(normaliseOutcome(*v));
    if (const std::string* v = value(Slot::Category))
        event.category.assign(ecsCategory(*v));
    if (const std::string* v = value(Slot::Severity))
        if (const auto severity = mapSeverity(*v))
            event.severity = severity;

    if (const std::string* v = nonEmpty(Slot::Message))
        event.message = *v;
    else
        event.message.assign(fallback_message);

    for (Slot slot : {Slot::Time, Slot::EndTime, Slot::StartTime}) {
        Timestamp t;
        if (const std::string* v = value(slot); v && parseDeviceTime(*v, event.received_at, t)) {
            event.ts = t;
            break;
        }
    }

    if (const std::string* v = nonEmpty(Slot::DeviceHost))
        event.host.assign(trim(*v));
    else if (event.host.empty())
        if (const std::string* w =
                nonEmpty(Slot::DeviceAddress) ? nonEmpty(Slot::DeviceAddress) : nonEmpty(Slot::DestHost))
            event.host.assign(trim(*w));
}

// ---------------------------------------------------------------------------------------------
// Framing checks shared by both formats.

// Finds `tag` ("CEF:"/"LEEF:") at s[i..]: at i, or after a prefix the caller did not parse as
// syslog (then read as "[<PRI>]Mmm dd [yyyy] hh:mm:ss host", else kept in "<prefix>prefix").
// Advances i to the tag; false with `failure` when there is none.
bool findTag(std::string_view s, std::size_t& i, std::string_view tag, const Dialect& dialect, Event& event,
             ParseFailure& failure, const char* missing)
{
    if (s.substr(i).starts_with(tag))
        return true;
    std::size_t at = i;
    while (true) {
        at = s.find(tag, at + 1);
        if (at == npos) {
            failure = {i, missing};
            return false;
        }
        if (s[at - 1] == ' ' || s[at - 1] == '\t')
            break;
    }
    const std::string_view prefix = trim(s.substr(i, at - i));
    std::size_t p = 0;
    int pri = -1;
    ParseFailure ignored;
    if (!prefix.empty() && prefix.front() == '<' && !parsePri(prefix, p, false, pri, ignored))
        pri = -1;
    while (p < prefix.size() && prefix[p] == ' ')
        ++p;
    CivilTime civil;
    bool understood = false;
    if (parseBsdTimestamp(prefix, p, civil, ignored) == Scan::Ok) {
        const std::string_view host = trim(prefix.substr(p));
        if (host.empty() || isHostName(host)) {
            understood = true;
            event.ts = civil.year != 0 ? localToUtc(civil) : resolveBsdTimestamp(civil, event.received_at);
            if (!host.empty() && event.host.empty())
                event.host.assign(host);
        }
    }
    if (pri >= 0)
        applyPri(event, pri);
    if (!understood && !prefix.empty())
        addHeaderField(event, dialect, "prefix", std::string(prefix));
    i = at;
    return true;
}

// A line break followed by the tag: several records framed as one. Its column, or npos.
std::size_t embeddedRecord(std::string_view s, std::size_t from, std::string_view tag)
{
    for (std::size_t k = from; k < s.size(); ++k)
        if ((s[k] == '\n' || s[k] == '\r') && s.substr(k + 1).starts_with(tag))
            return k;
    return npos;
}

// ---------------------------------------------------------------------------------------------
// CEF extension: "key=value key2=value with spaces key3=...". A value runs until the whitespace
// before the next "key=" (a key being a run of non-blank characters up to an unescaped '=').

struct NextKey {
    std::size_t value_end; // where the current value stops (the whitespace before the key)
    std::size_t key_start;
    std::size_t equals; // npos when no key follows
};

// Whether the token at t is a key: its '=' position, or npos.
std::size_t keyAt(std::string_view s, std::size_t t)
{
    std::size_t k = t;
    while (k < s.size() && !isSpace(s[k]) && s[k] != '=' && s[k] != '\\')
        ++k;
    return (k > t && k < s.size() && s[k] == '=') ? k : npos;
}

NextKey findNextKey(std::string_view s, std::size_t from)
{
    const std::size_t n = s.size();
    std::size_t k = from;
    while (k < n) {
        const char c = s[k];
        if (c == '\\') {
            k += 2; // an escaped character never starts or ends anything
            continue;
        }
        if (!isSpace(c)) {
            ++k;
            continue;
        }
        const std::size_t blank = k;
        while (k < n && isSpace(s[k]))
            ++k;
        if (const std::size_t equals = keyAt(s, k); equals != npos)
            return {blank, k, equals};
    }
    return {n, n, npos};
}

void parseCefExtension(std::string_view s, std::size_t i, Event& event, Collected& collected)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    if (i >= s.size())
        return;
    std::size_t equals = keyAt(s, i);
    if (equals == npos) {
        // Text that is not key=value: kept, not lost.
        const NextKey next = findNextKey(s, i);
        addExtension(event, kCef, collected, "unparsed", cefValue(trim(s.substr(i, next.value_end - i))));
        i = next.key_start;
        equals = next.equals;
    }
    while (equals != npos) {
        const std::string_view key = s.substr(i, equals - i);
        const NextKey next = findNextKey(s, equals + 1);
        std::string_view value = s.substr(equals + 1, next.value_end - equals - 1);
        while (!value.empty() && isSpace(value.back()))
            value.remove_suffix(1);
        addExtension(event, kCef, collected, key, cefValue(value));
        i = next.key_start;
        equals = next.equals;
    }
}

// ---------------------------------------------------------------------------------------------
// LEEF 2.0 delimiter field: "", a single character, or its code in hex ("x09", "0x5e").
// False when `field` is none of those (the record then has no delimiter field).
bool leefDelimiter(std::string_view field, std::string& delimiter, bool& supported)
{
    supported = true;
    if (field.empty()) {
        delimiter = "\t";
        return true;
    }
    if (field.size() == 1) {
        delimiter.assign(field);
        return true;
    }
    std::string_view hex = field;
    if (hex.starts_with("0x") || hex.starts_with("0X"))
        hex.remove_prefix(2);
    else if (hex.starts_with('x') || hex.starts_with('X'))
        hex.remove_prefix(1);
    else
        return false;
    if (hex.empty() || hex.size() > 4)
        return false;
    unsigned code = 0;
    for (char c : hex) {
        const char l = toLower(c);
        if (isDigit(l))
            code = code * 16 + static_cast<unsigned>(l - '0');
        else if (l >= 'a' && l <= 'f')
            code = code * 16 + static_cast<unsigned>(l - 'a' + 10);
        else
            return false;
    }
    // Control characters and ASCII only: what appliances use; anything else is refused rather
    // than split on a guess.
    supported = code >= 1 && code <= 0x7F;
    delimiter.assign(1, static_cast<char>(code));
    return true;
}

void parseLeefExtension(std::string_view s, std::size_t i, std::string_view delimiter, Event& event,
                        Collected& collected)
{
    std::size_t previous = npos; // the field a key-less piece belongs to
    while (i < s.size()) {
        std::size_t end = s.find(delimiter, i);
        if (end == npos)
            end = s.size();
        const std::string_view piece = s.substr(i, end - i);
        i = end + delimiter.size();
        if (trim(piece).empty())
            continue;
        const std::size_t equals = piece.find('=');
        const std::string_view key = equals == npos ? std::string_view() : trim(piece.substr(0, equals));
        if (key.empty()) {
            // No key: the delimiter was part of the previous value ("msg=a^b" with '^').
            if (previous != npos) {
                std::string& value = event.fields[previous].second;
                value.append(delimiter);
                appendFolded(value, piece);
            } else {
                std::string text;
                appendFolded(text, trim(piece));
                previous = addExtension(event, kLeef, collected, "unparsed", std::move(text));
            }
            continue;
        }
        std::string value;
        appendFolded(value, piece.substr(equals + 1));
        previous = addExtension(event, kLeef, collected, key, std::move(value));
    }
}

} // namespace

bool parseCef(std::string_view s, std::size_t pos, Event& event, ParseFailure& failure)
{
    static constexpr std::array<const char*, 7> kMissing{
        "CEF header: expecting '|' after the version",
        "CEF header: Device Vendor is missing",
        "CEF header: Device Product is missing",
        "CEF header: Device Version is missing",
        "CEF header: Signature ID is missing",
        "CEF header: Name is missing",
        "CEF header: Severity is missing (expecting 7 pipe-terminated header fields)",
    };
    Collected collected;
    std::size_t i = pos;
    if (!findTag(s, i, "CEF:", kCef, event, failure, "expecting \"CEF:\""))
        return false;
    if (const std::size_t at = embeddedRecord(s, i, "CEF:"); at != npos) {
        failure = {at, "unescaped line break followed by another CEF record: several records in one"};
        return false;
    }
    i += 4;
    const std::size_t version_at = i;
    std::array<std::string, 7> header;
    for (std::size_t k = 0; k < header.size(); ++k) {
        if (!readHeaderField(s, i, header[k])) {
            failure = {s.size(), kMissing[k]};
            return false;
        }
    }
    if (!isVersion(header[0])) {
        failure = {version_at, "expecting a CEF version number after \"CEF:\""};
        return false;
    }
    collected.first_field = event.fields.size();
    for (std::size_t k = 0; k < header.size(); ++k)
        addHeaderField(event, kCef, kCefHeaderNames[k], header[k]);
    parseCefExtension(s, i, event, collected);

    if (const auto severity = mapSeverity(header[6]))
        event.severity = severity;
    if (event.app.empty())
        event.app = header[2];
    applyColumns(event, collected, header[5]);
    event.format = "cef";
    return true;
}

bool parseLeef(std::string_view s, std::size_t pos, Event& event, ParseFailure& failure)
{
    static constexpr std::array<const char*, 5> kMissing{
        "LEEF header: expecting '|' after the version",
        "LEEF header: Vendor is missing",
        "LEEF header: Product is missing",
        "LEEF header: Product Version is missing",
        "LEEF header: EventID is missing (expecting 5 pipe-terminated header fields)",
    };
    Collected collected;
    std::size_t i = pos;
    if (!findTag(s, i, "LEEF:", kLeef, event, failure, "expecting \"LEEF:\""))
        return false;
    if (const std::size_t at = embeddedRecord(s, i, "LEEF:"); at != npos) {
        failure = {at, "unescaped line break followed by another LEEF record: several records in one"};
        return false;
    }
    i += 5;
    const std::size_t version_at = i;
    std::array<std::string, 5> header;
    for (std::size_t k = 0; k < header.size(); ++k) {
        if (!readHeaderField(s, i, header[k])) {
            failure = {s.size(), kMissing[k]};
            return false;
        }
    }
    if (!isVersion(header[0])) {
        failure = {version_at, "expecting a LEEF version number after \"LEEF:\""};
        return false;
    }
    // LEEF 2.0 names its delimiter in a sixth header field, which senders sometimes leave out:
    // only a field that reads as a delimiter is taken as one.
    std::string delimiter = "\t";
    std::optional<std::string_view> delimiter_field;
    if (!header[0].starts_with("1.") && header[0] != "1") {
        if (const std::size_t bar = s.find('|', i); bar != npos) {
            bool supported = true;
            const std::string_view field = s.substr(i, bar - i);
            if (leefDelimiter(field, delimiter, supported)) {
                if (!supported) {
                    failure = {i, "unsupported LEEF delimiter (expecting one ASCII character)"};
                    return false;
                }
                delimiter_field = field;
                i = bar + 1;
            }
        }
    }
    collected.first_field = event.fields.size();
    for (std::size_t k = 0; k < header.size(); ++k)
        addHeaderField(event, kLeef, kLeefHeaderNames[k], header[k]);
    if (delimiter_field)
        addHeaderField(event, kLeef, "delimiter", delimiter_field->empty() ? std::string() : delimiter);
    parseLeefExtension(s, i, delimiter, event, collected);

    if (event.app.empty())
        event.app = header[2];
    applyColumns(event, collected, header[4]);
    event.format = "leef";
    return true;
}

} // namespace vigie::parse::detail
