// CheckableTableModel: column count, check box flags, retranslation. GUI thread.
#include "checkable_table_model.h"

namespace vigie::models {

CheckableTableModel::CheckableTableModel(int columnCount, int checkColumn, QObject* parent)
    : QAbstractTableModel(parent), columnCount_(columnCount), checkColumn_(checkColumn)
{
}

int CheckableTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : columnCount_;
}

Qt::ItemFlags CheckableTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == checkColumn_)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

void CheckableTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount_ - 1);
    if (const int rows = rowCount(); rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, columnCount_ - 1));
}

} // namespace vigie::models
