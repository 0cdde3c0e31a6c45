#pragma once
// IngestStatusModel: the per-source counters of the engine (listeners and file-import feeds)
// as the Ingest status panel shows them. GUI thread. It follows an EngineStatus, which samples
// the engine once a second; each sample becomes one dataChanged over the rows it already had
// (plus one beginInsertRows for sources that appeared), so selection and scroll stay put.
// Numbers are shown with the locale's thousands separators; the raw value is in SortRole.
#include "ingest/engine.h"

#include <QAbstractTableModel>

namespace vigie::models {

class EngineStatus;

class IngestStatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SourceColumn,
        KindColumn,
        ReceivedColumn,
        ParsedColumn,
        ParseErrorsColumn,
        DroppedColumn,
        SpooledColumn,
        StoredColumn,
        LagColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the number itself (quint64 / double), or the text
        AttentionRole,               // bool: a problem counter that is not zero, or an error
        ActiveRole,                  // bool
    };

    // Follows `status` when given (the model reads it on each of its changed() signals).
    explicit IngestStatusModel(EngineStatus* status = nullptr, QObject* parent = nullptr);

    // Takes one sample; rows are matched by position and name (sources are only ever appended).
    void setStats(const ingest::EngineStats& stats);
    const ingest::EngineStats& stats() const { return stats_; }
    const ingest::SourceStats& source(int row) const
    {
        return stats_.sources.at(static_cast<std::size_t>(row));
    }
    // -1 when no source has that name (the newest one wins).
    int rowOfName(const QString& name) const;

    static QString kindLabel(const std::string& kind);
    static QString stateText(const ingest::SourceStats& source);
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    EngineStatus* status_;
    ingest::EngineStats stats_;
};

} // namespace vigie::models
