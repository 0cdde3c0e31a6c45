#pragma once
// SavedSearchListModel: the saved searches as the Saved searches panel lists them — name,
// query, time range — sorted by name. GUI thread only. SavedSearchService is the only writer:
// it calls the mutators below when the worker answers.
#include "saved_search.h"

#include <QAbstractTableModel>

namespace vigie::models {

class SavedSearchListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, QueryColumn, RangeColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
    };

    explicit SavedSearchListModel(QObject* parent = nullptr);

    const SavedSearch& search(int row) const { return searches_.at(row); }
    // -1 when no row has that id (or that name).
    int rowOfId(qint64 id) const;
    int rowOfName(const QString& name) const;

    // Mutators for SavedSearchService.
    void resetSearches(const SavedSearches& searches);
    // Updates the row of search.id, or inserts it, keeping the rows in name order.
    void upsert(const SavedSearch& search);
    void removeId(qint64 id);

    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The row `search` belongs at among the others, by name.
    int sortedRow(const SavedSearch& search) const;

    SavedSearches searches_;
};

} // namespace vigie::models
