#pragma once
// What an Event must satisfy before it enters the events table, applied by the writer just
// before encoding. Nothing is thrown away: a value that cannot go into its column is moved to
// `fields` with its original text.
#include "event/event.h"

namespace vigie::store {

// Event times further than this from the receive time are taken as the sender's clock or
// parser being wrong (as Splunk's MAX_DAYS_AGO/HENCE): ts becomes received_at and the
// original goes to fields["original_ts"]. It also bounds how many daily partitions a
// hostile sender can make us create.
inline constexpr auto kMaxEventAge = std::chrono::days(3650);
inline constexpr auto kMaxEventLead = std::chrono::days(2);

void prepareForStorage(Event& event);

} // namespace vigie::store
