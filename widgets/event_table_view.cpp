#include "event_table_view.h"

#include "event_table_model.h"
#include "severity_delegate.h"

#include <QHeaderView>
#include <QScrollBar>

namespace vigie::widgets {

using models::EventTableModel;

EventTableView::EventTableView(QWidget* parent) : QTableView(parent)
{
    setItemDelegate(new SeverityDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows at once: an analyst links a run of events to an incident in one go.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setShowGrid(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setSortingEnabled(false); // the order is the query's: newest first

    // One fixed height for every row: the view never asks a million rows for their size.
    QHeaderView* rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);
    rows->hide();

    QHeaderView* columns = horizontalHeader();
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void EventTableView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    if (model) {
        // Remember where the reader was before rows arrive at the top (see rowsInserted).
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this] { scrollBeforeInsert_ = verticalScrollBar()->value(); });
    }
    applyDefaultColumnWidths();
}

void EventTableView::applyDefaultColumnWidths()
{
    const QFontMetrics metrics = fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    const auto width = [&](const char* sample) {
        return metrics.horizontalAdvance(QLatin1String(sample)) + padding;
    };
    setColumnWidth(EventTableModel::TimeColumn, width("0000-00-00 00:00:00.000"));
    setColumnWidth(EventTableModel::HostColumn, width("web-frontend-01"));
    setColumnWidth(EventTableModel::AppColumn, width("postgresql-15"));
    setColumnWidth(EventTableModel::SeverityColumn, width("informational"));
    setColumnWidth(EventTableModel::SourceIpColumn, width("255.255.255.255"));
    setColumnWidth(EventTableModel::UserColumn, width("administrator"));
}

void EventTableView::rowsInserted(const QModelIndex& parent, int start, int end)
{
    QTableView::rowsInserted(parent, start, end);
    // The live tail inserts at the top. At the top, the newest rows come into view; further
    // down, the rows being read stay where they were.
    if (start == 0 && scrollBeforeInsert_ > 0 && model()->rowCount(parent) > end + 1) {
        const int added = end - start + 1;
        const int target = scrollBeforeInsert_ + added;
        QScrollBar* bar = verticalScrollBar();
        if (bar->maximum() < target)
            bar->setMaximum(target); // the range is recomputed later; keep the target meanwhile
        bar->setValue(target);
    }
}

} // namespace vigie::widgets
