// libFuzzer target: syslog records through parse::parseRecord. The first byte picks the grammar
// (Auto, RFC 5424, RFC 3164) so one corpus covers the three entry points; the event is also
// rendered as JSON, which walks every string the parser produced. Single-threaded.
#include "event/event_json.h"
#include "parse/record_parser.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static constexpr vigie::parse::Format kFormats[] = {
        vigie::parse::Format::Auto, vigie::parse::Format::Rfc5424, vigie::parse::Format::Rfc3164};
    const vigie::parse::Format format = kFormats[data[0] % 3];
    const std::string_view record(reinterpret_cast<const char*>(data + 1), size - 1);
    const vigie::parse::Context context{vigie::Timestamp(std::chrono::seconds(1'700'000'000)), "192.0.2.1"};
    const vigie::Event event = vigie::parse::parseRecord(record, format, context);
    const std::string json = vigie::eventToJson(event);
    if (json.empty() || event.raw.empty() != record.empty())
        __builtin_trap(); // every record comes back, raw kept
    return 0;
}
