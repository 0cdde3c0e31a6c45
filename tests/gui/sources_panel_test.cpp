// The Sources panel over a real engine and database: a source added through the dialog is
// saved in the `sources` table and listens at once (lines sent to it are stored); the row's
// check box disables it (the listener goes) and Ctrl+Z brings it back; an edit moves the
// listener; a delete asks first and Ctrl+Z restores the source with its id. A TLS source whose
// certificate is missing shows the engine's error in its row and breaks nothing. At start-up
// the session starts every enabled source.
#include "gui_test_support.h"
#include "support/test_database.h"

#include "source_dialog.h"
#include "source_service.h"
#include "sources_panel.h"
#include "workstation_session.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>

#include <algorithm>

using namespace vigie;
using models::SourceConfig;
using models::SourceListModel;
using models::SourceState;

namespace {

bool engineListensAs(const ingest::Engine& engine, const std::string& name)
{
    const auto bound = engine.boundListeners();
    return std::any_of(bound.begin(), bound.end(),
                       [&name](const ingest::ListenSpec& spec) { return spec.name == name; });
}

void typeInto(QWidget* field, const QString& text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

void clickOk(QDialog* dialog)
{
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

class SourcesPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        engine_ = test::startEngine(db_.conninfo());
        QSignalSpy loaded(&service_, &models::SourceService::loaded);
        ASSERT_TRUE(service_.attach(engine_.get(), QString::fromStdString(db_.conninfo())));
        ASSERT_TRUE(loaded.wait(20000));
    }

    void TearDown() override
    {
        service_.detach();
        engine_->stop();
    }

    // Waits until no request is pending and the row of `id` is in `kind`.
    bool waitState(qint64 id, SourceState::Kind kind)
    {
        return QTest::qWaitFor(
            [&] {
                const int row = service_.model()->rowOfId(id);
                return service_.pendingRequests() == 0 && row >= 0 &&
                       service_.model()->entry(row).state.kind == kind;
            },
            20000);
    }

    QList<QVariantList> sourceRows()
    {
        return test::queryRows(db_.conninfo(),
                               QStringLiteral("SELECT id, name, protocol, address, port, format, enabled, "
                                              "tls_certificate FROM sources ORDER BY id"));
    }

    test::TestDatabase db_{"gui_sources"};
    std::unique_ptr<ingest::Engine> engine_;
    models::SourceService service_;
};

TEST_F(SourcesPanelTest, AddDisableUndoEditDeleteAndUndoThroughThePanel)
{
    SourceListModel* model = service_.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    widgets::SourcesPanel panel(&service_);
    panel.resize(900, 300);
    panel.show();
    panel.activateWindow(); // for the shortcuts
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    EXPECT_EQ(model->rowCount(), 0);

    // Add: OK with no name keeps the dialog open and says why, under the name field.
    panel.addSourceAction()->trigger();
    widgets::SourceDialog* dialog = panel.openDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    clickOk(dialog);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->problemText(SourceConfig::Field::Name), QStringLiteral("Give the source a name."));
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("Edge TCP"));
    EXPECT_TRUE(dialog->problemText(SourceConfig::Field::Name).isEmpty());
    auto* address = dialog->findChild<QLineEdit*>(QStringLiteral("addressEdit"));
    typeInto(address, QStringLiteral("localhost"));
    EXPECT_FALSE(dialog->problemText(SourceConfig::Field::Address).isEmpty());
    typeInto(address, QStringLiteral("127.0.0.1"));
    EXPECT_TRUE(dialog->problemText(SourceConfig::Field::Address).isEmpty());
    typeInto(dialog->findChild<QSpinBox*>(QStringLiteral("portSpin")), QStringLiteral("0"));
    auto* format = dialog->findChild<QComboBox*>(QStringLiteral("formatCombo"));
    format->setCurrentIndex(format->findData(static_cast<int>(parse::Format::Rfc5424)));
    EXPECT_FALSE(dialog->findChild<QWidget*>(QStringLiteral("tlsGroup"))->isEnabled());
    clickOk(dialog);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.openDialog() == nullptr; }, 2000));

    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model->rowCount() == 1 && service_.pendingRequests() == 0; }, 20000));
    const qint64 id = model->entry(0).config.id;
    ASSERT_TRUE(waitState(id, SourceState::Kind::Listening)) << model->entry(0).state.message.toStdString();
    const int port = model->entry(0).state.boundPort;
    ASSERT_GT(port, 0);
    EXPECT_EQ(model->index(0, SourceListModel::StateColumn).data().toString(),
              QStringLiteral("Listening on port %1").arg(port));
    // Saved...
    auto rows = sourceRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][0].toLongLong(), id);
    EXPECT_EQ(rows[0][1].toString(), QStringLiteral("Edge TCP"));
    EXPECT_EQ(rows[0][2].toString(), QStringLiteral("tcp"));
    EXPECT_EQ(rows[0][3].toString(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(rows[0][4].toInt(), 0);
    EXPECT_EQ(rows[0][5].toString(), QStringLiteral("rfc5424"));
    EXPECT_TRUE(rows[0][6].toBool());
    EXPECT_TRUE(rows[0][7].isNull());
    // ...and listening: lines sent to it are stored.
    ASSERT_TRUE(engineListensAs(*engine_, "Edge TCP"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::string lines;
    for (int n = 0; n < 3; ++n)
        lines += test::rfc5424Line(n, now.addMSecs(n)) + "\n";
    ASSERT_TRUE(test::sendTcp(static_cast<std::uint16_t>(port), lines));
    ASSERT_TRUE(test::waitStored(*engine_, 3));

    // Disable with the row's check box (Space on the cell): the listener goes.
    panel.view()->setFocus();
    panel.view()->setCurrentIndex(model->index(0, SourceListModel::EnabledColumn));
    QTest::keyClick(panel.view(), Qt::Key_Space);
    ASSERT_TRUE(waitState(id, SourceState::Kind::Disabled));
    EXPECT_EQ(model->index(0, SourceListModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
              Qt::Unchecked);
    EXPECT_FALSE(engineListensAs(*engine_, "Edge TCP"));
    EXPECT_FALSE(sourceRows()[0][6].toBool());
    EXPECT_FALSE(test::sendTcp(static_cast<std::uint16_t>(port), "<13>1 - - - - - - gone\n"));

    // Ctrl+Z enables it again.
    ASSERT_TRUE(panel.undoAction()->isEnabled());
    panel.activateWindow(); // the dialog had the focus
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    QTest::keyClick(panel.view(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(waitState(id, SourceState::Kind::Listening));
    EXPECT_TRUE(engineListensAs(*engine_, "Edge TCP"));
    EXPECT_TRUE(sourceRows()[0][6].toBool());

    // Edit: a new name and format; the old listener goes, the new one listens.
    panel.view()->setCurrentIndex(model->index(0, SourceListModel::NameColumn));
    panel.editSourceAction()->trigger();
    dialog = panel.openDialog();
    ASSERT_NE(dialog, nullptr);
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("Edge TCP (auto)"));
    format = dialog->findChild<QComboBox*>(QStringLiteral("formatCombo"));
    format->setCurrentIndex(format->findData(static_cast<int>(parse::Format::Auto)));
    clickOk(dialog);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return service_.pendingRequests() == 0 &&
                   model->entry(0).config.name == QStringLiteral("Edge TCP (auto)");
        },
        20000));
    ASSERT_TRUE(waitState(id, SourceState::Kind::Listening));
    EXPECT_TRUE(engineListensAs(*engine_, "Edge TCP (auto)"));
    EXPECT_FALSE(engineListensAs(*engine_, "Edge TCP"));
    rows = sourceRows();
    EXPECT_EQ(rows[0][1].toString(), QStringLiteral("Edge TCP (auto)"));
    EXPECT_EQ(rows[0][5].toString(), QStringLiteral("auto"));

    // Delete asks first; Cancel keeps the source.
    panel.deleteSourceAction()->trigger();
    QMessageBox* confirmation = panel.openConfirmation();
    ASSERT_NE(confirmation, nullptr);
    EXPECT_TRUE(confirmation->text().contains(QStringLiteral("Edge TCP (auto)")));
    QTest::mouseClick(confirmation->button(QMessageBox::Cancel), Qt::LeftButton);
    QCoreApplication::processEvents();
    EXPECT_EQ(model->rowCount(), 1);
    panel.deleteSourceAction()->trigger();
    confirmation = panel.openConfirmation();
    ASSERT_NE(confirmation, nullptr);
    QAbstractButton* remove = nullptr;
    for (QAbstractButton* button : confirmation->buttons()) {
        if (confirmation->buttonRole(button) == QMessageBox::DestructiveRole)
            remove = button;
    }
    ASSERT_NE(remove, nullptr);
    QTest::mouseClick(remove, Qt::LeftButton);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model->rowCount() == 0 && service_.pendingRequests() == 0; }, 20000));
    EXPECT_TRUE(sourceRows().isEmpty());
    EXPECT_FALSE(engineListensAs(*engine_, "Edge TCP (auto)"));

    // Ctrl+Z puts it back with its id, listening again.
    panel.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == 1; }, 20000));
    ASSERT_TRUE(waitState(id, SourceState::Kind::Listening));
    EXPECT_TRUE(engineListensAs(*engine_, "Edge TCP (auto)"));
    rows = sourceRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][0].toLongLong(), id);
    EXPECT_TRUE(panel.messageText().isEmpty());

    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        panel.grab().save(dir + QStringLiteral("/sources_panel.png"));
}

