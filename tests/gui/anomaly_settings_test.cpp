// Detection > Anomaly Detectors… (issue #6) as an analyst drives it, over a real database with
// migration 0011's shipped detectors: raising the sensitivity of a detector in the form and
// saving with Ctrl+S stores it; a query that does not parse is flagged under the field and
// cannot be saved; a save over a colleague's newer version is refused and the form shows
// theirs; Space switches a detector off and Ctrl+Z on again; the learning progress reads
// "Learning … — 11 of 28 day(s)" and "Relearn from History…", once confirmed, forgets what was
// learned; every text of the dialog goes through tr() (a French run: the lead fills the
// catalogue, so a marking translator stands in for it); the menu action opens the dialog.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "anomaly/detector_store.h"
#include "anomaly_detector_model.h"
#include "anomaly_detector_service.h"
#include "anomaly_settings_controller.h"
#include "anomaly_settings_dialog.h"
#include "engine_status.h"
#include "language_switcher.h"
#include "main_window.h"
#include "store/migrator.h"
#include "store/pg_connection.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTranslator>
#include <QUndoStack>

using namespace vigie;
using models::AnomalyDetectorModel;
using models::AnomalyDetectorService;
using widgets::AnomalySettingsDialog;

namespace {

const QString kHostRate = QStringLiteral("anomaly.rate.failed_logins.host");

void screenshot(QWidget* widget, const QString& name)
{
    if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(300);
        widget->grab().save(shots + QLatin1Char('/') + name);
    }
}

class AnomalySettingsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QCoreApplication::setApplicationName(QStringLiteral("vigie-gui-anomaly-settings-test"));
        QSignalSpy loaded(&service_, &AnomalyDetectorService::loaded);
        service_.attach(conninfo());
        ASSERT_TRUE(loaded.wait(30000));
        ASSERT_GE(service_.model()->rowCount(), 10); // migration 0011's detectors
        dialog_ = std::make_unique<AnomalySettingsDialog>(&service_);
        dialog_->show();
        dialog_->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog_.get()));
        ASSERT_TRUE(dialog_->selectDetector(kHostRate));
    }

    void TearDown() override
    {
        dialog_.reset();
        service_.detach();
    }

    QString conninfo() const { return QString::fromStdString(db_.conninfo()); }

    // Waits until the service has answered everything asked so far.
    void settle()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return service_.pendingRequests() == 0; }, 30000));
        QTest::qWait(50); // the queued answer reaches the model and the dialog
    }

    QVariant stored(const QString& expression, const QString& id = kHostRate)
    {
        const auto rows = test::queryRows(
            db_.conninfo(), QStringLiteral("SELECT %1 FROM anomaly_detectors WHERE id = ?").arg(expression),
            {id});
        return rows.isEmpty() ? QVariant() : rows.first().first();
    }

    void sql(const std::string& statement, const std::vector<std::optional<std::string>>& params = {})
    {
        store::PgConnection db(db_.conninfo());
        db.exec(statement, params);
    }

    test::TestDatabase db_{"gui_anomaly_settings"};
    AnomalyDetectorService service_;
    QAbstractItemModelTester tester_{service_.model(), QAbstractItemModelTester::FailureReportingMode::Fatal};
    std::unique_ptr<AnomalySettingsDialog> dialog_;
};

