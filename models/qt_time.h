#pragma once
// The backend's timestamps (microseconds since the epoch, UTC) as Qt shows them. Any thread.
#include "event/event.h"

#include <QDateTime>
#include <QTimeZone>

#include <chrono>

namespace vigie::models {

// In UTC, to the millisecond (QDateTime's precision).
inline QDateTime utcDateTime(Timestamp ts)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(ts.time_since_epoch()).count(), QTimeZone::utc());
}

} // namespace vigie::models
