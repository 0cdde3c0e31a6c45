#pragma once
// The backend's timestamps (microseconds since the epoch, UTC) as the incident widgets show
// them: local date and time to the minute. Header-only; any thread.
#include "event/event.h"

#include <QDateTime>

#include <chrono>

namespace vigie::widgets {

inline QDateTime incidentDateTime(Timestamp ts)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(ts.time_since_epoch()).count(), Qt::UTC);
}

// "2026-11-22 17:12", local time: the way the events table and the alert queue write times, so
// an analyst compares them at a glance in either language.
inline QString incidentTimeText(Timestamp ts)
{
    return incidentDateTime(ts).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace vigie::widgets
