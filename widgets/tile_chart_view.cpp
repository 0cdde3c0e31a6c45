// TileChartView: Qt Charts renderer of the chart kinds of a dashboard tile. GUI thread.
#include "tile_chart_view.h"

#include "chart_palette.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vigie::widgets {
namespace {

// Below this height (pixels) a chart's count axis and legend are laid out for little room.
constexpr int kTallTileHeight = 260;
// Height (pixels) a horizontal bar needs for its label to be drawn.
constexpr std::size_t kBarRowHeight = 26;

using models::TileResult;

// Pie slices under this share of the total, and those beyond kMaxSlices, are summed as "Other".
constexpr double kSmallSliceShare = 0.03;
constexpr std::size_t kMaxSlices = 8;

qint64 msecs(Timestamp ts)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(ts.time_since_epoch()).count();
}

QDateTime localTime(Timestamp ts)
{
    return QDateTime::fromMSecsSinceEpoch(msecs(ts));
}

bool isOverTime(const TileResult& result)
{
    return !result.data.buckets.empty() && !result.data.series.empty();
}

std::int64_t seriesTotal(const store::AggregateSeries& series)
{
    return std::accumulate(series.counts.begin(), series.counts.end(), std::int64_t{0});
}

} // namespace

TileChartView::TileChartView(const dashboard::TileSpec& tile, QWidget* parent)
    : TileView(parent), tile_(tile), view_(new QChartView(this))
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setObjectName(QStringLiteral("tileChart"));
    setContent(view_);
}

QChart* TileChartView::chart() const
{
    return view_->chart();
}

bool TileChartView::draw(const TileResult& result)
{
    result_ = result;
    hasResult_ = true;
    timeAxis_ = nullptr;
    const ChartPalette colours(palette());
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setLocale(locale());
    chart->setLocalizeNumbers(true);
    chart->setAnimationOptions(QChart::NoAnimation);

    const std::string& kind = tile_.visualization.kind;
    bool drawn = true;
    if (kind == "pie" || kind == "donut") {
        auto parts = partsOf(result);
        drawn = std::any_of(parts.begin(), parts.end(), [](const Part& part) { return part.count > 0; });
        drawPie(*chart, colours, std::move(parts));
    } else if (isOverTime(result)) {
        drawn = std::any_of(result.data.series.begin(), result.data.series.end(),
                            [](const auto& series) { return seriesTotal(series) > 0; });
        drawOverTime(*chart, colours, result);
    } else {
        const auto parts = partsOf(result);
        drawn = !parts.empty();
        drawTopBars(*chart, colours, parts);
    }
    colours.applyTo(*chart);

    QChart* old = view_->chart();
    view_->setChart(chart); // the view releases the old chart without deleting it
    delete old;
    updateTickCount();
    return drawn;
}

std::vector<TileChartView::Part> TileChartView::partsOf(const TileResult& result) const
{
    std::vector<Part> parts;
    if (!result.data.rows.empty()) {
        for (const auto& row : result.data.rows)
            parts.push_back({valueName(tile_.aggregation.field, row.value, false), double(row.count),
                             valueTarget(tile_.aggregation.field, row.value)});
    } else {
        // A split count over time as slices: each series' total.
        for (const auto& series : result.data.series) {
            const auto target = valueTarget(tile_.aggregation.split_by, series.value, series.other);
            parts.push_back({seriesName(series), double(seriesTotal(series)), target});
        }
    }
    return parts;
}

