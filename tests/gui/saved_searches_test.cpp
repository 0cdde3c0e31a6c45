// Saved searches from the analyst's side, over a real database: the current search is saved
// from the main window with Ctrl+S (a relative range and an absolute one), shows up in the
// Saved searches panel and in the `saved_searches` table; saving under a taken name offers to
// replace it (undoable). After a restart (a new window, a new model) the searches are read
// back from the database; double-click and Enter run them through the search bar — the events
// table then shows exactly the matching rows, and Back returns to the previous search. Rename
// (F2) refuses a taken name with a clear message; Del removes a search and Ctrl+Z brings it
// back with its id. The list model stays consistent under QAbstractItemModelTester.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "event_table_model.h"
#include "language_switcher.h"
#include "main_window.h"
#include "saved_searches_panel.h"
#include "search_bar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>

#include <memory>

using namespace vigie;
using models::EventTableModel;

namespace {

constexpr int kEvents = 300;

class SavedSearchesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // RFC 5424 lines one second apart from an hour ago (web-00..web-06), see gui_test_support.h.
        start_ = QDateTime::currentDateTimeUtc().addSecs(-3600);
        engine_ = test::startEngine(db_.conninfo());
        test::submitSampleHistory(*engine_, kEvents, std::chrono::milliseconds(1000));
        ASSERT_TRUE(test::waitStored(*engine_, kEvents));
    }

    void TearDown() override { engine_->stop(); }

    // A main window over the test database, shown and active (for the shortcuts), with its
    // saved searches read.
    std::unique_ptr<widgets::MainWindow> openWindow()
    {
        auto window = std::make_unique<widgets::MainWindow>(&status_, &languages_);
        window->eventModel()->setPageSize(50);
        window->openEvents(QString::fromStdString(db_.conninfo()));
        // Until the first answer the panel says it is reading, not that there is nothing.
        const auto* placeholder = window->findChild<QLabel*>(QStringLiteral("savedSearchesPlaceholder"));
        EXPECT_EQ(placeholder ? placeholder->text() : QString(), QStringLiteral("Reading the saved searches…"));
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
        // Loading goes on in the background: a save asked meanwhile is queued after it.
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return window->savedSearchesPanel()->saveAction()->isEnabled(); }, 20000));
        return window;
    }

    // Types `query` in the bar, picks the range of `minutes` and presses Enter.
    static void typeSearch(widgets::SearchBar* bar, const QString& query, int minutes)
    {
        QComboBox* range = bar->rangeCombo();
        range->setCurrentIndex(range->findData(minutes));
        bar->lineEdit()->setFocus();
        bar->lineEdit()->clear();
        QTest::keyClicks(bar->lineEdit(), query);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
    }

    // Presses Ctrl+S where the focus is, names the search in the dialog and presses Enter.
    static void saveWithCtrlS(widgets::MainWindow& window, const QString& name)
    {
        widgets::SavedSearchesPanel* panel = window.savedSearchesPanel();
        // Back from the last dialog, the window is active again (Ctrl+S acts in the window).
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(window.searchBar()->lineEdit(), Qt::Key_S, Qt::ControlModifier);
        QInputDialog* dialog = panel->openNameDialog();
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
        auto* edit = dialog->findChild<QLineEdit*>();
        ASSERT_NE(edit, nullptr);
        QTest::keyClicks(edit, name);
        QTest::keyClick(edit, Qt::Key_Return);
        EXPECT_EQ(panel->openNameDialog(), nullptr);
    }

    // Gives `widget` the keyboard focus in its active window (a dialog that just closed may
    // have left the window inactive, and the panel's shortcuts need it active).
    static void focus(QWidget* widget)
    {
        widget->window()->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(widget->window()));
        widget->setFocus();
    }

    static QAbstractItemModel* listed(widgets::SavedSearchesPanel* panel) { return panel->view()->model(); }

    static int rowNamed(widgets::SavedSearchesPanel* panel, const QString& name)
    {
        QAbstractItemModel* model = listed(panel);
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == name)
                return row;
        }
        return -1;
    }

    QList<QVariantList> savedRows()
    {
        return test::queryRows(db_.conninfo(),
                               QStringLiteral("SELECT id, name, query, last_minutes, range_from, range_to "
                                              "FROM saved_searches ORDER BY name"));
    }

    // Ids of the events matching `where` (SQL), newest first, as the table lists them.
    QList<qint64> expectedIds(const QString& where, const QVariantList& values = {}) const
    {
        QList<qint64> ids;
        for (const auto& row : test::queryRows(db_.conninfo(),
                                               QStringLiteral("SELECT id FROM events WHERE ") + where +
                                                   QStringLiteral(" ORDER BY ts DESC, id DESC"),
                                               values))
            ids << row.at(0).toLongLong();
        return ids;
    }

    // Every page of the table's current search, once it has `count` rows (or what it shows
    // after 20 s, for the comparison to report).
    static QList<qint64> shownIds(EventTableModel* model, qsizetype count)
    {
        [[maybe_unused]] const bool complete = QTest::qWaitFor(
            [&] {
                if (model->canFetchMore({}))
                    model->fetchMore({});
                return model->atEnd() && !model->isFetching() && model->rowCount() == count;
            },
            20000);
        QList<qint64> ids;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (const auto event = model->row(row))
                ids << event->id;
        }
        return ids;
    }

    test::TestDatabase db_{"gui_saved_searches"};
    std::unique_ptr<ingest::Engine> engine_;
    QDateTime start_;
    models::EngineStatus status_;
    widgets::LanguageSwitcher languages_;
};

