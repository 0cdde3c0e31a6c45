#include "parse/syslog_common.h"

#include <array>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace vigie::parse::detail {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;

int digitAt(std::string_view s, std::size_t i)
{
    return s[i] - '0';
}

// Reads exactly two digits at pos, the first within [0, max_first]; on failure `failure`
// points at the offending byte (or the end), as go-syslog reports it.
bool twoDigits(std::string_view s, std::size_t& pos, char max_first, int& value, const char* reason,
               ParseFailure& failure)
{
    if (pos >= s.size() || !isDigit(s[pos]) || s[pos] > max_first) {
        failure = {pos, reason};
        return false;
    }
    if (pos + 1 >= s.size() || !isDigit(s[pos + 1])) {
        failure = {pos + 1, reason};
        return false;
    }
    value = digitAt(s, pos) * 10 + digitAt(s, pos + 1);
    pos += 2;
    return true;
}

bool expectChar(std::string_view s, std::size_t& pos, char c, const char* reason, ParseFailure& failure)
{
    if (pos >= s.size() || s[pos] != c) {
        failure = {pos, reason};
        return false;
    }
    ++pos;
    return true;
}

int monthFromName(std::string_view s, std::size_t pos)
{
    if (pos + 3 > s.size())
        return 0;
    // Lower-case the three letters (ASCII only) so "AUG" and "Aug" both match, as rsyslog does.
    char m[3];
    for (int i = 0; i < 3; ++i) {
        const char c = s[pos + i];
        m[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    static constexpr std::array<std::string_view, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i)
        if (std::string_view(m, 3) == names[i])
            return i + 1;
    return 0;
}

// One cached UTC offset per local hour; 64 slots, picked by a multiplicative hash of the hour,
// so in-order streams, the odd late record and two interleaved clocks (a relay's envelope and
// a device's own stamp years apart) rarely evict each other. Keyed by the TZ environment
// string so a test (or admin) changing TZ is seen.
struct OffsetCache {
    static constexpr std::size_t kSlots = 64;
    const char* tz = nullptr;
    bool valid = false;
    std::array<std::int64_t, kSlots> hour{};
    std::array<std::int64_t, kSlots> offset{};
    std::array<bool, kSlots> used{};
};

std::int64_t localOffsetForHour(std::int64_t local_hour)
{
    thread_local OffsetCache cache;
    // glibc's setenv reuses the string it allocated for an identical NAME=value, so the pointer
    // identifies the value; comparing it costs one environment scan, not a mktime.
    const char* tz = std::getenv("TZ");
    if (!cache.valid || tz != cache.tz) {
        cache = OffsetCache{};
        cache.tz = tz;
        cache.valid = true;
    }
    const std::size_t slot =
        static_cast<std::size_t>((static_cast<std::uint64_t>(local_hour) * 0x9E3779B97F4A7C15ULL) >> 58);
    if (cache.used[slot] && cache.hour[slot] == local_hour)
        return cache.offset[slot];

    // Civil fields of the local hour, then mktime (DST decided by the zone rules).
    const std::int64_t days = local_hour >= 0 ? local_hour / 24 : (local_hour - 23) / 24;
    const int hour = static_cast<int>(local_hour - days * 24);
    // civil_from_days (H. Hinnant's algorithm).
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);

    std::tm tm{};
    tm.tm_year = static_cast<int>(year - 1900);
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_isdst = -1;
    const std::time_t utc = std::mktime(&tm);
    const std::int64_t offset = local_hour * 3600 - static_cast<std::int64_t>(utc);
    cache.used[slot] = true;
    cache.hour[slot] = local_hour;
    cache.offset[slot] = offset;
    return offset;
}

