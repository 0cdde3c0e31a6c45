// The dashboards from the analyst's side, over a real database and a real main window: a new
// dashboard is built through the panel's own actions — Add tile and Edit… through the tile
// editor's fields, a mouse drag of the tile's title bar, a drag of its resize grip — and is
// saved; the definition read back from the `dashboards` table is byte-identical (canonical
// writer) to what the canvas shows. Undo puts the previous geometry back; deleting the
// dashboard and undoing brings it back with its uid; a click on a tile's value opens Search
// with the tile's query narrowed to the value, over the dashboard's range.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "dashboard/dashboard_spec.h"
#include "dashboard/drill_down.h"
#include "dashboard_canvas.h"
#include "dashboard_document.h"
#include "dashboard_panel.h"
#include "dashboard_service.h"
#include "engine_status.h"
#include "language_switcher.h"
#include "main_window.h"
#include "search_bar.h"
#include "tile_editor_dialog.h"
#include "tile_frame.h"
#include "tile_view.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QUndoStack>

#include <memory>

using namespace vigie;

namespace {

void choose(QComboBox* combo, const char* value)
{
    const int index = combo->findData(QString::fromLatin1(value));
    ASSERT_GE(index, 0) << value;
    combo->setCurrentIndex(index);
}

void setText(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

class DashboardPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // The engine brings the schema up to date, as at the workstation's start.
        engine_ = test::startEngine(db_.conninfo());
        window_ = std::make_unique<widgets::MainWindow>(&status_, &languages_);
        window_->openEvents(QString::fromStdString(db_.conninfo()));
        window_->show();
        window_->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window_.get()));
        panel_ = window_->dashboardPanel();
        ASSERT_TRUE(panel_);
        // The shipped dashboards are seeded on first start and the first one opens.
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->tabs()->count() >= 4 && documentLoaded(); }, 30000))
            << panel_->tabs()->count() << " tabs, document " << (panel_->currentDocument() != nullptr)
            << ", status: " << panel_->statusLabel()->text().toStdString();
    }

    bool documentLoaded() const
    {
        const models::DashboardDocument* document = panel_->currentDocument();
        return document && document->id() != 0;
    }

    const dashboard::TileSpec& onlyTile() const { return panel_->currentDocument()->spec().tiles.at(0); }

    // The stored definition of dashboard `id`, read back and written canonically.
    std::string storedDefinition(qint64 id)
    {
        const auto rows = test::queryRows(
            db_.conninfo(), QStringLiteral("SELECT definition::text FROM dashboards WHERE id = ?"),
            {QVariant::fromValue(id)});
        if (rows.size() != 1)
            return {};
        return dashboard::writeDashboard(dashboard::readDashboard(rows.at(0).at(0).toString().toStdString()));
    }

    // Presses the left button at `from` in `widget`, moves by `delta` and releases.
    static void drag(QWidget* widget, const QPoint& from, const QPoint& delta)
    {
        // One move: the dragged widget follows the hand, so a later position given in its own
        // coordinates would count the distance twice.
        QTest::mousePress(widget, Qt::LeftButton, {}, from);
        QTest::mouseMove(widget, from + delta);
        QTest::mouseRelease(widget, Qt::LeftButton, {}, from + delta);
    }

    void TearDown() override
    {
        window_.reset();
        engine_->stop();
    }

    test::TestDatabase db_{"gui_dashboard_panel"};
    std::unique_ptr<ingest::Engine> engine_;
    models::EngineStatus status_;
    widgets::LanguageSwitcher languages_;
    std::unique_ptr<widgets::MainWindow> window_;
    widgets::DashboardPanel* panel_ = nullptr;
};

