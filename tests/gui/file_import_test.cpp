// File import: File > Import… reads the OpenSSH sample through an engine feed with progress up
// to 100 % and a summary of 2,000 stored, and the events are in the table; a cancel stops the
// reading early with consistent counts; an unreadable file says why; files dropped on the main
// window are imported.
#include "gui_test_support.h"
#include "support/shared_data.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "event_table_model.h"
#include "file_import_job.h"
#include "import_controller.h"
#include "import_dialog.h"
#include "import_queue.h"
#include "import_strip.h"
#include "ingest_status_model.h"
#include "ingest_status_panel.h"
#include "language_switcher.h"
#include "main_window.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLayout>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <fstream>

using namespace vigie;
using models::ImportSummary;

namespace {

qint64 eventCount(const std::string& conninfo)
{
    const auto rows = test::queryRows(conninfo, QStringLiteral("SELECT count(*) FROM events"));
    return rows.isEmpty() ? -1 : rows[0][0].toLongLong();
}

class FileImportTest : public ::testing::Test {
protected:
    void SetUp() override { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void TearDown() override
    {
        queue_.detach();
        status_.setEngine(nullptr);
        if (engine_)
            engine_->stop();
        QLocale::setDefault(QLocale::system());
    }

    void start(std::size_t memoryCap = 256u << 20)
    {
        ingest::EngineConfig config;
        config.conninfo = db_.conninfo();
        config.flush_interval = std::chrono::milliseconds(50);
        config.memory_cap_bytes = memoryCap;
        engine_ = std::make_unique<ingest::Engine>(config);
        engine_->start();
        queue_.attach(engine_.get());
        status_.setEngine(engine_.get());
    }

    test::TestDatabase db_{"gui_import"};
    std::unique_ptr<ingest::Engine> engine_;
    models::EngineStatus status_;
    models::ImportQueue queue_;
    widgets::LanguageSwitcher languages_;
};

TEST_F(FileImportTest, ImportsTheOpenSshSampleThroughTheImportDialog)
{
    start();
    const QString path = QString::fromStdString(test::sharedData("loghub/OpenSSH/OpenSSH_2k.log").string());
    const quint64 size = static_cast<quint64>(QFileInfo(path).size());
    widgets::MainWindow window(&status_, &languages_, nullptr, &queue_);
    window.openEvents(QString::fromStdString(db_.conninfo()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy progress(&queue_, &models::ImportQueue::progress);
    QSignalSpy finished(&queue_, &models::ImportQueue::finished);

    // Ctrl+I opens the dialog; the format is automatic unless chosen.
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
    widgets::ImportDialog* dialog = window.importController()->openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->format(), parse::Format::Auto);
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled()); // no file yet
    dialog->setFiles({path});
    ASSERT_TRUE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    ASSERT_TRUE(finished.wait(60000));
    const auto summary = finished.first().first().value<ImportSummary>();
    EXPECT_TRUE(summary.ok()) << summary.error.toStdString();
    EXPECT_TRUE(summary.complete);
    EXPECT_EQ(summary.feedName, QStringLiteral("import: OpenSSH_2k.log"));
    EXPECT_EQ(summary.bytesRead, size);
    EXPECT_EQ(summary.received, 2000u);
    EXPECT_EQ(summary.stored, 2000u);
    EXPECT_EQ(summary.dropped, 0u);
    // Progress reached the whole file.
    ASSERT_FALSE(progress.isEmpty());
    EXPECT_EQ(progress.last().at(0).toULongLong(), size);
    EXPECT_EQ(progress.last().at(1).toULongLong(), size);
    EXPECT_EQ(progress.last().at(2).toULongLong(), 2000u);

    widgets::ImportStrip* strip = window.importController()->strip();
    EXPECT_TRUE(strip->isVisible());
    EXPECT_EQ(strip->summaryText(),
              QStringLiteral("OpenSSH_2k.log: 2,000 received, 2,000 stored · Parse errors: %1 · Dropped: 0")
                  .arg(QLocale().toString(summary.parseErrors)));
    EXPECT_EQ(eventCount(db_.conninfo()), 2000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.eventModel()->rowCount() > 0; }, 20000));
    EXPECT_TRUE(window.eventModel()->row(0).value().raw.contains(QStringLiteral("LabSZ")));

