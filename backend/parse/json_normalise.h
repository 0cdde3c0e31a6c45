#pragma once
// What the JSON normalisers share: their entry points (one file per kind of source), a key table
// to find in one pass the leaves a kind maps to columns, and value helpers (times, addresses,
// ports, severities). Pure functions, run on the worker thread that parsed the record.
#include "parse/json_flatten.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::parse::detail {

// Each fills event (format, columns, fields) from a parsed record of its kind.
void normaliseSuricata(FlatJson& json, Event& event);
void normaliseZeek(FlatJson& json, Event& event);
void normaliseWindows(FlatJson& json, Event& event);
void normaliseGenericJson(FlatJson& json, Event& event);

// The first leaf for each of N keys, found in one pass. Keys are bucketed by length and checked
// on their first byte before any full comparison: this runs for every leaf of every record.
template <std::size_t N> class KeyTable {
public:
    constexpr explicit KeyTable(const std::array<std::string_view, N>& keys) : keys_(keys)
    {
        // Counting sort of the key indexes by (capped) length.
        std::array<std::size_t, kBuckets + 1> next{};
        for (const std::string_view key : keys_)
            ++start_[bucket(key.size()) + 1];
        for (std::size_t b = 0; b < kBuckets; ++b)
            start_[b + 1] += start_[b];
        for (std::size_t b = 0; b <= kBuckets; ++b)
            next[b] = start_[b];
        for (std::size_t i = 0; i < N; ++i)
            order_[next[bucket(keys_[i].size())]++] = i;
    }

    int find(std::string_view key) const
    {
        const std::size_t b = bucket(key.size());
        for (std::size_t k = start_[b]; k < start_[b + 1]; ++k) {
            const std::string_view candidate = keys_[order_[k]];
            if (candidate.size() == key.size() && (key.empty() || candidate.front() == key.front()) &&
                candidate == key)
                return static_cast<int>(order_[k]);
        }
        return -1;
    }

    // slots[i] = the first leaf named keys[i], or nullptr.
    std::array<JsonLeaf*, N> lookup(std::vector<JsonLeaf>& leaves) const
    {
        std::array<JsonLeaf*, N> slots{};
        for (JsonLeaf& leaf : leaves)
            if (const int i = find(leaf.key); i >= 0 && slots[static_cast<std::size_t>(i)] == nullptr)
                slots[static_cast<std::size_t>(i)] = &leaf;
        return slots;
    }

private:
    static constexpr std::size_t kBuckets = 40; // keys longer than 38 share the last bucket
    static constexpr std::size_t bucket(std::size_t length)
    {
        return std::min<std::size_t>(length, kBuckets - 1);
    }

    std::array<std::string_view, N> keys_;
    std::array<std::size_t, N> order_{};
    std::array<std::size_t, kBuckets + 1> start_{};
};

inline std::string_view textOf(const JsonLeaf* leaf)
{
    return leaf ? leaf->value : std::string_view{};
}

// A time as JSON sources write it: RFC 3339 text (lenient: "+0200" offsets, a space for 'T',
// no zone = local time), or a number of seconds since the epoch. The whole value must be read.
bool parseJsonTime(const JsonLeaf& leaf, Timestamp& out);
// "1588205198.89971" (seconds, exact to the microsecond), or any JSON number via double.
// `scale_digits` shifts the unit: 3 reads milliseconds, 6 microseconds.
// True when an RFC 3339 text names its zone ("Z", "+02:00", "-0400").
bool hasTimeZone(std::string_view text);
bool parseEpoch(std::string_view number, Timestamp& out, int scale_digits = 0);

// `text` as an address for the inet columns, or empty when it is not one. IPv4-mapped IPv6
// ("::ffff:10.1.2.3", how Windows writes IPv4 peers of a dual-stack socket) becomes plain IPv4,
// so that source_ip:10.0.0.0/8 finds it.
std::string_view ipAddress(std::string_view text);
// A port number 0..65535 written as digits (JSON number or string).
std::optional<std::int32_t> portNumber(std::string_view text);
// A whole decimal integer (optionally negative), or nullopt.
std::optional<std::int64_t> integerValue(std::string_view text);

// Sets `column` from the leaf when it holds an address, marking the leaf taken when `take`.
bool setIp(std::string& column, JsonLeaf* leaf, bool take);
bool setPort(std::optional<std::int32_t>& column, JsonLeaf* leaf, bool take);
// Sets a text column from a non-empty string leaf.
bool setText(std::string& column, JsonLeaf* leaf, bool take);

// "error", "warn", "Informational"... or a number 0..7 -> syslog severity.
std::optional<std::int16_t> severityFromName(std::string_view name);

// "10.0.0.1:80", "[fe80::1]:546", or the address alone when there is no port.
void appendEndpoint(std::string& out, std::string_view ip, std::optional<std::int32_t> port);

} // namespace vigie::parse::detail
