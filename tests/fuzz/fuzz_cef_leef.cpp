// libFuzzer target: CEF and LEEF records. The first byte picks how they arrive: pinned to CEF,
// pinned to LEEF, sniffed (Auto), or inside an RFC 3164 envelope. Single-threaded.
#include "event/event_json.h"
#include "parse/record_parser.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    using vigie::parse::Format;
    const std::string_view payload(reinterpret_cast<const char*>(data + 1), size - 1);
    const vigie::parse::Context context{vigie::Timestamp(std::chrono::seconds(1'700'000'000)), "192.0.2.1"};
    std::string record;
    Format format = Format::Auto;
    switch (data[0] % 4) {
    case 0:
        format = Format::Cef;
        record.assign(payload);
        break;
    case 1:
        format = Format::Leef;
        record.assign(payload);
        break;
    case 2:
        record.assign(payload);
        break;
    default:
        record.assign("<134>Feb  1 10:00:00 fw-01 ").append(payload);
        break;
    }
    const vigie::Event event = vigie::parse::parseRecord(record, format, context);
    if (vigie::eventToJson(event).empty())
        __builtin_trap();
    return 0;
}
