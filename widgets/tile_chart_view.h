#pragma once
// TileChartView: the Qt Charts renderer of line, area, stacked_bar, bar, pie and donut tiles.
// Counts over time draw against a local-time axis (with a baseline tile's usual range as a
// translucent band and its breaching buckets as markers); top lists draw as horizontal bars with
// their values, or as pie/donut slices with small ones grouped. Hovering tells the exact value;
// clicking a point, bar or slice asks to drill down. GUI thread.
#include "chart_palette.h"
#include "tile_view.h"

#include <QString>

class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;

namespace vigie::widgets {

class TileChartView : public TileView {
    Q_OBJECT
public:
    explicit TileChartView(const dashboard::TileSpec& tile, QWidget* parent = nullptr);

    QChart* chart() const;

protected:
    bool draw(const models::TileResult& result) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // One label and count of a slice or a horizontal bar, and what clicking it drills into.
    struct Part {
        QString label;
        double count = 0;
        dashboard::DrillTarget target;
    };

    void drawOverTime(QChart& chart, const ChartPalette& colours, const models::TileResult& result);
    void drawBand(QChart& chart, const ChartPalette& colours, const models::TileResult& result,
                  QValueAxis* counts);
    void drawBreaches(QChart& chart, const ChartPalette& colours, const models::TileResult& result,
                      QValueAxis* counts);
    void drawTopBars(QChart& chart, const ChartPalette& colours, const std::vector<Part>& parts);
    void drawPie(QChart& chart, const ChartPalette& colours, std::vector<Part> parts);
    std::vector<Part> partsOf(const models::TileResult& result) const;
    QDateTimeAxis* addTimeAxis(QChart& chart, const models::TileResult& result, bool barsCentred);
    void updateTickCount();

    // The bucket index nearest to a chart x (milliseconds since the epoch), -1 when none.
    int bucketAt(qreal x) const;
    dashboard::DrillTarget bucketTarget(int series, int bucket) const;
    QString bucketText(int bucket) const;
    QString seriesName(const store::AggregateSeries& series) const; // legend and tooltip
    // A value as its legend or axis label (severity names when the tile colours by severity).
    QString valueName(const std::string& field, const std::optional<std::string>& value, bool other) const;
    QColor seriesColour(const ChartPalette& colours, ChartPalette::Scheme scheme,
                        const store::AggregateSeries& series, int index) const;
    static QString severityName(int severity);
    QString seriesTip(int series, int bucket) const; // "time range\nvalue: N events"
    void drill(const dashboard::DrillTarget& target);
    void showTip(const QString& text);

    dashboard::TileSpec tile_;
    QChartView* view_;
    QDateTimeAxis* timeAxis_ = nullptr;
    models::TileResult result_; // redrawn on a palette or language change
    bool hasResult_ = false;
};

} // namespace vigie::widgets
