#pragma once
// The backend's timestamps as the incident widgets write them: local date and time to the
// minute. Header-only; any thread.
#include "qt_time.h"

#include <QString>

namespace vigie::widgets {

// "2026-11-22 17:12", local time: the way the events table and the alert queue write times, so
// an analyst compares them at a glance in either language.
inline QString incidentTimeText(Timestamp ts)
{
    return models::utcDateTime(ts).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace vigie::widgets
