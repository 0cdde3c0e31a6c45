// AlertQueueModel: the alert tree and the merge of each refresh into it. GUI thread.
#include "alert_queue_model.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace vigie::models {
namespace {

const QString timeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

QString levelText(AlertRow::Severity severity)
{
    switch (severity) {
    case AlertRow::Critical:
        return AlertQueueModel::tr("Critical");
    case AlertRow::High:
        return AlertQueueModel::tr("High");
    case AlertRow::Medium:
        return AlertQueueModel::tr("Medium");
    case AlertRow::Low:
        return AlertQueueModel::tr("Low");
    case AlertRow::Informational:
        break;
    }
    return AlertQueueModel::tr("Informational");
}

QString localTime(const QDateTime& utc)
{
    return utc.toLocalTime().toString(timeFormat);
}

} // namespace

AlertQueueModel::AlertQueueModel(QObject* parent) : QAbstractItemModel(parent)
{
    groups_.append(Group{});
}

QString AlertQueueModel::groupKey(const AlertRow& row) const
{
    switch (grouping_) {
    case Grouping::Rule:
        return row.ruleId;
    case Grouping::Host:
        return row.host;
    case Grouping::None:
        break;
    }
    return {};
}

QList<AlertQueueModel::Group> AlertQueueModel::groupsOf(const AlertRows& alerts)
{
    QList<Group> groups;
    if (grouping_ == Grouping::None) {
        groups.append(Group{});
        for (const AlertRow& row : alerts)
            groups.front().ids.append(row.id);
        return groups;
    }
    QHash<QString, qsizetype> position;
    for (const AlertRow& row : alerts) {
        const QString key = groupKey(row);
        auto found = position.constFind(key);
        if (found == position.cend()) {
            Group group;
            group.key = key;
            const auto old = std::find_if(groups_.cbegin(), groups_.cend(),
                                          [&key](const Group& g) { return g.key == key && g.serial != 0; });
            group.serial = old != groups_.cend() ? old->serial : nextSerial_++;
            found = position.insert(key, groups.size());
            groups.append(group);
        }
        groups[*found].ids.append(row.id);
    }
    return groups;
}

void AlertQueueModel::setGrouping(Grouping grouping)
{
    if (grouping == grouping_)
        return;
    beginResetModel();
    grouping_ = grouping;
    groups_.clear();
    groups_ = groupsOf(alerts_);
    endResetModel();
}

int AlertQueueModel::groupRowOfSerial(quintptr serial) const
{
    for (qsizetype row = 0; row < groups_.size(); ++row) {
        if (groups_.at(row).serial == serial)
            return static_cast<int>(row);
    }
    return -1;
}

QModelIndex AlertQueueModel::parentOfGroup(int groupRow) const
{
    return grouping_ == Grouping::None ? QModelIndex() : index(groupRow, 0);
}