TEST_F(AnomalySettingsTest, ARaisedSensitivitySavedWithCtrlSIsStored)
{
    QDoubleSpinBox* k = dialog_->sensitivitySpin();
    EXPECT_EQ(dialog_->titleEdit()->text(), QStringLiteral("Unusual failed logins on a host"));
    EXPECT_EQ(dialog_->queryEdit()->text(), QStringLiteral("category:authentication and outcome:failure"));
    EXPECT_EQ(dialog_->entityCombo()->currentData().toString(), QStringLiteral("host"));
    EXPECT_DOUBLE_EQ(k->value(), 4.0);
    EXPECT_TRUE(k->isVisible());
    EXPECT_FALSE(dialog_->saveButton()->isEnabled()); // nothing changed yet

    // Four steps up: 4 -> 6 deviations, fewer alerts.
    k->setFocus();
    for (int step = 0; step < 4; ++step)
        QTest::keyClick(k, Qt::Key_Up);
    EXPECT_DOUBLE_EQ(k->value(), 6.0);
    EXPECT_TRUE(dialog_->isDirty());
    ASSERT_TRUE(dialog_->saveButton()->isEnabled());
    screenshot(dialog_.get(), QStringLiteral("anomaly_settings.png"));

    QTest::keyClick(dialog_.get(), Qt::Key_S, Qt::ControlModifier);
    settle();
    EXPECT_EQ(stored(QStringLiteral("settings->>'k'")).toString(), QStringLiteral("6"));
    EXPECT_EQ(stored(QStringLiteral("version")).toInt(), 2);
    EXPECT_FALSE(dialog_->isDirty());
    EXPECT_FALSE(dialog_->saveButton()->isEnabled());
    EXPECT_TRUE(dialog_->messageText().startsWith(QLatin1String("Saved.")))
        << dialog_->messageText().toStdString();
    const int row = service_.model()->rowOfId(kHostRate);
    EXPECT_EQ(service_.model()->index(row, AnomalyDetectorModel::SensitivityColumn).data().toString(),
              QStringLiteral("6 deviations"));

    // A query that does not parse is flagged where it is typed and cannot be saved.
    dialog_->queryEdit()->setFocus();
    dialog_->queryEdit()->end(false);
    QTest::keyClicks(dialog_->queryEdit(), QStringLiteral(" and ("));
    EXPECT_TRUE(dialog_->queryErrorText().startsWith(QLatin1String("Syntax error at character")))
        << dialog_->queryErrorText().toStdString();
    EXPECT_FALSE(dialog_->saveButton()->isEnabled());
    // Revert puts the stored settings back.
    QTest::mouseClick(dialog_->revertButton(), Qt::LeftButton);
    EXPECT_EQ(dialog_->queryEdit()->text(), QStringLiteral("category:authentication and outcome:failure"));
    EXPECT_TRUE(dialog_->queryErrorText().isEmpty());
    EXPECT_FALSE(dialog_->isDirty());
}

TEST_F(AnomalySettingsTest, ASaveOverAColleaguesNewerVersionIsRefusedAndShowsTheirs)
{
    // A colleague saves k = 8 while this form still shows version 1.
    sql("UPDATE anomaly_detectors SET settings = jsonb_set(settings, '{k}', '8'), version = version + 1 "
        "WHERE id = $1",
        {kHostRate.toStdString()});
    dialog_->sensitivitySpin()->setValue(5);
    ASSERT_TRUE(dialog_->saveButton()->isEnabled());
    QTest::mouseClick(dialog_->saveButton(), Qt::LeftButton);
    settle();

    EXPECT_EQ(stored(QStringLiteral("settings->>'k'")).toString(), QStringLiteral("8"));
    EXPECT_EQ(stored(QStringLiteral("version")).toInt(), 2);
    EXPECT_TRUE(
        dialog_->messageText().contains(QLatin1String("Someone else changed this detector meanwhile")))
        << dialog_->messageText().toStdString();
    EXPECT_DOUBLE_EQ(dialog_->sensitivitySpin()->value(), 8.0); // theirs, ready to be changed again
    EXPECT_FALSE(dialog_->isDirty());

    // Saved again over their version, it goes through.
    dialog_->sensitivitySpin()->setValue(5);
    QTest::mouseClick(dialog_->saveButton(), Qt::LeftButton);
    settle();
    EXPECT_EQ(stored(QStringLiteral("settings->>'k'")).toString(), QStringLiteral("5"));
}

