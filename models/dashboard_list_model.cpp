// DashboardListModel: the tab bar's rows, replaced from the worker's answers. GUI thread.
#include "dashboard_list_model.h"

#include <algorithm>

namespace vigie::models {

QString uniqueDashboardName(const DashboardEntries& entries, const QString& base)
{
    const auto taken = [&entries](const QString& name) {
        return std::any_of(entries.begin(), entries.end(),
                           [&name](const DashboardEntry& e) { return e.name == name; });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

DashboardListModel::DashboardListModel(QObject* parent) : QAbstractListModel(parent) {}

int DashboardListModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < entries_.size(); ++row)
        if (entries_[row].id == id)
            return row;
    return -1;
}

int DashboardListModel::rowOfUid(const QString& uid) const
{
    for (int row = 0; row < entries_.size(); ++row)
        if (entries_[row].uid == uid)
            return row;
    return -1;
}

int DashboardListModel::rowOfName(const QString& name) const
{
    for (int row = 0; row < entries_.size(); ++row)
        if (entries_[row].name == name)
            return row;
    return -1;
}

void DashboardListModel::resetEntries(const DashboardEntries& entries)
{
    const bool sameRows =
        entries.size() == entries_.size() &&
        std::equal(entries.begin(), entries.end(), entries_.begin(),
                   [](const DashboardEntry& a, const DashboardEntry& b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        entries_ = entries;
        endResetModel();
        return;
    }
    // Same tabs in the same order: tell only about the changed ones, so views keep their state.
    for (int row = 0; row < entries.size(); ++row) {
        if (entries[row] == entries_[row])
            continue;
        entries_[row] = entries[row];
        Q_EMIT dataChanged(index(row), index(row));
    }
}

int DashboardListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant DashboardListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= entries_.size())
        return {};
    const DashboardEntry& entry = entries_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return entry.name;
    case IdRole:
        return entry.id;
    case UidRole:
        return entry.uid;
    case BuiltinRole:
        return entry.builtin;
    case VersionRole:
        return entry.version;
    default:
        return {};
    }
}

QHash<int, QByteArray> DashboardListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, QByteArrayLiteral("id"));
    names.insert(UidRole, QByteArrayLiteral("uid"));
    names.insert(BuiltinRole, QByteArrayLiteral("builtin"));
    names.insert(VersionRole, QByteArrayLiteral("version"));
    return names;
}

} // namespace vigie::models
