#pragma once
// SourceListModel: the configured sources as the Sources panel lists them — enabled, name,
// protocol, address and port, format, and what the engine made of it (listening, error).
// GUI thread only. SourceService is the only writer: it calls the mutators below when the
// worker answers. A click on the Enabled check box changes nothing here; it asks for the change
// with enabledChangeRequested(), so the panel can make it undoable.
#include "source_config.h"

#include "ingest/engine.h"

#include <QAbstractTableModel>

#include <vector>

namespace vigie::models {

class SourceListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        EnabledColumn,
        NameColumn,
        ProtocolColumn,
        EndpointColumn,
        FormatColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        StateKindRole,             // int, SourceState::Kind
        ErrorRole,                 // bool: the state is an error (the view highlights it)
    };

    explicit SourceListModel(QObject* parent = nullptr);

    const SourceEntry& entry(int row) const { return entries_.at(row); }
    // -1 when no row has that id.
    int rowOfId(qint64 id) const;
    QStringList names() const;

    // Mutators for SourceService.
    void resetEntries(const SourceEntries& entries);
    // Updates the row of entry.config.id, or inserts it in name order.
    void upsert(const SourceEntry& entry);
    void removeId(qint64 id);
    // Shows "Applying…" until the worker answers; `enabled` is shown meanwhile when given.
    void markApplying(qint64 id, std::optional<bool> enabled = std::nullopt);
    // A listener that stopped on its own (its socket failed) turns its row into an error.
    void applyStats(const std::vector<ingest::SourceStats>& sources);

    static QString stateText(const SourceState& state, const SourceConfig& config);
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void enabledChangeRequested(qint64 id, bool enabled);

private:
    void rowChanged(int row);

    SourceEntries entries_;
};

} // namespace vigie::models
