// IncidentDelegate: the severity pill, the breached SLA and the greyed closed tickets. GUI thread.
#include "incident_delegate.h"

#include "incident_list_model.h"
#include "severity_delegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QPainterPath>
#include <QTableView>

#include <algorithm>

namespace vigie::widgets {
namespace {

using models::IncidentListModel;

bool isSeverityCell(const QModelIndex& index)
{
    return index.column() == IncidentListModel::SeverityColumn &&
           index.data(IncidentListModel::SeverityRole).isValid();
}

// The pill's padding around its text, in pixels.
constexpr int kPillPadding = 6;

} // namespace

QColor IncidentDelegate::severityColour(int severity)
{
    // The syslog severity whose colour the events table uses: critical 2, error 3, warning 4,
    // notice 5.
    static constexpr int kSyslog[] = {5, 4, 3, 2};
    return SeverityDelegate::colourFor(kSyslog[std::clamp(severity, 0, 3)]);
}

void IncidentDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(IncidentListModel::OpenRole).toBool()) {
        // Done with: still listed (the filters may ask for it) but out of the way.
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        return;
    }
    if (index.column() == IncidentListModel::SlaColumn &&
        index.data(IncidentListModel::SlaBreachedRole).toBool()) {
        option->palette.setColor(QPalette::Text, SeverityDelegate::colourFor(2));
        option->font.setBold(true);
    }
    if (index.column() == IncidentListModel::TitleColumn &&
        index.data(IncidentListModel::StateRole).toString() == QLatin1String("new"))
        option->font.setBold(true); // nobody has looked at it yet, as an unread mail
}

void IncidentDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    if (!isSeverityCell(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background (selection, alternate rows) without its text, then the pill.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QString text = cell.text;
    cell.text.clear();
    const QStyle* style = cell.widget ? cell.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);

    QFont font = cell.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int height = std::min(cell.rect.height() - 4, metrics.height() + 2);
    const int width = std::min(cell.rect.width() - 4, metrics.horizontalAdvance(text) + 2 * kPillPadding);
    const QRect pill(cell.rect.left() + 2, cell.rect.center().y() - height / 2 + 1, width, height);
    QColor colour = severityColour(index.data(IncidentListModel::SeverityRole).toInt());
    if (!index.data(IncidentListModel::OpenRole).toBool())
        colour.setAlpha(110); // a closed ticket's severity no longer asks for attention

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(pill), height / 2.0, height / 2.0);
    painter->fillPath(path, colour);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, width - 4));
    painter->restore();
}

QSize IncidentDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isSeverityCell(index)) {
        QFont font = option.font;
        font.setBold(true);
        const int text = QFontMetrics(font).horizontalAdvance(index.data().toString());
        size.setWidth(std::max(size.width(), text + 2 * kPillPadding + 8));
    }
    return size;
}

void setUpIncidentTable(QTableView* view)
{
    view->setItemDelegate(new IncidentDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setCornerButtonEnabled(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(models::IncidentListModel::TitleColumn,
                                                   QHeaderView::Stretch);
}

} // namespace vigie::widgets
