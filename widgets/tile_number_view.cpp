// TileNumberView: the big number, its trend and sparkline, painted. GUI thread.
#include "tile_number_view.h"

#include "chart_palette.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace vigie::widgets {

// Paints the number view's state; the view fills it in draw().
class TileNumberView::Pane : public QWidget {
public:
    explicit Pane(TileNumberView* view) : QWidget(view), view_(view) {}

protected:
    void paintEvent(QPaintEvent*) override
    {
        const ChartPalette colours(palette());
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const bool hasSpark = view_->sparkline_.size() >= 2;
        const bool hasTrend = !view_->trend_.isEmpty();
        QRect area = rect().adjusted(8, 4, -8, -4);
        const QRect spark =
            hasSpark ? QRect(area.left(), area.bottom() - area.height() / 4, area.width(), area.height() / 4)
                     : QRect();
        if (hasSpark)
            area.setBottom(spark.top() - 4);
        const QRect trend =
            hasTrend ? QRect(area.left(), area.bottom() - area.height() / 4, area.width(), area.height() / 4)
                     : QRect();
        if (hasTrend)
            area.setBottom(trend.top());

        // The largest font that fits the value in its area.
        QFont big = font();
        big.setBold(true);
        big.setPixelSize(std::max(10, area.height() * 7 / 10));
        while (big.pixelSize() > 10 && QFontMetrics(big).horizontalAdvance(view_->value_) > area.width())
            big.setPixelSize(big.pixelSize() * 9 / 10);
        painter.setFont(big);
        painter.setPen(colours.text());
        painter.drawText(area, Qt::AlignCenter, view_->value_);

        if (hasTrend) {
            QFont small = font();
            small.setPixelSize(std::clamp(trend.height() * 7 / 10, 9, 28));
            painter.setFont(small);
            const int direction = view_->direction_;
            const QColor colour = direction > 0   ? colours.severityColour(3)
                                  : direction < 0 ? colours.severityColour(6)
                                                  : colours.placeholderText();
            painter.setPen(colour);
            painter.drawText(trend, Qt::AlignCenter, view_->trend_);
        }
        if (hasSpark)
            drawSparkline(painter, spark, colours.accent());
    }

private:
    void drawSparkline(QPainter& painter, const QRectF& area, const QColor& colour) const
    {
        const auto& values = view_->sparkline_;
        const double highest = std::max(1.0, *std::max_element(values.begin(), values.end()));
        QPainterPath path;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const QPointF point(area.left() + area.width() * double(i) / double(values.size() - 1),
                                area.bottom() - area.height() * values[i] / highest);
            i == 0 ? path.moveTo(point) : path.lineTo(point);
        }
        QPainterPath fill = path;
        fill.lineTo(area.bottomRight());
        fill.lineTo(area.bottomLeft());
        fill.closeSubpath();
        QColor translucent = colour;
        translucent.setAlpha(50);
        painter.fillPath(fill, translucent);
        painter.setPen(QPen(colour, 1.5));
        painter.drawPath(path);
    }

    TileNumberView* view_;
};

TileNumberView::TileNumberView(const dashboard::TileSpec& tile, QWidget* parent)
    : TileView(parent), tile_(tile), pane_(new Pane(this))
{
    pane_->setObjectName(QStringLiteral("tileNumber"));
    setContent(pane_);
}

bool TileNumberView::draw(const models::TileResult& result)
{
    const auto& data = result.data;
    const QLocale here = locale();
    value_.clear();
    trend_.clear();
    direction_ = 0;
    sparkline_.clear();
    const bool fractional =
        result.kind == query::AggregateKind::Sum || result.kind == query::AggregateKind::Avg;
    if (fractional) {
        if (!data.value)
            return false; // no event carried a number
        value_ = here.toString(*data.value, 'f', result.kind == query::AggregateKind::Avg ? 2 : 0);
        pane_->setToolTip(here.toString(*data.value, 'g', 15));
    } else {
        value_ = here.toString(qlonglong(data.count));
        pane_->setToolTip(value_);
    }

    if (tile_.visualization.trend && data.previous && !fractional) {
        const auto previous = *data.previous;
        direction_ = data.count > previous ? 1 : data.count < previous ? -1 : 0;
        const QString arrow = direction_ > 0   ? QStringLiteral("▲")
                              : direction_ < 0 ? QStringLiteral("▼")
                                               : QStringLiteral("=");
        if (previous == 0)
            trend_ = direction_ > 0 ? arrow + QLatin1Char(' ') + tr("from none") : arrow;
        else
            trend_ =
                arrow + QLatin1Char(' ') +
                here.toString(100.0 * double(std::abs(data.count - previous)) / double(previous), 'f', 1) +
                QStringLiteral(" %");
        pane_->setToolTip(tr("%1 (previous period: %2)").arg(value_, here.toString(qlonglong(previous))));
    }

    if (tile_.visualization.sparkline && !data.series.empty()) {
        sparkline_.assign(data.buckets.size(), 0);
        for (const auto& series : data.series)
            for (std::size_t i = 0; i < series.counts.size() && i < sparkline_.size(); ++i)
                sparkline_[i] += double(series.counts[i]);
    }
    pane_->update();
    return true;
}

} // namespace vigie::widgets
