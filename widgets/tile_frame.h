#pragma once
// TileFrame: one tile on a dashboard canvas — a title bar (the title with the variables bar's
// values put in, a small "refreshing" indicator, a menu button with Edit…, Duplicate, Remove and
// Open in Search), the tile's renderer (TileView, chosen by its visualization kind) and a grip
// in the bottom-right corner. The canvas drags the title bar and the grip; the frame only says
// what was asked. GUI thread.
#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"

#include <QFrame>
#include <QString>

class QLabel;
class QProgressBar;
class QMenu;
class QToolButton;

namespace vigie::models {
struct TileResult;
}

namespace vigie::dashboard {
struct DrillTarget;
}

namespace vigie::widgets {

class TileView;

class TileFrame : public QFrame {
    Q_OBJECT
public:
    explicit TileFrame(const dashboard::TileSpec& tile, QWidget* parent = nullptr);

    // `title` with each `$name` replaced by the variable's value ("All" for any value).
    static QString expandTitle(const QString& title, const dashboard::VariableValues& values);

    const dashboard::TileSpec& tile() const { return tile_; }
    QString tileId() const { return QString::fromStdString(tile_.id); }
    // A new spec: the renderer is built again when anything but the position changed.
    void setTile(const dashboard::TileSpec& tile);
    void setVariables(const dashboard::VariableValues& values);
    void showResult(const models::TileResult& result);
    void setRefreshing(bool refreshing);
    bool isRefreshing() const;
    void setSelected(bool selected);
    bool isSelected() const { return selected_; }

    QWidget* titleBar() const { return titleBar_; }
    QWidget* grip() const { return grip_; }
    QLabel* titleLabel() const { return title_; }
    TileView* view() const { return view_; }
    QAction* editAction() const { return edit_; }
    QAction* duplicateAction() const { return duplicate_; }
    QAction* removeAction() const { return remove_; }
    QAction* openInSearchAction() const { return openInSearch_; }

signals:
    void editRequested(const QString& tileId);
    void duplicateRequested(const QString& tileId);
    void removeRequested(const QString& tileId);
    // Open in Search: the tile's query over the dashboard's range (a target naming nothing).
    void drillRequested(const QString& tileId, const vigie::dashboard::DrillTarget& target);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildView();
    void updateTitle();
    void retranslate();

    dashboard::TileSpec tile_;
    dashboard::VariableValues variables_;
    bool selected_ = false;
    QWidget* titleBar_;
    QLabel* title_;
    QProgressBar* busy_;
    QToolButton* menuButton_;
    QMenu* menu_;
    QAction* edit_;
    QAction* duplicate_;
    QAction* remove_;
    QAction* openInSearch_;
    TileView* view_ = nullptr;
    QWidget* grip_;
};

} // namespace vigie::widgets
