#pragma once
// TileTableView: a dashboard tile drawn as a table — a top list (value, count, share) or the
// newest rows of a list tile (its columns). Long texts are elided with the full text in the
// tooltip; clicking a row drills into its value (a list row: the clicked cell's column and
// value). GUI thread.
#include "tile_view.h"

class QTableWidget;

namespace vigie::widgets {

class TileTableView : public TileView {
    Q_OBJECT
public:
    explicit TileTableView(const dashboard::TileSpec& tile, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }

protected:
    bool draw(const models::TileResult& result) override;

private:
    // A list cell as read: times in the analyst's zone (the server sends UTC), entities readable,
    // NULL empty.
    static QString listCell(const std::string& column, const std::optional<std::string>& value);
    void drawTop(const models::TileResult& result);
    void drawList(const models::TileResult& result);
    void cellClicked(int row, int column);

    dashboard::TileSpec tile_;
    QTableWidget* table_;
    std::vector<dashboard::DrillTarget> rowTargets_; // top list: one per row
    std::vector<std::string> listColumns_;           // list: the field of each column
    std::vector<std::vector<std::optional<std::string>>> listRows_;
};

} // namespace vigie::widgets
