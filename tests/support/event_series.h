#pragma once
// eventSeries: synthetic history for storage tests — `count` events `spacing` apart from `from`,
// each made by the test's own `make(ts, index)` (indexes from `first_index`, so a later batch
// can continue a series). Any thread.
#include "event/event.h"

#include <chrono>
#include <vector>

namespace vigie::test {

template <class Make>
std::vector<Event> eventSeries(int count, Timestamp from, std::chrono::seconds spacing, int first_index, Make make)
{
    std::vector<Event> events;
    events.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        events.push_back(make(from + spacing * i, first_index + i));
    return events;
}

} // namespace vigie::test
