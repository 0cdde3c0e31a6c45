// Sigma value modifiers: SelectionItem -> Leaf, and the per-value comparisons. Any thread.
#include "detect/sigma_modifiers.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>

namespace vigie::detect {

namespace {

constexpr std::array<std::string_view, 31> kModifiers{
    "contains", "startswith", "endswith", "all",  "exists", "cased",        "neq",     "re",
    "i",        "m",          "s",        "cidr", "base64", "base64offset", "utf16le", "utf16be",
    "utf16",    "wide",       "windash",  "lt",   "lte",    "gt",           "gte",     "fieldref",
    "expand",   "minute",     "hour",     "day",  "week",   "month",        "year"};

// A windash value with more dashes than this is refused before an encoding (5^k variants).
constexpr std::size_t kMaxDashesToExpand = 4;


std::optional<double> parseNumber(std::string_view text)
{
    if (auto integer = parseInteger(text))
        return static_cast<double>(*integer);
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

int digits(std::string_view text, std::size_t pos, std::size_t count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// minute..year of "YYYY-MM-DD[T ]HH:MM..." (no time zone conversion, as the spec says).
std::optional<double> timePart(std::string_view text, ValueMatcher::TimePart part)
{
    using P = ValueMatcher::TimePart;
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    if (year < 0 || month < 1 || day < 1 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (part == P::Year)
        return year;
    if (part == P::Month)
        return month;
    if (part == P::Day)
        return day;
    if (part == P::Week) {
        using namespace std::chrono;
        const sys_days date{std::chrono::year{year} / month / day};
        const auto iso_weekday = weekday{date}.iso_encoding();
        const sys_days thursday = date + days{4 - static_cast<int>(iso_weekday)};
        const sys_days jan1{year_month_day{thursday}.year() / January / 1};
        return static_cast<double>((thursday - jan1).count() / 7 + 1);
    }
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2);
    if (hour < 0 || minute < 0)
        return std::nullopt;
    return part == P::Hour ? hour : minute;
}

std::string base64(std::string_view bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// pySigma's three shifted encodings, trimmed to the bytes that do not depend on neighbours.
std::vector<std::string> base64Offsets(std::string_view bytes)
{
    static constexpr std::array<std::size_t, 3> kStart{0, 2, 3};
    static constexpr std::array<std::size_t, 3> kEndTrim{0, 3, 2};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string encoded = base64(std::string(i, ' ') + std::string(bytes));
        const std::size_t trim = kEndTrim[(bytes.size() + i) % 3];
        if (encoded.size() < kStart[i] + trim)
            continue;
        out.push_back(encoded.substr(kStart[i], encoded.size() - kStart[i] - trim));
    }
    return out;
}

std::vector<char32_t> decodeUtf8(std::string_view text)
{
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += length;
    }
    return out;
}

std::string utf16(std::string_view text, bool little_endian, bool bom)
{
    std::string out;
    auto put = [&](char16_t unit) {
        const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
        out += little_endian ? low : high;
        out += little_endian ? high : low;
    };
    if (bom)
        put(0xFEFF);
    for (char32_t cp : decodeUtf8(text)) {
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(static_cast<char16_t>(0xD800 + (cp >> 10)));
            put(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            put(static_cast<char16_t>(cp));
        }
    }
    return out;
}

// A windash pattern without other wildcards as every plain variant.
bool expandDashes(const ValuePattern& pattern, std::vector<std::string>& out)
{
    static constexpr std::array<std::string_view, 5> kDashes{"-", "/", "\xE2\x80\x93", "\xE2\x80\x94",
                                                             "\xE2\x80\x95"};
    std::vector<std::string> variants{""};
    std::size_t dashes = 0;
    for (const auto& piece : pattern.pieces()) {
        using K = ValuePattern::Piece::Kind;
        if (piece.kind == K::Star || piece.kind == K::AnyChar)
            return false;
        if (piece.kind == K::Literal) {
            for (auto& v : variants)
                v += piece.text;
            continue;
        }
        if (++dashes > kMaxDashesToExpand)
            return false;
        std::vector<std::string> next;
        for (const auto& v : variants)
            for (std::string_view dash : kDashes)
                next.push_back(v + std::string(dash));
        variants = std::move(next);
    }
    out.insert(out.end(), variants.begin(), variants.end());
    return true;
}

// `%name%` placeholders replaced by every combination of their values.
bool expandPlaceholders(const std::string& text, const Placeholders& placeholders,
                        std::vector<std::string>& out, std::string& error)
{
    const auto open = text.find('%');
    const auto close = open == std::string::npos ? std::string::npos : text.find('%', open + 1);
    if (close == std::string::npos) {
        out.push_back(text);
        return true;
    }
    const std::string name = text.substr(open + 1, close - open - 1);
    const auto found = placeholders.find(name);
    if (found == placeholders.end() || found->second.empty()) {
        error = "expand: no value for %" + name + "%";
        return false;
    }
    for (const std::string& value : found->second) {
        std::vector<std::string> rest;
        if (!expandPlaceholders(text.substr(close + 1), placeholders, rest, error))
            return false;
        for (const std::string& tail : rest)
            out.push_back(text.substr(0, open) + value + tail);
    }
    return true;
}

bool parseCidr(std::string_view text, ValueMatcher& m)
{
    const auto slash = text.find('/');
    const std::string address(text.substr(0, slash));
    m.family = address.find(':') != std::string::npos ? 6 : 4;
    const int max_bits = m.family == 4 ? 32 : 128;
    if (inet_pton(m.family == 4 ? AF_INET : AF_INET6, address.c_str(), m.network) != 1)
        return false;
    m.prefix_bits = max_bits;
    if (slash != std::string_view::npos) {
        const auto bits = parseInteger(text.substr(slash + 1));
        if (!bits || *bits < 0 || *bits > max_bits)
            return false;
        m.prefix_bits = static_cast<int>(*bits);
    }
    return true;
}

bool cidrContains(const ValueMatcher& m, std::string_view value)
{
    const std::string address(value.substr(0, std::min(value.size(), std::size_t{64})));
    unsigned char bytes[16]{};
    if (inet_pton(m.family == 4 ? AF_INET : AF_INET6, address.c_str(), bytes) != 1)
        return false;
    const int full = m.prefix_bits / 8, rest = m.prefix_bits % 8;
    if (std::memcmp(bytes, m.network, static_cast<std::size_t>(full)) != 0)
        return false;
    if (rest == 0)
        return true;
    const auto mask = static_cast<unsigned char>(0xFF << (8 - rest));
    return (bytes[full] & mask) == (m.network[full] & mask);
}

bool compare(double field, ValueMatcher::Op op, double value)
{
    switch (op) {
    case ValueMatcher::Op::Lt:
        return field < value;
    case ValueMatcher::Op::Lte:
        return field <= value;
    case ValueMatcher::Op::Gt:
        return field > value;
    case ValueMatcher::Op::Gte:
        return field >= value;
    case ValueMatcher::Op::Eq:
        return field == value;
    }
    return false;
}

// What the modifier list of one item asks for.
struct Plan {
    enum class Anchor { None, Contains, StartsWith, EndsWith } anchor = Anchor::None;
    bool all = false, cased = false, neq = false, re = false, cidr = false, exists = false, fieldref = false;
    bool expand = false;
    RegexMatcher::Flags re_flags;
    std::optional<ValueMatcher::Op> op;
    ValueMatcher::TimePart time_part = ValueMatcher::TimePart::None;
    std::vector<std::string> transforms; // windash, base64, base64offset, utf16le, utf16be, utf16
};

bool makePlan(const std::vector<std::string>& modifiers, Plan& plan, std::string& error)
{
    using T = ValueMatcher::TimePart;
    using O = ValueMatcher::Op;
    static const std::map<std::string_view, T> kTime{{"minute", T::Minute}, {"hour", T::Hour},
                                                     {"day", T::Day},       {"week", T::Week},
                                                     {"month", T::Month},   {"year", T::Year}};
    static const std::map<std::string_view, O> kOps{
        {"lt", O::Lt}, {"lte", O::Lte}, {"gt", O::Gt}, {"gte", O::Gte}};
    for (const std::string& name : modifiers) {
        if (name == "contains")
            plan.anchor = Plan::Anchor::Contains;
        else if (name == "startswith")
            plan.anchor = Plan::Anchor::StartsWith;
        else if (name == "endswith")
            plan.anchor = Plan::Anchor::EndsWith;
        else if (name == "all")
            plan.all = true;
        else if (name == "cased")
            plan.cased = true;
        else if (name == "neq")
            plan.neq = true;
        else if (name == "re")
            plan.re = true;
        else if (name == "i" || name == "m" || name == "s") {
            if (!plan.re) {
                error = "modifier " + name + " needs re before it";
                return false;
            }
            (name == "i"   ? plan.re_flags.caseless
             : name == "m" ? plan.re_flags.multiline
                           : plan.re_flags.dotall) = true;
        } else if (name == "cidr")
            plan.cidr = true;
        else if (name == "exists")
            plan.exists = true;
        else if (name == "fieldref")
            plan.fieldref = true;
        else if (name == "expand")
            plan.expand = true;
        else if (kOps.contains(name))
            plan.op = kOps.at(name);
        else if (kTime.contains(name))
            plan.time_part = kTime.at(name);
        else if (name == "wide")
            plan.transforms.push_back("utf16le");
        else if (isKnownModifier(name))
            plan.transforms.push_back(name);
        else {
            error = "unknown modifier " + name;
            return false;
        }
    }
    const int kinds =
        plan.re + plan.cidr + plan.exists + plan.fieldref + (plan.op || plan.time_part != T::None);
    if (kinds > 1) {
        error = "modifiers re, cidr, exists, fieldref and comparisons cannot be combined";
        return false;
    }
    if (kinds == 1 && !plan.transforms.empty()) {
        error = "modifier " + plan.transforms.front() + " only applies to plain string values";
        return false;
    }
    return true;
}

// The string path: wildcards, windash, encodings, anchors.
bool stringMatchers(const std::string& text, const SigmaValue& value, const Plan& plan, bool keyword,
                    std::vector<ValueMatcher>& out, std::string& error)
{
    std::vector<ValuePattern> patterns{ValuePattern::fromSigma(text)};
    bool encoded = false;
    for (const std::string& transform : plan.transforms) {
        if (transform == "windash") {
            for (auto& p : patterns)
                p.applyWindash();
            continue;
        }
        std::vector<std::string> plain;
        for (const auto& p : patterns)
            if (!expandDashes(p, plain)) {
                error = "modifier " + transform + " needs a value without wildcards";
                return false;
            }
        std::vector<ValuePattern> next;
        for (const std::string& bytes : plain) {
            if (transform == "base64")
                next.push_back(ValuePattern::fromLiteral(base64(bytes)));
            else if (transform == "base64offset")
                for (std::string& variant : base64Offsets(bytes))
                    next.push_back(ValuePattern::fromLiteral(std::move(variant)));
            else
                next.push_back(
                    ValuePattern::fromLiteral(utf16(bytes, transform != "utf16be", transform == "utf16")));
        }
        patterns = std::move(next);
        encoded = true;
    }
    const bool contains =
        plan.anchor == Plan::Anchor::Contains || (keyword && plan.anchor == Plan::Anchor::None);
    for (ValuePattern& pattern : patterns) {
        pattern.surround(contains || plan.anchor == Plan::Anchor::EndsWith,
                         contains || plan.anchor == Plan::Anchor::StartsWith);
        pattern.finish(plan.cased || encoded);
        ValueMatcher m;
        m.kind = ValueMatcher::Kind::Pattern;
        const bool plain_number = value.kind == SigmaValue::Kind::Integer && !encoded &&
                                  plan.anchor == Plan::Anchor::None && plan.transforms.empty();
        if (plain_number) {
            m.kind = ValueMatcher::Kind::Number;
            m.number = static_cast<double>(parseInteger(value.text).value_or(0));
        }
        m.pattern = std::move(pattern);
        out.push_back(std::move(m));
    }
    return true;
}

bool valueMatchers(const SigmaValue& value, const Plan& plan, bool keyword, const Placeholders& placeholders,
                   std::vector<ValueMatcher>& out, std::string& error)
{
    ValueMatcher m;
    if (plan.exists) {
        const std::string text = foldAscii(value.text);
        if (text != "true" && text != "false") {
            error = "exists needs true or false, not '" + value.text + "'";
            return false;
        }
        m.kind = ValueMatcher::Kind::Exists;
        m.flag = text == "true";
        out.push_back(std::move(m));
        return true;
    }
    if (value.kind == SigmaValue::Kind::Null) {
        m.kind = ValueMatcher::Kind::Null;
        out.push_back(std::move(m));
        return true;
    }
    if (plan.re) {
        std::string regex_error;
        auto regex = RegexMatcher::compile(value.text, plan.re_flags, regex_error);
        if (!regex) {
            error = regex_error;
            return false;
        }
        m.kind = ValueMatcher::Kind::Regex;
        m.regex = std::move(regex);
        out.push_back(std::move(m));
        return true;
    }
    if (plan.cidr) {
        if (!parseCidr(value.text, m)) {
            error = "cidr: bad network '" + value.text + "'";
            return false;
        }
        m.kind = ValueMatcher::Kind::Cidr;
        out.push_back(std::move(m));
        return true;
    }
    if (plan.op || plan.time_part != ValueMatcher::TimePart::None) {
        const auto number = parseNumber(value.text);
        if (!number) {
            error = "comparison needs a number, not '" + value.text + "'";
            return false;
        }
        m.kind = ValueMatcher::Kind::Compare;
        m.op = plan.op.value_or(ValueMatcher::Op::Eq);
        m.time_part = plan.time_part;
        m.number = *number;
        out.push_back(std::move(m));
        return true;
    }
    if (plan.fieldref) {
        m.kind = ValueMatcher::Kind::FieldRef;
        m.text = value.text;
        m.flag = plan.cased;
        out.push_back(std::move(m));
        return true;
    }
    std::vector<std::string> texts;
    if (plan.expand) {
        if (!expandPlaceholders(value.text, placeholders, texts, error))
            return false;
    } else {
        texts.push_back(value.text);
    }
    for (const std::string& text : texts)
        if (!stringMatchers(text, value, plan, keyword, out, error))
            return false;
    return true;
}

} // namespace

std::optional<long long> parseInteger(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    }
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return negative ? -value : value;
}

bool isKnownModifier(std::string_view name)
{
    return std::find(kModifiers.begin(), kModifiers.end(), name) != kModifiers.end();
}

bool ValueMatcher::matches(std::optional<std::string_view> value, const FieldLookup& event) const
{
    switch (kind) {
    case Kind::Null:
        return !value;
    case Kind::Exists:
        return value.has_value() == flag;
    default:
        break;
    }
    if (!value)
        return false;
    switch (kind) {
    case Kind::Pattern:
        return pattern.matches(*value);
    case Kind::Number: {
        if (pattern.matches(*value))
            return true;
        const auto integer = parseInteger(*value);
        return integer && static_cast<double>(*integer) == number;
    }
    case Kind::Regex:
        return regex->matches(*value);
    case Kind::Cidr:
        return cidrContains(*this, *value);
    case Kind::Compare: {
        const auto field = time_part == TimePart::None ? parseNumber(*value) : timePart(*value, time_part);
        return field && compare(*field, op, number);
    }
    case Kind::FieldRef: {
        const auto other = event.value(text);
        if (!other)
            return false;
        return flag ? *other == *value : foldAscii(*other) == foldAscii(*value);
    }
    case Kind::Null:
    case Kind::Exists:
        break;
    }
    return false;
}

bool Leaf::matches(const FieldLookup& event) const
{
    if (keyword) {
        auto anyText = [&](const std::vector<ValueMatcher>& group) {
            for (std::size_t i = 0;; ++i) {
                const auto text = event.keywordText(i);
                if (!text)
                    return false;
                for (const ValueMatcher& m : group)
                    if (m.matches(text, event))
                        return true;
            }
        };
        return all ? std::all_of(values.begin(), values.end(), anyText)
                   : std::any_of(values.begin(), values.end(), anyText);
    }
    const auto value = event.value(field);
    auto one = [&](const std::vector<ValueMatcher>& group) {
        return std::any_of(group.begin(), group.end(),
                           [&](const ValueMatcher& m) { return m.matches(value, event); });
    };
    if (neq)
        return value && std::none_of(values.begin(), values.end(), one);
    return all ? std::all_of(values.begin(), values.end(), one)
               : std::any_of(values.begin(), values.end(), one);
}

LeafResult compileLeaf(const SelectionItem& item, const Placeholders& placeholders)
{
    LeafResult result;
    Plan plan;
    if (!makePlan(item.modifiers, plan, result.error))
        return result;
    Leaf leaf;
    leaf.field = item.field;
    leaf.keyword = !item.has_field;
    leaf.all = plan.all;
    leaf.neq = plan.neq;
    if (item.values.empty()) {
        result.error = "field " + item.field + " has no value";
        return result;
    }
    for (const SigmaValue& value : item.values)
        if (!valueMatchers(value, plan, leaf.keyword, placeholders, leaf.values.emplace_back(),
                           result.error)) {
            result.error =
                (leaf.keyword ? std::string("keywords") : "field " + item.field) + ": " + result.error;
            return result;
        }
    result.leaf = std::move(leaf);
    return result;
}

} // namespace vigie::detect