QDateTimeAxis* TileChartView::addTimeAxis(QChart& chart, const TileResult& result, bool barsCentred)
{
    const auto& buckets = result.data.buckets;
    const qint64 bucket =
        std::chrono::duration_cast<std::chrono::milliseconds>(bucketLength(result, tile_)).count();
    const qint64 first = msecs(buckets.front());
    const qint64 last = msecs(buckets.back());
    // Bars fill their bucket, so the axis spans whole buckets; a line's points sit on bucket starts.
    const qint64 end = barsCentred ? last + std::max<qint64>(bucket, 1) : std::max(last, first + 1);
    auto* axis = new QDateTimeAxis;
    const qint64 span = end - first;
    constexpr qint64 kHour = 3600 * 1000;
    if (span <= 26 * kHour)
        axis->setFormat(QStringLiteral("HH:mm"));
    else if (span <= 8 * 24 * kHour)
        axis->setFormat(QStringLiteral("ddd HH:mm"));
    else
        axis->setFormat(QStringLiteral("d MMM"));
    axis->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(end));
    chart.addAxis(axis, Qt::AlignBottom);
    timeAxis_ = axis;
    return axis;
}

void TileChartView::drawOverTime(QChart& chart, const ChartPalette& colours, const TileResult& result)
{
    const auto& data = result.data;
    const std::string& kind = tile_.visualization.kind;
    const auto scheme = ChartPalette::schemeFor(tile_.visualization.colors, tile_.aggregation.split_by);
    auto* counts = new QValueAxis;
    counts->setLabelFormat(QStringLiteral("%.0f"));
    const bool band = result.has_band && tile_.visualization.band && kind != "stacked_bar" && kind != "bar";
    // Per bucket: the stack height (stacked kinds) or the highest value, for the axis and the areas.
    std::vector<double> top(data.buckets.size(), 0);
    const bool stacked = kind == "stacked_bar" || kind == "area";

    if (kind == "stacked_bar" || kind == "bar") {
        QAbstractBarSeries* bars = stacked ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries)
                                           : static_cast<QAbstractBarSeries*>(new QBarSeries);
        bars->setBarWidth(0.9);
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const auto& series = data.series[s];
            auto* set = new QBarSet(seriesName(series));
            const QColor colour = seriesColour(colours, scheme, series, int(s));
            set->setColor(colour);
            set->setBorderColor(colour);
            for (std::size_t i = 0; i < series.counts.size() && i < top.size(); ++i) {
                set->append(double(series.counts[i]));
                top[i] =
                    stacked ? top[i] + double(series.counts[i]) : std::max(top[i], double(series.counts[i]));
            }
            const int index = int(s);
            connect(set, &QBarSet::hovered, this, [this, index](bool status, int bucket) {
                status ? showTip(seriesTip(index, bucket)) : QToolTip::hideText();
            });
            connect(set, &QBarSet::clicked, this,
                    [this, index](int bucket) { drill(bucketTarget(index, bucket)); });
            bars->append(set);
        }
        chart.addSeries(bars);
        // Bars need a category axis; it stays hidden under a time axis spanning the same buckets.
        auto* categories = new QBarCategoryAxis;
        QStringList names;
        for (std::size_t i = 0; i < data.buckets.size(); ++i)
            names << QString::number(i);
        categories->append(names);
        categories->setVisible(false);
        chart.addAxis(categories, Qt::AlignBottom);
        bars->attachAxis(categories);
        addTimeAxis(chart, result, true);
        chart.addAxis(counts, Qt::AlignLeft);
        bars->attachAxis(counts);
    } else {
        QDateTimeAxis* time = addTimeAxis(chart, result, false);
        chart.addAxis(counts, Qt::AlignLeft);
        if (band)
            drawBand(chart, colours, result, counts);
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            const auto& series = data.series[s];
            const QColor colour = seriesColour(colours, scheme, series, int(s));
            auto* line = new QLineSeries;
            auto* base = stacked ? new QLineSeries : nullptr; // areas stack on the series before them
            for (std::size_t i = 0; i < series.counts.size() && i < data.buckets.size(); ++i) {
                const double x = double(msecs(data.buckets[i]));
                const double value = double(series.counts[i]);
                if (base) {
                    base->append(x, top[i]);
                    top[i] += value;
                    line->append(x, top[i]);
                } else {
                    line->append(x, value);
                    top[i] = std::max(top[i], value);
                }
            }
            QAbstractSeries* added = line;
            if (base) {
                auto* area = new QAreaSeries(line, base);
                QColor fill = colour;
                fill.setAlpha(170);
                area->setBrush(fill);
                area->setPen(QPen(colour, 1.5));
                added = area;
                const int index = int(s);
                connect(area, &QAreaSeries::hovered, this, [this, index](const QPointF& point, bool state) {
                    state ? showTip(seriesTip(index, bucketAt(point.x()))) : QToolTip::hideText();
                });
                connect(area, &QAreaSeries::clicked, this, [this, index](const QPointF& point) {
                    drill(bucketTarget(index, bucketAt(point.x())));
                });
            } else {
                line->setPen(QPen(colour, 2));
                line->setPointsVisible(series.counts.size() <= 48);
                const int index = int(s);
                connect(line, &QXYSeries::hovered, this, [this, index](const QPointF& point, bool state) {
                    state ? showTip(seriesTip(index, bucketAt(point.x()))) : QToolTip::hideText();
                });
                connect(line, &QXYSeries::clicked, this, [this, index](const QPointF& point) {
                    drill(bucketTarget(index, bucketAt(point.x())));
                });
            }
            added->setName(seriesName(series));
            chart.addSeries(added);
            added->attachAxis(time);
            added->attachAxis(counts);
        }
        if (band)
            drawBreaches(chart, colours, result, counts); // after the lines: the markers sit on top
    }
    double highest = top.empty() ? 0 : *std::max_element(top.begin(), top.end());
    if (band)
        for (double upper : result.band.upper)
            highest = std::max(highest, upper);
    counts->setRange(0, std::max(highest * 1.05, 1.0)); // headroom so the top line is not clipped
    // A short tile has room for three count labels; more would be elided to "...".
    const bool short_tile = height() < kTallTileHeight;
    counts->setTickCount(short_tile ? 3 : 5);
    counts->applyNiceNumbers();
    const bool split = data.series.size() > 1 || !tile_.aggregation.split_by.empty();
    chart.legend()->setVisible(split || band);
    chart.legend()->setAlignment(short_tile ? Qt::AlignRight : Qt::AlignBottom);
}

