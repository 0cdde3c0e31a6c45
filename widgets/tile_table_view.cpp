// TileTableView: top lists and list rows of a dashboard tile as a table. GUI thread.
#include "tile_table_view.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

#include <numeric>

namespace vigie::widgets {
namespace {

// Time columns of a list: drilling on an exact timestamp finds one row, so they drill the tile.
bool isTimeColumn(const std::string& column)
{
    return column == "ts" || column == "first_ts" || column == "last_ts" || column == "received_at";
}

QTableWidgetItem* item(const QString& text, const QString& tip = {})
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    cell->setToolTip(tip.isEmpty() ? text : tip);
    return cell;
}

} // namespace

TileTableView::TileTableView(const dashboard::TileSpec& tile, QWidget* parent)
    : TileView(parent), tile_(tile), table_(new QTableWidget(this))
{
    table_->setObjectName(QStringLiteral("tileTable"));
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTextElideMode(Qt::ElideMiddle);
    table_->setWordWrap(false);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    connect(table_, &QTableWidget::cellClicked, this, &TileTableView::cellClicked);
    // Enter on a row drills like a click, for the keyboard.
    connect(table_, &QTableWidget::cellActivated, this, &TileTableView::cellClicked);
    setContent(table_);
}

bool TileTableView::draw(const models::TileResult& result)
{
    table_->clear();
    rowTargets_.clear();
    listColumns_.clear();
    listRows_.clear();
    if (!result.data.list_columns.empty()) {
        drawList(result);
        return !result.data.list_rows.empty();
    }
    drawTop(result);
    return !result.data.rows.empty();
}

void TileTableView::drawTop(const models::TileResult& result)
{
    const auto& rows = result.data.rows;
    const double total = std::accumulate(rows.begin(), rows.end(), 0.0,
                                         [](double sum, const auto& row) { return sum + double(row.count); });
    table_->setColumnCount(3);
    table_->setRowCount(int(rows.size()));
    const QString field = QString::fromStdString(tile_.aggregation.field);
    table_->setHorizontalHeaderLabels({field.isEmpty() ? tr("Value") : field, tr("Count"), tr("Share")});
    const QLocale here = locale();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const int r = int(i);
        table_->setItem(r, 0, item(valueLabel(row.value, false)));
        auto* count = item(here.toString(qlonglong(row.count)));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(r, 1, count);
        auto* share = item(here.toString(total > 0 ? 100.0 * double(row.count) / total : 0.0, 'f', 1) +
                           QStringLiteral(" %"));
        share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(r, 2, share);
        rowTargets_.push_back(valueTarget(tile_.aggregation.field, row.value));
    }
    auto* header = table_->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
}

void TileTableView::drawList(const models::TileResult& result)
{
    listColumns_ = result.data.list_columns;
    listRows_ = result.data.list_rows;
    table_->setColumnCount(int(listColumns_.size()));
    table_->setRowCount(int(listRows_.size()));
    QStringList headers;
    for (const auto& column : listColumns_)
        headers << QString::fromStdString(column);
    table_->setHorizontalHeaderLabels(headers);
    for (std::size_t r = 0; r < listRows_.size(); ++r)
        for (std::size_t c = 0; c < listRows_[r].size() && c < listColumns_.size(); ++c) {
            const auto& value = listRows_[r][c];
            table_->setItem(int(r), int(c), item(listCell(listColumns_[c], value)));
        }
    auto* header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
}

void TileTableView::cellClicked(int row, int column)
{
    if (!tile_.drilldown || row < 0)
        return;
    if (!rowTargets_.empty()) {
        if (std::size_t(row) < rowTargets_.size())
            emit drillRequested(rowTargets_[std::size_t(row)]);
        return;
    }
    if (std::size_t(row) >= listRows_.size() || column < 0 || std::size_t(column) >= listColumns_.size())
        return;
    const std::string& field = listColumns_[std::size_t(column)];
    if (isTimeColumn(field) || std::size_t(column) >= listRows_[std::size_t(row)].size()) {
        emit drillRequested(dashboard::DrillTarget{});
        return;
    }
    emit drillRequested(valueTarget(field, listRows_[std::size_t(row)][std::size_t(column)]));
}

QString TileTableView::listCell(const std::string& column, const std::optional<std::string>& value)
{
    if (!value)
        return {};
    if (isTimeColumn(column)) {
        const QDateTime time = QDateTime::fromString(QString::fromStdString(*value), Qt::ISODateWithMs);
        if (time.isValid())
            return QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    return TileView::valueLabel(value, false);
}

} // namespace vigie::widgets
