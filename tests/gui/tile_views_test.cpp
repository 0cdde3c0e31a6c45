// Dashboard tile renderers (issue #6, contract D) drawn offscreen from hand-built TileResults:
// the series, colours and markers an analyst reads, the drill-down a click asks for, the
// error and empty texts, and the PNG/PDF export of a canvas.
#include "gui_test_support.h"

#include "chart_palette.h"
#include "dashboard_exporter.h"
#include "tile_chart_view.h"
#include "tile_heatmap_view.h"
#include "tile_number_view.h"
#include "tile_table_view.h"
#include "tile_view.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <memory>
#include <stdexcept>

using namespace vigie;
using dashboard::DrillTarget;
using models::TileResult;

namespace {

const Timestamp kStart = std::chrono::sys_days{std::chrono::November / 20 / 2026} + std::chrono::hours(8);

DrillTarget target(const std::string& field, const std::optional<std::string>& value, bool other = false)
{
    DrillTarget target;
    target.field = field;
    target.value = value;
    target.other = other;
    return target;
}

dashboard::TileSpec tileOf(const std::string& visualization)
{
    dashboard::TileSpec tile;
    tile.id = "t1";
    tile.visualization.kind = visualization;
    return tile;
}

// Six hourly buckets; one series per (value, counts).
TileResult overTime(std::vector<store::AggregateSeries> series)
{
    TileResult result;
    result.kind = query::AggregateKind::CountOverTime;
    for (int i = 0; i < 6; ++i)
        result.data.buckets.push_back(kStart + std::chrono::hours(i));
    result.data.series = std::move(series);
    return result;
}

// The renderer for `tile`, shown at a tile's size, and every drill-down it asks for.
struct Rendered {
    explicit Rendered(const dashboard::TileSpec& tile) : view(widgets::createTileView(tile, nullptr))
    {
        QObject::connect(view.get(), &widgets::TileView::drillRequested,
                         [this](const DrillTarget& target) { drills.push_back(target); });
        view->resize(600, 320);
        view->show();
    }
    template <typename Series> std::vector<Series*> series() const
    {
        std::vector<Series*> found;
        for (QAbstractSeries* each : static_cast<widgets::TileChartView*>(view.get())->chart()->series())
            if (auto* typed = qobject_cast<Series*>(each))
                found.push_back(typed);
        return found;
    }
    std::unique_ptr<widgets::TileView> view;
    std::vector<DrillTarget> drills;
};

class TileViewsTest : public ::testing::Test {
protected:
    void SetUp() override { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
};

TEST_F(TileViewsTest, StackedBarHasOneSeriesPerSplitValueInSeverityColours)
{
    auto tile = tileOf("stacked_bar");
    tile.aggregation.split_by = "severity";
    tile.visualization.colors = "severity";
    Rendered rendered(tile);
    rendered.view->showResult(overTime({{std::string("3"), false, {5, 0, 2, 9, 1, 0}},
                                        {std::string("4"), false, {1, 1, 1, 1, 1, 1}},
                                        {std::nullopt, true, {0, 3, 0, 0, 0, 2}}}));
    EXPECT_TRUE(rendered.view->message().isEmpty());

    const auto stacks = rendered.series<QStackedBarSeries>();
    ASSERT_EQ(stacks.size(), 1u);
    const auto sets = stacks.front()->barSets();
    ASSERT_EQ(sets.size(), 3);
    const widgets::ChartPalette colours(rendered.view->palette());
    for (QBarSet* set : sets)
        EXPECT_EQ(set->count(), 6);
    EXPECT_EQ(sets[0]->at(3), 9.0);
    EXPECT_EQ(sets[0]->color(), colours.severityColour(3));
    EXPECT_EQ(sets[1]->color(), colours.severityColour(4));
    EXPECT_NE(sets[0]->color(), sets[1]->color());
    EXPECT_EQ(sets[2]->label(), QStringLiteral("Other"));
    EXPECT_EQ(sets[2]->color(), colours.otherColour());

    // A bar drills into its value over its hour.
    Q_EMIT sets[0]->clicked(3);
    ASSERT_EQ(rendered.drills.size(), 1u);
    EXPECT_EQ(rendered.drills[0].field, "severity");
    EXPECT_EQ(rendered.drills[0].value, std::optional<std::string>("3"));
    EXPECT_EQ(rendered.drills[0].bucket_start, std::optional<Timestamp>(kStart + std::chrono::hours(3)));
    EXPECT_EQ(rendered.drills[0].bucket, std::chrono::seconds(3600));
}

TEST_F(TileViewsTest, PieSliceClickDrillsIntoItsValueAndSmallSlicesAreGrouped)
{
    auto tile = tileOf("pie");
    tile.aggregation.kind = "top";
    tile.aggregation.field = "user_name";
    Rendered rendered(tile);
    TileResult result;
    result.kind = query::AggregateKind::Top;
    result.data.rows = {{std::string("alice"), 50},
                        {std::string("bob"), 30},
                        {std::nullopt, 15},
                        {std::string("carol"), 1},
                        {std::string("dave"), 1}};
    rendered.view->showResult(result);

    const auto pies = rendered.series<QPieSeries>();
    ASSERT_EQ(pies.size(), 1u);
    const auto slices = pies.front()->slices();
    ASSERT_EQ(slices.size(), 4); // carol and dave (1 % each) join "Other"
    EXPECT_EQ(slices[0]->label(), QStringLiteral("alice"));
    EXPECT_EQ(slices[2]->label(), QStringLiteral("(none)"));
    EXPECT_EQ(slices[3]->label(), QStringLiteral("Other"));
    EXPECT_EQ(slices[3]->value(), 2.0);

    Q_EMIT slices[1]->clicked();
    Q_EMIT slices[2]->clicked();
    Q_EMIT slices[3]->clicked();
    ASSERT_EQ(rendered.drills.size(), 3u);
    EXPECT_EQ(rendered.drills[0], target("user_name", "bob"));
    EXPECT_EQ(rendered.drills[1], target("user_name", std::nullopt));
    EXPECT_EQ(rendered.drills[2], target("user_name", std::nullopt, true));
}

TEST_F(TileViewsTest, BaselineLineShowsTheUsualRangeAndMarksTheBreach)
{
    auto tile = tileOf("line");
    tile.aggregation.kind = "baseline";
    tile.visualization.band = true;
    Rendered rendered(tile);
    TileResult result = overTime({{std::nullopt, false, {4, 6, 5, 7, 40, 5}}});
    result.has_band = true;
    result.band.lower = {2, 2, 2, 2, 2, 2};
    result.band.mean = {5, 5, 5, 5, 5, 5};
    result.band.upper = {9, 9, 9, 9, 9, 9};
    result.band.breaches = {4};
    rendered.view->showResult(result);

    const auto areas = rendered.series<QAreaSeries>();
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas.front()->name(), QStringLiteral("Usual range"));
    EXPECT_EQ(areas.front()->upperSeries()->count(), 6);
    EXPECT_LT(areas.front()->brush().color().alpha(), 255); // translucent: the line shows through
    const auto marks = rendered.series<QScatterSeries>();
    ASSERT_EQ(marks.size(), 1u);
    ASSERT_EQ(marks.front()->count(), 1);
    const QPointF breach = marks.front()->at(0);
    const auto breachStart = kStart + std::chrono::hours(4);
    EXPECT_EQ(qint64(breach.x()),
              std::chrono::duration_cast<std::chrono::milliseconds>(breachStart.time_since_epoch()).count());
    EXPECT_EQ(breach.y(), 40.0);

