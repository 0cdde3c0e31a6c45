// ISO 8601 timestamps (time_text.h).
#include "query/time_text.h"

namespace vigie::query {
namespace {

bool digits(std::string_view s, std::size_t& pos, int count, int& out)
{
    if (pos + static_cast<std::size_t>(count) > s.size())
        return false;
    out = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos++];
        if (c < '0' || c > '9')
            return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

} // namespace

std::optional<ParsedTime> parseIsoTimestamp(std::string_view s)
{
    using namespace std::chrono;
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0;
    if (!digits(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, month) ||
        pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, day))
        return std::nullopt;
    const year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                             std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok() || year < 1)
        return std::nullopt;
    ParsedTime result;
    result.ts = Timestamp(sys_days(ymd).time_since_epoch());
    if (pos == s.size()) {
        result.date_only = true;
        return result;
    }
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
        return std::nullopt;
    ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!digits(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':' || !digits(s, pos, 2, minute))
        return std::nullopt;
    long long micros = 0;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!digits(s, pos, 2, second))
            return std::nullopt;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            int count = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (++count > 6) // finer than PostgreSQL keeps: refuse rather than round
                    return std::nullopt;
                micros = micros * 10 + (s[pos++] - '0');
            }
            if (count == 0)
                return std::nullopt;
            for (int k = count; k < 6; ++k)
                micros *= 10;
        }
    }
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    long long offset_seconds = 0;
    if (pos < s.size()) {
        const char z = s[pos];
        if (z == 'Z' || z == 'z') {
            ++pos;
        } else if (z == '+' || z == '-') {
            ++pos;
            int oh = 0, om = 0, os = 0;
            if (!digits(s, pos, 2, oh))
                return std::nullopt;
            if (pos < s.size() && s[pos] == ':') {
                ++pos;
                if (!digits(s, pos, 2, om))
                    return std::nullopt;
                if (pos < s.size() && s[pos] == ':') {
                    ++pos;
                    if (!digits(s, pos, 2, os))
                        return std::nullopt;
                }
            } else if (pos < s.size() && !digits(s, pos, 2, om)) {
                return std::nullopt;
            }
            if (oh > 15 || om > 59 || os > 59)
                return std::nullopt;
            offset_seconds = (oh * 3600LL + om * 60LL + os) * (z == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    if (pos != s.size())
        return std::nullopt;
    result.ts +=
        hours(hour) + minutes(minute) + seconds(second) - seconds(offset_seconds) + microseconds(micros);
    return result;
}

} // namespace vigie::query
