#include "event_table_model.h"

#include "conn_info.h"
#include "event_page_loader.h"

#include <QThread>
#include <QTimeZone>

#include <algorithm>

namespace vigie::models {
namespace {

const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");

} // namespace

EventTableModel::EventTableModel(QObject* parent) : QAbstractTableModel(parent)
{
    tailTimer_.setInterval(std::chrono::seconds(1));
    connect(&tailTimer_, &QTimer::timeout, this, &EventTableModel::onTick);
}

EventTableModel::~EventTableModel()
{
    closeLoader();
}

QString EventTableModel::severityName(int severity)
{
    switch (severity) {
    case 0:
        return tr("emergency");
    case 1:
        return tr("alert");
    case 2:
        return tr("critical");
    case 3:
        return tr("error");
    case 4:
        return tr("warning");
    case 5:
        return tr("notice");
    case 6:
        return tr("informational");
    case 7:
        return tr("debug");
    default:
        return QString::number(severity);
    }
}

bool EventTableModel::open(const QString& conninfo, QString* error)
{
    QString options;
    if (!ConnInfo::qpsqlOptionsFor(conninfo, &options, error))
        return false;
    closeLoader();
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("event page loader"));
    loader_ = new EventPageLoader(options);
    loader_->moveToThread(thread_);
    connect(thread_, &QThread::finished, loader_, &QObject::deleteLater);
    connect(loader_, &EventPageLoader::snapshotReady, this, &EventTableModel::onSnapshotReady);
    connect(loader_, &EventPageLoader::olderReady, this, &EventTableModel::onOlderReady);
    connect(loader_, &EventPageLoader::newerReady, this, &EventTableModel::onNewerReady);
    connect(loader_, &EventPageLoader::pageReread, this, &EventTableModel::onPageReread);
    connect(loader_, &EventPageLoader::failed, this, &EventTableModel::onFailed);
    thread_->start();
    reload();
    tailTimer_.start();
    return true;
}

void EventTableModel::closeLoader()
{
    tailTimer_.stop();
    ++generation_;
    if (!thread_)
        return;
    // The loader is deleted on its own thread when the loop ends; waiting here only lasts
    // as long as a query that is already running.
    thread_->quit();
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    loader_ = nullptr;
}

std::optional<SearchSyntaxError> EventTableModel::setSearch(const EventSearch& search)
{
    if (auto error = checkSyntax(search.query))
        return error;
    search_ = search;
    reload();
    Q_EMIT searchChanged(search_);
    return std::nullopt;
}

void EventTableModel::reload()
{
    ++generation_;
    const bool hadRows = cache_.rowCount() > 0;
    if (hadRows)
        beginResetModel();
    cache_.clear(); // the requests of the old generation too
    if (hadRows)
        endResetModel();
    rereadFailed_ = false;
    firstLoaded_ = false;
    firstInFlight_ = false;
    olderInFlight_ = false;
    newerInFlight_ = false;
    atEnd_ = false;
    snapshotId_ = 0;
    newestId_ = 0;
    cursorTs_ = 0;
    cursorId_ = 0;
    requestFirst();
}

void EventTableModel::requestFirst()
{
    if (!loader_ || firstInFlight_)
        return;
    firstInFlight_ = true;
    QMetaObject::invokeMethod(
        loader_,
        [loader = loader_, generation = generation_, search = search_, limit = pageSize_] {
            loader->fetchFirst(generation, search, limit);
        },
        Qt::QueuedConnection);
}

void EventTableModel::onTick()
{
    if (rereadFailed_) {
        rereadFailed_ = false;
        if (cache_.rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(cache_.rowCount() - 1, ColumnCount - 1));
    }
    requestNewer();
}

void EventTableModel::requestNewer()
{
    if (!loader_)
        return;
    if (!firstLoaded_) {
        // The first page failed (server not ready yet): try again on this tick.
        requestFirst();
        return;
    }
    if (newerInFlight_)
        return;
    newerInFlight_ = true;
    QMetaObject::invokeMethod(
        loader_,
        [loader = loader_, generation = generation_, search = search_, after = newestId_,
         limit = tailLimit_] { loader->fetchNewer(generation, search, after, limit); },
        Qt::QueuedConnection);
}

bool EventTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && loader_ && firstLoaded_ && !atEnd_ && !olderInFlight_;
}

void EventTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    olderInFlight_ = true;
    QMetaObject::invokeMethod(
        loader_,
        [loader = loader_, generation = generation_, search = search_, ts = cursorTs_, id = cursorId_,
         snapshot = snapshotId_,
         limit = pageSize_] { loader->fetchOlder(generation, search, ts, id, snapshot, limit); },
        Qt::QueuedConnection);
}

void EventTableModel::requestPage(int row) const
{
    if (!loader_)
        return;
    const auto request = cache_.requestFor(row);
    if (!request)
        return;
    QMetaObject::invokeMethod(
        loader_,
        [loader = loader_, generation = generation_, search = search_, request = *request,
         snapshot = snapshotId_] {
            loader->rereadPage(generation, request.page, search, request.bounds, snapshot, request.rows);
        },
        Qt::QueuedConnection);
}

