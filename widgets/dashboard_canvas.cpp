// DashboardCanvas: tiles on a 12-column grid, moved and resized with the mouse or the keyboard.
// GUI thread.
#include "dashboard_canvas.h"

#include "tile_frame.h"

#include "dashboard/drill_down.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace vigie::widgets {

namespace {

constexpr int kMargin = 8; // around the grid and between tiles, in pixels
constexpr int kMinColumnWidth = 40;

bool overlaps(const dashboard::TileSpec& a, const dashboard::TileSpec& b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The grid's surface: draws the drop outline of the tile being dragged.
class GridContent : public QWidget {
public:
    using QWidget::QWidget;
    void setOutline(const QRect& outline)
    {
        outline_ = outline;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        if (outline_.isNull())
            return;
        QPainter painter(this);
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(40);
        painter.setBrush(fill);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        painter.drawRect(outline_.adjusted(1, 1, -1, -1));
    }

private:
    QRect outline_;
};

} // namespace

std::vector<dashboard::TileSpec> placeTile(std::vector<dashboard::TileSpec> tiles, const std::string& tileId,
                                           const QRect& cells)
{
    const auto moved =
        std::find_if(tiles.begin(), tiles.end(), [&](const auto& t) { return t.id == tileId; });
    if (moved == tiles.end())
        return tiles;
    moved->x = cells.x();
    moved->y = cells.y();
    moved->w = cells.width();
    moved->h = cells.height();
    // What the dropped tile covers goes just below it; pushDownOverlaps then settles the rest in
    // (y, x) order, which never reaches back to the dropped tile: nothing above it moved.
    for (auto& tile : tiles) {
        if (tile.id != tileId && overlaps(tile, *moved))
            tile.y = moved->y + moved->h;
    }
    dashboard::pushDownOverlaps(tiles);
    return tiles;
}

DashboardCanvas::DashboardCanvas(QWidget* parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("dashboardCanvas"));
    auto* content = new GridContent(this);
    content->setObjectName(QStringLiteral("dashboardGrid"));
    setWidget(content);
    setWidgetResizable(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

void DashboardCanvas::setDashboard(const dashboard::DashboardSpec& spec)
{
    spec_ = spec;
    QHash<QString, TileFrame*> kept;
    for (const auto& tile : spec_.tiles) {
        const QString id = QString::fromStdString(tile.id);
        TileFrame* frame = frames_.take(id);
        if (frame) {
            frame->setTile(tile);
        } else {
            frame = new TileFrame(tile, widget());
            frame->setVariables(variables_);
            frame->titleBar()->installEventFilter(this);
            frame->grip()->installEventFilter(this);
            frame->installEventFilter(this);
            connect(frame, &TileFrame::editRequested, this, &DashboardCanvas::editRequested);
            connect(frame, &TileFrame::duplicateRequested, this, &DashboardCanvas::duplicateRequested);
            connect(frame, &TileFrame::removeRequested, this, &DashboardCanvas::removeRequested);
            connect(frame, &TileFrame::drillRequested, this, &DashboardCanvas::drillRequested);
            frame->show();
        }
        kept.insert(id, frame);
    }
    qDeleteAll(frames_);
    frames_ = kept;
    if (!frames_.contains(selected_))
        selected_.clear();
    if (gesture_ != Gesture::None && !frames_.contains(gestureTile_))
        gesture_ = Gesture::None;
    relayout();
}

void DashboardCanvas::setVariables(const dashboard::VariableValues& values)
{
    variables_ = values;
    for (TileFrame* frame : std::as_const(frames_))
        frame->setVariables(values);
}

void DashboardCanvas::selectTile(const QString& tileId)
{
    selected_ = frames_.contains(tileId) ? tileId : QString();
    for (auto it = frames_.cbegin(); it != frames_.cend(); ++it)
        it.value()->setSelected(it.key() == selected_);
    if (TileFrame* frame = frames_.value(selected_))
        ensureWidgetVisible(frame, 0, 0);
}

QSize DashboardCanvas::cellSize() const
{
    const int columns = std::max(spec_.grid.columns, 1);
    const int width = std::max((viewport()->width() - kMargin) / columns, kMinColumnWidth);
    return {width, std::max(spec_.grid.row_height, 10)};
}

QRect DashboardCanvas::pixelRect(const QRect& cells) const
{
    const QSize cell = cellSize();
    return {kMargin + cells.x() * cell.width(), kMargin + cells.y() * cell.height(),
            cells.width() * cell.width() - kMargin, cells.height() * cell.height() - kMargin};
}

QRect DashboardCanvas::cellsOf(const dashboard::TileSpec& tile) const
{
    return {tile.x, tile.y, tile.w, tile.h};
}

void DashboardCanvas::relayout()
{
    int rows = 0;
    for (const auto& tile : spec_.tiles) {
        rows = std::max(rows, tile.y + tile.h);
        TileFrame* frame = frames_.value(QString::fromStdString(tile.id));
        if (frame && !(gesture_ != Gesture::None && frame->tileId() == gestureTile_))
            frame->setGeometry(pixelRect(cellsOf(tile)));
    }
    // While dragging, room for a few rows below the last tile to drop into.
    if (gesture_ != Gesture::None)
        rows = std::max(rows, gestureTarget_.y() + gestureTarget_.height()) + 2;
    const QSize cell = cellSize();
    widget()->resize(std::max(viewport()->width(), kMargin + spec_.grid.columns * cell.width()),
                     std::max(viewport()->height(), kMargin + rows * cell.height()));
}

void DashboardCanvas::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    relayout();
}

bool DashboardCanvas::eventFilter(QObject* watched, QEvent* event)
{
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove && type != QEvent::MouseButtonRelease)
        return QScrollArea::eventFilter(watched, event);
    auto* mouse = static_cast<QMouseEvent*>(event);
    auto* frame = qobject_cast<TileFrame*>(watched);
    if (frame) { // a click anywhere in a tile selects it; the title bar and grip do more
        if (type == QEvent::MouseButtonPress)
            selectTile(frame->tileId());
        return false;
    }
    auto* child = qobject_cast<QWidget*>(watched);
    frame = child ? qobject_cast<TileFrame*>(child->parentWidget()) : nullptr;
    if (!frame)
        return false;
    const QPoint global = mouse->globalPosition().toPoint();
    if (type == QEvent::MouseButtonPress && mouse->button() == Qt::LeftButton) {
        selectTile(frame->tileId());
        setFocus(Qt::MouseFocusReason);
        beginGesture(frame, watched == frame->grip() ? Gesture::Resize : Gesture::Move, global);
        return true;
    }
    if (gesture_ == Gesture::None)
        return false;
    if (type == QEvent::MouseMove)
        followGesture(global);
    else if (mouse->button() == Qt::LeftButton)
        endGesture();
    return true;
}