// Length of the valid UTF-8 sequence at i, or 0 with `bad` = length of the maximal invalid
// prefix (Unicode's "maximal subpart" rule: each one becomes a single U+FFFD).
std::size_t utf8SequenceLength(const unsigned char* p, std::size_t n, std::size_t i, std::size_t& bad)
{
    const unsigned char c = p[i];
    std::size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F; // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; // nothing above U+10FFFF
    } else {
        bad = 1;
        return 0;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= n) {
            bad = k;
            return 0;
        }
        const unsigned char b = p[i + k];
        const unsigned char first_lo = k == 1 ? lo : 0x80;
        const unsigned char first_hi = k == 1 ? hi : 0xBF;
        if (b < first_lo || b > first_hi) {
            bad = k;
            return 0;
        }
    }
    return need + 1;
}

inline bool hasZeroByte(std::uint64_t v)
{
    return ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) != 0;
}

// Offset of the first byte that is not plain non-NUL ASCII or valid UTF-8, or npos.
std::size_t firstBadByte(std::string_view text)
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t v;
            std::memcpy(&v, p + i, 8);
            if ((v & 0x8080808080808080ULL) == 0 && !hasZeroByte(v)) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t bad = 0;
        const std::size_t len = utf8SequenceLength(p, n, i, bad);
        if (len == 0)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

} // namespace

bool parsePri(std::string_view s, std::size_t& pos, bool strict, int& pri, ParseFailure& failure)
{
    static constexpr const char* kBrackets = "expecting a priority value within angle brackets";
    static constexpr const char* kRange = "expecting a priority value in the range 1-191 or equal to 0";
    std::size_t i = pos;
    if (i >= s.size() || s[i] != '<') {
        failure = {i, kBrackets};
        return false;
    }
    ++i;
    const std::size_t first = i;
    int value = 0;
    while (i < s.size() && isDigit(s[i])) {
        if (i - first == 3 || (strict && i - first == 1 && s[first] == '0')) {
            failure = {i, kRange};
            return false;
        }
        value = value * 10 + digitAt(s, i);
        ++i;
    }
    if (i == first) {
        failure = {i, kRange};
        return false;
    }
    if (value > 191) {
        failure = {i - 1, kRange};
        return false;
    }
    if (i >= s.size() || s[i] != '>') {
        failure = {i, kBrackets};
        return false;
    }
    pri = value;
    pos = i + 1;
    return true;
}

void applyPri(Event& event, int pri)
{
    event.severity = static_cast<std::int16_t>(pri % 8);
    event.facility = static_cast<std::int16_t>(pri / 8);
}

std::int64_t daysFromCivil(int year, int month, int day)
{
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool isValidDate(int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1)
        return false;
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max = (month == 2 && leap) ? 29 : days[static_cast<std::size_t>(month - 1)];
    return day <= max;
}

Timestamp civilToUtc(const CivilTime& t)
{
    const std::int64_t secs =
        daysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
    return Timestamp(std::chrono::microseconds(secs * kMicrosPerSecond + t.micros));
}

Timestamp localToUtc(const CivilTime& t)
{
    const std::int64_t local_secs =
        daysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
    const std::int64_t local_hour = local_secs >= 0 ? local_secs / 3600 : (local_secs - 3599) / 3600;
    const std::int64_t utc = local_secs - localOffsetForHour(local_hour);
    return Timestamp(std::chrono::microseconds(utc * kMicrosPerSecond + t.micros));
}

