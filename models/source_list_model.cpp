#include "source_list_model.h"

#include <algorithm>

namespace vigie::models {

SourceListModel::SourceListModel(QObject* parent) : QAbstractTableModel(parent) {}

int SourceListModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < entries_.size(); ++row) {
        if (entries_[row].config.id == id)
            return row;
    }
    return -1;
}

QStringList SourceListModel::names() const
{
    QStringList out;
    for (const SourceEntry& entry : entries_)
        out << entry.config.name;
    return out;
}

void SourceListModel::resetEntries(const SourceEntries& entries)
{
    beginResetModel();
    entries_ = entries;
    endResetModel();
}

void SourceListModel::upsert(const SourceEntry& entry)
{
    if (const int row = rowOfId(entry.config.id); row >= 0) {
        entries_[row] = entry;
        rowChanged(row);
        return;
    }
    const auto before = std::find_if(entries_.cbegin(), entries_.cend(), [&entry](const SourceEntry& other) {
        return QString::localeAwareCompare(other.config.name, entry.config.name) > 0;
    });
    const int row = static_cast<int>(before - entries_.cbegin());
    beginInsertRows({}, row, row);
    entries_.insert(row, entry);
    endInsertRows();
}

void SourceListModel::removeId(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    entries_.removeAt(row);
    endRemoveRows();
}

void SourceListModel::markApplying(qint64 id, std::optional<bool> enabled)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    entries_[row].state = {SourceState::Kind::Applying, 0, {}};
    if (enabled)
        entries_[row].config.enabled = *enabled;
    rowChanged(row);
}

void SourceListModel::applyStats(const std::vector<ingest::SourceStats>& sources)
{
    for (int row = 0; row < entries_.size(); ++row) {
        SourceEntry& entry = entries_[row];
        if (entry.state.kind != SourceState::Kind::Listening)
            continue;
        const std::string name = entry.config.name.toStdString();
        // The newest listener of that name is the source's (an edit leaves the old one, inactive).
        const auto found =
            std::find_if(sources.rbegin(), sources.rend(), [&name](const ingest::SourceStats& stats) {
                return stats.name == name && stats.kind != "feed";
            });
        if (found == sources.rend() || found->active || found->error.empty())
            continue;
        entry.state = {SourceState::Kind::Error, 0, QString::fromStdString(found->error)};
        rowChanged(row);
    }
}

void SourceListModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SourceListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!entries_.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(entries_.size()) - 1, ColumnCount - 1));
}

QString SourceListModel::stateText(const SourceState& state, const SourceConfig& config)
{
    switch (state.kind) {
    case SourceState::Kind::Disabled:
        return tr("Disabled");
    case SourceState::Kind::Applying:
        return tr("Applying…");
    case SourceState::Kind::Listening:
        if (config.port == 0 && state.boundPort != 0)
            return tr("Listening on port %1").arg(state.boundPort);
        return tr("Listening");
    case SourceState::Kind::Error:
        return tr("Error: %1").arg(state.message);
    }
    return {};
}

int SourceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int SourceListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceEntry& entry = entries_.at(index.row());
    const SourceConfig& config = entry.config;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return config.name;
        case ProtocolColumn:
            return SourceConfig::protocolKey(config.protocol).toUpper();
        case EndpointColumn: {
            const QString host = config.address.contains(QLatin1Char(':'))
                                     ? QStringLiteral("[%1]").arg(config.address)
                                     : config.address;
            return QStringLiteral("%1:%2").arg(host).arg(config.port);
        }
        case FormatColumn:
            return SourceConfig::formatLabel(config.format);
        case StateColumn:
            return stateText(entry.state, config);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == StateColumn || entry.state.kind == SourceState::Kind::Error)
            return stateText(entry.state, config);
        if (index.column() == EndpointColumn)
            return config.endpoint();
        return {};
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return config.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == EnabledColumn)
            return config.enabled ? tr("Enabled") : tr("Disabled");
        return {};
    case IdRole:
        return config.id;
    case StateKindRole:
        return static_cast<int>(entry.state.kind);
    case ErrorRole:
        return entry.state.kind == SourceState::Kind::Error;
    default:
        return {};
    }
}

QVariant SourceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("Enabled");
    case NameColumn:
        return tr("Name");
    case ProtocolColumn:
        return tr("Protocol");
    case EndpointColumn:
        return tr("Address");
    case FormatColumn:
        return tr("Format");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

Qt::ItemFlags SourceListModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool SourceListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    const bool enabled = static_cast<Qt::CheckState>(value.toInt()) == Qt::Checked;
    const SourceConfig& config = entries_.at(index.row()).config;
    if (enabled != config.enabled)
        Q_EMIT enabledChangeRequested(config.id, enabled);
    return true;
}

} // namespace vigie::models
