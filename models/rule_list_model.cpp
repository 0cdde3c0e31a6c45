// RuleListModel: rows in id order, text built when shown. GUI thread.
#include "rule_list_model.h"

#include <QSet>

#include <algorithm>

namespace vigie::models {
namespace {

constexpr const char* kLevels[] = {"informational", "low", "medium", "high", "critical"};

int severityOf(const QString& level)
{
    for (int i = 0; i < 5; ++i)
        if (level == QLatin1String(kLevels[i]))
            return i;
    return -1;
}

QString levelText(const QString& level)
{
    switch (severityOf(level)) {
    case 0:
        return RuleListModel::tr("Informational");
    case 1:
        return RuleListModel::tr("Low");
    case 2:
        return RuleListModel::tr("Medium");
    case 3:
        return RuleListModel::tr("High");
    case 4:
        return RuleListModel::tr("Critical");
    }
    return level;
}

QString originText(const QString& origin)
{
    if (origin == QLatin1String("builtin"))
        return RuleListModel::tr("Built-in");
    if (origin == QLatin1String("imported"))
        return RuleListModel::tr("Imported");
    return RuleListModel::tr("Custom");
}

} // namespace

RuleListModel::RuleListModel(QObject* parent) : CheckableTableModel(ColumnCount, EnabledColumn, parent) {}

int RuleListModel::rowOfId(qint64 id) const
{
    const auto found =
        std::find_if(rows_.begin(), rows_.end(), [id](const RuleRow& r) { return r.id == id; });
    return found == rows_.end() ? -1 : static_cast<int>(found - rows_.begin());
}

void RuleListModel::mergeRules(const RuleRows& rows)
{
    QSet<qint64> kept;
    for (const RuleRow& row : rows)
        kept.insert(row.id);
    for (int at = static_cast<int>(rows_.size()) - 1; at >= 0; --at)
        if (!kept.contains(rows_.at(at).id)) {
            beginRemoveRows({}, at, at);
            rows_.removeAt(at);
            endRemoveRows();
        }
    for (const RuleRow& row : rows)
        upsert(row);
}

void RuleListModel::upsert(const RuleRow& row)
{
    if (const int at = rowOfId(row.id); at >= 0) {
        if (rows_.at(at) == row)
            return;
        rows_[at] = row;
        Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
        return;
    }
    const auto place = std::lower_bound(rows_.begin(), rows_.end(), row.id,
                                        [](const RuleRow& r, qint64 id) { return r.id < id; });
    const int at = static_cast<int>(place - rows_.begin());
    beginInsertRows({}, at, at);
    rows_.insert(at, row);
    endInsertRows();
}

void RuleListModel::removeId(qint64 id)
{
    const int at = rowOfId(id);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    rows_.removeAt(at);
    endRemoveRows();
}

int RuleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RuleRow& row = rows_.at(index.row());
    switch (role) {
    case IdRole:
        return row.id;
    case RowRole:
        return QVariant::fromValue(row);
    case SeverityRole:
        return severityOf(row.level);
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return row.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !row.ok)
            return row.problem;
        return tr("%1\nSigma ids: %2\n%n document(s)", nullptr, row.documents)
            .arg(row.name, row.ruleIds.isEmpty() ? tr("none") : row.ruleIds.join(QStringLiteral(", ")));
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TitleColumn:
        return row.title.isEmpty() ? row.name : row.title;
    case LevelColumn:
        return levelText(row.level);
    case OriginColumn:
        return originText(row.origin);
    case LogsourceColumn:
        return row.logsource;
    case StatusColumn:
        return row.ok ? tr("OK") : tr("Unsupported: %1").arg(row.problem);
    case UpdatedColumn:
        return row.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default:
        return {};
    }
}

bool RuleListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    const RuleRow& row = rows_.at(index.row());
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled != row.enabled)
        Q_EMIT enableRequested(row.id, enabled);
    return true;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case TitleColumn:
        return tr("Rule");
    case LevelColumn:
        return tr("Level");
    case OriginColumn:
        return tr("Origin");
    case LogsourceColumn:
        return tr("Log Source");
    case StatusColumn:
        return tr("Status");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace vigie::models