bool parseRfc3339(std::string_view s, std::size_t& pos, bool strict, Timestamp& out, ParseFailure& failure)
{
    static constexpr const char* kReason = "expecting a RFC3339MICRO timestamp or a nil value";
    std::size_t i = pos;
    CivilTime t;
    for (int k = 0; k < 4; ++k, ++i) {
        if (i >= s.size() || !isDigit(s[i])) {
            failure = {i, kReason};
            return false;
        }
        t.year = t.year * 10 + digitAt(s, i);
    }
    if (!expectChar(s, i, '-', kReason, failure) || !twoDigits(s, i, '1', t.month, kReason, failure) ||
        !expectChar(s, i, '-', kReason, failure) || !twoDigits(s, i, '3', t.day, kReason, failure))
        return false;
    if (t.month < 1 || t.month > 12) {
        failure = {i - 1, kReason};
        return false;
    }
    if (i < s.size() && !strict && s[i] == 't')
        ++i;
    else if (!expectChar(s, i, 'T', kReason, failure))
        return false;
    if (!twoDigits(s, i, '2', t.hour, kReason, failure))
        return false;
    if (t.hour > 23) {
        failure = {i - 1, kReason};
        return false;
    }
    if (!expectChar(s, i, ':', kReason, failure) || !twoDigits(s, i, '5', t.minute, kReason, failure) ||
        !expectChar(s, i, ':', kReason, failure) || !twoDigits(s, i, '5', t.second, kReason, failure))
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t first = i;
        int scale = 100000;
        while (i < s.size() && isDigit(s[i])) {
            if (i - first == 6) {
                if (strict) {
                    failure = {i, kReason};
                    return false;
                }
                scale = 0; // lenient: digits beyond microseconds are dropped
            }
            t.micros += digitAt(s, i) * scale;
            scale /= 10;
            ++i;
        }
        if (i == first) {
            failure = {i, kReason};
            return false;
        }
    }
    std::int64_t offset_secs = 0;
    bool has_zone = true;
    if (i < s.size() && (s[i] == 'Z' || (!strict && s[i] == 'z'))) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        const bool negative = s[i] == '-';
        ++i;
        int oh = 0, om = 0;
        if (!twoDigits(s, i, '2', oh, kReason, failure))
            return false;
        if (oh > 23) {
            failure = {i - 1, kReason};
            return false;
        }
        if (!strict && i < s.size() && isDigit(s[i])) {
            // lenient "+0200"
        } else if (!expectChar(s, i, ':', kReason, failure)) {
            return false;
        }
        if (!twoDigits(s, i, '5', om, kReason, failure))
            return false;
        offset_secs = (oh * 3600 + om * 60) * (negative ? -1 : 1);
    } else if (strict) {
        failure = {i, kReason};
        return false;
    } else {
        has_zone = false;
    }
    if (!isValidDate(t.year, t.month, t.day)) {
        failure = {i, "day out of range in timestamp"};
        return false;
    }
    out = has_zone ? civilToUtc(t) - std::chrono::seconds(offset_secs) : localToUtc(t);
    pos = i;
    return true;
}

Scan parseBsdTimestamp(std::string_view s, std::size_t& pos, CivilTime& out, ParseFailure& failure)
{
    std::size_t i = pos;
    CivilTime t;
    t.month = monthFromName(s, i);
    if (t.month == 0)
        return Scan::NotFound;
    i += 3;
    if (i >= s.size() || s[i] != ' ')
        return Scan::NotFound;
    while (i < s.size() && s[i] == ' ')
        ++i;
    // Day: one or two digits ("Mar  6", "Mar 7", rsyslog's buggy "Mar 07").
    if (i >= s.size() || !isDigit(s[i]))
        return Scan::NotFound;
    t.day = digitAt(s, i++);
    if (i < s.size() && isDigit(s[i]))
        t.day = t.day * 10 + digitAt(s, i++);
    if (i >= s.size() || s[i] != ' ')
        return Scan::NotFound;
    ++i;
    // Optional year before the time (some Cisco and Juniper devices): "Mar 7 2008 19:06:53".
    if (i + 4 < s.size() && isDigit(s[i]) && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) &&
        s[i + 4] == ' ') {
        t.year = digitAt(s, i) * 1000 + digitAt(s, i + 1) * 100 + digitAt(s, i + 2) * 10 + digitAt(s, i + 3);
        i += 5;
    }
    auto two = [&](int& v) {
        if (i + 1 >= s.size() || !isDigit(s[i]) || !isDigit(s[i + 1]))
            return false;
        v = digitAt(s, i) * 10 + digitAt(s, i + 1);
        i += 2;
        return true;
    };
    if (!two(t.hour) || i >= s.size() || s[i] != ':')
        return Scan::NotFound;
    ++i;
    if (!two(t.minute) || i >= s.size() || s[i] != ':')
        return Scan::NotFound;
    ++i;
    if (!two(t.second))
        return Scan::NotFound;
    if (i + 1 < s.size() && s[i] == '.' && isDigit(s[i + 1])) {
        ++i;
        int scale = 100000;
        for (; i < s.size() && isDigit(s[i]); ++i) {
            t.micros += digitAt(s, i) * scale;
            scale /= 10;
        }
    }
    if (i < s.size() && s[i] == ':') // rsyslog accepts "19:06:53:" (Cisco style)
        ++i;
    if (i < s.size() && s[i] != ' ')
        return Scan::NotFound;
    // Without a year, the day must exist in some year (2000 is a leap year: Feb 29 passes).
    const bool date_ok = isValidDate(t.year != 0 ? t.year : 2000, t.month, t.day);
    if (!date_ok || t.hour > 23 || t.minute > 59 || t.second > 60) {
        failure = {pos, "invalid date or time in BSD timestamp"};
        return Scan::Invalid;
    }
    if (t.second == 60)
        t.second = 59; // a leap second has no place in a Unix timestamp
    out = t;
    pos = i;
    return Scan::Ok;
}

