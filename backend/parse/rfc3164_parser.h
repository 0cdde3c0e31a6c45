#pragma once
// BSD syslog (RFC 3164) parser with rsyslog's leniency: optional PRI, BSD or ISO 8601
// timestamp (or none), optional hostname, optional tag. Used by parseRecord; pure function
// apart from the thread_local local-time cache, safe from any thread.
#include "parse/record_parser.h"
#include "parse/syslog_common.h"

#include <cstddef>
#include <string_view>

namespace vigie::parse::detail {

// Parses s[pos..] (s ends where the record's trailing whitespace starts; columns are offsets in
// s). Returns false and sets `failure` for an empty record, a malformed PRI or an impossible
// date.
bool parseRfc3164(std::string_view s, std::size_t pos, const Context& context, Event& event,
                  ParseFailure& failure);

} // namespace vigie::parse::detail
