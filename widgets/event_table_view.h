#pragma once
// EventTableView: the events table as a view — fixed row height (no measuring of a million
// rows), sensible column widths, severity colours, and a steady picture when the live tail
// inserts rows above what the analyst is reading. GUI thread.
#include <QTableView>

namespace vigie::widgets {

class EventTableView : public QTableView {
    Q_OBJECT
public:
    explicit EventTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    // Resets the columns to their default widths for the current font.
    void applyDefaultColumnWidths();

protected:
    void rowsInserted(const QModelIndex& parent, int start, int end) override;

private:
    int scrollBeforeInsert_ = 0;
};

} // namespace vigie::widgets