void DashboardCanvas::beginGesture(TileFrame* frame, Gesture gesture, const QPoint& globalPos)
{
    gesture_ = gesture;
    gestureTile_ = frame->tileId();
    gestureStart_ = globalPos;
    gestureOrigin_ = cellsOf(frame->tile());
    gestureTarget_ = gestureOrigin_;
    frame->raise();
    if (gesture == Gesture::Move)
        frame->titleBar()->setCursor(Qt::ClosedHandCursor);
}

void DashboardCanvas::followGesture(const QPoint& globalPos)
{
    TileFrame* frame = frames_.value(gestureTile_);
    if (!frame)
        return;
    const QPoint delta = globalPos - gestureStart_;
    const QSize cell = cellSize();
    const int columns = spec_.grid.columns;
    const int dx = static_cast<int>(std::lround(double(delta.x()) / cell.width()));
    const int dy = static_cast<int>(std::lround(double(delta.y()) / cell.height()));
    QRect target = gestureOrigin_;
    const QRect origin = pixelRect(gestureOrigin_);
    if (gesture_ == Gesture::Move) {
        target.moveTo(std::clamp(gestureOrigin_.x() + dx, 0, columns - gestureOrigin_.width()),
                      std::max(gestureOrigin_.y() + dy, 0));
        frame->move(origin.topLeft() + delta); // the tile follows the hand, the outline snaps
    } else {
        target.setWidth(std::clamp(gestureOrigin_.width() + dx, dashboard::kMinTileSpan,
                                   std::min(dashboard::kMaxTileSpan, columns - gestureOrigin_.x())));
        target.setHeight(
            std::clamp(gestureOrigin_.height() + dy, dashboard::kMinTileSpan, dashboard::kMaxTileSpan));
        frame->resize(
            (origin.size() + QSize(delta.x(), delta.y()))
                .expandedTo(pixelRect(QRect(0, 0, dashboard::kMinTileSpan, dashboard::kMinTileSpan)).size()));
    }
    gestureTarget_ = target;
    static_cast<GridContent*>(widget())->setOutline(pixelRect(target));
    relayout();
    ensureVisible(globalPos.x() - viewport()->mapToGlobal(QPoint()).x() + horizontalScrollBar()->value(),
                  globalPos.y() - viewport()->mapToGlobal(QPoint()).y() + verticalScrollBar()->value(), 0,
                  cell.height() / 2);
}

void DashboardCanvas::endGesture()
{
    const QString tile = gestureTile_;
    const QRect target = gestureTarget_;
    const bool changed = target != gestureOrigin_;
    if (TileFrame* frame = frames_.value(tile))
        frame->titleBar()->setCursor(Qt::OpenHandCursor);
    gesture_ = Gesture::None;
    static_cast<GridContent*>(widget())->setOutline({});
    relayout(); // back to its cells until the owner hands the edited spec back
    if (changed)
        emit geometryEdited(tile, target);
}

void DashboardCanvas::keyPressEvent(QKeyEvent* event)
{
    TileFrame* frame = frames_.value(selected_);
    const int key = event->key();
    const bool arrow =
        key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down;
    if (!frame || !arrow || gesture_ != Gesture::None ||
        (event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier))) {
        QScrollArea::keyPressEvent(event);
        return;
    }
    const int dx = key == Qt::Key_Left ? -1 : key == Qt::Key_Right ? 1 : 0;
    const int dy = key == Qt::Key_Up ? -1 : key == Qt::Key_Down ? 1 : 0;
    const QRect origin = cellsOf(frame->tile());
    QRect target = origin;
    const int columns = spec_.grid.columns;
    if (event->modifiers() & Qt::ShiftModifier) {
        target.setWidth(std::clamp(origin.width() + dx, dashboard::kMinTileSpan,
                                   std::min(dashboard::kMaxTileSpan, columns - origin.x())));
        target.setHeight(std::clamp(origin.height() + dy, dashboard::kMinTileSpan, dashboard::kMaxTileSpan));
    } else {
        target.moveTo(std::clamp(origin.x() + dx, 0, columns - origin.width()), std::max(origin.y() + dy, 0));
    }
    event->accept();
    if (target != origin)
        emit geometryEdited(selected_, target);
}

} // namespace vigie::widgets
