#pragma once
// A Sigma `re` value: an unanchored "matches anywhere" test. Compiled once with vectorscan
// (linear time, its own block-mode database); patterns vectorscan refuses (backreferences,
// lookaround, non-ASCII) fall back to PCRE2 with JIT and a match limit. Engine types stay in
// the .cpp. Immutable after construction; matches() may run on any number of threads at once
// (scratch space and match data are per thread).
#include <memory>
#include <string>
#include <string_view>

namespace vigie::detect {

class RegexMatcher {
public:
    struct Flags {
        bool caseless = false;  // Sigma `i`
        bool multiline = false; // Sigma `m`
        bool dotall = false;    // Sigma `s`
    };
    enum class Engine { Vectorscan, Pcre2 };

    // nullptr and `error` set when neither engine accepts the pattern.
    static std::unique_ptr<RegexMatcher> compile(std::string_view pattern, Flags flags, std::string& error);
    ~RegexMatcher();
    RegexMatcher(const RegexMatcher&) = delete;
    RegexMatcher& operator=(const RegexMatcher&) = delete;

    bool matches(std::string_view text) const;
    Engine engine() const;
    const std::string& pattern() const;
    Flags flags() const;

private:
    struct Impl;
    explicit RegexMatcher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace vigie::detect