TEST_F(AnomalySettingsTest, SpaceSwitchesADetectorOffAndCtrlZOnAgain)
{
    QTableView* list = dialog_->list();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Space);
    settle();
    EXPECT_FALSE(stored(QStringLiteral("enabled")).toBool());
    EXPECT_FALSE(dialog_->enabledBox()->isChecked());
    const int row = service_.model()->rowOfId(kHostRate);
    EXPECT_EQ(service_.model()->index(row, AnomalyDetectorModel::LearningColumn).data().toString(),
              QStringLiteral("Disabled"));
    EXPECT_EQ(dialog_->undoStack()->undoText(),
              QStringLiteral("Disable Detector “Unusual failed logins on a host”"));

    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    settle();
    EXPECT_TRUE(stored(QStringLiteral("enabled")).toBool());
    EXPECT_TRUE(dialog_->enabledBox()->isChecked());

    // An edit pending in the form survives the switch and is saved over the new version.
    dialog_->sensitivitySpin()->setValue(7);
    QCheckBox* box = dialog_->enabledBox();
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2)); // its indicator
    settle();
    EXPECT_FALSE(stored(QStringLiteral("enabled")).toBool());
    EXPECT_TRUE(dialog_->isDirty());
    QTest::mouseClick(dialog_->saveButton(), Qt::LeftButton);
    settle();
    EXPECT_EQ(stored(QStringLiteral("settings->>'k'")).toString(), QStringLiteral("7"));
    EXPECT_FALSE(stored(QStringLiteral("enabled")).toBool());
}

TEST_F(AnomalySettingsTest, RelearnFromHistoryForgetsWhatWasLearned)
{
    // The runner read 11 of the last 28 days of history.
    {
        store::PgConnection db(db_.conninfo());
        anomaly::DetectorStore detectors(db);
        const auto config = detectors.find(kHostRate.toStdString());
        ASSERT_TRUE(config);
        db.exec("INSERT INTO anomaly_state (detector_id, settings_hash, learned_from, learned_until) "
                "VALUES ($1, $2, now() - interval '28 days' + interval '1 hour', "
                "now() - interval '17 days' + interval '2 hours')",
                {config->id, anomaly::settingsHash(*config)});
        db.exec(
            "INSERT INTO anomaly_baselines (detector_id, entity, slot_n, slot_mean, slot_var, g_n, g_mean, "
            "g_var, last_window) VALUES ($1, 'web-01', array_fill(0, ARRAY[168]), "
            "array_fill(0::float8, ARRAY[168]), array_fill(0::float8, ARRAY[168]), 0, 0, 0, now())",
            {config->id});
    }
    service_.reload();
    settle();
    const QString learning = dialog_->progressBar()->format();
    EXPECT_TRUE(learning.startsWith(QLatin1String("Learning 39 %")) ||
                learning.startsWith(QLatin1String("Learning 40 %")))
        << learning.toStdString();
    EXPECT_TRUE(learning.endsWith(QStringLiteral("— 11 of 28 day(s)"))) << learning.toStdString();
    EXPECT_GE(dialog_->progressBar()->value(), 39);

    QTest::mouseClick(dialog_->relearnButton(), Qt::LeftButton);
    QMessageBox* confirm = dialog_->relearnConfirmation();
    ASSERT_NE(confirm, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(confirm));
    EXPECT_EQ(confirm->text(), QStringLiteral("Relearn “Unusual failed logins on a host” from history?"));
    screenshot(confirm, QStringLiteral("anomaly_relearn_confirmation.png"));
    QAbstractButton* relearn = nullptr;
    for (QAbstractButton* button : confirm->buttons())
        if (confirm->buttonRole(button) == QMessageBox::AcceptRole)
            relearn = button;
    ASSERT_NE(relearn, nullptr);
    QTest::mouseClick(relearn, Qt::LeftButton);
    settle();

    EXPECT_TRUE(test::queryRows(db_.conninfo(),
                                QStringLiteral("SELECT 1 FROM anomaly_state WHERE detector_id = ?"),
                                {kHostRate})
                    .isEmpty());
    EXPECT_TRUE(test::queryRows(db_.conninfo(),
                                QStringLiteral("SELECT 1 FROM anomaly_baselines WHERE detector_id = ?"),
                                {kHostRate})
                    .isEmpty());
    EXPECT_EQ(dialog_->progressBar()->format(), QStringLiteral("Waiting to learn"));
    EXPECT_EQ(dialog_->messageText(),
              QStringLiteral("“Unusual failed logins on a host” is learning again from history."));
}