Timestamp resolveBsdTimestamp(CivilTime t, Timestamp received_at)
{
    using namespace std::chrono;
    const int received_year = static_cast<int>(year_month_day(floor<days>(received_at)).year());
    const auto limit = received_at + hours(24);
    auto distance = [&](Timestamp x) { return x > received_at ? x - received_at : received_at - x; };
    // Choose the year on the stamp read as UTC (no zone lookup), allowing for the largest UTC
    // offset (14 h); only the chosen year goes through the local-time conversion. Candidates:
    // the received year and its neighbours (Dec 31 23:59 received on Jan 1, or Jan 1 received
    // on Dec 31 from a sender whose clock runs fast).
    int best_year = 0;
    Timestamp best{};
    for (int year = received_year + 1; year >= received_year - 1; --year) {
        if (!isValidDate(year, t.month, t.day))
            continue; // Feb 29 outside a leap year
        t.year = year;
        const Timestamp naive = civilToUtc(t);
        if (naive > limit + hours(14))
            continue;
        if (best_year == 0 || distance(naive) < distance(best)) {
            best = naive;
            best_year = year;
        }
    }
    if (best_year == 0) {
        // Feb 29 with no leap year around: the nearest leap year before.
        best_year = received_year - 1;
        while (!isValidDate(best_year, t.month, t.day))
            --best_year;
    }
    t.year = best_year;
    Timestamp result = localToUtc(t);
    if (result > limit) {
        // Within the offset slack but still more than a day ahead in local time: last year.
        int year = best_year - 1;
        while (!isValidDate(year, t.month, t.day))
            --year;
        t.year = year;
        result = localToUtc(t);
    }
    return result;
}

bool parseZoneOffset(std::string_view zone, int& offset_seconds)
{
    if (zone.empty())
        return false;
    if (zone[0] == '+' || zone[0] == '-') {
        // "+hh", "+hhmm", "+hh:mm"
        const std::string_view d = zone.substr(1);
        int hh = 0, mm = 0;
        auto two = [&](std::size_t at, int& v) {
            if (at + 2 > d.size() || !isDigit(d[at]) || !isDigit(d[at + 1]))
                return false;
            v = (d[at] - '0') * 10 + (d[at + 1] - '0');
            return true;
        };
        if (!two(0, hh))
            return false;
        if (d.size() == 5 && d[2] == ':') {
            if (!two(3, mm))
                return false;
        } else if (d.size() == 4) {
            if (!two(2, mm))
                return false;
        } else if (d.size() != 2) {
            return false;
        }
        if (hh > 14 || mm > 59)
            return false;
        offset_seconds = (hh * 3600 + mm * 60) * (zone[0] == '-' ? -1 : 1);
        return true;
    }
    struct Abbreviation {
        std::string_view name;
        int half_hours; // offset from UTC
    };
    static constexpr std::array<Abbreviation, 31> kZones{{
        {"UTC", 0},    {"GMT", 0},    {"UT", 0},    {"Z", 0},     {"WET", 0},   {"WEST", 2},  {"CET", 2},
        {"CEST", 4},   {"MET", 2},    {"MEST", 4},  {"EET", 4},   {"EEST", 6},  {"MSK", 6},   {"EST", -10},
        {"EDT", -8},   {"CST", -12},  {"CDT", -10}, {"MST", -14}, {"MDT", -12}, {"PST", -16}, {"PDT", -14},
        {"AKST", -18}, {"AKDT", -16}, {"HST", -20}, {"JST", 18},  {"KST", 18},  {"AEST", 20}, {"AEDT", 22},
        {"NZST", 24},  {"NZDT", 26},  {"SGT", 16},
    }};
    if (zone.size() > 4)
        return false;
    char upper[4];
    for (std::size_t k = 0; k < zone.size(); ++k) {
        const char c = zone[k];
        upper[k] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    }
    const std::string_view name(upper, zone.size());
    for (const auto& z : kZones) {
        if (z.name == name) {
            offset_seconds = z.half_hours * 1800;
            return true;
        }
    }
    return false;
}

