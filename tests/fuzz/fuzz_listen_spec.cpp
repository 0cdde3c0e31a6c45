// libFuzzer target: ingest::ListenSpec::fromUri. A spec that parses must print back (toUri) to a
// URI that parses to the same spec. Single-threaded.
#include "ingest/listen_spec.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view uri(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto spec = vigie::ingest::ListenSpec::fromUri(uri, &error);
    if (!spec) {
        if (error.empty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    const std::string printed = spec->toUri();
    const auto again = vigie::ingest::ListenSpec::fromUri(printed, &error);
    if (!again || again->toUri() != printed || again->displayName() != spec->displayName())
        __builtin_trap();
    return 0;
}