void TileChartView::drawBand(QChart& chart, const ChartPalette& colours, const TileResult& result,
                             QValueAxis* counts)
{
    const auto& data = result.data;
    const auto& band = result.band;
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    const std::size_t points = std::min({data.buckets.size(), band.upper.size(), band.lower.size()});
    for (std::size_t i = 0; i < points; ++i) {
        upper->append(double(msecs(data.buckets[i])), band.upper[i]);
        lower->append(double(msecs(data.buckets[i])), band.lower[i]);
    }
    auto* area = new QAreaSeries(upper, lower);
    area->setName(tr("Usual range"));
    area->setBrush(colours.bandColour());
    area->setPen(Qt::NoPen);
    chart.addSeries(area);
    area->attachAxis(timeAxis_);
    area->attachAxis(counts);
    connect(area, &QAreaSeries::hovered, this, [this](const QPointF& point, bool state) {
        const int bucket = bucketAt(point.x());
        const auto& usual = result_.band;
        if (!state || bucket < 0 || std::size_t(bucket) >= usual.upper.size())
            return QToolTip::hideText();
        showTip(tr("%1\nUsual: %2 to %3 events")
                    .arg(bucketText(bucket), locale().toString(usual.lower[std::size_t(bucket)], 'f', 1),
                         locale().toString(usual.upper[std::size_t(bucket)], 'f', 1)));
    });
}

