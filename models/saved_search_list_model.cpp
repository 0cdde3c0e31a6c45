// SavedSearchListModel: rows kept in name order as the service applies the worker's answers.
// GUI thread.
#include "saved_search_list_model.h"

#include <algorithm>

namespace vigie::models {
namespace {

bool nameLess(const SavedSearch& a, const SavedSearch& b)
{
    const int order = QString::localeAwareCompare(a.name, b.name);
    return order != 0 ? order < 0 : a.id < b.id;
}

} // namespace

SavedSearchListModel::SavedSearchListModel(QObject* parent) : QAbstractTableModel(parent) {}

int SavedSearchListModel::rowOfId(qint64 id) const
{
    const auto found = std::find_if(searches_.cbegin(), searches_.cend(),
                                    [id](const SavedSearch& search) { return search.id == id; });
    return found == searches_.cend() ? -1 : static_cast<int>(found - searches_.cbegin());
}

int SavedSearchListModel::rowOfName(const QString& name) const
{
    const QString wanted = name.trimmed();
    const auto found = std::find_if(searches_.cbegin(), searches_.cend(),
                                    [&wanted](const SavedSearch& search) { return search.name == wanted; });
    return found == searches_.cend() ? -1 : static_cast<int>(found - searches_.cbegin());
}

void SavedSearchListModel::resetSearches(const SavedSearches& searches)
{
    beginResetModel();
    searches_ = searches;
    // The database sorts bytewise; the panel sorts as the analyst's language does.
    std::sort(searches_.begin(), searches_.end(), nameLess);
    endResetModel();
}

int SavedSearchListModel::sortedRow(const SavedSearch& search) const
{
    const auto before = std::lower_bound(searches_.cbegin(), searches_.cend(), search, nameLess);
    return static_cast<int>(before - searches_.cbegin());
}

void SavedSearchListModel::upsert(const SavedSearch& search)
{
    if (const int row = rowOfId(search.id); row >= 0) {
        if (searches_.at(row).name == search.name) {
            searches_[row] = search;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        // A rename: the row moves to its new place in name order.
        beginRemoveRows({}, row, row);
        searches_.removeAt(row);
        endRemoveRows();
    }
    const int row = sortedRow(search);
    beginInsertRows({}, row, row);
    searches_.insert(row, search);
    endInsertRows();
}

void SavedSearchListModel::removeId(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    searches_.removeAt(row);
    endRemoveRows();
}

void SavedSearchListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!searches_.isEmpty())
        Q_EMIT dataChanged(index(0, RangeColumn), index(rowCount() - 1, RangeColumn));
}

int SavedSearchListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(searches_.size());
}

int SavedSearchListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SavedSearchListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SavedSearch& search = searches_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return search.name;
        case QueryColumn:
            return search.query;
        case RangeColumn:
            return search.rangeText();
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        // The query may be longer than the narrow dock shows.
        const QString query = search.query.isEmpty() ? tr("(every event)") : search.query;
        return QStringLiteral("%1\n%2").arg(query, search.rangeText());
    }
    case IdRole:
        return search.id;
    default:
        return {};
    }
}

QVariant SavedSearchListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case QueryColumn:
        return tr("Query");
    case RangeColumn:
        return tr("Range");
    default:
        return {};
    }
}

} // namespace vigie::models
