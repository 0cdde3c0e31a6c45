#pragma once
// CEF (ArcSight Common Event Format) and LEEF 1.0/2.0 (IBM QRadar) lines, the formats firewalls
// and other appliances speak. Header fields and extension keys are mapped to the columns where
// a standard key exists (src, dst, spt, dpt, suser/duser, act, outcome, rt, dvchost...); the
// rest go to fields as "cef.<key>" / "leef.<key>". Pure functions, safe from any thread.
#include "parse/syslog_common.h"

#include <cstddef>
#include <string_view>

namespace vigie::parse::detail {

// "CEF:Version|Vendor|Product|Version|SignatureID|Name|Severity|Extension" at s[pos..].
// Fills `event` (format "cef"); leaves ts and host alone when the line has none (a syslog
// envelope or the receive time supplies them). False with `failure` when the header is broken.
bool parseCef(std::string_view s, std::size_t pos, Event& event, ParseFailure& failure);

// "LEEF:Version|Vendor|Product|Version|EventID|[DelimiterChar|]Extension" at s[pos..].
bool parseLeef(std::string_view s, std::size_t pos, Event& event, ParseFailure& failure);

} // namespace vigie::parse::detail