void TileChartView::drawBreaches(QChart& chart, const ChartPalette& colours, const TileResult& result,
                                 QValueAxis* counts)
{
    const auto& data = result.data;
    if (result.band.breaches.empty() || data.series.empty())
        return;
    // A baseline tile has one count line; its breaching buckets get a marker.
    auto* marks = new QScatterSeries;
    marks->setName(tr("Above usual"));
    marks->setMarkerSize(10);
    marks->setColor(colours.breachColour());
    marks->setBorderColor(colours.background());
    const auto& line = data.series.front().counts;
    for (int index : result.band.breaches)
        if (index >= 0 && std::size_t(index) < line.size() && std::size_t(index) < data.buckets.size())
            marks->append(double(msecs(data.buckets[std::size_t(index)])), double(line[std::size_t(index)]));
    chart.addSeries(marks);
    marks->attachAxis(timeAxis_);
    marks->attachAxis(counts);
    connect(marks, &QScatterSeries::hovered, this, [this](const QPointF& point, bool state) {
        state ? showTip(seriesTip(0, bucketAt(point.x()))) : QToolTip::hideText();
    });
    connect(marks, &QScatterSeries::clicked, this,
            [this](const QPointF& point) { drill(bucketTarget(0, bucketAt(point.x()))); });
}

QString TileChartView::seriesTip(int series, int bucket) const
{
    const auto& data = result_.data;
    if (series < 0 || std::size_t(series) >= data.series.size() || bucket < 0 ||
        std::size_t(bucket) >= data.series[std::size_t(series)].counts.size())
        return {};
    const auto& hovered = data.series[std::size_t(series)];
    QString text = tr("%1\n%2: %3 events")
                       .arg(bucketText(bucket), seriesName(hovered),
                            locale().toString(qlonglong(hovered.counts[std::size_t(bucket)])));
    const auto& band = result_.band;
    if (result_.has_band && std::size_t(bucket) < band.upper.size())
        text += QLatin1Char('\n') + tr("Usual: %1 to %2 events")
                                        .arg(locale().toString(band.lower[std::size_t(bucket)], 'f', 1),
                                             locale().toString(band.upper[std::size_t(bucket)], 'f', 1));
    return text;
}

void TileChartView::drawTopBars(QChart& chart, const ChartPalette& colours, const std::vector<Part>& parts)
{
    auto* bars = new QHorizontalBarSeries;
    auto* set = new QBarSet(QString());
    set->setColor(colours.accent());
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(colours.text());
    QStringList labels;
    double highest = 0;
    // Horizontal categories grow upwards: the first (largest) row goes last to be drawn on top.
    const QFontMetrics metrics(font());
    // About 22 characters: the chart keeps room for the bars (Qt Charts elides longer axis
    // labels to "..." on its own); the tooltip has the full text.
    const int labelWidth = metrics.averageCharWidth() * 22;
    // Only the rows that fit: Qt Charts draws crowded category labels as "...". The table
    // visualization lists them all.
    const auto fits = std::clamp<std::size_t>(std::size_t(std::max(height() - 60, 0)) / kBarRowHeight, 3,
                                              std::max<std::size_t>(parts.size(), 3));
    const auto last = parts.begin() + std::ptrdiff_t(std::min(parts.size(), fits));
    for (auto part = std::make_reverse_iterator(last); part != parts.rend(); ++part) {
        set->append(part->count);
        QString label = metrics.elidedText(part->label, Qt::ElideMiddle, labelWidth);
        while (labels.contains(label)) // categories must differ; two long names may elide alike
            label.append(QChar(0x200b));
        labels << label;
        highest = std::max(highest, part->count);
    }
    bars->append(set);
    bars->setLabelsVisible(true);
    bars->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    bars->setLabelsFormat(QStringLiteral("@value"));
    bars->setBarWidth(0.75);
    chart.addSeries(bars);
    auto* categories = new QBarCategoryAxis;
    categories->append(labels);
    categories->setGridLineVisible(false);
    chart.addAxis(categories, Qt::AlignLeft);
    bars->attachAxis(categories);
    auto* counts = new QValueAxis;
    counts->setRange(0, std::max(highest * 1.15, 1.0)); // room for the value labels
    counts->setLabelFormat(QStringLiteral("%.0f"));
    counts->setTickCount(3);
    counts->applyNiceNumbers();
    chart.addAxis(counts, Qt::AlignBottom);
    bars->attachAxis(counts);
    chart.legend()->hide();
    const auto count = parts.size();
    connect(set, &QBarSet::hovered, this, [this, parts, count](bool status, int index) {
        if (!status)
            return QToolTip::hideText();
        const Part& part = parts[count - 1 - std::size_t(index)];
        showTip(tr("%1: %2 events").arg(part.label, locale().toString(qlonglong(part.count))));
    });
    connect(set, &QBarSet::clicked, this,
            [this, parts, count](int index) { drill(parts[count - 1 - std::size_t(index)].target); });
}

