#pragma once
// ScopedTz: sets the process time zone (TZ) for the scope of a test and restores it after, so
// tests of local-time parsing do not depend on the machine's zone.
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace vigie::test {

class ScopedTz {
public:
    explicit ScopedTz(const char* tz)
    {
        if (const char* old = std::getenv("TZ"))
            old_ = old;
        ::setenv("TZ", tz, 1);
        ::tzset();
    }
    ~ScopedTz()
    {
        if (old_)
            ::setenv("TZ", old_->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    ScopedTz(const ScopedTz&) = delete;
    ScopedTz& operator=(const ScopedTz&) = delete;

private:
    std::optional<std::string> old_;
};

} // namespace vigie::test
