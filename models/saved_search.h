#pragma once
// SavedSearch: one row of the `saved_searches` table — a name an analyst gave to a query and
// its time range — as a plain value passed between the GUI thread and the saved-search worker
// in queued calls. The range keeps the form it was saved in: relative ("last 24 hours", counted
// back from when it runs) or absolute (either bound may be open). Any thread.
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace vigie::models {

struct SavedSearch {
    Q_DECLARE_TR_FUNCTIONS(SavedSearch)
public:
    qint64 id = 0; // 0 until the database assigned one
    QString name;
    QString query;
    int lastMinutes = 0;           // relative range, 0 for all time; ignored when absolute
    std::optional<QDateTime> from; // absolute range, inclusive
    std::optional<QDateTime> to;   // absolute range, exclusive

    bool isAbsolute() const { return from || to; }
    bool operator==(const SavedSearch&) const = default;
    // Same query and range (what an overwrite changes), whatever the name and id.
    bool sameSearchAs(const SavedSearch& other) const;

    // "Last 24 hours", "All time" or "2026-11-22 08:00 to 2026-11-22 09:00" (local time).
    QString rangeText() const;
    // Why `name` cannot be saved, or empty: it must not be blank nor longer than the database
    // allows.
    static QString nameProblem(const QString& name);
    // The name is taken by another saved search.
    static QString nameTakenMessage(const QString& name);
    static constexpr int maxNameLength = 200;
};

using SavedSearches = QList<SavedSearch>;

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::SavedSearch)
Q_DECLARE_METATYPE(vigie::models::SavedSearches)