void TileChartView::drawPie(QChart& chart, const ChartPalette& colours, std::vector<Part> parts)
{
    std::stable_sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) {
        return !a.target.other && (b.target.other || a.count > b.count);
    });
    const double total = std::accumulate(parts.begin(), parts.end(), 0.0,
                                         [](double sum, const Part& part) { return sum + part.count; });
    // Small slices are unreadable and unclickable: they join "Other" (which drills into no value).
    std::vector<Part> shown;
    Part other{
        valueLabel(std::nullopt, true), 0,
        valueTarget(tile_.aggregation.field.empty() ? tile_.aggregation.split_by : tile_.aggregation.field,
                    std::nullopt, true)};
    for (Part& part : parts) {
        if (part.target.other || shown.size() >= kMaxSlices ||
            (total > 0 && part.count / total < kSmallSliceShare))
            other.count += part.count;
        else
            shown.push_back(std::move(part));
    }
    if (other.count > 0)
        shown.push_back(other);

    auto* pie = new QPieSeries;
    if (tile_.visualization.kind == "donut")
        pie->setHoleSize(0.5);
    pie->setPieSize(0.9);
    const std::string& field =
        tile_.aggregation.field.empty() ? tile_.aggregation.split_by : tile_.aggregation.field;
    const auto scheme = ChartPalette::schemeFor(tile_.visualization.colors, field);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Part& part = shown[i];
        auto* slice = pie->append(part.label, part.count);
        slice->setColor(colours.colourFor(scheme, part.target.value, part.target.other, int(i)));
        slice->setBorderColor(colours.background());
        const QString tip = tr("%1: %2 events (%3 %)")
                                .arg(part.label, locale().toString(qlonglong(part.count)),
                                     locale().toString(total > 0 ? 100.0 * part.count / total : 0.0, 'f', 1));
        connect(slice, &QPieSlice::hovered, this, [this, slice, tip](bool state) {
            slice->setExploded(state);
            if (state)
                showTip(tip);
            else
                QToolTip::hideText();
        });
        connect(slice, &QPieSlice::clicked, this, [this, target = part.target] { drill(target); });
    }
    chart.addSeries(pie);
    chart.legend()->setAlignment(Qt::AlignRight);
    chart.legend()->setVisible(true);
}

void TileChartView::resizeEvent(QResizeEvent* event)
{
    TileView::resizeEvent(event);
    updateTickCount();
}

void TileChartView::updateTickCount()
{
    if (!timeAxis_ || result_.data.buckets.empty())
        return;
    // About one label per 110 pixels, so "ddd HH:mm" labels never overlap; ticks a whole number
    // of buckets apart land on round times (buckets start on the minute, hour or day).
    const int most = std::clamp(width() / 110, 2, 8);
    const qint64 bucket = bucketLength(result_, tile_).count();
    const qint64 span = (timeAxis_->max().toSecsSinceEpoch() - timeAxis_->min().toSecsSinceEpoch());
    const qint64 intervals = bucket > 0 ? span / bucket : 0;
    int ticks = most;
    if (intervals > 0 && span % bucket == 0)
        for (qint64 step = 1; step <= intervals; ++step)
            if (intervals % step == 0 && intervals / step + 1 <= most) {
                ticks = int(intervals / step + 1);
                break;
            }
    // A span of a prime number of buckets has no round step: labels at uneven times beat two
    // lonely end labels.
    timeAxis_->setTickCount(ticks < 4 ? most : ticks);
}

