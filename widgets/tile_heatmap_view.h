#pragma once
// TileHeatmapView: a dashboard tile's counts per hour of the week, painted as 7 rows (localised
// day names, Monday first) × 24 hours, each cell shaded from the background to the accent colour
// by its count against the busiest cell, with a colour scale; hovering a cell tells its exact
// count and clicking drills into the tile's query. (Qt Charts has no heatmap.) GUI thread.
#include "tile_view.h"

#include <array>
#include <cstdint>

namespace vigie::widgets {

class TileHeatmapView : public TileView {
    Q_OBJECT
public:
    explicit TileHeatmapView(const dashboard::TileSpec& tile, QWidget* parent = nullptr);

    std::int64_t countAt(int dayOfWeek, int hour) const; // ISO day 1–7, hour 0–23

protected:
    bool draw(const models::TileResult& result) override;

private:
    class Pane;
    friend class Pane;

    dashboard::TileSpec tile_;
    Pane* pane_;
    std::array<std::array<std::int64_t, 24>, 7> counts_{};
    std::int64_t highest_ = 0;
};

} // namespace vigie::widgets
