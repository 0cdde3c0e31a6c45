// IncidentListModel: the ticket rows, the merge of each refresh into them and the SLA
// countdown. GUI thread.
#include "incident_list_model.h"

#include "incident_labels.h"
#include "qt_time.h"
#include "utf8_text.h"

#include "cases/incident_rules.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <limits>

namespace vigie::models {
namespace {

constexpr int kSlaTickMs = 30000;


int severityRank(const std::string& severity)
{
    static const char* const order[] = {"low", "medium", "high", "critical"};
    const auto found = std::find(std::begin(order), std::end(order), severity);
    return found == std::end(order) ? 0 : static_cast<int>(found - std::begin(order));
}

// The lifecycle's order, so sorting by state reads like the workflow.
int stateRank(const std::string& state)
{
    static const char* const order[] = {"new",      "triage", "in_progress",    "escalated",
                                        "resolved", "closed", "false_positive", "merged"};
    const auto found = std::find(std::begin(order), std::end(order), state);
    return static_cast<int>(found - std::begin(order));
}

// What a refresh compares to decide whether a row changed: every edit bumps the version, links
// and comments change the counts.
bool sameListing(const cases::IncidentListing& a, const cases::IncidentListing& b)
{
    return a.incident.id == b.incident.id && a.incident.version == b.incident.version &&
           a.alert_count == b.alert_count && a.event_count == b.event_count &&
           a.comment_count == b.comment_count;
}

QString searchText(const cases::IncidentListing& listing)
{
    const cases::Incident& incident = listing.incident;
    QStringList parts{QStringLiteral("#%1").arg(incident.id), qstr(incident.title),
                      qstr(incident.description), qstr(incident.assignee.value_or(std::string()))};
    for (const std::string& tag : incident.attack_tags)
        parts << qstr(tag);
    return parts.join(QLatin1Char(' ')).toLower();
}

} // namespace

IncidentListModel::IncidentListModel(QObject* parent)
    : QAbstractTableModel(parent), clock_([] { return QDateTime::currentDateTimeUtc(); }),
      tick_(new QTimer(this))
{
    // The countdown moves and tickets cross their due time without any change in the database.
    tick_->setInterval(kSlaTickMs);
    connect(tick_, &QTimer::timeout, this, [this] {
        // Whole rows: the breached state (every column's SlaBreachedRole) changes with the text,
        // and the filter model re-filters the rows it is told about.
        if (!rows_.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
    tick_->start();
}

void IncidentListModel::setClock(std::function<QDateTime()> clock)
{
    clock_ = std::move(clock);
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QDateTime IncidentListModel::now() const
{
    return clock_();
}

const cases::IncidentListing* IncidentListModel::listing(int row) const
{
    return row >= 0 && row < rowCount() ? &rows_[static_cast<std::size_t>(row)] : nullptr;
}

int IncidentListModel::rowOfId(qint64 id) const
{
    const auto found = std::find_if(rows_.begin(), rows_.end(),
                                    [id](const cases::IncidentListing& l) { return l.incident.id == id; });
    return found == rows_.end() ? -1 : static_cast<int>(found - rows_.begin());
}

int IncidentListModel::breachedCount() const
{
    const QDateTime current = now();
    return static_cast<int>(
        std::count_if(rows_.begin(), rows_.end(), [&current](const cases::IncidentListing& l) {
            return cases::isOpenState(l.incident.state) && current > utcDateTime(l.incident.sla_due);
        }));
}

void IncidentListModel::mergeListings(const std::vector<cases::IncidentListing>& listings)
{
    QHash<qint64, const cases::IncidentListing*> wanted;
    for (const auto& listing : listings)
        wanted.insert(listing.incident.id, &listing);

    // 1. Tickets gone (past the list's limit; tickets are never deleted otherwise).
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (wanted.contains(rows_[static_cast<std::size_t>(row)].incident.id))
            continue;
        beginRemoveRows({}, row, row);
        rows_.erase(rows_.begin() + row);
        endRemoveRows();
    }

    // 2. New tickets at the end with their values; step 3 puts them in place.
    QSet<qint64> held;
    for (const auto& row : rows_)
        held.insert(row.incident.id);
    std::vector<cases::IncidentListing> added;
    for (const auto& listing : listings)
        if (!held.contains(listing.incident.id))
            added.push_back(listing);
    if (!added.empty()) {
        beginInsertRows({}, rowCount(), rowCount() + static_cast<int>(added.size()) - 1);
        rows_.insert(rows_.end(), added.begin(), added.end());
        endInsertRows();
    }

    // 3. The database's order (an edit moves a ticket to the top) as one layout change, the
    //    persistent indexes (the selection) following their tickets.
    const bool reordered =
        !std::equal(rows_.begin(), rows_.end(), listings.begin(), listings.end(),
                    [](const auto& a, const auto& b) { return a.incident.id == b.incident.id; });
    std::vector<bool> changed(listings.size(), false);
    for (std::size_t at = 0; at < listings.size(); ++at) {
        const int old = rowOfId(listings[at].incident.id);
        changed[at] = !sameListing(rows_[static_cast<std::size_t>(old)], listings[at]);
    }
    if (reordered) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QList<qint64> ids;
        ids.reserve(before.size());
        for (const QModelIndex& index : before)
            ids.append(rows_[static_cast<std::size_t>(index.row())].incident.id);
        rows_ = listings;
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i)
            after.append(index(rowOfId(ids.at(i)), before.at(i).column()));
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        rows_ = listings;
    }

    // 4. The values of the tickets that changed.
    for (std::size_t at = 0; at < changed.size(); ++at)
        if (changed[at])
            Q_EMIT dataChanged(index(static_cast<int>(at), 0), index(static_cast<int>(at), ColumnCount - 1));
}

void IncidentListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int IncidentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int IncidentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cases::IncidentListing& row = rows_[static_cast<std::size_t>(index.row())];
    const cases::Incident& incident = row.incident;
    const bool open = cases::isOpenState(incident.state);
    const QDateTime due = utcDateTime(incident.sla_due);
    const bool breached = open && now() > due;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IdColumn:
            return QStringLiteral("#%1").arg(incident.id);
        case SeverityColumn:
            return IncidentLabels::severity(qstr(incident.severity));
        case TitleColumn:
            return qstr(incident.title);
        case StateColumn:
            return IncidentLabels::state(qstr(incident.state));
        case TierColumn:
            return IncidentLabels::tier(qstr(incident.tier));
        case AssigneeColumn:
            return incident.assignee ? qstr(*incident.assignee) : tr("Unassigned");
        case SlaColumn:
            return open ? IncidentLabels::slaCountdown(due, now()) : QStringLiteral("—");
        case AlertsColumn:
            return row.alert_count;
        case UpdatedColumn:
            return utcDateTime(incident.updated_at).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == SlaColumn)
            return tr("Due %1").arg(due.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (column == TitleColumn && !incident.description.empty())
            return qstr(incident.description);
        return {};
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == AlertsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return qint64(incident.id);
    case SeverityRole:
        return severityRank(incident.severity);
    case StateRole:
        return qstr(incident.state);
    case TierRole:
        return qstr(incident.tier);
    case AssigneeRole:
        return qstr(incident.assignee.value_or(std::string()));
    case SlaDueRole:
        return due;
    case SlaBreachedRole:
        return breached;
    case OpenRole:
        return open;
    case VersionRole:
        return incident.version;
    case SearchTextRole:
        return searchText(row);
    case SortRole:
        switch (column) {
        case IdColumn:
            return qint64(incident.id);
        case SeverityColumn:
            return severityRank(incident.severity);
        case TitleColumn:
            return qstr(incident.title).toLower();
        case StateColumn:
            return stateRank(incident.state);
        case TierColumn:
            return qstr(incident.tier);
        case AssigneeColumn:
            return qstr(incident.assignee.value_or(std::string())).toLower();
        case SlaColumn:
            // The most urgent first when ascending; tickets no longer open after every open one.
            return open ? due.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        case AlertsColumn:
            return row.alert_count;
        case UpdatedColumn:
            return utcDateTime(incident.updated_at).toMSecsSinceEpoch();
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Title");
    case StateColumn:
        return tr("State");
    case TierColumn:
        return tr("Tier");
    case AssigneeColumn:
        return tr("Assignee");
    case SlaColumn:
        return tr("SLA");
    case AlertsColumn:
        return tr("Alerts");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace vigie::models
