// The Ingest status panel: one row per listener and feed with its counters once lines arrived,
// numbers with thousands separators, parse errors flagged, the selection kept across samples;
// the status bar's totals open it. Models under QAbstractItemModelTester.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "ingest_status_bar.h"
#include "ingest_status_model.h"
#include "ingest_status_panel.h"
#include "language_switcher.h"
#include "main_window.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace vigie;
using models::IngestStatusModel;

namespace {

QString cell(const IngestStatusModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

class IngestStatusPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        engine_ = test::startEngine(db_.conninfo());
    }
    void TearDown() override
    {
        status_.setEngine(nullptr);
        engine_->stop();
        QLocale::setDefault(QLocale::system());
    }

    test::TestDatabase db_{"gui_ingest_panel"};
    std::unique_ptr<ingest::Engine> engine_;
    models::EngineStatus status_;
};

TEST_F(IngestStatusPanelTest, ShowsTheCountersOfEachListenerAndFeed)
{
    widgets::IngestStatusPanel panel(&status_);
    IngestStatusModel* model = panel.model();
    QAbstractItemModelTester modelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(panel.proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    panel.resize(1100, 300);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));

    // A listener pinned to RFC 5424: ten lines, two of which do not parse.
    ingest::ListenSpec spec;
    spec.address = "127.0.0.1";
    spec.port = 0;
    spec.format = parse::Format::Rfc5424;
    spec.name = "edge";
    const ingest::ListenSpec bound = engine_->addListener(spec);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::string lines;
    for (int n = 0; n < 8; ++n)
        lines += test::rfc5424Line(n, now.addMSecs(n)) + "\n";
    lines += "not syslog at all\nneither is this\n";
    ASSERT_TRUE(test::sendTcp(bound.port, lines));
    // A feed with more than a thousand records, for the separators.
    const auto feed = engine_->openFeed("import: big.log", parse::Format::Auto);
    for (int n = 0; n < 1234; ++n)
        ASSERT_TRUE(engine_->submit(feed, test::rfc5424Line(1000 + n, now.addMSecs(n))));
    engine_->closeFeed(feed);
    ASSERT_TRUE(test::waitStored(*engine_, 1244));

    status_.setEngine(engine_.get());
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model->rowOfName(QStringLiteral("import: big.log")) >= 0; }, 5000));
    const int edge = model->rowOfName(QStringLiteral("edge"));
    const int big = model->rowOfName(QStringLiteral("import: big.log"));
    ASSERT_GE(edge, 0);
    EXPECT_EQ(cell(model, edge, IngestStatusModel::KindColumn), QStringLiteral("TCP"));
    EXPECT_EQ(cell(model, edge, IngestStatusModel::ReceivedColumn), QStringLiteral("10"));
    EXPECT_EQ(cell(model, edge, IngestStatusModel::ParseErrorsColumn), QStringLiteral("2"));
    EXPECT_EQ(cell(model, edge, IngestStatusModel::StoredColumn), QStringLiteral("10"));
    EXPECT_EQ(cell(model, edge, IngestStatusModel::DroppedColumn), QStringLiteral("0"));
    EXPECT_EQ(cell(model, edge, IngestStatusModel::StateColumn), QStringLiteral("Listening"));
    EXPECT_TRUE(model->index(edge, IngestStatusModel::ParseErrorsColumn)
                    .data(IngestStatusModel::AttentionRole)
                    .toBool());
    EXPECT_FALSE(
        model->index(edge, IngestStatusModel::DroppedColumn).data(IngestStatusModel::AttentionRole).toBool());
    EXPECT_EQ(model->index(edge, IngestStatusModel::ReceivedColumn).data(Qt::TextAlignmentRole).toInt(),
              (Qt::AlignRight | Qt::AlignVCenter).toInt());
    EXPECT_EQ(cell(model, big, IngestStatusModel::KindColumn), QStringLiteral("Import"));
    EXPECT_EQ(cell(model, big, IngestStatusModel::StoredColumn), QStringLiteral("1,234"));
    EXPECT_EQ(
        model->index(big, IngestStatusModel::StoredColumn).data(IngestStatusModel::SortRole).toULongLong(),
        1234u);
    EXPECT_EQ(cell(model, big, IngestStatusModel::StateColumn), QStringLiteral("Finished"));
    EXPECT_TRUE(panel.summaryText().startsWith(
        QStringLiteral("Total: 1,244 received, 1,244 stored · Parse errors: 2 · Dropped: 0")))
        << panel.summaryText().toStdString();
    EXPECT_TRUE(panel.summaryText().endsWith(QStringLiteral("Database: connected")));

    // The selection stays on its source while the counters move.
    panel.selectSource(QStringLiteral("edge"));
    const QModelIndex selected = panel.view()->currentIndex();
    ASSERT_TRUE(selected.isValid());
    ASSERT_TRUE(test::sendTcp(bound.port, test::rfc5424Line(99, now) + "\n"));
    ASSERT_TRUE(test::waitStored(*engine_, 1245));
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    status_.sample();
    EXPECT_TRUE(resets.isEmpty());
    EXPECT_EQ(cell(model, edge, IngestStatusModel::StoredColumn), QStringLiteral("11"));
    EXPECT_EQ(panel.proxy()->mapToSource(panel.view()->currentIndex()).row(), edge);

    // Removing the listener keeps its counters, stopped.
    ASSERT_TRUE(engine_->removeListener("edge"));
    status_.sample();
    EXPECT_EQ(cell(model, edge, IngestStatusModel::StateColumn), QStringLiteral("Stopped"));
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        panel.grab().save(dir + QStringLiteral("/ingest_status_panel.png"));
}

TEST_F(IngestStatusPanelTest, ClickingTheStatusBarTotalsOpensThePanel)
{
    widgets::LanguageSwitcher languages;
    widgets::MainWindow window(&status_, &languages);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    widgets::IngestStatusPanel* panel = window.ingestStatusPanel();
    ASSERT_NE(panel, nullptr);
    EXPECT_FALSE(panel->isVisible());
    auto* totals = window.ingestStatusBar()->findChild<QLabel*>(QStringLiteral("ingestTotals"));
    ASSERT_NE(totals, nullptr);
    QTest::mouseClick(totals, Qt::LeftButton);
    EXPECT_TRUE(panel->isVisible());
    // The View menu's action (Ctrl+Shift+I) hides it again.
    panel->toggleViewAction()->trigger();
    EXPECT_FALSE(panel->isVisible());
}

} // namespace
