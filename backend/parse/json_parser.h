#pragma once
// JSON-lines records: Suricata EVE, Zeek JSON logs, Windows events forwarded as flat JSON
// (Security and Sysmon), and any other JSON object (dotted keys flattened into fields). The
// kind is told apart by its keys and recorded in event.format ("suricata", "zeek", "windows",
// "json"). Pure function, safe from any thread.
#include "parse/syslog_common.h"

#include <cstddef>
#include <string_view>

namespace vigie::parse::detail {

// The JSON object at s[pos..]. False with `failure` when it is not one valid JSON object.
bool parseJson(std::string_view s, std::size_t pos, Event& event, ParseFailure& failure);

} // namespace vigie::parse::detail
