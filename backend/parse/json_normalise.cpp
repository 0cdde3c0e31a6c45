#include "parse/json_normalise.h"

#include <arpa/inet.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <cstring>

namespace vigie::parse::detail {

namespace {

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != b[i])
            return false;
    return true;
}

} // namespace

bool parseEpoch(std::string_view number, Timestamp& out, int scale_digits)
{
    using std::chrono::microseconds;
    // The common shape, read exactly: digits, optionally '.' and digits.
    std::size_t i = 0;
    std::int64_t whole = 0;
    while (i < number.size() && isDigit(number[i]) && i < 16)
        whole = whole * 10 + (number[i++] - '0');
    if (i > 0 && (i == number.size() || number[i] == '.')) {
        std::int64_t fraction = 0;
        int digits = 0;
        if (i < number.size()) {
            ++i;
            for (; i < number.size() && isDigit(number[i]); ++i)
                if (digits < 6 - scale_digits) {
                    fraction = fraction * 10 + (number[i] - '0');
                    ++digits;
                }
        }
        std::int64_t unit = 1000000;
        for (int k = 0; k < scale_digits; ++k)
            unit /= 10;
        // Sixteen digits of seconds times a million overflows: such a value takes the bounded
        // floating-point path below (found by fuzz_json).
        const bool fits = whole <= (std::numeric_limits<std::int64_t>::max() - 999999) / unit;
        if (fits && i == number.size() && (number.back() != '.')) {
            std::int64_t fraction_unit = unit;
            for (int k = 0; k < digits; ++k)
                fraction_unit /= 10;
            out = Timestamp{microseconds{whole * unit + fraction * fraction_unit}};
            return true;
        }
    }
    double value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc{} || end != number.data() + number.size() || !std::isfinite(value))
        return false;
    const double micros = value * std::pow(10.0, 6 - scale_digits);
    if (std::fabs(micros) > 9.2e18)
        return false;
    out = Timestamp{microseconds{static_cast<std::int64_t>(std::llround(micros))}};
    return true;
}

bool parseJsonTime(const JsonLeaf& leaf, Timestamp& out)
{
    if (leaf.type == JsonType::Number)
        return parseEpoch(leaf.value, out);
    if (leaf.type != JsonType::String || leaf.value.size() < 19)
        return false;
    std::string_view text = leaf.value;
    // "2020-10-20 01:31:47.232" (OTRF's TimeCreated, Sysmon's UtcTime): a space for the 'T'.
    char spaced[40];
    if (text[10] == ' ' && text.size() <= sizeof spaced) {
        std::memcpy(spaced, text.data(), text.size());
        spaced[10] = 'T';
        text = std::string_view(spaced, text.size());
    }
    std::size_t pos = 0;
    ParseFailure ignored;
    Timestamp parsed;
    if (!parseRfc3339(text, pos, false, parsed, ignored) || pos != text.size())
        return false;
    out = parsed;
    return true;
}

bool hasTimeZone(std::string_view text)
{
    return text.size() > 19 && text.find_first_of("Zz+-", 19) != std::string_view::npos;
}

std::string_view ipAddress(std::string_view text)
{
    if (text.size() < 2 || text.size() > 45)
        return {};
    if (text.size() > 7 && equalsNoCase(text.substr(0, 7), "::ffff:") &&
        text.find('.') != std::string_view::npos)
        text.remove_prefix(7);
    char buffer[46];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    unsigned char address[16];
    const int family = text.find(':') == std::string_view::npos ? AF_INET : AF_INET6;
    return inet_pton(family, buffer, address) == 1 ? text : std::string_view{};
}

std::optional<std::int64_t> integerValue(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

std::optional<std::int32_t> portNumber(std::string_view text)
{
    if (text.empty() || text.size() > 5 || text[0] == '-')
        return std::nullopt;
    const auto value = integerValue(text);
    if (!value || *value > 65535)
        return std::nullopt;
    return static_cast<std::int32_t>(*value);
}

bool setIp(std::string& column, JsonLeaf* leaf, bool take)
{
    if (!leaf || leaf->type != JsonType::String)
        return false;
    const std::string_view ip = ipAddress(leaf->value);
    if (ip.empty())
        return false;
    column.assign(ip);
    // Only a verbatim copy may leave fields: the mapped form drops "::ffff:", kept as written.
    leaf->taken = leaf->taken || (take && ip.size() == leaf->value.size());
    return true;
}

bool setPort(std::optional<std::int32_t>& column, JsonLeaf* leaf, bool take)
{
    if (!leaf || leaf->type == JsonType::Array || leaf->type == JsonType::Bool)
        return false;
    const auto port = portNumber(leaf->value);
    if (!port)
        return false;
    column = port;
    leaf->taken = leaf->taken || take;
    return true;
}

bool setText(std::string& column, JsonLeaf* leaf, bool take)
{
    if (!leaf || leaf->type != JsonType::String || leaf->value.empty())
        return false;
    column.assign(leaf->value);
    leaf->taken = leaf->taken || take;
    return true;
}

std::optional<std::int16_t> severityFromName(std::string_view name)
{
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '7')
        return static_cast<std::int16_t>(name[0] - '0');
    struct Name {
        std::string_view text;
        std::int16_t severity;
    };
    static constexpr Name kNames[] = {
        {"emerg", 0}, {"emergency", 0},     {"panic", 0},       {"alert", 1}, {"crit", 2},    {"critical", 2},
        {"fatal", 2}, {"err", 3},           {"error", 3},       {"warn", 4},  {"warning", 4}, {"notice", 5},
        {"info", 6},  {"informational", 6}, {"information", 6}, {"debug", 7}, {"trace", 7},   {"verbose", 7},
    };
    for (const Name& n : kNames)
        if (equalsNoCase(name, n.text))
            return n.severity;
    return std::nullopt;
}

void appendEndpoint(std::string& out, std::string_view ip, std::optional<std::int32_t> port)
{
    const bool v6 = ip.find(':') != std::string_view::npos;
    if (v6 && port)
        out.push_back('[');
    out.append(ip.empty() ? std::string_view("?") : ip);
    if (v6 && port)
        out.push_back(']');
    if (port) {
        out.push_back(':');
        char digits[8];
        const auto result = std::to_chars(digits, digits + sizeof digits, *port);
        out.append(digits, result.ptr);
    }
}

} // namespace vigie::parse::detail
