// libFuzzer target: JSON-lines records (Suricata EVE, Zeek, Windows, generic) through
// parse::parseRecord with the format pinned to JSON. Single-threaded.
#include "event/event_json.h"
#include "parse/record_parser.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view record(reinterpret_cast<const char*>(data), size);
    const vigie::parse::Context context{vigie::Timestamp(std::chrono::seconds(1'700'000'000)), "192.0.2.1"};
    const vigie::Event event = vigie::parse::parseRecord(record, vigie::parse::Format::Json, context);
    if (vigie::eventToJson(event).empty())
        __builtin_trap();
    return 0;
}
