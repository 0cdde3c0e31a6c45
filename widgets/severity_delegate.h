#pragma once
// SeverityDelegate: colours an events row by its syslog severity (read from
// EventTableModel::SeverityRole), so colour stays out of the Qt-Widgets-free models.
// Records that did not parse are shown in italics. GUI thread.
#include <QStyledItemDelegate>

namespace vigie::widgets {

class SeverityDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Text colour for a severity 0..7 (an invalid colour for the default).
    static QColor colourFor(int severity);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace vigie::widgets