TEST_F(SavedSearchesTest, SaveFromTheWindowReloadRunRenameDeleteAndUndo)
{
    const QString web03 = QStringLiteral("Web 03, last day");
    const QString web05 = QStringLiteral("Web 05 burst");
    // A two-minute window inside the history, as a drag on the histogram gives.
    const QDateTime from = start_.addSecs(60);
    const QDateTime to = start_.addSecs(180);
    {
        std::unique_ptr<widgets::MainWindow> window = openWindow();
        widgets::SavedSearchesPanel* panel = window->savedSearchesPanel();
        QAbstractItemModelTester tester(listed(panel), QAbstractItemModelTester::FailureReportingMode::Fatal);
        panel->hide(); // whatever the last run left in the settings
        widgets::SearchBar* bar = window->searchBar();

        // A relative range, saved with Ctrl+S from the query line.
        typeSearch(bar, QStringLiteral("host:web-03"), 24 * 60);
        saveWithCtrlS(*window, web03);
        EXPECT_TRUE(panel->isVisible()); // the panel opens to show where it went
        ASSERT_TRUE(QTest::qWaitFor([&] { return listed(panel)->rowCount() == 1; }, 10000));
        EXPECT_TRUE(panel->messageText().isEmpty()) << panel->messageText().toStdString();
        EXPECT_EQ(listed(panel)->index(0, 0).data().toString(), web03);
        EXPECT_EQ(listed(panel)->index(0, 1).data().toString(), QStringLiteral("host:web-03"));
        EXPECT_EQ(listed(panel)->index(0, 2).data().toString(), QStringLiteral("Last 24 hours"));
        EXPECT_TRUE(listed(panel)
                        ->index(0, 0)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("host:web-03")));

        // An absolute range (a zoom on the histogram).
        typeSearch(bar, QStringLiteral("host:web-05"), 0);
        ASSERT_TRUE(bar->zoomTo(from, to));
        saveWithCtrlS(*window, web05);
        ASSERT_TRUE(QTest::qWaitFor([&] { return listed(panel)->rowCount() == 2; }, 10000));

        QList<QVariantList> rows = savedRows();
        ASSERT_EQ(rows.size(), 2);
        EXPECT_EQ(rows.at(0).at(1).toString(), web03);
        EXPECT_EQ(rows.at(0).at(2).toString(), QStringLiteral("host:web-03"));
        EXPECT_EQ(rows.at(0).at(3).toInt(), 24 * 60);
        EXPECT_TRUE(rows.at(0).at(4).isNull());
        EXPECT_EQ(rows.at(1).at(1).toString(), web05);
        EXPECT_TRUE(rows.at(1).at(3).isNull());
        EXPECT_EQ(rows.at(1).at(4).toDateTime().toMSecsSinceEpoch(), from.toMSecsSinceEpoch());
        EXPECT_EQ(rows.at(1).at(5).toDateTime().toMSecsSinceEpoch(), to.toMSecsSinceEpoch());

        // Saving under a taken name asks before replacing; Replace is undoable.
        typeSearch(bar, QStringLiteral("host:web-04"), 60);
        saveWithCtrlS(*window, web03);
        QMessageBox* confirmation = panel->openConfirmation();
        ASSERT_NE(confirmation, nullptr);
        EXPECT_EQ(confirmation->text(),
                  QStringLiteral("A saved search named “%1” already exists.").arg(web03));
        QPushButton* replace = nullptr;
        for (QAbstractButton* button : confirmation->buttons()) {
            if (confirmation->buttonRole(button) == QMessageBox::AcceptRole)
                replace = qobject_cast<QPushButton*>(button);
        }
        ASSERT_NE(replace, nullptr);
        QTest::mouseClick(replace, Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return savedRows().at(0).at(2).toString() == QStringLiteral("host:web-04"); }, 10000));
        EXPECT_EQ(savedRows().at(0).at(3).toInt(), 60);
        EXPECT_EQ(savedRows().at(0).at(0), rows.at(0).at(0)); // the same search, replaced
        focus(panel->view());                                 // back from the confirmation
        QTest::keyClick(panel->view(), Qt::Key_Z, Qt::ControlModifier);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return savedRows().at(0).at(2).toString() == QStringLiteral("host:web-03"); }, 10000));
        EXPECT_EQ(savedRows().at(0).at(3).toInt(), 24 * 60);
        window->close();
    }

    // A restart: a new window with a new model reads the searches back from the database.
    std::unique_ptr<widgets::MainWindow> window = openWindow();
    widgets::SavedSearchesPanel* panel = window->savedSearchesPanel();
    QAbstractItemModelTester tester(listed(panel), QAbstractItemModelTester::FailureReportingMode::Fatal);
    window->showPanel(QStringLiteral("saved"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return listed(panel)->rowCount() == 2; }, 10000));
    ASSERT_EQ(rowNamed(panel, web03), 0);
    ASSERT_EQ(rowNamed(panel, web05), 1);
    EXPECT_EQ(listed(panel)->index(0, 2).data().toString(), QStringLiteral("Last 24 hours"));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    EXPECT_EQ(listed(panel)->index(1, 2).data().toString(),
              QStringLiteral("%1 to %2")
                  .arg(from.toLocalTime().toString(format), to.toLocalTime().toString(format)));

    // Double-click runs the search as if typed: the bar shows it and the table only its rows.
    EventTableModel* events = window->eventModel();
    widgets::SearchBar* bar = window->searchBar();
    QTableView* view = panel->view();
    // As a mouse does it: the first click of the pair selects the row, the second runs it.
    const QPoint first = view->visualRect(listed(panel)->index(0, 0)).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, first);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, first);
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:web-03"));
    EXPECT_EQ(bar->rangeCombo()->currentData().toInt(), 24 * 60);
    EXPECT_EQ(events->search().query, QStringLiteral("host:web-03"));
    const QList<qint64> web03Ids = expectedIds(QStringLiteral("host = 'web-03'"));
    ASSERT_GT(web03Ids.size(), 0);
    EXPECT_EQ(shownIds(events, web03Ids.size()), web03Ids);
    EXPECT_TRUE(bar->history().contains(QStringLiteral("host:web-03")));

    // Enter on the other one runs its absolute range.
    focus(view);
    view->setCurrentIndex(listed(panel)->index(1, 0));
    QTest::keyClick(view, Qt::Key_Return);
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:web-05"));
    EXPECT_EQ(bar->rangeCombo()->currentData().toInt(), -1); // the custom range item
    const QList<qint64> web05Ids =
        expectedIds(QStringLiteral("host = 'web-05' AND ts >= ? AND ts < ?"), {from, to});
    ASSERT_GT(web05Ids.size(), 0);
    EXPECT_EQ(shownIds(events, web05Ids.size()), web05Ids);
    // Back returns to the search run before it.
    ASSERT_TRUE(bar->canGoBack());
    bar->back();
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:web-03"));
    EXPECT_EQ(shownIds(events, web03Ids.size()), web03Ids);

    // F2 renames; a name another search has is refused with a clear message.
    focus(view);
    view->setCurrentIndex(listed(panel)->index(rowNamed(panel, web05), 0));
    QTest::keyClick(view, Qt::Key_F2);
    QInputDialog* dialog = panel->openNameDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setTextValue(web03);
    dialog->accept();
    EXPECT_EQ(panel->messageText(), QStringLiteral("A saved search named “%1” already exists.").arg(web03));
    focus(view);
    QTest::keyClick(view, Qt::Key_F2);
    dialog = panel->openNameDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setTextValue(QStringLiteral("Another burst"));
    dialog->accept();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return rowNamed(panel, QStringLiteral("Another burst")) == 0; }, 10000));
    EXPECT_TRUE(panel->messageText().isEmpty());
    EXPECT_EQ(savedRows().at(0).at(1).toString(), QStringLiteral("Another burst"));

    // Del removes the selected search; Ctrl+Z brings it back with its id.
    const qint64 id = savedRows().at(1).at(0).toLongLong();
    focus(view);
    view->setCurrentIndex(listed(panel)->index(rowNamed(panel, web03), 0));
    QTest::keyClick(view, Qt::Key_Delete);
    ASSERT_TRUE(QTest::qWaitFor([&] { return listed(panel)->rowCount() == 1; }, 10000));
    EXPECT_EQ(rowNamed(panel, web03), -1);
    EXPECT_EQ(savedRows().size(), 1);
    EXPECT_TRUE(panel->undoAction()->isEnabled());
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return listed(panel)->rowCount() == 2; }, 10000));
    const QList<QVariantList> rows = savedRows();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.at(1).at(0).toLongLong(), id);
    EXPECT_EQ(rows.at(1).at(1).toString(), web03);
    EXPECT_EQ(rows.at(1).at(2).toString(), QStringLiteral("host:web-03"));
    EXPECT_EQ(rows.at(1).at(3).toInt(), 24 * 60);

    // The filter box narrows the list; Enter there runs what is left.
    focus(panel->filterEdit());
    QTest::keyClicks(panel->filterEdit(), QStringLiteral("web-05"));
    EXPECT_EQ(listed(panel)->rowCount(), 1);
    QTest::keyClick(panel->filterEdit(), Qt::Key_Return);
    EXPECT_EQ(bar->lineEdit()->text(), QStringLiteral("host:web-05"));
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        window->grab().save(dir + QStringLiteral("/saved_searches.png"));
}

TEST_F(SavedSearchesTest, ViewMenuTogglesThePanelWithCtrlShiftF)
{
    std::unique_ptr<widgets::MainWindow> window = openWindow();
    widgets::SavedSearchesPanel* panel = window->savedSearchesPanel();
    EXPECT_EQ(window->dockWidgetArea(panel), Qt::LeftDockWidgetArea);
    panel->hide(); // whatever the last run left in the settings
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(panel->isVisible());
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(panel->isVisible());
    // A query that does not parse is not saved; the panel says why.
    window->searchBar()->lineEdit()->setText(QStringLiteral("host:web-01 and ("));
    panel->saveAction()->trigger();
    EXPECT_EQ(panel->openNameDialog(), nullptr);
    EXPECT_TRUE(panel->messageText().startsWith(QStringLiteral("The search cannot be saved")))
        << panel->messageText().toStdString();
}

} // namespace
