#pragma once
// The backend's timestamps (microseconds since the epoch, UTC) as the incident widgets show
// them: local date and time to the minute. Header-only; any thread.
#include "event/event.h"

#include <QDateTime>
#include <QLocale>

#include <chrono>

namespace vigie::widgets {

inline QDateTime incidentDateTime(Timestamp ts)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(ts.time_since_epoch()).count(), Qt::UTC);
}

// "22/11/2026 17:12" in the UI language's short format, local time.
inline QString incidentTimeText(Timestamp ts)
{
    return QLocale().toString(incidentDateTime(ts).toLocalTime(), QLocale::ShortFormat);
}

} // namespace vigie::widgets