TEST_F(DashboardPanelTest, BuiltThroughTheUiSavesAndReloadsIdentically)
{
    EXPECT_TRUE(window_->isShowingDashboards()) << "the dashboards are the home screen";
    const int shipped = panel_->tabs()->count();

    // New dashboard: a tab of its own, opened.
    panel_->newAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->tabs()->count() == shipped + 1; }, 10000));
    const int tab = panel_->service()->model()->rowOfName(QStringLiteral("New dashboard"));
    ASSERT_GE(tab, 0);
    panel_->tabs()->setCurrentIndex(tab);
    ASSERT_TRUE(QTest::qWaitFor([&] { return documentLoaded(); }, 10000));
    models::DashboardDocument* document = panel_->currentDocument();
    widgets::DashboardCanvas* canvas = panel_->currentCanvas();
    const qint64 id = document->id();
    EXPECT_TRUE(document->spec().tiles.empty());

    // Add tile: the editor opens; its fields describe the tile; OK adds it.
    panel_->addTileAction()->trigger();
    widgets::TileEditorDialog* editor = panel_->tileEditor();
    ASSERT_TRUE(editor);
    setText(editor->titleEdit(), QStringLiteral("Failed logins"));
    setText(editor->queryEdit(), QStringLiteral("outcome:failure and ("));
    EXPECT_FALSE(editor->buttons()->button(QDialogButtonBox::Ok)->isEnabled())
        << "a query that does not parse";
    EXPECT_TRUE(editor->errorText().contains(QStringLiteral("character")))
        << editor->errorText().toStdString();
    setText(editor->queryEdit(), QStringLiteral("outcome:failure"));
    choose(editor->kindCombo(), "count_over_time");
    choose(editor->bucketCombo(), "1h");
    choose(editor->visualizationCombo(), "bar");
    ASSERT_TRUE(editor->buttons()->button(QDialogButtonBox::Ok)->isEnabled())
        << editor->errorText().toStdString();
    EXPECT_FALSE(editor->routeText().isEmpty());
    QTest::mouseClick(editor->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    ASSERT_EQ(document->spec().tiles.size(), 1u);
    EXPECT_EQ(onlyTile().title, "Failed logins");
    EXPECT_EQ(onlyTile().aggregation.bucket, "1h");
    const QString tileId = QString::fromStdString(onlyTile().id);
    widgets::TileFrame* frame = canvas->frame(tileId);
    ASSERT_TRUE(frame);

    // Edit…: top hosts in a table.
    frame->editAction()->trigger();
    editor = panel_->tileEditor();
    ASSERT_TRUE(editor);
    setText(editor->titleEdit(), QStringLiteral("Failed logins by host"));
    choose(editor->kindCombo(), "top");
    setText(editor->fieldEdit(), QStringLiteral("host"));
    editor->limitSpin()->setValue(5);
    choose(editor->visualizationCombo(), "table");
    ASSERT_TRUE(editor->buttons()->button(QDialogButtonBox::Ok)->isEnabled())
        << editor->errorText().toStdString();
    QTest::mouseClick(editor->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    EXPECT_EQ(onlyTile().title, "Failed logins by host");
    EXPECT_EQ(onlyTile().aggregation.kind, "top");
    EXPECT_EQ(onlyTile().aggregation.field, "host");
    EXPECT_EQ(onlyTile().aggregation.limit, 5);
    EXPECT_EQ(onlyTile().visualization.kind, "table");

    // Move: drag the title bar three columns right and two rows down.
    const dashboard::TileSpec added = onlyTile();
    const QSize cell = canvas->cellSize();
    frame = canvas->frame(tileId);
    drag(frame->titleBar(), QPoint(20, frame->titleBar()->height() / 2),
         QPoint(3 * cell.width() + 4, 2 * cell.height() + 4));
    EXPECT_EQ(onlyTile().x, added.x + 3);
    EXPECT_EQ(onlyTile().y, added.y + 2);
    EXPECT_EQ(frame->geometry(),
              canvas->pixelRect(QRect(onlyTile().x, onlyTile().y, onlyTile().w, onlyTile().h)));
    const dashboard::TileSpec moved = onlyTile();

    // Resize: drag the grip two columns wider and one row taller.
    QWidget* grip = canvas->frame(tileId)->grip();
    drag(grip, grip->rect().center(), QPoint(2 * cell.width() - 3, cell.height() + 3));
    EXPECT_EQ(onlyTile().x, moved.x);
    EXPECT_EQ(onlyTile().w, moved.w + 2);
    EXPECT_EQ(onlyTile().h, moved.h + 1);
    const dashboard::TileSpec resized = onlyTile();

    // Each gesture was one undo step.
    panel_->undoAction()->trigger();
    EXPECT_EQ(onlyTile(), moved);
    panel_->undoAction()->trigger();
    EXPECT_EQ(onlyTile().x, added.x);
    EXPECT_EQ(onlyTile().y, added.y);
    panel_->redoAction()->trigger();
    panel_->redoAction()->trigger();
    EXPECT_EQ(onlyTile(), resized);

    // Saved 500 ms after the last edit; the stored definition is what the canvas shows.
    const std::string shown = dashboard::writeDashboard(canvas->dashboard());
    EXPECT_EQ(shown, dashboard::writeDashboard(document->spec()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return storedDefinition(id) == shown; }, 10000))
        << storedDefinition(id) << "\n---\n"
        << shown;
    EXPECT_TRUE(QTest::qWaitFor([&] { return !document->isDirty(); }, 5000));

    // Delete the dashboard, then undo: it comes back with its uid.
    const std::string uid = document->spec().uid;
    panel_->deleteAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->service()->model()->rowOfId(id) < 0; }, 10000));
    EXPECT_TRUE(storedDefinition(id).empty());
    panel_->undoAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->service()->model()->rowOfId(id) >= 0; }, 10000));
    EXPECT_EQ(panel_->service()->model()->entry(panel_->service()->model()->rowOfId(id)).uid.toStdString(),
              uid);
    EXPECT_EQ(storedDefinition(id), shown);
}