Timestamp resolveBsdTimestampWithOffset(CivilTime t, int offset_seconds, Timestamp received_at)
{
    using namespace std::chrono;
    const int received_year = static_cast<int>(year_month_day(floor<days>(received_at)).year());
    const auto limit = received_at + hours(24);
    auto distance = [&](Timestamp x) { return x > received_at ? x - received_at : received_at - x; };
    bool found = false;
    Timestamp best{};
    for (int year = received_year + 1; year >= received_year - 1; --year) {
        if (!isValidDate(year, t.month, t.day))
            continue;
        t.year = year;
        const Timestamp candidate = civilToUtc(t) - seconds(offset_seconds);
        if (candidate > limit)
            continue;
        if (!found || distance(candidate) < distance(best)) {
            best = candidate;
            found = true;
        }
    }
    if (!found) {
        // Feb 29 with no leap year around: the nearest leap year before.
        int year = received_year - 1;
        while (!isValidDate(year, t.month, t.day))
            --year;
        t.year = year;
        best = civilToUtc(t) - seconds(offset_seconds);
    }
    return best;
}

bool parseStructuredData(std::string_view s, std::size_t& pos, Event& event, std::size_t& params,
                         ParseFailure& failure)
{
    static constexpr const char* kId = "expecting a structured data element id (from 1 to max 32 US-ASCII "
                                       "characters; except `=`, ` `, `]`, and `\"`)";
    static constexpr const char* kParam =
        "expecting a structured data parameter (`key=\"value\"`, both part "
        "from 1 to max 32 US-ASCII characters; key cannot contain `=`, ` `, "
        "`]`, and `\"`, while value cannot contain `]`, backslash, and `\"` "
        "unless escaped)";
    static constexpr const char* kEscape =
        "expecting chars `]`, `\"`, and `\\` to be escaped within param value";
    auto isNameChar = [](char c) { return isPrintUsAscii(c) && c != '=' && c != ']' && c != '"'; };
    // Element ids seen so far, for the duplicate check (RFC 5424 §6.3.2: an id appears once).
    std::array<std::string_view, 16> seen;
    std::size_t seen_count = 0;
    std::size_t i = pos;
    params = 0;
    while (i < s.size() && s[i] == '[') {
        ++i;
        const std::size_t id_start = i;
        while (i < s.size() && isNameChar(s[i]) && i - id_start < 32)
            ++i;
        if (i == id_start || (i < s.size() && isNameChar(s[i]))) {
            failure = {i, kId};
            return false;
        }
        const std::string_view id = s.substr(id_start, i - id_start);
        const std::size_t element_first_field = event.fields.size();
        std::string key;
        key.reserve(3 + id.size() + 1 + 32);
        key.append("sd.").append(id);
        const std::size_t prefix = key.size();
        bool has_params = false;
        while (true) {
            if (i >= s.size()) {
                failure = {i, kParam};
                return false;
            }
            if (s[i] == ']')
                break;
            if (s[i] != ' ') {
                failure = {i, kParam};
                return false;
            }
            ++i;
            const std::size_t name_start = i;
            while (i < s.size() && isNameChar(s[i]) && i - name_start < 32)
                ++i;
            if (i == name_start || i >= s.size() || s[i] != '=') {
                failure = {i, kParam};
                return false;
            }
            const std::string_view name = s.substr(name_start, i - name_start);
            ++i;
            if (i >= s.size() || s[i] != '"') {
                failure = {i, kParam};
                return false;
            }
            ++i;
            std::string value;
            // Fast path: copy runs without escapes in one go.
            while (true) {
                std::size_t run = i;
                while (run < s.size() && s[run] != '"' && s[run] != '\\' && s[run] != ']')
                    ++run;
                value.append(s.data() + i, run - i);
                i = run;
                if (i >= s.size()) {
                    failure = {i, kParam};
                    return false;
                }
                if (s[i] == '"')
                    break;
                if (s[i] == ']') {
                    failure = {i, kEscape};
                    return false;
                }
                // Backslash: \" \\ \] are escapes; any other pair stays as written (§6.3.3).
                if (i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\' || s[i + 1] == ']')) {
                    value.push_back(s[i + 1]);
                    i += 2;
                } else {
                    value.push_back('\\');
                    ++i;
                }
            }
            ++i; // closing quote
            key.resize(prefix);
            key.push_back('.');
            key.append(name);
            has_params = true;
            ++params;
            // A repeated name inside one element: the last value wins, as in the jsonb column.
            bool replaced = false;
            for (std::size_t f = element_first_field; f < event.fields.size(); ++f) {
                if (event.fields[f].first == key) {
                    event.fields[f].second = std::move(value);
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                event.fields.emplace_back(key, std::move(value));
        }
        for (std::size_t k = 0; k < seen_count; ++k) {
            if (seen[k] == id) {
                failure = {i, "duplicate structured data element id"};
                return false;
            }
        }
        if (seen_count < seen.size())
            seen[seen_count++] = id;
        if (!has_params)
            event.fields.emplace_back(std::move(key), std::string());
        ++i; // ']'
    }
    pos = i;
    return true;
}

void applyProcid(Event& event, std::string_view procid)
{
    if (procid.empty())
        return;
    if (procid.size() <= 10) {
        std::int64_t value = 0;
        bool numeric = true;
        for (char c : procid) {
            if (!isDigit(c)) {
                numeric = false;
                break;
            }
            value = value * 10 + (c - '0');
        }
        if (numeric && value <= INT32_MAX) {
            event.pid = static_cast<std::int32_t>(value);
            return;
        }
    }
    event.fields.emplace_back("procid", std::string(procid));
}

bool repairUtf8(std::string& text)
{
    const std::size_t first_bad = firstBadByte(text);
    if (first_bad == std::string_view::npos)
        return false;
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::string out;
    out.reserve(n + 8);
    out.append(text, 0, first_bad);
    std::size_t i = first_bad;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c == 0)
                out.append(kReplacement);
            else
                out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        std::size_t bad = 0;
        const std::size_t len = utf8SequenceLength(p, n, i, bad);
        if (len != 0) {
            out.append(text, i, len);
            i += len;
        } else {
            out.append(kReplacement);
            i += bad;
        }
    }
    text.swap(out);
    return true;
}

bool needsRepair(std::string_view text)
{
    return firstBadByte(text) != std::string_view::npos;
}

std::string base64Encode(std::string_view bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(kAlphabet[(v >> 6) & 63]);
        out.push_back(kAlphabet[v & 63]);
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        const std::uint32_t v = (p[i] << 16) | (rest == 2 ? (p[i + 1] << 8) : 0);
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(rest == 2 ? kAlphabet[(v >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::string withColumn(const ParseFailure& failure)
{
    std::string text(failure.reason);
    text.append(" [col ").append(std::to_string(failure.column)).push_back(']');
    return text;
}

} // namespace vigie::parse::detail
