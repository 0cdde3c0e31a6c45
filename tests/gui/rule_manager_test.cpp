// The Rule manager (issue #5) as an analyst drives it, over a real database: the list shows the
// seeded built-in rules; Space disables the selected one (stored) and Ctrl+Z enables it again;
// deleting a built-in rule is refused with a sentence; importing a folder stores the rule that
// can run and the report names the unsupported file with its reason; a rule edited in the
// editor and saved with Ctrl+S is stored, a save over a colleague's newer version is refused
// and the editor shows theirs; "Test" runs the editor's text over the last 24 hours and shows
// as many hits as there are matching events, then Save Disabled stores it switched off;
// Detection > Rule Manager… (Ctrl+Shift+R) opens the dock.
#include "gui_test_support.h"
#include "support/shared_data.h"
#include "support/test_database.h"

#include "detect/rule_texts.h"
#include "engine_status.h"
#include "language_switcher.h"
#include "main_window.h"
#include "retro_hunt_job.h"
#include "rule_editor.h"
#include "rule_editor_dialog.h"
#include "rule_import_report_dialog.h"
#include "rule_list_model.h"
#include "rule_manager_panel.h"
#include "rule_service.h"
#include "rule_test_pane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace vigie;
using models::RuleListModel;
using models::RuleRow;
using models::RuleService;
using widgets::RuleEditorDialog;
using widgets::RuleManagerPanel;

namespace {

const QString kCustom = QStringLiteral("title: Custom SSH failure\nid: custom-ssh\nlevel: high\n"
                                       "logsource: {product: linux, service: sshd}\n"
                                       "detection:\n  sel: {action: ssh_login, outcome: failure}\n"
                                       "  condition: sel\n");

void screenshot(QWidget* widget, const QString& name)
{
    if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(300);
        widget->grab().save(shots + QLatin1Char('/') + name);
    }
}

// The first rule of the shared Sigma corpus (linux) that Vigie can run, as a file path.
std::filesystem::path firstRunnableLinuxRule()
{
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::sharedData("sigma/rules/linux"))) {
        if (entry.path().extension() != ".yml")
            continue;
        std::ostringstream text;
        text << std::ifstream(entry.path()).rdbuf();
        const auto check = detect::checkRuleTexts({detect::RuleText{entry.path().string(), text.str()}});
        if (check.verdicts.size() == 1 && check.verdicts.front().ok())
            return entry.path();
    }
    return {};
}

class RuleManagerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QCoreApplication::setApplicationName(QStringLiteral("vigie-gui-rule-manager-test"));
        QSettings().clear();
        QSignalSpy loaded(&service_, &RuleService::loaded);
        service_.attach(nullptr, conninfo()); // changes are only stored: no engine here
        ASSERT_TRUE(loaded.wait(30000));
        window_.resize(1400, 520);
        panel_ = new RuleManagerPanel(&service_, &window_);
        window_.addDockWidget(Qt::BottomDockWidgetArea, panel_);
        window_.setCentralWidget(new QWidget(&window_));
        panel_->setConnInfo(conninfo());
        window_.show();
        window_.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window_));
    }

    void TearDown() override
    {
        for (RuleEditorDialog* editor : panel_->editors())
            delete editor;
        service_.detach();
    }

    QString conninfo() const { return QString::fromStdString(db_.conninfo()); }

    // Waits until the service has answered everything asked so far.
    void settle()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return service_.pendingRequests() == 0; }, 30000));
        QTest::qWait(50); // the queued answer reaches the model and the panel
    }

    QVariant stored(const QString& column, qint64 id)
    {
        const auto rows = test::queryRows(
            db_.conninfo(), QStringLiteral("SELECT %1 FROM detection_rules WHERE id = ?").arg(column), {id});
        return rows.isEmpty() ? QVariant() : rows.first().first();
    }

    // Selects the listed row of rule `id` and gives the list the focus.
    void selectRule(qint64 id)
    {
        const int row = service_.model()->rowOfId(id);
        ASSERT_GE(row, 0);
        const QModelIndex index =
            panel_->proxy()->mapFromSource(service_.model()->index(row, RuleListModel::TitleColumn));
        panel_->view()->setCurrentIndex(index);
        panel_->view()->setFocus();
    }

    qint64 addRule(const QString& yaml)
    {
        QSignalSpy finished(&service_, &RuleService::finished);
        const quint64 request = service_.addText(yaml);
        EXPECT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000));
        EXPECT_EQ(finished.first().at(0).toULongLong(), request);
        EXPECT_EQ(finished.first().at(1).toString(), QString());
        return finished.first().at(2).toLongLong();
    }

    // Types the line `text` at the end of the editor's text and waits for its check.
    static void typeAtEnd(RuleEditorDialog* dialog, const QString& text)
    {
        QPlainTextEdit* edit = dialog->editor()->textEdit();
        edit->moveCursor(QTextCursor::End);
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return !dialog->editor()->isCheckPending() && dialog->editor()->isValid(); }, 10000));
    }

    test::TestDatabase db_{"gui_rule_manager"};
    RuleService service_;
    QAbstractItemModelTester tester_{service_.model(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    QMainWindow window_;
    RuleManagerPanel* panel_ = nullptr;
};

TEST_F(RuleManagerTest, ListsTheBuiltInRulesAndSpaceDisablesOneUndoably)
{
    QAbstractItemModel* list = panel_->view()->model();
    ASSERT_EQ(list->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        EXPECT_EQ(list->index(row, RuleListModel::OriginColumn).data().toString(),
                  QStringLiteral("Built-in"));
        EXPECT_EQ(list->index(row, RuleListModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
                  Qt::Checked);
    }
    const RuleRow first = service_.model()->rule(0);
    selectRule(first.id);
    EXPECT_EQ(panel_->toggleAction()->text(), QStringLiteral("&Disable"));

    QTest::keyClick(panel_->view(), Qt::Key_Space);
    settle();
    EXPECT_EQ(stored(QStringLiteral("enabled"), first.id).toBool(), false);
    EXPECT_EQ(service_.model()->rule(0).enabled, false);
    EXPECT_EQ(panel_->toggleAction()->text(), QStringLiteral("&Enable"));
    EXPECT_EQ(panel_->undoAction()->toolTip(), QStringLiteral("Undo: Disable Rule “%1”").arg(first.title));

    QTest::keyClick(panel_->view(), Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_EQ(stored(QStringLiteral("enabled"), first.id).toBool(), true);
    EXPECT_EQ(list->index(0, RuleListModel::EnabledColumn).data(Qt::CheckStateRole).toInt(), Qt::Checked);

    // Built-in rules stay: the service refuses, the panel says why.
    QTest::keyClick(panel_->view(), Qt::Key_Delete);
    settle();
    EXPECT_EQ(list->rowCount(), 3);
    EXPECT_TRUE(panel_->messageText().contains(QLatin1String("disable it instead")))
        << panel_->messageText().toStdString();

    screenshot(&window_, QStringLiteral("rule_manager.png"));

    // The filter box narrows the list.
    QTest::keyClicks(panel_->filterEdit(), first.title);
    EXPECT_EQ(list->rowCount(), 1);
}

TEST_F(RuleManagerTest, ImportingAFolderStoresWhatRunsAndReportsTheRest)
{
    const std::filesystem::path supported = firstRunnableLinuxRule();
    ASSERT_FALSE(supported.empty());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(
        QFile::copy(QString::fromStdString(supported.string()), dir.filePath(QStringLiteral("good.yml"))));
    {
        QFile amiga(dir.filePath(QStringLiteral("amiga.yml")));
        ASSERT_TRUE(amiga.open(QIODevice::WriteOnly));
        amiga.write("title: Amiga logins\nid: amiga-1\nlogsource: {product: amiga}\n"
                    "detection:\n  sel: {a: b}\n  condition: sel\n");
    }

    ASSERT_TRUE(panel_->importPaths({dir.path()}));
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->importReport() != nullptr; }, 30000));
    widgets::RuleImportReportDialog* report = panel_->importReport();
    EXPECT_EQ(report->summaryText(), QStringLiteral("1 rule(s) imported and enabled."));
    const QString details = report->detailsText();
    const QStringList lines = details.split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 2) << details.toStdString();
    EXPECT_EQ(lines.at(0), QDir::toNativeSeparators(dir.filePath(QStringLiteral("amiga.yml"))));
    EXPECT_TRUE(lines.at(1).startsWith(QLatin1String("    Amiga logins: ")));
    EXPECT_TRUE(lines.at(1).contains(QLatin1String("no mapping for logsource product=amiga")))
        << details.toStdString();
    // Copyable whole, for a ticket.
    QTest::mouseClick(report->copyButton(), Qt::LeftButton);
    EXPECT_TRUE(QApplication::clipboard()->text().contains(details));
    screenshot(report, QStringLiteral("rule_import_report.png"));
    report->accept();

    ASSERT_EQ(service_.model()->rowCount(), 4);
    const RuleRow& imported = service_.model()->rule(3);
    EXPECT_EQ(imported.origin, QStringLiteral("imported"));
    EXPECT_TRUE(imported.enabled);
    EXPECT_EQ(panel_->view()->model()->rowCount(), 4);
}