TEST_F(DashboardPanelTest, ClickOnATileValueOpensSearch)
{
    // The first shipped dashboard's first tile; a click on the value "web-01" of field host.
    models::DashboardDocument* document = panel_->currentDocument();
    ASSERT_FALSE(document->spec().tiles.empty());
    dashboard::TileSpec tile = document->spec().tiles.at(0);
    tile.drilldown = true;
    tile.query = "outcome:failure";
    document->setTile(tile);
    widgets::TileFrame* frame = panel_->currentCanvas()->frame(QString::fromStdString(tile.id));
    ASSERT_TRUE(frame);
    dashboard::DrillTarget target;
    target.field = "host";
    target.value = "web-01";
    emit frame->view()->drillRequested(target);

    EXPECT_FALSE(window_->isShowingDashboards());
    widgets::SearchBar* bar = window_->searchBar();
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("(outcome:failure) and host:\"web-01\""));
    const widgets::SearchEntry entry = bar->current();
    ASSERT_TRUE(entry.from && entry.to);
    // The dashboard's range made absolute: its relative span ending now.
    const auto& time = document->spec().time;
    ASSERT_TRUE(time.isRelative());
    const qint64 span = entry.from->secsTo(*entry.to);
    const std::map<std::string, qint64> spans = {
        {"-15m", 900}, {"-1h", 3600}, {"-24h", 86400}, {"-7d", 7 * 86400}, {"-30d", 30 * 86400}};
    ASSERT_TRUE(spans.count(time.relative));
    EXPECT_EQ(span, spans.at(time.relative));
    EXPECT_LE(std::abs(entry.to->secsTo(QDateTime::currentDateTimeUtc())), 120);

    // Ctrl+1 brings the dashboards back.
    QTest::keyClick(window_.get(), Qt::Key_1, Qt::ControlModifier);
    EXPECT_TRUE(window_->isShowingDashboards());
}

} // namespace
