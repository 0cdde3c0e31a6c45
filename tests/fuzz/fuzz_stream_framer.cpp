// libFuzzer target: ingest::StreamFramer. The first bytes choose max_record and the chunk sizes
// the stream is cut into; framing must not depend on where TCP happened to split the bytes, so
// the records of the chunked feed must equal those of one single feed, and no record may be
// empty or longer than max_record. Single-threaded.
#include "ingest/stream_framer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<std::string> frame(std::string_view stream, std::size_t max_record, const std::uint8_t* cuts,
                               std::size_t cut_count)
{
    vigie::ingest::StreamFramer framer(max_record);
    std::vector<std::string> records;
    const auto sink = [&](std::string_view record) { records.emplace_back(record); };
    std::size_t at = 0;
    std::size_t k = 0;
    while (at < stream.size()) {
        const std::size_t chunk = cut_count == 0 ? stream.size() : 1 + cuts[k++ % cut_count] % 64;
        const std::size_t take = std::min(chunk, stream.size() - at);
        framer.feed(stream.substr(at, take), sink);
        at += take;
    }
    framer.finish(sink);
    for (const auto& record : records)
        if (record.empty() || record.size() > max_record)
            __builtin_trap();
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 5)
        return 0;
    // max_record from 1 to 4096, so that the oversize paths are reached with small inputs.
    const std::size_t max_record = 1 + ((static_cast<std::size_t>(data[0]) << 8 | data[1]) % 4096);
    const std::uint8_t* cuts = data + 2;
    const std::size_t cut_count = 3;
    const std::string_view stream(reinterpret_cast<const char*>(data + 5), size - 5);
    const auto whole = frame(stream, max_record, nullptr, 0);
    const auto chunked = frame(stream, max_record, cuts, cut_count);
    if (whole != chunked)
        __builtin_trap();
    return 0;
}
