#pragma once
// TileNumberView: a dashboard tile drawn as one big number (a total, a distinct count, a sum or
// an average), with an arrow and the change in percent against the previous period of equal
// length — red when it went up, since a SOC counts failures and alerts — and a QPainter
// sparkline of the counts over time when the result has them. GUI thread.
#include "tile_view.h"

#include <QString>

#include <optional>
#include <vector>

namespace vigie::widgets {

class TileNumberView : public TileView {
    Q_OBJECT
public:
    explicit TileNumberView(const dashboard::TileSpec& tile, QWidget* parent = nullptr);

    QString valueText() const { return value_; }
    QString trendText() const { return trend_; }      // "▲ 25.0 %", "" without a trend
    int trendDirection() const { return direction_; } // 1 up, -1 down, 0 unchanged or none

protected:
    bool draw(const models::TileResult& result) override;

private:
    class Pane;
    friend class Pane;

    dashboard::TileSpec tile_;
    Pane* pane_;
    QString value_;
    QString trend_;
    int direction_ = 0;
    std::vector<double> sparkline_;
};

} // namespace vigie::widgets
