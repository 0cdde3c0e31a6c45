// SavedSearch: the texts of a saved search's range and name checks. Any thread.
#include "saved_search.h"

namespace vigie::models {

bool SavedSearch::sameSearchAs(const SavedSearch& other) const
{
    return query == other.query && lastMinutes == other.lastMinutes && from == other.from && to == other.to;
}

QString SavedSearch::rangeText() const
{
    if (isAbsolute()) {
        const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
        if (!to)
            return tr("From %1").arg(from->toLocalTime().toString(format));
        if (!from)
            return tr("Until %1").arg(to->toLocalTime().toString(format));
        return tr("%1 to %2").arg(from->toLocalTime().toString(format), to->toLocalTime().toString(format));
    }
    // The search bar offers 15 minutes, an hour, 24 hours, 7 days and all time; other spans
    // (saved by another client) are named in the largest whole unit.
    constexpr int hour = 60;
    constexpr int day = 24 * hour;
    if (lastMinutes <= 0)
        return tr("All time");
    if (lastMinutes == hour)
        return tr("Last hour");
    if (lastMinutes == day)
        return tr("Last 24 hours");
    if (lastMinutes % day == 0)
        return tr("Last %1 days").arg(lastMinutes / day);
    if (lastMinutes % hour == 0)
        return tr("Last %1 hours").arg(lastMinutes / hour);
    return tr("Last %1 minutes").arg(lastMinutes);
}

QString SavedSearch::nameTakenMessage(const QString& name)
{
    return tr("A saved search named “%1” already exists.").arg(name.trimmed());
}

QString SavedSearch::nameProblem(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Give the search a name.");
    if (trimmed.size() > maxNameLength)
        return tr("The name is too long (at most %1 characters).").arg(maxNameLength);
    return {};
}

} // namespace vigie::models