TEST_F(SourcesPanelTest, TlsSourceWithAMissingCertificateShowsTheErrorInItsRow)
{
    SourceListModel* model = service_.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    widgets::SourcesPanel panel(&service_);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));

    panel.addSourceAction()->trigger();
    widgets::SourceDialog* dialog = panel.openDialog();
    ASSERT_NE(dialog, nullptr);
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("Firewalls TLS"));
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("addressEdit")), QStringLiteral("127.0.0.1"));
    auto* protocol = dialog->findChild<QComboBox*>(QStringLiteral("protocolCombo"));
    protocol->setCurrentIndex(protocol->findData(static_cast<int>(ingest::ListenSpec::Protocol::Tls)));
    EXPECT_TRUE(dialog->findChild<QWidget*>(QStringLiteral("tlsGroup"))->isEnabled());
    EXPECT_EQ(dialog->findChild<QSpinBox*>(QStringLiteral("portSpin"))->value(), 6514);
    typeInto(dialog->findChild<QSpinBox*>(QStringLiteral("portSpin")), QStringLiteral("0"));
    // Without certificate and key the dialog refuses, field by field.
    clickOk(dialog);
    ASSERT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->problemText(SourceConfig::Field::TlsCertificate).isEmpty());
    EXPECT_FALSE(dialog->problemText(SourceConfig::Field::TlsPrivateKey).isEmpty());
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("certificateEdit")),
             QStringLiteral("/nonexistent/server.pem"));
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("privateKeyEdit")),
             QStringLiteral("/nonexistent/server.key"));
    // A missing file is a warning: the path may be right on the collector.
    EXPECT_EQ(dialog->problemText(SourceConfig::Field::TlsCertificate),
              QStringLiteral("This file does not exist on this computer."));
    clickOk(dialog);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.openDialog() == nullptr; }, 2000));

    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model->rowCount() == 1 && service_.pendingRequests() == 0; }, 20000));
    const models::SourceEntry entry = model->entry(0);
    EXPECT_EQ(entry.state.kind, SourceState::Kind::Error);
    EXPECT_FALSE(entry.state.message.isEmpty());
    EXPECT_TRUE(model->index(0, SourceListModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Error: ")));
    EXPECT_TRUE(model->index(0, 0).data(SourceListModel::ErrorRole).toBool());
    EXPECT_FALSE(engineListensAs(*engine_, "Firewalls TLS"));
    // Saved as configured, paths only.
    const auto rows = sourceRows();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][2].toString(), QStringLiteral("tls"));
    EXPECT_EQ(rows[0][7].toString(), QStringLiteral("/nonexistent/server.pem"));

    // A second source may not take its name.
    panel.addSourceAction()->trigger();
    dialog = panel.openDialog();
    ASSERT_NE(dialog, nullptr);
    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("Firewalls TLS"));
    EXPECT_EQ(dialog->problemText(SourceConfig::Field::Name),
              QStringLiteral("Another source is already called “Firewalls TLS”."));
    dialog->reject();

    // The engine still works.
    ASSERT_TRUE(engine_->submit(test::rfc5424Line(1, QDateTime::currentDateTimeUtc()), parse::Format::Auto));
    ASSERT_TRUE(test::waitStored(*engine_, 1));
    if (const QString dir = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !dir.isEmpty())
        panel.grab().save(dir + QStringLiteral("/sources_panel_tls_error.png"));
}

