#include "ingest_status_model.h"

#include "engine_status.h"

#include <QLocale>

namespace vigie::models {

IngestStatusModel::IngestStatusModel(EngineStatus* status, QObject* parent)
    : QAbstractTableModel(parent), status_(status)
{
    if (status_) {
        connect(status_, &EngineStatus::changed, this, [this] { setStats(status_->stats()); });
        setStats(status_->stats());
    }
}

void IngestStatusModel::setStats(const ingest::EngineStats& stats)
{
    const std::size_t had = stats_.sources.size();
    bool samePrefix = stats.sources.size() >= had;
    for (std::size_t i = 0; samePrefix && i < had; ++i)
        samePrefix = stats.sources[i].name == stats_.sources[i].name &&
                     stats.sources[i].kind == stats_.sources[i].kind;
    if (!samePrefix) {
        // Another engine (a restart): nothing lines up any more.
        beginResetModel();
        stats_ = stats;
        endResetModel();
        return;
    }
    std::vector<ingest::SourceStats> added(stats.sources.begin() + static_cast<std::ptrdiff_t>(had),
                                           stats.sources.end());
    stats_ = stats;
    stats_.sources.resize(had);
    if (had > 0)
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(had) - 1, ColumnCount - 1));
    if (!added.empty()) {
        beginInsertRows({}, static_cast<int>(had), static_cast<int>(had + added.size()) - 1);
        stats_.sources.insert(stats_.sources.end(), added.begin(), added.end());
        endInsertRows();
    }
}

int IngestStatusModel::rowOfName(const QString& name) const
{
    const std::string wanted = name.toStdString();
    for (int row = static_cast<int>(stats_.sources.size()) - 1; row >= 0; --row) {
        if (stats_.sources[static_cast<std::size_t>(row)].name == wanted)
            return row;
    }
    return -1;
}

QString IngestStatusModel::kindLabel(const std::string& kind)
{
    if (kind == "tcp")
        return tr("TCP");
    if (kind == "udp")
        return tr("UDP");
    if (kind == "tls")
        return tr("TLS");
    if (kind == "feed")
        return tr("Import");
    return QString::fromStdString(kind);
}

QString IngestStatusModel::stateText(const ingest::SourceStats& source)
{
    if (!source.error.empty())
        return tr("Error: %1").arg(QString::fromStdString(source.error));
    if (source.kind == "feed")
        return source.active ? tr("Importing") : tr("Finished");
    return source.active ? tr("Listening") : tr("Stopped");
}

void IngestStatusModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!stats_.sources.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int IngestStatusModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(stats_.sources.size());
}

int IngestStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IngestStatusModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ingest::SourceStats& s = source(index.row());
    const auto counter = [&s](int column) -> quint64 {
        switch (column) {
        case ReceivedColumn:
            return s.received;
        case ParsedColumn:
            return s.parsed;
        case ParseErrorsColumn:
            return s.parse_errors;
        case DroppedColumn:
            return s.dropped;
        case SpooledColumn:
            return s.spooled;
        case StoredColumn:
            return s.stored;
        default:
            return 0;
        }
    };
    const int column = index.column();
    const bool numeric = column >= ReceivedColumn && column <= StoredColumn;
    switch (role) {
    case Qt::DisplayRole: {
        const QLocale locale;
        if (numeric)
            return locale.toString(counter(column));
        switch (column) {
        case SourceColumn:
            return QString::fromStdString(s.name);
        case KindColumn:
            return kindLabel(s.kind);
        case LagColumn:
            if (s.stored == 0)
                return QStringLiteral("—");
            return tr("%1 s").arg(locale.toString(s.lag_seconds, 'f', s.lag_seconds < 100 ? 1 : 0));
        case StateColumn:
            return stateText(s);
        default:
            return {};
        }
    }
    case Qt::TextAlignmentRole:
        if (numeric || column == LagColumn)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return (Qt::AlignLeft | Qt::AlignVCenter).toInt();
    case Qt::ToolTipRole:
        if (column == StateColumn || column == SourceColumn)
            return stateText(s);
        return {};
    case SortRole:
        if (numeric)
            return counter(column);
        if (column == LagColumn)
            return s.lag_seconds;
        return data(index, Qt::DisplayRole);
    case AttentionRole:
        return (column == ParseErrorsColumn && s.parse_errors > 0) ||
               (column == DroppedColumn && s.dropped > 0) || (column == StateColumn && !s.error.empty());
    case ActiveRole:
        return s.active;
    default:
        return {};
    }
}

QVariant IngestStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = section >= ReceivedColumn && section <= LagColumn;
        return ((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter).toInt();
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ReceivedColumn:
            return tr("Records framed by the listener or read from the file");
        case ParsedColumn:
            return tr("Records through the parser, parse errors included");
        case ParseErrorsColumn:
            return tr("Records that did not parse: stored raw with a parse-error flag");
        case DroppedColumn:
            return tr("Records lost before storage (UDP over the memory cap, oversize, spool full)");
        case SpooledColumn:
            return tr("Records written to the disk spool while the database was unavailable");
        case StoredColumn:
            return tr("Records committed to the database");
        case LagColumn:
            return tr("Delay between reception and commit of the latest stored batch");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case KindColumn:
        return tr("Kind");
    case ReceivedColumn:
        return tr("Received");
    case ParsedColumn:
        return tr("Parsed");
    case ParseErrorsColumn:
        return tr("Parse errors");
    case DroppedColumn:
        return tr("Dropped");
    case SpooledColumn:
        return tr("Spooled");
    case StoredColumn:
        return tr("Stored");
    case LagColumn:
        return tr("Lag");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace vigie::models
