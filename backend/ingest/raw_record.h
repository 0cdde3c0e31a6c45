#pragma once
// RawRecord: one framed record as a listener hands it to the parse workers.
#include "event/event.h"
#include "parse/record_parser.h"

#include <string>

namespace vigie::ingest {

struct SourceState;

struct RawRecord {
    std::string bytes;
    Timestamp received_at{};
    std::string peer_address;
    SourceState* source = nullptr; // counts it; outlives the record
    parse::Format format = parse::Format::Auto;
    bool truncated = false; // longer than the framer's limit: the rest was cut off
};

} // namespace vigie::ingest