TEST(SourcesAtStartTest, TheSessionStartsEveryEnabledSource)
{
    test::TestDatabase db("gui_sources_start");
    {
        auto engine = test::startEngine(db.conninfo()); // applies the migrations
        engine->stop();
    }
    test::queryRows(
        db.conninfo(),
        QStringLiteral("INSERT INTO sources (name, protocol, address, port, format, enabled) VALUES "
                       "('on', 'tcp', '127.0.0.1', 0, 'auto', true), "
                       "('off', 'udp', '127.0.0.1', 0, 'auto', false) RETURNING id"));

    models::SessionConfig config;
    config.conninfo = QString::fromStdString(db.conninfo());
    models::WorkstationSession session(config);
    QSignalSpy ready(&session, &models::WorkstationSession::ready);
    QSignalSpy loaded(session.sources(), &models::SourceService::loaded);
    session.start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ready.isEmpty(); }, 60000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 20000));
    SourceListModel* model = session.sources()->model();
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->entry(0).config.name, QStringLiteral("off")); // in name order
    for (int row = 0; row < 2; ++row) {
        const auto& entry = model->entry(row);
        EXPECT_EQ(entry.state.kind,
                  entry.config.enabled ? SourceState::Kind::Listening : SourceState::Kind::Disabled)
            << entry.config.name.toStdString();
    }
    EXPECT_TRUE(engineListensAs(*session.engine(), "on"));
    EXPECT_FALSE(engineListensAs(*session.engine(), "off"));
    session.stop();
}

} // namespace
