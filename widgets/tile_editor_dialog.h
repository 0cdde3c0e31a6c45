#pragma once
// TileEditorDialog: edits one dashboard tile — title, query (checked as it is typed, the syntax
// error shown under the line with its position selected), source, aggregation and the fields
// its kind uses, visualization, colours, band/trend/sparkline and drill-down. Below, the
// planner's route for the tile over the dashboard's range ("reads the hourly rollups", "reads
// the events: slow over long ranges"), so the analyst sees what a tile will cost before saving
// it. OK is disabled while the tile is not valid. Checks are pure functions on the GUI thread
// (parsing and planning, no database). GUI thread.
#include "dashboard/dashboard_spec.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace vigie::widgets {

class TileEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `dashboard` gives the range, the variables the query may use and the other tiles.
    TileEditorDialog(const dashboard::DashboardSpec& dashboard, const dashboard::TileSpec& tile,
                     QWidget* parent = nullptr);

    // The tile as the fields describe it (its id and cells as given).
    dashboard::TileSpec tile() const;
    bool isValid() const { return valid_; }
    QString errorText() const;
    QString routeText() const;

    QLineEdit* titleEdit() const { return title_; }
    QLineEdit* queryEdit() const { return query_; }
    QComboBox* sourceCombo() const { return source_; }
    QComboBox* kindCombo() const { return kind_; }
    QComboBox* bucketCombo() const { return bucket_; }
    QLineEdit* splitByEdit() const { return splitBy_; }
    QLineEdit* fieldEdit() const { return field_; }
    QSpinBox* limitSpin() const { return limit_; }
    QComboBox* orderCombo() const { return order_; }
    QLineEdit* detectorEdit() const { return detector_; }
    QLineEdit* entityEdit() const { return entity_; }
    QLineEdit* columnsEdit() const { return columns_; }
    QComboBox* visualizationCombo() const { return visualization_; }
    QComboBox* colorsCombo() const { return colors_; }
    QCheckBox* bandCheck() const { return band_; }
    QCheckBox* trendCheck() const { return trend_; }
    QCheckBox* sparklineCheck() const { return sparkline_; }
    QCheckBox* drilldownCheck() const { return drilldown_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void fill(const dashboard::TileSpec& tile);
    void updateRows();
    void check();
    void showQueryError(const QString& message, int position);

    dashboard::DashboardSpec dashboard_;
    dashboard::TileSpec original_;
    bool valid_ = false;
    QFormLayout* form_;
    QLineEdit* title_;
    QLineEdit* query_;
    QLabel* queryError_;
    QComboBox* source_;
    QComboBox* kind_;
    QComboBox* bucket_;
    QLineEdit* splitBy_;
    QLineEdit* field_;
    QSpinBox* limit_;
    QComboBox* order_;
    QLineEdit* detector_;
    QLineEdit* entity_;
    QLineEdit* columns_;
    QComboBox* visualization_;
    QComboBox* colors_;
    QCheckBox* band_;
    QCheckBox* trend_;
    QCheckBox* sparkline_;
    QCheckBox* drilldown_;
    QLabel* error_;
    QLabel* route_;
    QDialogButtonBox* buttons_;
};

} // namespace vigie::widgets
