#pragma once
// The data set of the scale benchmarks (docs/PERFORMANCE.md, issue #4): realistic events
// (authentication, web, firewall and system traffic over 200 hosts and 500 users, skewed as
// real logs are) loaded through the real writer (partitions, COPY, rollups, batch ids).
// Shared by vigie_search_scale and vigie_scroll_memory; runs on the caller's thread.
#include <cstddef>
#include <string>

namespace vigie::bench {

// Writes `count` events spread evenly over the last `days` days, oldest first, then VACUUM
// ANALYZE; progress on stderr. Throws on database errors.
void loadRealisticEvents(const std::string& conninfo, std::size_t count, int days);

} // namespace vigie::bench