    // Clicking the marker opens that bucket; no split: no value term.
    Q_EMIT marks.front()->clicked(breach);
    ASSERT_EQ(rendered.drills.size(), 1u);
    EXPECT_TRUE(rendered.drills[0].field.empty());
    EXPECT_EQ(rendered.drills[0].bucket_start, std::optional<Timestamp>(kStart + std::chrono::hours(4)));
}

TEST_F(TileViewsTest, NumberShowsTheTrendSignAgainstThePreviousPeriod)
{
    auto tile = tileOf("number");
    tile.visualization.trend = true;
    auto view = std::unique_ptr<widgets::TileView>(widgets::createTileView(tile, nullptr));
    auto* number = qobject_cast<widgets::TileNumberView*>(view.get());
    ASSERT_NE(number, nullptr);
    TileResult result;
    result.kind = query::AggregateKind::Total;
    result.data.count = 1500;
    result.data.previous = 1000;
    view->showResult(result);
    EXPECT_EQ(number->valueText(), QStringLiteral("1,500"));
    EXPECT_EQ(number->trendText(), QStringLiteral("▲ 50.0 %"));
    EXPECT_EQ(number->trendDirection(), 1);

    result.data.count = 750;
    view->showResult(result);
    EXPECT_EQ(number->trendText(), QStringLiteral("▼ 25.0 %"));
    EXPECT_EQ(number->trendDirection(), -1);
    // Zero is a number, not an empty range.
    result.data.count = 0;
    result.data.previous = 0;
    view->showResult(result);
    EXPECT_EQ(number->valueText(), QStringLiteral("0"));
    EXPECT_TRUE(view->message().isEmpty());
}

TEST_F(TileViewsTest, ErrorAndEmptyResultsShowTheirSentence)
{
    for (const char* kind : {"line", "pie", "table", "number", "heatmap"}) {
        Rendered rendered(tileOf(kind));
        TileResult failed;
        failed.error = QStringLiteral("The query timed out — narrow the range.");
        rendered.view->showResult(failed);
        EXPECT_EQ(rendered.view->message(), failed.error) << kind;
    }
    Rendered line(tileOf("line"));
    line.view->showResult(overTime({{std::nullopt, false, {0, 0, 0, 0, 0, 0}}}));
    EXPECT_EQ(line.view->message(), QStringLiteral("No events in this range"));
    line.view->showResult(overTime({{std::nullopt, false, {0, 1, 0, 0, 0, 0}}}));
    EXPECT_TRUE(line.view->message().isEmpty());
}

TEST_F(TileViewsTest, TopTableRowClickDrillsIntoTheRowValue)
{
    auto tile = tileOf("table");
    tile.aggregation.kind = "top";
    tile.aggregation.field = "host";
    Rendered rendered(tile);
    TileResult result;
    result.kind = query::AggregateKind::Top;
    result.data.rows = {{std::string("web-01"), 1234}, {std::nullopt, 3}};
    rendered.view->showResult(result);
    auto* table = static_cast<widgets::TileTableView*>(rendered.view.get())->table();
    ASSERT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("1,234"));
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("(none)"));
    Q_EMIT table->cellClicked(1, 0);
    ASSERT_EQ(rendered.drills.size(), 1u);
    EXPECT_EQ(rendered.drills[0], target("host", std::nullopt));
}

