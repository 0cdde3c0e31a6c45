#include "histogram_view.h"

#include "event_histogram.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QMouseEvent>
#include <QRubberBand>
#include <QTimeZone>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace vigie::widgets {

HistogramView::HistogramView(models::EventHistogram* histogram, QWidget* parent)
    : QChartView(parent), histogram_(histogram), series_(new QBarSeries), timeAxis_(new QBarCategoryAxis),
      countAxis_(new QValueAxis), band_(new QRubberBand(QRubberBand::Rectangle, viewport()))
{
    setObjectName(QStringLiteral("searchHistogram"));
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->addSeries(series_);
    series_->setBarWidth(0.9);
    timeAxis_->setLabelsVisible(false);
    timeAxis_->setGridLineVisible(false);
    timeAxis_->setLineVisible(false);
    countAxis_->setLabelFormat(QStringLiteral("%d"));
    countAxis_->setTickCount(3);
    QFont small = countAxis_->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    countAxis_->setLabelsFont(small);
    chart->addAxis(timeAxis_, Qt::AlignBottom);
    chart->addAxis(countAxis_, Qt::AlignLeft);
    series_->attachAxis(timeAxis_);
    series_->attachAxis(countAxis_);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing, false);
    setFixedHeight(100);
    connect(histogram_, &models::EventHistogram::changed, this, &HistogramView::redraw);
    connect(series_, &QBarSeries::hovered, this,
            [this](bool status, int index, QBarSet*) { showBucket(status, index); });
}

int HistogramView::barCount() const
{
    const auto sets = series_->barSets();
    return sets.isEmpty() ? 0 : static_cast<int>(sets.first()->count());
}

qint64 HistogramView::totalCount() const
{
    const auto sets = series_->barSets();
    return sets.isEmpty() ? 0 : qint64(sets.first()->sum());
}

int HistogramView::bucketAt(const QPoint& position) const
{
    const auto& buckets = histogram_->buckets();
    if (buckets.isEmpty())
        return -1;
    // Bar categories sit at x = 0, 1, 2...; the point is in viewport coordinates.
    const QPointF value = chart()->mapToValue(mapToScene(position), series_);
    return std::clamp(static_cast<int>(std::lround(value.x())), 0, static_cast<int>(buckets.size()) - 1);
}

void HistogramView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || histogram_->buckets().isEmpty()) {
        QChartView::mousePressEvent(event);
        return;
    }
    dragStart_ = event->position().toPoint();
    band_->setGeometry(QRect(*dragStart_, QSize(1, viewport()->height())));
    event->accept();
}

void HistogramView::mouseMoveEvent(QMouseEvent* event)
{
    if (!dragStart_) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    const int x = event->position().toPoint().x();
    band_->setGeometry(QRect(QPoint(std::min(x, dragStart_->x()), 0),
                             QPoint(std::max(x, dragStart_->x()), viewport()->height())));
    band_->show();
    event->accept();
}

void HistogramView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!dragStart_ || event->button() != Qt::LeftButton) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    const QPoint start = *dragStart_;
    const QPoint end = event->position().toPoint();
    dragStart_.reset();
    band_->hide();
    event->accept();
    if (std::abs(end.x() - start.x()) < 4) // a click, not a drag
        return;
    const int first = bucketAt(QPoint(std::min(start.x(), end.x()), start.y()));
    const int last = bucketAt(QPoint(std::max(start.x(), end.x()), start.y()));
    if (first < 0 || last < 0)
        return;
    const auto& buckets = histogram_->buckets();
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(buckets.at(first).startUs / 1000, QTimeZone::utc());
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(buckets.at(last).startUs / 1000, QTimeZone::utc())
                             .addSecs(histogram_->bucketSeconds());
    Q_EMIT rangeSelected(from, to);
}

void HistogramView::redraw()
{
    series_->clear();
    timeAxis_->clear();
    auto* set = new QBarSet(QString());
    set->setColor(QColor(0x3b, 0x6e, 0xa8));
    set->setBorderColor(QColor(0x3b, 0x6e, 0xa8));
    QStringList categories;
    qint64 highest = 0;
    for (const auto& bucket : histogram_->buckets()) {
        set->append(double(bucket.count));
        categories << QString::number(bucket.startUs);
        highest = std::max(highest, bucket.count);
    }
    series_->append(set);
    timeAxis_->append(categories);
    countAxis_->setRange(0, double(std::max<qint64>(highest, 1)));
}

void HistogramView::showBucket(bool hovered, int index)
{
    const auto& buckets = histogram_->buckets();
    if (!hovered || index < 0 || index >= buckets.size()) {
        QToolTip::hideText();
        return;
    }
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(buckets.at(index).startUs / 1000).toLocalTime();
    const QDateTime end = start.addSecs(histogram_->bucketSeconds());
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    QToolTip::showText(QCursor::pos(),
                       tr("%1 – %2: %n event(s)", nullptr, int(buckets.at(index).count))
                           .arg(start.toString(format), end.toString(format)),
                       this);
}

} // namespace vigie::widgets
