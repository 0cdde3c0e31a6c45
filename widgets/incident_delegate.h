#pragma once
// IncidentDelegate: how an incident row reads at a glance in the incident list and the ticket
// pickers — the severity as a coloured pill (the colours the events table gives syslog
// severities, so "Critical" looks the same everywhere), a breached SLA in red bold, and tickets
// no longer open (resolved, closed, false positive, merged) greyed. The colours stay out of the
// Widgets-free IncidentListModel, which only exposes the roles. GUI thread.
#include <QStyledItemDelegate>

class QTableView;

namespace vigie::widgets {

class IncidentDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The pill colour of an IncidentListModel::SeverityRole value (0 low .. 3 critical).
    static QColor severityColour(int severity);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

// Makes `view` a table of incidents as the list and the pickers show them: this delegate, whole
// rows selected one at a time, read-only, no grid or row numbers, the title taking the room left.
void setUpIncidentTable(QTableView* view);

} // namespace vigie::widgets