QString TileChartView::seriesName(const store::AggregateSeries& series) const
{
    if (tile_.aggregation.split_by.empty() && !series.other)
        return tr("Events"); // the tile's single count
    return valueName(tile_.aggregation.split_by, series.value, series.other);
}

QString TileChartView::valueName(const std::string& field, const std::optional<std::string>& value,
                                 bool other) const
{
    const auto scheme = ChartPalette::schemeFor(tile_.visualization.colors, field);
    if (scheme == ChartPalette::Scheme::Severity && value && !other)
        if (const auto severity = ChartPalette::severityOf(*value))
            return severityName(*severity);
    return valueLabel(value, other);
}

QColor TileChartView::seriesColour(const ChartPalette& colours, ChartPalette::Scheme scheme,
                                   const store::AggregateSeries& series, int index) const
{
    if (tile_.aggregation.split_by.empty() && !series.other)
        return colours.seriesColour(index); // one count: not the grey of "(none)"
    return colours.colourFor(scheme, series.value, series.other, index);
}

QString TileChartView::severityName(int severity)
{
    switch (severity) {
    case 0:
        return tr("Emergency");
    case 1:
        return tr("Alert");
    case 2:
        return tr("Critical");
    case 3:
        return tr("Error");
    case 4:
        return tr("Warning");
    case 5:
        return tr("Notice");
    case 6:
        return tr("Informational");
    default:
        return tr("Debug");
    }
}

void TileChartView::changeEvent(QEvent* event)
{
    TileView::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange) && hasResult_)
        showResult(result_);
}

int TileChartView::bucketAt(qreal x) const
{
    const auto& buckets = result_.data.buckets;
    if (buckets.empty())
        return -1;
    const auto nearest = std::min_element(buckets.begin(), buckets.end(), [x](Timestamp a, Timestamp b) {
        return std::abs(double(msecs(a)) - x) < std::abs(double(msecs(b)) - x);
    });
    return int(nearest - buckets.begin());
}

dashboard::DrillTarget TileChartView::bucketTarget(int series, int bucket) const
{
    dashboard::DrillTarget target;
    const auto& data = result_.data;
    if (series >= 0 && std::size_t(series) < data.series.size() && !tile_.aggregation.split_by.empty()) {
        target.field = tile_.aggregation.split_by;
        target.value = data.series[std::size_t(series)].value;
        target.other = data.series[std::size_t(series)].other;
    }
    if (bucket >= 0 && std::size_t(bucket) < data.buckets.size()) {
        target.bucket_start = data.buckets[std::size_t(bucket)];
        target.bucket = bucketLength(result_, tile_);
    }
    return target;
}

QString TileChartView::bucketText(int bucket) const
{
    if (bucket < 0 || std::size_t(bucket) >= result_.data.buckets.size())
        return {};
    const QDateTime start = localTime(result_.data.buckets[std::size_t(bucket)]);
    const QDateTime end = start.addSecs(bucketLength(result_, tile_).count());
    const QLocale here = locale();
    const QString day = here.toString(start.date(), QLocale::ShortFormat);
    if (end <= start)
        return day + QLatin1Char(' ') + here.toString(start.time(), QLocale::ShortFormat);
    return tr("%1 %2 – %3")
        .arg(day, here.toString(start.time(), QLocale::ShortFormat),
             here.toString(end.time(), QLocale::ShortFormat));
}

void TileChartView::drill(const dashboard::DrillTarget& target)
{
    if (tile_.drilldown)
        emit drillRequested(target);
}

void TileChartView::showTip(const QString& text)
{
    QToolTip::showText(QCursor::pos(), text, view_);
}

} // namespace vigie::widgets
