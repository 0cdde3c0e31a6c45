#pragma once
// A fast hash for the short names (event field keys, Sigma field names) looked up several
// times per event by the detection hot path (EventView, FieldIndex): a few multiply-xor rounds
// over 8-byte words instead of std::hash's byte-oriented murmur. Not for untrusted-size keys
// in tables an attacker can flood: both tables are bounded (one event's fields, one rule
// set's names). Pure function, any thread.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace vigie::detect {

inline std::uint64_t nameHash(std::string_view name)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ name.size();
    const char* p = name.data();
    std::size_t n = name.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h = (h ^ tail) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
}

} // namespace vigie::detect