void AlertQueueModel::mergeAlerts(const AlertRows& alerts)
{
    if (alerts == alerts_)
        return;
    QSet<qint64> wanted;
    for (const AlertRow& row : alerts) {
        wanted.insert(row.id);
        byId_.insert(row.id, row); // new values now, so inserted rows have their data
    }
    const QList<Group> target = groupsOf(alerts);
    const bool grouped = grouping_ != Grouping::None;

    // 1. Alerts gone (acknowledged, or out of the queue's limit), then groups left empty.
    for (int g = static_cast<int>(groups_.size()) - 1; g >= 0; --g) {
        const QModelIndex parent = parentOfGroup(g);
        for (int i = static_cast<int>(groups_.at(g).ids.size()) - 1; i >= 0; --i) {
            if (wanted.contains(groups_.at(g).ids.at(i)))
                continue;
            beginRemoveRows(parent, i, i);
            groups_[g].ids.removeAt(i);
            endRemoveRows();
        }
        const QString key = groups_.at(g).key;
        const bool kept =
            std::any_of(target.cbegin(), target.cend(), [&key](const Group& t) { return t.key == key; });
        if (grouped && !kept) {
            beginRemoveRows({}, g, g);
            groups_.removeAt(g);
            endRemoveRows();
        }
    }

    // 2. New groups at the end, new alerts at the end of their group; step 3 puts them in place.
    for (const Group& t : target) {
        int g = groupRowOfSerial(t.serial);
        if (g < 0) {
            g = static_cast<int>(groups_.size());
            beginInsertRows({}, g, g);
            groups_.append(Group{t.serial, t.key, {}});
            endInsertRows();
        }
        QList<qint64> added;
        for (const qint64 id : t.ids) {
            if (!groups_.at(g).ids.contains(id))
                added.append(id);
        }
        if (added.isEmpty())
            continue;
        const int first = static_cast<int>(groups_.at(g).ids.size());
        beginInsertRows(parentOfGroup(g), first, first + static_cast<int>(added.size()) - 1);
        groups_[g].ids.append(added);
        endInsertRows();
    }

    // 3. The queue's order (a later last_ts moves an alert up) as one layout change.
    const bool reordered = std::equal(groups_.cbegin(), groups_.cend(), target.cbegin(), target.cend(),
                                      [](const Group& a, const Group& b) {
                                          return a.serial == b.serial && a.ids == b.ids;
                                      }) == false;
    if (reordered) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        // What each persistent index stands for: a group (by serial) or an alert (by id).
        struct Anchor {
            bool group;
            quintptr serial;
            qint64 id;
            int column;
        };
        QList<Anchor> anchors;
        anchors.reserve(before.size());
        for (const QModelIndex& index : before) {
            const bool isGroup = grouped && index.internalId() == 0;
            const quintptr serial = isGroup ? groups_.at(index.row()).serial : index.internalId();
            const qint64 id =
                isGroup ? 0 : groups_.at(grouped ? groupRowOfSerial(serial) : 0).ids.at(index.row());
            anchors.append(Anchor{isGroup, serial, id, index.column()});
        }
        groups_ = target;
        QModelIndexList after;
        after.reserve(before.size());
        for (const Anchor& anchor : anchors) {
            const int g = groupRowOfSerial(anchor.serial);
            if (anchor.group) {
                after.append(createIndex(g, anchor.column, quintptr(0)));
            } else {
                const int row = static_cast<int>(groups_.at(g).ids.indexOf(anchor.id));
                after.append(createIndex(row, anchor.column, grouped ? anchor.serial : quintptr(0)));
            }
        }
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    alerts_ = alerts;
    byId_.clear();
    for (const AlertRow& row : alerts_)
        byId_.insert(row.id, row);
    // 4. Counts, times and statuses: everything listed may have changed.
    if (grouped) {
        emitAllChanged({});
        for (int g = 0; g < groups_.size(); ++g)
            emitAllChanged(index(g, 0));
    } else {
        emitAllChanged({});
    }
}

void AlertQueueModel::emitAllChanged(const QModelIndex& parent)
{
    const int rows = rowCount(parent);
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
}

const AlertRow* AlertQueueModel::alert(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const bool grouped = grouping_ != Grouping::None;
    if (grouped && index.internalId() == 0)
        return nullptr;
    const int g = grouped ? groupRowOfSerial(index.internalId()) : 0;
    if (g < 0 || index.row() >= groups_.at(g).ids.size())
        return nullptr;
    const auto found = byId_.constFind(groups_.at(g).ids.at(index.row()));
    return found == byId_.cend() ? nullptr : &*found;
}

QList<qint64> AlertQueueModel::alertIds(const QModelIndex& index) const
{
    if (const AlertRow* row = alert(index))
        return {row->id};
    if (index.isValid() && grouping_ != Grouping::None && index.internalId() == 0)
        return groups_.at(index.row()).ids;
    return {};
}

QModelIndex AlertQueueModel::indexOfId(qint64 id) const
{
    for (int g = 0; g < groups_.size(); ++g) {
        const qsizetype row = groups_.at(g).ids.indexOf(id);
        if (row >= 0)
            return index(static_cast<int>(row), 0, parentOfGroup(g));
    }
    return {};
}

int AlertQueueModel::newCount() const
{
    return static_cast<int>(std::count_if(alerts_.cbegin(), alerts_.cend(),
                                          [](const AlertRow& row) { return !row.acknowledged; }));
}

void AlertQueueModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (grouping_ != Grouping::None) {
        emitAllChanged({});
        for (int g = 0; g < groups_.size(); ++g)
            emitAllChanged(index(g, 0));
    } else {
        emitAllChanged({});
    }
}

QModelIndex AlertQueueModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, groups_.at(parent.row()).serial);
}

QModelIndex AlertQueueModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int g = groupRowOfSerial(child.internalId());
    return g < 0 ? QModelIndex() : createIndex(g, 0, quintptr(0));
}