TEST_F(TileViewsTest, HeatmapPlacesCountsByDayAndHour)
{
    Rendered rendered(tileOf("heatmap"));
    TileResult result;
    result.kind = query::AggregateKind::Heatmap;
    result.data.cells = {{1, 9, 40}, {7, 23, 2}};
    rendered.view->showResult(result);
    auto* heatmap = static_cast<widgets::TileHeatmapView*>(rendered.view.get());
    EXPECT_EQ(heatmap->countAt(1, 9), 40);
    EXPECT_EQ(heatmap->countAt(7, 23), 2);
    EXPECT_EQ(heatmap->countAt(3, 9), 0);
    EXPECT_TRUE(rendered.view->message().isEmpty());
}

TEST_F(TileViewsTest, ExportsThePngAtTwiceTheCanvasSizeAndAOnePagePdf)
{
    QWidget canvas;
    canvas.resize(500, 300);
    auto* layout = new QVBoxLayout(&canvas);
    auto tile = tileOf("line");
    auto* view = widgets::createTileView(tile, &canvas);
    layout->addWidget(view);
    view->showResult(overTime({{std::nullopt, false, {1, 4, 2, 8, 5, 7}}}));
    canvas.show();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("dashboard.png"));
    widgets::exportPng(canvas, png);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1000, 600));

    const QString pdf = dir.filePath(QStringLiteral("dashboard.pdf"));
    widgets::exportPdf(canvas, QStringLiteral("SOC overview"), QStringLiteral("Last 24 hours"), pdf);
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF"));
    EXPECT_GT(bytes.size(), 1000);
    EXPECT_EQ(bytes.count("/Type /Page\n") + bytes.count("/Type /Page "), 1); // one page

    EXPECT_THROW(widgets::exportPng(canvas, dir.filePath(QStringLiteral("missing/dashboard.png"))),
                 std::runtime_error);
}

} // namespace
