#pragma once
// EventTableModel: the events table, newest first, loaded lazily. GUI thread only.
// Older pages come through canFetchMore/fetchMore (keyset on (ts, id)); a 1 s timer asks
// for rows committed since the newest id seen and inserts them at the top with one
// beginInsertRows per answer. All database work happens in EventPageLoader on its own
// thread; the model only owns the rows and drops answers from an older generation.
// The rows live in an EventPageCache, so memory stays bounded however far the analyst scrolls:
// a row whose page was let go shows a stand-in ("…") until the page is read again, then
// dataChanged repaints it.
// A search (query + time range) replaces the plain listing: pages and the live tail both
// apply it, so only matching rows ever enter the table; a newer search supersedes an older
// one through the same generation counter.
#include "event_page_cache.h"
#include "event_page_loader.h"
#include "event_row.h"
#include "event_search.h"

#include <QAbstractTableModel>
#include <QTimer>

class QThread;

namespace vigie::models {

class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        HostColumn,
        AppColumn,
        SeverityColumn,
        SourceIpColumn,
        UserColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int 0..7, or invalid when the record had none
        EventIdRole,                     // qint64
        ParseErrorRole,                  // bool
    };

    explicit EventTableModel(QObject* parent = nullptr);
    ~EventTableModel() override;

    // Reads the events of the database at `conninfo` (libpq syntax), dropping what was shown.
    // Returns false, with *error set, when the connection string cannot be used.
    bool open(const QString& conninfo, QString* error = nullptr);
    // Drops every row and reads the newest page again.
    void reload();
    bool isOpen() const { return loader_ != nullptr; }

    // Shows the events matching `search` from now on: the model resets and reads the newest
    // matching page. A query that does not parse changes nothing and returns why.
    std::optional<SearchSyntaxError> setSearch(const EventSearch& search);
    const EventSearch& search() const { return search_; }

    void setPageSize(int rows) { pageSize_ = rows; }
    int pageSize() const { return pageSize_; }
    void setTailInterval(std::chrono::milliseconds interval) { tailTimer_.setInterval(interval); }
    // True once every row of the snapshot has been read (the live tail keeps adding).
    bool atEnd() const { return atEnd_; }
    bool isFetching() const { return olderInFlight_ || firstInFlight_; }

    // At most this many rows are held in memory (by pages of pageSize); the others are read
    // again when a view shows them. Keep it above a screenful of pages. Default 20,000.
    void setCacheRows(int rows) { cache_.setMaxRows(rows); }
    int cacheRows() const { return cache_.maxRows(); }
    // Rows held in memory now.
    int heldRows() const { return cache_.heldRows(); }

    // A copy of the row, or nullopt while its page is being read again (dataChanged follows)
    // or when the event is gone from the database (retention). Never a reference: the page
    // that holds a row may be let go at the next call.
    std::optional<EventRow> row(int row) const;

    // Translated name of a syslog severity (0 emergency .. 7 debug).
    static QString severityName(int severity);
    // Column titles and severity names follow the language: call after a language change.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // A query failed (server gone, permission...); the model retries on the next tick.
    void loadFailed(const QString& message);
    // The first page of a reset arrived.
    void firstPageLoaded();
    // setSearch accepted a new search (the histogram follows it).
    void searchChanged(const vigie::models::EventSearch& search);

private:
    void closeLoader();
    void requestFirst();
    void requestNewer();
    void onTick();
    void requestPage(int row) const;
    void onSnapshotReady(quint64 generation, qint64 snapshotId, const vigie::models::EventRows& rows,
                         bool atEnd, qint64 cursorTs, qint64 cursorId);
    void onOlderReady(quint64 generation, const vigie::models::EventRows& rows, bool atEnd, qint64 cursorTs,
                      qint64 cursorId);
    void appendPage(std::optional<std::pair<qint64, qint64>> from, EventRows rows);
    void onNewerReady(quint64 generation, const vigie::models::EventRows& rows, bool more);
    void onPageReread(quint64 generation, quint64 page, const vigie::models::EventRows& rows);
    void onFailed(quint64 generation, vigie::models::EventPageLoader::Request request,
                  const QString& message);

    // Mutable: data() marks pages as used and asks for those that were let go.
    mutable EventPageCache cache_{20000};
    EventSearch search_;
    // Where the next older page starts: the last row the page query returned, which may
    // have been dropped (committed after the snapshot, so it comes from the tail).
    qint64 cursorTs_ = 0;
    qint64 cursorId_ = 0;
    QThread* thread_ = nullptr;
    EventPageLoader* loader_ = nullptr;
    QTimer tailTimer_;
    quint64 generation_ = 0;
    qint64 snapshotId_ = 0;
    qint64 newestId_ = 0;
    int pageSize_ = 500;
    int tailLimit_ = 5000;
    bool firstLoaded_ = false;
    bool firstInFlight_ = false;
    bool olderInFlight_ = false;
    bool newerInFlight_ = false;
    bool atEnd_ = false;
    // A page could not be read again: the next tick repaints, and so asks again.
    bool rereadFailed_ = false;
};

} // namespace vigie::models
