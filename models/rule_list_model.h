#pragma once
// RuleListModel: the stored detection rules as the Rule manager lists them — enabled (a
// checkbox), title, level, origin, logsource, status (ok or why it cannot run), last update —
// in id order (the order they were added). GUI thread only. RuleService is the only writer of
// its rows: it calls the mutators below when the worker answers.
// Ticking a checkbox does not change the row: setData() emits enableRequested(), which the
// panel turns into RuleService::setEnabled (through its undo stack); the box follows when the
// worker has stored the change.
#include "rule_row.h"

#include "checkable_table_model.h"

namespace vigie::models {

class RuleListModel : public CheckableTableModel {
    Q_OBJECT
public:
    enum Column {
        EnabledColumn, // check box (Qt::CheckStateRole); display: none
        TitleColumn,   // title, else the name; tooltip: name, Sigma ids, documents
        LevelColumn,   // translated level; SeverityRole sorts it
        OriginColumn,  // Built-in / Imported / Custom
        LogsourceColumn,
        StatusColumn, // "OK" or "Unsupported: reason"
        UpdatedColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        RowRole,                   // the whole RuleRow (QVariant)
        SeverityRole,              // int: 0 informational ... 4 critical, -1 unknown
    };

    explicit RuleListModel(QObject* parent = nullptr);

    const RuleRow& rule(int row) const { return rows_.at(row); }
    const RuleRows& rules() const { return rows_; }
    // -1 when no row has that id.
    int rowOfId(qint64 id) const;

    // Mutators for RuleService.
    // Makes the rows those of `rows` with the fewest changes (rows removed, inserted or
    // updated in place), so a view keeps its selection and scroll position.
    void mergeRules(const RuleRows& rows);
    // Updates the row of row.id, or inserts it in id order.
    void upsert(const RuleRow& row);
    void removeId(qint64 id);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The analyst ticked or unticked a rule's box.
    void enableRequested(qint64 id, bool enabled);

private:
    RuleRows rows_;
};

} // namespace vigie::models