    // The feed has its row in the Ingest status panel, which the strip's button opens.
    status_.sample();
    auto* counters = strip->findChild<QPushButton*>(QStringLiteral("importShowCounters"));
    ASSERT_NE(counters, nullptr);
    QTest::mouseClick(counters, Qt::LeftButton);
    widgets::IngestStatusPanel* panel = window.ingestStatusPanel();
    EXPECT_TRUE(panel->isVisible());
    const int row = panel->model()->rowOfName(QStringLiteral("import: OpenSSH_2k.log"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(panel->model()->index(row, models::IngestStatusModel::StoredColumn).data().toString(),
              QStringLiteral("2,000"));
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(200);
        window.grab().save(dir + QStringLiteral("/import_summary.png"));
    }
}

TEST_F(FileImportTest, CancelStopsTheReadingEarlyWithConsistentCounts)
{
    // A small memory cap paces the reading by the storing, so the file cannot be read at once.
    start(64 * 1024);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.log"));
    const int lines = 300000;
    {
        std::ofstream out(path.toStdString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int n = 0; n < lines; ++n)
            out << test::rfc5424Line(n, now.addMSecs(n)) << '\n';
    }
    queue_.setChunkSize(16 * 1024);
    QSignalSpy finished(&queue_, &models::ImportQueue::finished);
    widgets::ImportStrip strip(&queue_);
    strip.resize(1000, strip.sizeHint().height());
    bool cancelled = false;
    QObject::connect(&queue_, &models::ImportQueue::progress, &queue_, [&](quint64 bytes) {
        if (bytes > 0 && !cancelled) {
            cancelled = true;
            EXPECT_TRUE(strip.isVisible());
            EXPECT_GT(strip.progressPercent(), 0);
            EXPECT_LT(strip.progressPercent(), 100);
            if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
                strip.layout()->activate();
                strip.grab().save(shots + QStringLiteral("/import_progress.png"));
            }
            // The strip's own button.
            QTest::mouseClick(strip.cancelButton(), Qt::LeftButton);
        }
    });
    queue_.enqueue({path});
    ASSERT_TRUE(finished.wait(120000));
    const auto summary = finished.first().first().value<ImportSummary>();
    EXPECT_TRUE(cancelled);
    EXPECT_TRUE(summary.cancelled);
    EXPECT_TRUE(summary.error.isEmpty()) << summary.error.toStdString();
    EXPECT_LT(summary.bytesRead, summary.fileSize);
    EXPECT_GT(summary.received, 0u);
    EXPECT_LT(summary.received, static_cast<quint64>(lines));
    // What was submitted is stored and counted.
    EXPECT_TRUE(summary.complete);
    EXPECT_EQ(summary.stored + summary.dropped, summary.received);
    EXPECT_EQ(eventCount(db_.conninfo()), static_cast<qint64>(summary.stored));
    EXPECT_EQ(engine_->stats().received, summary.received);
    EXPECT_TRUE(queue_.isIdle());
}

TEST_F(FileImportTest, UnreadableFilesSayWhy)
{
    start();
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.log"));
    QSignalSpy finished(&queue_, &models::ImportQueue::finished);
    queue_.enqueue({missing, dir.path()});
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.size() == 2; }, 20000));
    const auto first = finished.at(0).first().value<ImportSummary>();
    EXPECT_TRUE(first.error.startsWith(QStringLiteral("Cannot read %1: ").arg(missing)))
        << first.error.toStdString();
    EXPECT_EQ(first.received, 0u);
    const auto second = finished.at(1).first().value<ImportSummary>();
    EXPECT_EQ(second.error, QStringLiteral("%1 is a folder, not a log file.").arg(dir.path()));
    EXPECT_TRUE(
        widgets::ImportStrip::summarySentence(first).startsWith(QStringLiteral("missing.log: Cannot read ")));
}

TEST_F(FileImportTest, FilesDroppedOnTheMainWindowAreImported)
{
    start();
    const QString path = QString::fromStdString(test::sharedData("loghub/OpenSSH/OpenSSH_2k.log").string());
    widgets::MainWindow window(&status_, &languages_, nullptr, &queue_);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy started(&queue_, &models::ImportQueue::started);
    QSignalSpy finished(&queue_, &models::ImportQueue::finished);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPointF where(window.width() / 2.0, window.height() / 2.0);
    QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    EXPECT_TRUE(drop.isAccepted());
    ASSERT_EQ(started.size(), 1);
    EXPECT_TRUE(window.importController()->strip()->isVisible());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(finished.first().first().value<ImportSummary>().stored, 2000u);

    // A drag of something that is not a file is refused.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent refused(where.toPoint(), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QCoreApplication::sendEvent(&window, &refused);
    EXPECT_FALSE(refused.isAccepted());
}

} // namespace