// Stands in for the French catalogue the lead fills later: every text asked for is marked, so a
// text shown unmarked did not go through tr().
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (!QByteArray(context).startsWith("vigie::"))
            return {};
        return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

TEST_F(AnomalySettingsTest, AFrenchRunShowsEveryTextThroughTr)
{
    widgets::LanguageSwitcher languages;
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("fr")));
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QCoreApplication::processEvents(); // LanguageChange reaches the dialog

    const auto marked = [](const QString& text) { return text.startsWith(QStringLiteral("«")); };
    EXPECT_TRUE(marked(dialog_->windowTitle())) << dialog_->windowTitle().toStdString();
    for (QAbstractButton* button : dialog_->findChildren<QAbstractButton*>()) {
        if (button->isVisible() && !button->text().isEmpty()) {
            EXPECT_TRUE(marked(button->text())) << button->text().toStdString();
        }
    }
    for (QLabel* label : dialog_->findChildren<QLabel*>()) {
        if (label->isVisible() && !label->text().isEmpty()) {
            EXPECT_TRUE(marked(label->text())) << label->text().toStdString();
        }
    }
    QAbstractItemModel* model = service_.model();
    for (int column = 0; column < AnomalyDetectorModel::ColumnCount; ++column)
        EXPECT_TRUE(marked(model->headerData(column, Qt::Horizontal).toString())) << column;
    const int row = service_.model()->rowOfId(kHostRate);
    EXPECT_TRUE(marked(model->index(row, AnomalyDetectorModel::KindColumn).data().toString()));
    EXPECT_TRUE(marked(model->index(row, AnomalyDetectorModel::LearningColumn).data().toString()));
    EXPECT_TRUE(marked(dialog_->sensitivitySpin()->suffix()));
    EXPECT_TRUE(marked(dialog_->progressBar()->format()));
    screenshot(dialog_.get(), QStringLiteral("anomaly_settings_marked.png"));

    QCoreApplication::removeTranslator(&marking);
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    EXPECT_EQ(dialog_->windowTitle(), QStringLiteral("Anomaly Detectors"));
}

TEST(AnomalySettingsMenuTest, DetectionMenuOpensTheDialogWithCtrlShiftM)
{
    test::TestDatabase db("gui_anomaly_settings_menu");
    {
        store::PgConnection connection(db.conninfo());
        store::applyMigrations(connection);
    }
    models::EngineStatus status;
    widgets::LanguageSwitcher languages;
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("en")));
    widgets::MainWindow window(&status, &languages);
    QAction* action = window.anomalySettings()->action();
    EXPECT_FALSE(action->isEnabled()); // no database yet
    window.openEvents(QString::fromStdString(db.conninfo()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_TRUE(window.detectionMenu()->actions().contains(action));
    EXPECT_EQ(action->text(), QStringLiteral("&Anomaly Detectors…"));
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    ASSERT_TRUE(action->isEnabled());
    action->trigger();
    AnomalySettingsDialog* dialog = window.anomalySettings()->dialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->currentId().isEmpty(); }, 30000));
    EXPECT_EQ(dialog->list()->model()->rowCount(), window.anomalySettings()->service()->model()->rowCount());
    dialog->close();
}

} // namespace
