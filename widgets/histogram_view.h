#pragma once
// HistogramView: the bar chart of EventHistogram above the events table, one bar per bucket,
// redrawn once per answer; hovering a bar tells its time and count, and dragging across
// bars asks for that absolute range (rangeSelected). GUI thread.
#include <QChartView>
#include <QDateTime>

#include <optional>

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QRubberBand;
class QValueAxis;

namespace vigie::models {
class EventHistogram;
}

namespace vigie::widgets {

class HistogramView : public QChartView {
    Q_OBJECT
public:
    explicit HistogramView(models::EventHistogram* histogram, QWidget* parent = nullptr);

    // Bars shown (one per bucket), for tests.
    int barCount() const;
    qint64 totalCount() const;

Q_SIGNALS:
    // The analyst dragged across the bars from `from` (inclusive) to `to` (exclusive).
    void rangeSelected(const QDateTime& from, const QDateTime& to);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    int bucketAt(const QPoint& position) const;
    void redraw();
    void showBucket(bool hovered, int index);

    models::EventHistogram* histogram_;
    QBarSeries* series_;
    QBarCategoryAxis* timeAxis_;
    QValueAxis* countAxis_;
    QRubberBand* band_;
    std::optional<QPoint> dragStart_;
};

} // namespace vigie::widgets