int AlertQueueModel::rowCount(const QModelIndex& parent) const
{
    const bool grouped = grouping_ != Grouping::None;
    if (!parent.isValid())
        return static_cast<int>(grouped ? groups_.size() : groups_.front().ids.size());
    // Only group rows (top level, column 0) have children.
    if (!grouped || parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return static_cast<int>(groups_.at(parent.row()).ids.size());
}

int AlertQueueModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant AlertQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const AlertRow* row = alert(index))
        return alertData(*row, index.column(), role);
    if (grouping_ != Grouping::None && index.internalId() == 0)
        return groupData(groups_.at(index.row()), index.column(), role);
    return {};
}

QVariant AlertQueueModel::alertData(const AlertRow& row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case LevelColumn:
            return levelText(row.severity());
        case LastSeenColumn:
            return localTime(row.lastSeen);
        case RuleColumn:
            return row.ruleTitle;
        case HostColumn:
            return row.host;
        case EntityColumn:
            return row.entityText();
        case CountColumn:
            return row.count;
        case StatusColumn:
            if (!row.acknowledged)
                return tr("New");
            return row.acknowledgedBy.isEmpty() ? tr("Acknowledged")
                                                : tr("Acknowledged by %1").arg(row.acknowledgedBy);
        case OriginColumn:
            return row.anomaly ? tr("Anomaly") : row.retroHunt ? tr("Retro-hunt") : tr("Live");
        case ExplanationColumn:
            return row.explanationText();
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QStringList lines{row.ruleTitle};
        if (const QString why = row.explanationText(); !why.isEmpty())
            lines << why;
        if (const QStringList ids = row.attackIds(); !ids.isEmpty())
            lines << tr("ATT&CK: %1").arg(ids.join(QStringLiteral(", ")));
        if (!row.tags.isEmpty())
            lines << tr("Tags: %1").arg(row.tags.join(QStringLiteral(", ")));
        lines << tr("First seen: %1").arg(localTime(row.firstSeen))
              << tr("Last seen: %1").arg(localTime(row.lastSeen));
        if (row.anomaly)
            lines << tr("Raised by an anomaly detector");
        else if (row.retroHunt)
            lines << tr("Found by a retro-hunt");
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole:
        if (column == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return row.id;
    case SeverityRole:
        return static_cast<int>(row.severity());
    case GroupRole:
        return false;
    case FirstSeenRole:
        return row.firstSeen;
    case LastSeenRole:
        return row.lastSeen;
    default:
        return {};
    }
}

QVariant AlertQueueModel::groupData(const Group& group, int column, int role) const
{
    // Group members are in queue order: the first is the most severe, the latest of those.
    const AlertRow* first = group.ids.isEmpty() ? nullptr : &*byId_.constFind(group.ids.front());
    switch (role) {
    case Qt::DisplayRole: {
        if (column != 0 || !first)
            return {};
        qint64 events = 0;
        for (const qint64 id : group.ids)
            events += byId_.value(id).count;
        QString title = grouping_ == Grouping::Rule ? first->ruleTitle : first->host;
        if (title.isEmpty())
            title = tr("(no host)");
        const int shown = static_cast<int>(std::min<qint64>(events, std::numeric_limits<int>::max()));
        return QStringLiteral("%1 — %2, %3")
            .arg(title, tr("%n alert(s)", nullptr, static_cast<int>(group.ids.size())),
                 tr("%n event(s)", nullptr, shown));
    }
    case IdRole:
        return qint64(0);
    case SeverityRole:
        return first ? QVariant(static_cast<int>(first->severity())) : QVariant();
    case GroupRole:
        return true;
    case FirstSeenRole: {
        QDateTime earliest;
        for (const qint64 id : group.ids) {
            const QDateTime seen = byId_.value(id).firstSeen;
            if (!earliest.isValid() || seen < earliest)
                earliest = seen;
        }
        return earliest;
    }
    case LastSeenRole: {
        QDateTime latest;
        for (const qint64 id : group.ids) {
            const QDateTime seen = byId_.value(id).lastSeen;
            if (!latest.isValid() || seen > latest)
                latest = seen;
        }
        return latest;
    }
    default:
        return {};
    }
}

QVariant AlertQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case LevelColumn:
        return tr("Level");
    case LastSeenColumn:
        return tr("Last Seen");
    case RuleColumn:
        return tr("Rule");
    case HostColumn:
        return tr("Host");
    case EntityColumn:
        return tr("Entity");
    case CountColumn:
        return tr("Count");
    case StatusColumn:
        return tr("Status");
    case OriginColumn:
        return tr("Origin");
    case ExplanationColumn:
        return tr("Explanation");
    default:
        return {};
    }
}

} // namespace vigie::models