TEST_F(RuleManagerTest, AnEditSavedWithCtrlSIsStoredAndAStaleOneShowsTheNewerText)
{
    const qint64 id = addRule(kCustom);
    settle();
    selectRule(id);
    QTest::keyClick(panel_->view(), Qt::Key_Return);
    ASSERT_EQ(panel_->editors().size(), 1);
    RuleEditorDialog* dialog = panel_->editors().first();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialog->editor()->isValid(); }, 10000));
    EXPECT_FALSE(dialog->saveButton()->isEnabled()); // nothing changed yet
    EXPECT_FALSE(dialog->saveDisabledButton()->isVisible());

    typeAtEnd(dialog, QStringLiteral("# tuned"));
    EXPECT_TRUE(dialog->saveButton()->isEnabled());
    dialog->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(dialog));
    QTest::keyClick(dialog->editor()->textEdit(), Qt::Key_S, Qt::ControlModifier);
    settle();
    EXPECT_EQ(stored(QStringLiteral("yaml"), id).toString(), kCustom + QStringLiteral("# tuned\n"));
    EXPECT_EQ(dialog->rule().version, 2);
    EXPECT_FALSE(dialog->editor()->isModified());
    EXPECT_EQ(dialog->messageText(), QString());

    // A colleague saves meanwhile; this editor's next save is refused and shows their text.
    const QString theirs = kCustom + QStringLiteral("# colleague\n");
    service_.saveText(id, theirs, 2);
    settle();
    typeAtEnd(dialog, QStringLiteral("# mine"));
    ASSERT_TRUE(dialog->save());
    settle();
    EXPECT_EQ(stored(QStringLiteral("yaml"), id).toString(), theirs);
    EXPECT_TRUE(dialog->messageText().contains(QLatin1String("changed meanwhile")))
        << dialog->messageText().toStdString();
    EXPECT_EQ(dialog->editor()->text(), theirs);
    EXPECT_EQ(dialog->rule().version, 3);

    // The edit that was stored is one undo step in the panel (the first undo drops the refused
    // save, which changed nothing).
    panel_->undoStack()->undo();
    panel_->undoStack()->undo();
    settle();
    EXPECT_EQ(stored(QStringLiteral("yaml"), id).toString(), kCustom);

    // Closing with unsaved changes asks first; Cancel keeps the editor, Discard closes it.
    typeAtEnd(dialog, QStringLiteral("# draft"));
    dialog->reject();
    ASSERT_NE(dialog->openConfirmation(), nullptr);
    QTest::mouseClick(dialog->openConfirmation()->button(QMessageBox::Cancel), Qt::LeftButton);
    EXPECT_TRUE(dialog->isVisible());
    dialog->reject();
    ASSERT_NE(dialog->openConfirmation(), nullptr);
    QTest::mouseClick(dialog->openConfirmation()->button(QMessageBox::Discard), Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel_->editors().isEmpty(); }, 2000));
}

