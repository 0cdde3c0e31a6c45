#include "severity_delegate.h"

#include "event_table_model.h"

namespace vigie::widgets {

QColor SeverityDelegate::colourFor(int severity)
{
    switch (severity) {
    case 0: // emergency
    case 1: // alert
    case 2: // critical
        return QColor(0xb0, 0x00, 0x20);
    case 3: // error
        return QColor(0xd0, 0x30, 0x30);
    case 4: // warning
        return QColor(0xc0, 0x70, 0x00);
    case 5: // notice
        return QColor(0x1f, 0x5f, 0xb0);
    case 7: // debug
        return QColor(0x80, 0x80, 0x80);
    default: // informational, or none
        return {};
    }
}

void SeverityDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant severity = index.data(models::EventTableModel::SeverityRole);
    if (severity.isValid()) {
        const int value = severity.toInt();
        const QColor colour = colourFor(value);
        if (colour.isValid() && index.column() == models::EventTableModel::SeverityColumn) {
            option->palette.setColor(QPalette::Text, colour);
            option->palette.setColor(QPalette::HighlightedText,
                                     option->palette.color(QPalette::HighlightedText));
            option->font.setBold(value <= 3);
        }
    }
    if (index.data(models::EventTableModel::ParseErrorRole).toBool())
        option->font.setItalic(true);
}

} // namespace vigie::widgets
