#pragma once
// RFC 5424 syslog parser (strict grammar, as go-syslog's default) into an Event. Used by
// parseRecord; pure function, safe from any thread.
#include "parse/record_parser.h"
#include "parse/syslog_common.h"

#include <cstddef>
#include <string_view>

namespace vigie::parse::detail {

struct Rfc5424Result {
    bool ok = false;
    // True once PRI, VERSION and TIMESTAMP were read: the record is certainly RFC 5424, so a
    // later failure is a real parse error, not a reason to try RFC 3164.
    bool past_header = false;
    ParseFailure failure;
};

// Parses s[pos..] (s ends where the record's trailing whitespace starts; columns are offsets in
// s). Without `require_pri`, a missing "<PRI>" is accepted (syslog-loose's lenient reading).
Rfc5424Result parseRfc5424(std::string_view s, std::size_t pos, bool require_pri, const Context& context,
                           Event& event);

} // namespace vigie::parse::detail
