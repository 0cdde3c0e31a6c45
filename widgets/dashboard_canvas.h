#pragma once
// DashboardCanvas: the tiles of one dashboard on its grid (12 columns, rows of the spec's
// height), in a scroll area when taller than the view. A tile moves by a drag of its title bar
// and resizes by a drag of its bottom-right grip, snapping to cells with the drop outline drawn;
// the arrow keys move the selected tile by a cell, Shift+arrows resize it. The canvas never
// changes the spec itself: each finished gesture is one geometryEdited() (one undo step) and the
// owner hands the edited spec back with setDashboard(). GUI thread.
#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"

#include <QHash>
#include <QRect>
#include <QScrollArea>
#include <QString>

#include <vector>

namespace vigie::dashboard {
struct DrillTarget;
}

namespace vigie::widgets {

class TileFrame;

// The tiles with `tileId` placed at `cells` (x, y, w, h in grid cells) and the tiles it now
// covers pushed down below it (then below each other, dashboard::pushDownOverlaps), so the
// moved tile lands exactly where it was dropped.
std::vector<dashboard::TileSpec> placeTile(std::vector<dashboard::TileSpec> tiles, const std::string& tileId,
                                           const QRect& cells);

class DashboardCanvas : public QScrollArea {
    Q_OBJECT
public:
    explicit DashboardCanvas(QWidget* parent = nullptr);

    // Shows `spec`: frames are kept for the tiles still there (their results stay), made for
    // new ones, dropped for removed ones, and placed on the grid.
    void setDashboard(const dashboard::DashboardSpec& spec);
    const dashboard::DashboardSpec& dashboard() const { return spec_; }
    // The variables bar's values, put in the titles.
    void setVariables(const dashboard::VariableValues& values);

    TileFrame* frame(const QString& tileId) const { return frames_.value(tileId); }
    QList<TileFrame*> frames() const { return frames_.values(); }
    // The whole grid, also its part scrolled out of view: what PNG and PDF export draw.
    QWidget* content() const { return widget(); }

    QString selectedTile() const { return selected_; }
    void selectTile(const QString& tileId);
    // Where the tile's cells are, in content() coordinates.
    QRect pixelRect(const QRect& cells) const;
    QSize cellSize() const;

signals:
    // A finished move or resize of one tile to `cells` (x, y, w, h in grid cells).
    void geometryEdited(const QString& tileId, const QRect& cells);
    void editRequested(const QString& tileId);
    void duplicateRequested(const QString& tileId);
    void removeRequested(const QString& tileId);
    void drillRequested(const QString& tileId, const vigie::dashboard::DrillTarget& target);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Gesture { None, Move, Resize };
    void relayout();
    void beginGesture(TileFrame* frame, Gesture gesture, const QPoint& globalPos);
    void followGesture(const QPoint& globalPos);
    void endGesture();
    QRect cellsOf(const dashboard::TileSpec& tile) const;

    dashboard::DashboardSpec spec_;
    dashboard::VariableValues variables_;
    QHash<QString, TileFrame*> frames_;
    QString selected_;

    Gesture gesture_ = Gesture::None;
    QString gestureTile_;
    QPoint gestureStart_; // global position of the press
    QRect gestureOrigin_; // the tile's cells when the gesture began
    QRect gestureTarget_; // where it would land now
};

} // namespace vigie::widgets