TEST_F(RuleManagerTest, TestingANewRuleCountsTheMatchingEventsThenSaveDisabledStoresIt)
{
    {
        // Five failed SSH logins and a few cron lines within the last hour.
        auto engine = test::startEngine(db_.conninfo());
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1800);
        for (int n = 0; n < 5; ++n)
            engine->submit(test::rfc5424Line(n, start.addSecs(n * 60)), parse::Format::Auto);
        for (int n = 0; n < 3; ++n)
            engine->submit(test::rfc3164Line(n, start.addSecs(n * 60 + 30)), parse::Format::Auto);
        ASSERT_TRUE(test::waitStored(*engine, 8));
        engine->stop();
    }

    RuleEditorDialog* dialog = panel_->newRule();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->saveDisabledButton()->isVisible());
    dialog->editor()->setText(kCustom);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return dialog->editor()->isValid() && !dialog->editor()->isCheckPending(); }, 10000));
    widgets::RuleTestPane* test = dialog->testPane();
    EXPECT_EQ(test->hoursSpin()->value(), 24);
    EXPECT_EQ(test->hoursSpin()->minimum(), 1);
    EXPECT_EQ(test->hoursSpin()->maximum(), 720);
    ASSERT_TRUE(test->runButton()->isEnabled());

    QSignalSpy done(test, &widgets::RuleTestPane::testFinished);
    QTest::mouseClick(test->runButton(), Qt::LeftButton);
    ASSERT_TRUE(done.wait(60000));
    EXPECT_EQ(test->lastSummary().hits, 5u);
    EXPECT_TRUE(test->lastSummary().dryRun);
    EXPECT_TRUE(test->strip()->summaryText().startsWith(QLatin1String("5 hit(s) in the last 24 hour(s) (")))
        << test->strip()->summaryText().toStdString();
    ASSERT_EQ(test->hitsView()->topLevelItemCount(), 1);
    EXPECT_EQ(test->hitsView()->topLevelItem(0)->text(0), QStringLiteral("Custom SSH failure"));
    EXPECT_EQ(test->hitsView()->topLevelItem(0)->text(2), QStringLiteral("5"));
    // A dry run: nothing was raised.
    EXPECT_EQ(test::queryRows(db_.conninfo(), QStringLiteral("SELECT count(*) FROM alerts"))
                  .first()
                  .first()
                  .toInt(),
              0);
    dialog->resize(1100, 760);
    screenshot(dialog, QStringLiteral("rule_editor_test.png"));

    QTest::mouseClick(dialog->saveDisabledButton(), Qt::LeftButton);
    settle();
    ASSERT_NE(dialog->rule().id, 0);
    EXPECT_EQ(stored(QStringLiteral("yaml"), dialog->rule().id).toString(), kCustom);
    EXPECT_EQ(stored(QStringLiteral("enabled"), dialog->rule().id).toBool(), false);
    EXPECT_EQ(service_.model()->rowCount(), 4);
    EXPECT_FALSE(dialog->saveDisabledButton()->isVisible());

    // One undo step takes the new rule away.
    panel_->undoStack()->undo();
    settle();
    EXPECT_EQ(service_.model()->rowCount(), 3);
}

TEST(RuleManagerMenu, DetectionRuleManagerOpensTheDockWithCtrlShiftR)
{
    QCoreApplication::setApplicationName(QStringLiteral("vigie-gui-rule-manager-menu-test"));
    QSettings().clear();
    test::TestDatabase db("gui_rule_manager_menu");
    RuleService service;
    QSignalSpy loaded(&service, &RuleService::loaded);
    service.attach(nullptr, QString::fromStdString(db.conninfo()));
    ASSERT_TRUE(loaded.wait(30000));
    models::EngineStatus status;
    widgets::LanguageSwitcher languages;
    {
        widgets::MainWindow window(&status, &languages);
        window.addRuleManager(&service);
        window.openEvents(QString::fromStdString(db.conninfo()));
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        QAction* open = window.ruleManagerPanel()->openAction();
        EXPECT_TRUE(window.detectionMenu()->actions().contains(open));
        EXPECT_EQ(open->text(), QStringLiteral("Rule &Manager…"));
        EXPECT_FALSE(window.ruleManagerPanel()->isVisible());
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        EXPECT_TRUE(QTest::qWaitFor([&] { return window.ruleManagerPanel()->isVisible(); }, 2000));
        EXPECT_EQ(window.ruleManagerPanel()->view()->model()->rowCount(), 3);
    }
    service.detach();
}

} // namespace