void EventTableModel::appendPage(std::optional<std::pair<qint64, qint64>> from, EventRows rows)
{
    if (rows.isEmpty())
        return;
    const int first = cache_.rowCount();
    const int count = static_cast<int>(rows.size());
    // Evict first: views compare the rows around an insertion before and after it.
    cache_.reserve(count);
    beginInsertRows({}, first, first + count - 1);
    cache_.appendSnapshotPage(from, std::move(rows));
    endInsertRows();
}

void EventTableModel::onSnapshotReady(quint64 generation, qint64 snapshotId, const EventRows& rows,
                                      bool atEnd, qint64 cursorTs, qint64 cursorId)
{
    if (generation != generation_)
        return;
    snapshotId_ = snapshotId;
    newestId_ = snapshotId;
    atEnd_ = atEnd;
    cursorTs_ = cursorTs;
    cursorId_ = cursorId;
    appendPage(std::nullopt, rows);
    // Only now may fetchMore run: views and testers call it from inside the insert signals,
    // and a request made then would reuse the old cursor and load the same page twice.
    firstInFlight_ = false;
    firstLoaded_ = true;
    Q_EMIT firstPageLoaded();
    // A page whose rows all belonged to the tail shows nothing a view would scroll past.
    if (rows.isEmpty() && !atEnd_)
        fetchMore({});
}

void EventTableModel::onOlderReady(quint64 generation, const EventRows& rows, bool atEnd, qint64 cursorTs,
                                   qint64 cursorId)
{
    if (generation != generation_)
        return;
    // The cursor still holds where this page was read from.
    appendPage(std::pair(cursorTs_, cursorId_), rows);
    // After the insert, for the reason given in onSnapshotReady.
    atEnd_ = atEnd;
    cursorTs_ = cursorTs;
    cursorId_ = cursorId;
    olderInFlight_ = false;
    if (rows.isEmpty() && !atEnd_)
        fetchMore({});
}

void EventTableModel::onNewerReady(quint64 generation, const EventRows& rows, bool more)
{
    if (generation != generation_)
        return;
    if (!rows.isEmpty()) {
        // The loader answers in ascending id; the cache shows the newest first.
        const int count = static_cast<int>(rows.size());
        cache_.reserve(count);
        beginInsertRows({}, 0, count - 1);
        cache_.prependTail(newestId_, rows, pageSize_);
        endInsertRows();
        newestId_ = std::max(newestId_, rows.constLast().id);
    }
    newerInFlight_ = false;
    if (more)
        requestNewer(); // a backlog: keep reading rather than wait for the next tick
}

void EventTableModel::onPageReread(quint64 generation, quint64 page, const EventRows& rows)
{
    if (generation != generation_)
        return;
    if (const auto filled = cache_.fill(page, rows))
        Q_EMIT dataChanged(index(filled->first, 0), index(filled->last, ColumnCount - 1));
}

void EventTableModel::onFailed(quint64 generation, EventPageLoader::Request request, const QString& message)
{
    if (generation != generation_)
        return;
    switch (request) {
    case EventPageLoader::Request::First:
        firstInFlight_ = false;
        break;
    case EventPageLoader::Request::Older:
        olderInFlight_ = false;
        break;
    case EventPageLoader::Request::Newer:
        newerInFlight_ = false;
        break;
    case EventPageLoader::Request::Page:
        cache_.forgetRequests();
        rereadFailed_ = true;
        break;
    }
    Q_EMIT loadFailed(message);
}

void EventTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (cache_.rowCount() > 0)
        Q_EMIT dataChanged(index(0, SeverityColumn), index(cache_.rowCount() - 1, SeverityColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : cache_.rowCount();
}

std::optional<EventRow> EventTableModel::row(int row) const
{
    if (row < 0 || row >= cache_.rowCount())
        return std::nullopt;
    const EventRow* event = cache_.find(row);
    if (!event)
        requestPage(row);
    if (!event || event->id == 0)
        return std::nullopt;
    return *event;
}

int EventTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRow* found = cache_.find(index.row());
    if (!found) {
        requestPage(index.row());
        if (role == Qt::DisplayRole && index.column() == MessageColumn)
            return QString(QChar(0x2026)); // "…" until the page is read again
        return {};
    }
    if (found->id == 0)
        return {}; // gone from the database since (retention)
    const EventRow& event = *found;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return event.ts.toLocalTime().toString(timeFormat);
        case HostColumn:
            return event.host;
        case AppColumn:
            return event.app;
        case SeverityColumn:
            return event.severity ? severityName(*event.severity) : QString();
        case SourceIpColumn:
            return event.source_ip;
        case UserColumn:
            return event.user_name;
        case MessageColumn: {
            // One line per row: a multi-line message is shown whole in the detail pane.
            QString text = event.message.left(1000);
            text.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return text;
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return event.ts.toString(Qt::ISODateWithMs);
        if (index.column() == SeverityColumn && event.severity)
            return tr("Severity %1 (%2)").arg(*event.severity).arg(severityName(*event.severity));
        return {};
    case SeverityRole:
        return event.severity ? QVariant(*event.severity) : QVariant();
    case EventIdRole:
        return event.id;
    case ParseErrorRole:
        return event.parse_error;
    }
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case HostColumn:
        return tr("Host");
    case AppColumn:
        return tr("Application");
    case SeverityColumn:
        return tr("Severity");
    case SourceIpColumn:
        return tr("Source IP");
    case UserColumn:
        return tr("User");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace vigie::models
