#pragma once
// EventPageLoader: reads pages of the events table for EventTableModel. Lives on its own
// QThread with its own QSqlDatabase connection (QtSql wants one connection per thread); the
// model calls its slots through queued invocations and gets value lists back in queued
// signals, tagged with the caller's generation so stale answers can be dropped.
//
// Paging is keyset on (ts, id), newest first, over a snapshot bounded by the largest id
// that existed when the model was reset; rows committed after that come from the live tail
// (id greater than the newest id seen), so a row is never delivered twice. Every request
// carries the active EventSearch: pages come from query::buildEventPage (rows above the
// snapshot are dropped after the LIMIT, so each page also answers the raw cursor it reached)
// and the tail from the same compiled filter, so the table only ever holds matching rows.
// A page the model let go of is read again by its bounds (EventPageBounds), the same rows.
#include "event_page_cache.h"
#include "event_row.h"
#include "event_search.h"
#include "thread_connection.h"

#include <QObject>
#include <QString>

namespace vigie::models {

class EventPageLoader : public QObject {
    Q_OBJECT
public:
    // Which request a failure answers, so the model retries only that one.
    enum class Request { First, Older, Newer, Page };
    Q_ENUM(Request)

    // `connectOptions` is a normalised conninfo (see ConnInfo::toQpsqlConnectOptions).
    explicit EventPageLoader(QString connectOptions);

public Q_SLOTS:
    // Takes the snapshot (largest id) and reads the newest page. Answers snapshotReady.
    void fetchFirst(quint64 generation, const vigie::models::EventSearch& search, int limit);
    // Reads up to `limit` rows older than (tsMicros, id) with id <= snapshotId.
    void fetchOlder(quint64 generation, const vigie::models::EventSearch& search, qint64 tsMicros, qint64 id,
                    qint64 snapshotId, int limit);
    // Reads up to `limit` matching rows with id > afterId, ascending by id.
    void fetchNewer(quint64 generation, const vigie::models::EventSearch& search, qint64 afterId, int limit);
    // Reads again the `rows` rows of a page within `bounds`, newest first. Answers pageReread.
    void rereadPage(quint64 generation, quint64 page, const vigie::models::EventSearch& search,
                    const vigie::models::EventPageBounds& bounds, qint64 snapshotId, int rows);

Q_SIGNALS:
    // (cursorTs, cursorId) is the last row the page query returned, delivered or not.
    void snapshotReady(quint64 generation, qint64 snapshotId, vigie::models::EventRows rows, bool atEnd,
                       qint64 cursorTs, qint64 cursorId);
    void olderReady(quint64 generation, vigie::models::EventRows rows, bool atEnd, qint64 cursorTs,
                    qint64 cursorId);
    void newerReady(quint64 generation, vigie::models::EventRows rows, bool more);
    void pageReread(quint64 generation, quint64 page, vigie::models::EventRows rows);
    void failed(quint64 generation, vigie::models::EventPageLoader::Request request, QString message);

private:
    bool run(const QString& sql, const QVariantList& values, EventRows* rows, QString* error);
    // One page of `search` after `after`, rows above `snapshotId` removed; false on failure.
    struct Page {
        EventRows rows;
        bool atEnd = true;
        qint64 cursorTs = 0;
        qint64 cursorId = 0;
    };
    bool readPage(const EventSearch& search, std::optional<query::Cursor> after, qint64 snapshotId, int limit,
                  Page* page, QString* error);
    // Matching rows with afterId < id (<= upToId when given), by id, up to `limit`.
    bool readTail(const EventSearch& search, qint64 afterId, std::optional<qint64> upToId, bool newestFirst,
                  int limit, EventRows* rows, QString* error);
    // Matching rows of a snapshot page: key below `bounds.from`, at or above `bounds.last`.
    bool readSnapshotPage(const EventSearch& search, const EventPageBounds& bounds, qint64 snapshotId,
                          int limit, EventRows* rows, QString* error);

    ThreadConnection connection_;
};

} // namespace vigie::models
