// TileHeatmapView: hour-of-week heatmap painted with QPainter. GUI thread.
#include "tile_heatmap_view.h"

#include "chart_palette.h"

#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <optional>

namespace vigie::widgets {

// Paints the grid and maps positions back to cells.
class TileHeatmapView::Pane : public QWidget {
public:
    explicit Pane(TileHeatmapView* view) : QWidget(view), view_(view)
    {
        setMouseTracking(true);
        setCursor(Qt::PointingHandCursor);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        const ChartPalette colours(palette());
        QPainter painter(this);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter.setFont(small);
        const QLocale here = view_->locale();
        painter.setPen(colours.text());
        for (int day = 0; day < 7; ++day)
            painter.drawText(
                QRect(0, int(grid().top() + day * cellHeight()), labelWidth() - 4, int(cellHeight())),
                Qt::AlignRight | Qt::AlignVCenter, here.dayName(day + 1, QLocale::ShortFormat));
        // Every third hour labelled, so "21" never touches "22".
        for (int hour = 0; hour < 24; hour += 3)
            painter.drawText(QRectF(grid().left() + hour * cellWidth(), grid().bottom() + 2, cellWidth() * 3,
                                    headerHeight()),
                             Qt::AlignLeft | Qt::AlignTop, QString::number(hour));
        for (int day = 0; day < 7; ++day)
            for (int hour = 0; hour < 24; ++hour)
                painter.fillRect(cell(day, hour).adjusted(0.5, 0.5, -0.5, -0.5),
                                 shade(colours, view_->counts_[std::size_t(day)][std::size_t(hour)]));

        // The scale: 0 … busiest cell.
        const QRectF scale(grid().left(), height() - scaleHeight() + 4, std::min(160.0, grid().width() / 2),
                           scaleHeight() - 8);
        QLinearGradient gradient(scale.topLeft(), scale.topRight());
        gradient.setColorAt(0, shade(colours, 0));
        gradient.setColorAt(1, shade(colours, std::max<std::int64_t>(view_->highest_, 1)));
        painter.fillRect(scale, gradient);
        painter.setPen(colours.text());
        painter.drawText(
            QRectF(scale.right() + 6, scale.top() - 4, 200, scale.height() + 8),
            Qt::AlignLeft | Qt::AlignVCenter,
            TileHeatmapView::tr("0 to %1 events").arg(here.toString(qlonglong(view_->highest_))));
    }

    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            const auto hit = cellAt(help->pos());
            if (!hit) {
                QToolTip::hideText();
                return true;
            }
            const auto [day, hour] = *hit;
            const QLocale here = view_->locale();
            QToolTip::showText(
                help->globalPos(),
                TileHeatmapView::tr("%1 %2:00–%3:00: %4 events")
                    .arg(here.dayName(day + 1, QLocale::LongFormat))
                    .arg(hour, 2, 10, QLatin1Char('0'))
                    .arg(hour + 1, 2, 10, QLatin1Char('0'))
                    .arg(here.toString(qlonglong(view_->counts_[std::size_t(day)][std::size_t(hour)]))),
                this);
            return true;
        }
        return QWidget::event(event);
    }

    void mouseReleaseEvent(QMouseEvent* event) override
    {
        // The tile's query over the dashboard's range: an hour of the week is no single range.
        if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint()) &&
            view_->tile_.drilldown)
            emit view_->drillRequested(dashboard::DrillTarget{});
    }

private:
    int labelWidth() const { return fontMetrics().horizontalAdvance(QStringLiteral("Wed.")) + 10; }
    double headerHeight() const { return fontMetrics().height(); }
    double scaleHeight() const { return fontMetrics().height() + 8; }
    QRectF grid() const
    {
        return QRectF(labelWidth(), 2, width() - labelWidth() - 4,
                      height() - headerHeight() - scaleHeight() - 6);
    }
    double cellWidth() const { return grid().width() / 24; }
    double cellHeight() const { return grid().height() / 7; }
    QRectF cell(int day, int hour) const
    {
        return QRectF(grid().left() + hour * cellWidth(), grid().top() + day * cellHeight(), cellWidth(),
                      cellHeight());
    }
    std::optional<std::pair<int, int>> cellAt(const QPoint& position) const
    {
        if (!grid().contains(position))
            return std::nullopt;
        const int hour = std::clamp(int((position.x() - grid().left()) / cellWidth()), 0, 23);
        const int day = std::clamp(int((position.y() - grid().top()) / cellHeight()), 0, 6);
        return std::pair{day, hour};
    }
    // Background for nothing, the accent at the busiest cell; a non-zero cell never looks empty.
    QColor shade(const ChartPalette& colours, std::int64_t count) const
    {
        const QColor low =
            colours.isDark() ? colours.background().lighter(130) : colours.background().darker(106);
        if (count <= 0 || view_->highest_ <= 0)
            return low;
        const double t = 0.15 + 0.85 * double(count) / double(view_->highest_);
        const QColor high = colours.accent();
        return QColor::fromRgbF(float(low.redF() + (high.redF() - low.redF()) * t),
                                float(low.greenF() + (high.greenF() - low.greenF()) * t),
                                float(low.blueF() + (high.blueF() - low.blueF()) * t));
    }

    TileHeatmapView* view_;
};

TileHeatmapView::TileHeatmapView(const dashboard::TileSpec& tile, QWidget* parent)
    : TileView(parent), tile_(tile), pane_(new Pane(this))
{
    pane_->setObjectName(QStringLiteral("tileHeatmap"));
    setContent(pane_);
}

std::int64_t TileHeatmapView::countAt(int dayOfWeek, int hour) const
{
    if (dayOfWeek < 1 || dayOfWeek > 7 || hour < 0 || hour > 23)
        return 0;
    return counts_[std::size_t(dayOfWeek - 1)][std::size_t(hour)];
}

bool TileHeatmapView::draw(const models::TileResult& result)
{
    counts_ = {};
    highest_ = 0;
    for (const auto& cell : result.data.cells)
        if (cell.day_of_week >= 1 && cell.day_of_week <= 7 && cell.hour >= 0 && cell.hour <= 23) {
            counts_[std::size_t(cell.day_of_week - 1)][std::size_t(cell.hour)] += cell.count;
            highest_ = std::max(highest_, counts_[std::size_t(cell.day_of_week - 1)][std::size_t(cell.hour)]);
        }
    pane_->update();
    return highest_ > 0;
}

} // namespace vigie::widgets
