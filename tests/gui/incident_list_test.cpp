// The incident list as an analyst drives it, over a real database with tickets written by
// cases::IncidentStore (the superuser is the analyst, tier admin): the Open view by default, most
// severe first; each filter through the panel's own controls (My incidents, Unassigned, SLA
// breached, the state choice, the severity and tier menus, the text box with "#id", Clear
// filters) with the count "N of M incidents · K SLA breached"; Ctrl+F focuses the text box and
// Enter opens a ticket; selecting a ticket the filters hide clears them; New Incident… (Ctrl+N)
// creates a ticket that is then listed and current; Merge Into… merges the current ticket into
// the one chosen in its dialog (the source ends Merged, out of the Open view). The filter model
// runs under QAbstractItemModelTester throughout.
#include "incident_gui_fixture.h"

#include "incident_filter_model.h"
#include "incident_list_model.h"
#include "incident_list_panel.h"
#include "incident_picker.h"
#include "link_to_incident_dialog.h"
#include "merge_incident_dialog.h"
#include "new_incident_dialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>

#include <optional>

using namespace vigie;
using models::IncidentListModel;
using widgets::IncidentListPanel;

namespace {

class IncidentListTest : public test::IncidentGuiTest {
protected:
    void SetUp() override
    {
        IncidentGuiTest::SetUp();
        me_ = std::string(admin_.exec("SELECT session_user::text").text(0, 0));
        ransomware_ = make("Ransomware note on fs-02", "critical", me_, {"triage"});
        portScan_ = make("Port scan from 192.0.2.9", "medium", std::nullopt, {});
        phishing_ =
            make("Phishing mail reported by finance", "high", "alice", {"triage", "in_progress"}, "l2");
        // A 0 h SLA for low tickets: this one is past its due time as soon as it exists.
        admin_.execScript("INSERT INTO settings (key, value) VALUES ('incidents.sla_hours.low', '0')");
        usb_ = make("USB storage on kiosk-3", "low", std::nullopt, {});
        admin_.execScript("DELETE FROM settings WHERE key = 'incidents.sla_hours.low'");
        benign_ = make("Backup job flagged as exfiltration", "medium", me_, {"false_positive"});
    }

    qint64 make(const std::string& title, const std::string& severity, std::optional<std::string> assignee,
                const std::vector<std::string>& path, const std::string& tier = "l1")
    {
        cases::IncidentStore store(admin_);
        cases::NewIncident incident;
        incident.title = title;
        incident.severity = severity;
        incident.assignee = std::move(assignee);
        auto made = store.create(incident);
        if (tier != "l1") {
            cases::IncidentChanges changes;
            changes.tier = tier;
            made = store.update(made.id, made.version, changes);
        }
        for (const std::string& state : path)
            made = store.transition(made.id, state, made.version);
        return made.id;
    }

    // A panel over a service attached as the superuser, shown and active (for the shortcuts),
    // its first read listed.
    void open()
    {
        service_ = attach();
        panel_ = std::make_unique<IncidentListPanel>(service_);
        tester_ = std::make_unique<QAbstractItemModelTester>(
            panel_->filterModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        panel_->resize(1200, 420);
        panel_->show();
        panel_->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(panel_.get()));
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->view()->model()->rowCount() == 4; }, 20000));
    }

    // The tickets listed, top to bottom.
    QList<qint64> listed() const
    {
        QList<qint64> ids;
        QAbstractItemModel* model = panel_->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(IncidentListModel::IdRole).toLongLong();
        return ids;
    }

    // Checks (or unchecks) the entry `key` of a severity or tier menu, as a click on it does.
    static void choose(QToolButton* button, const QString& key)
    {
        for (QAction* action : button->menu()->actions()) {
            if (action->data().toString() == key) {
                action->trigger();
                return;
            }
        }
        ADD_FAILURE() << "no menu entry " << key.toStdString();
    }

    static void screenshot(QWidget* widget, const QString& name)
    {
        if (const QString shots = qEnvironmentVariable("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QTest::qWait(300);
            widget->grab().save(shots + QLatin1Char('/') + name);
        }
    }

    std::string me_;
    qint64 ransomware_ = 0, portScan_ = 0, phishing_ = 0, usb_ = 0, benign_ = 0;
    models::IncidentService* service_ = nullptr;
    std::unique_ptr<IncidentListPanel> panel_;
    std::unique_ptr<QAbstractItemModelTester> tester_;
};

TEST_F(IncidentListTest, ListsTheOpenTicketsMostSevereFirstWithTheBreachedOneInRed)
{
    open();
    // Open by default: the false positive is left out. Critical, high, medium, low.
    EXPECT_EQ(panel_->stateCombo()->currentText(), QStringLiteral("Open"));
    EXPECT_EQ(listed(), (QList<qint64>{ransomware_, phishing_, portScan_, usb_}));
    EXPECT_EQ(panel_->countText(), QStringLiteral("4 of 5 incident(s) · 1 SLA breached"));
    QAbstractItemModel* model = panel_->view()->model();
    EXPECT_EQ(model->headerData(IncidentListModel::SeverityColumn, Qt::Horizontal).toString(),
              QStringLiteral("Severity"));
    EXPECT_EQ(model->index(0, IncidentListModel::SeverityColumn).data().toString(),
              QStringLiteral("Critical"));
    EXPECT_EQ(model->index(1, IncidentListModel::TierColumn).data().toString(), QStringLiteral("L2"));
    EXPECT_EQ(model->index(1, IncidentListModel::AssigneeColumn).data().toString(), QStringLiteral("alice"));
    const QModelIndex usbSla = model->index(3, IncidentListModel::SlaColumn);
    EXPECT_TRUE(usbSla.data(IncidentListModel::SlaBreachedRole).toBool());
    EXPECT_TRUE(usbSla.data().toString().startsWith(QStringLiteral("breached")))
        << usbSla.data().toString().toStdString();
    EXPECT_FALSE(
        model->index(0, IncidentListModel::SlaColumn).data(IncidentListModel::SlaBreachedRole).toBool());
    EXPECT_EQ(panel_->view()->horizontalHeader()->sortIndicatorSection(),
              int(IncidentListModel::SeverityColumn));
    EXPECT_EQ(panel_->view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    screenshot(panel_.get(), QStringLiteral("incident_list.png"));
}

TEST_F(IncidentListTest, EveryFilterWorksThroughThePanelsControls)
{
    open();
    // My incidents: the open ones assigned to me.
    panel_->mineToggle()->click();
    EXPECT_EQ(listed(), QList<qint64>{ransomware_});
    EXPECT_EQ(panel_->countText(), QStringLiteral("1 of 5 incident(s) · 1 SLA breached"));
    // Unassigned excludes My incidents.
    panel_->unassignedToggle()->click();
    EXPECT_FALSE(panel_->mineToggle()->isChecked());
    EXPECT_EQ(listed(), (QList<qint64>{portScan_, usb_}));
    panel_->unassignedToggle()->click();

    panel_->breachedToggle()->click();
    EXPECT_EQ(listed(), QList<qint64>{usb_});
    screenshot(panel_.get(), QStringLiteral("incident_list_breached.png"));
    panel_->breachedToggle()->click();

    // The state choice: every state, then one.
    QComboBox* state = panel_->stateCombo();
    state->setCurrentIndex(state->findText(QStringLiteral("All states")));
    EXPECT_EQ(listed().size(), 5);
    state->setCurrentIndex(state->findText(QStringLiteral("False positive")));
    EXPECT_EQ(listed(), QList<qint64>{benign_});
    state->setCurrentIndex(state->findText(QStringLiteral("Triage")));
    EXPECT_EQ(listed(), QList<qint64>{ransomware_});
    state->setCurrentIndex(state->findText(QStringLiteral("Open")));

    // Severities: any of those checked; the button says which.
    choose(panel_->severityButton(), QStringLiteral("high"));
    choose(panel_->severityButton(), QStringLiteral("critical"));
    EXPECT_EQ(listed(), (QList<qint64>{ransomware_, phishing_}));
    EXPECT_EQ(panel_->severityButton()->text(), QStringLiteral("Severity: High, Critical"));
    choose(panel_->severityButton(), QStringLiteral("critical"));
    EXPECT_EQ(listed(), QList<qint64>{phishing_});
    choose(panel_->severityButton(), QStringLiteral("high"));
    EXPECT_EQ(panel_->severityButton()->text(), QStringLiteral("Severity"));

    choose(panel_->tierButton(), QStringLiteral("l2"));
    EXPECT_EQ(listed(), QList<qint64>{phishing_});
    EXPECT_EQ(panel_->tierButton()->text(), QStringLiteral("Tier: L2"));
    choose(panel_->tierButton(), QStringLiteral("l2"));

    // Text: words of the title, or the ticket's number.
    QTest::keyClicks(panel_->textFilter(), QStringLiteral("PHISHING finance"));
    EXPECT_EQ(listed(), QList<qint64>{phishing_});
    panel_->textFilter()->setText(QStringLiteral("#%1").arg(portScan_));
    EXPECT_EQ(listed(), QList<qint64>{portScan_});
    panel_->textFilter()->setText(QStringLiteral("nothing like this"));
    EXPECT_TRUE(listed().isEmpty());
    EXPECT_EQ(panel_->findChild<QLabel*>(QStringLiteral("incidentsPlaceholder"))->text(),
              QStringLiteral("No incident matches these filters."));
    EXPECT_TRUE(panel_->findChild<QLabel*>(QStringLiteral("incidentsPlaceholder"))->isVisible());

    // Clear filters: every ticket, every control back.
    panel_->breachedToggle()->click();
    panel_->clearFiltersButton()->click();
    EXPECT_EQ(listed().size(), 5);
    EXPECT_EQ(state->currentText(), QStringLiteral("All states"));
    EXPECT_FALSE(panel_->breachedToggle()->isChecked());
    EXPECT_TRUE(panel_->textFilter()->text().isEmpty());
    EXPECT_FALSE(panel_->clearFiltersButton()->isEnabled());
    EXPECT_EQ(panel_->countText(), QStringLiteral("5 incident(s) · 1 SLA breached"));
}

TEST_F(IncidentListTest, KeyboardFindsOpensAndSelectsTickets)
{
    open();
    QSignalSpy current(panel_.get(), &IncidentListPanel::currentIncidentChanged);
    QSignalSpy activated(panel_.get(), &IncidentListPanel::incidentActivated);
    panel_->view()->setFocus();
    panel_->view()->setCurrentIndex(panel_->view()->model()->index(1, IncidentListModel::TitleColumn));
    ASSERT_FALSE(current.isEmpty());
    EXPECT_EQ(current.last().at(0).toLongLong(), phishing_);
    EXPECT_EQ(panel_->currentIncidentId(), phishing_);
    QTest::keyClick(panel_->view(), Qt::Key_Return);
    ASSERT_EQ(activated.size(), 1);
    EXPECT_EQ(activated.last().at(0).toLongLong(), phishing_);

    QTest::keyClick(panel_->view(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(panel_->textFilter()->hasFocus());
    EXPECT_EQ(panel_->newIncidentAction()->shortcut(), QKeySequence(QKeySequence::New));
    EXPECT_EQ(panel_->newIncidentAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
    EXPECT_EQ(panel_->refreshAction()->shortcut(), QKeySequence(QKeySequence::Refresh));

    // A ticket the Open view hides (the false positive): the filters give way.
    panel_->breachedToggle()->click();
    panel_->selectIncident(benign_);
    EXPECT_EQ(panel_->currentIncidentId(), benign_);
    EXPECT_EQ(panel_->stateCombo()->currentText(), QStringLiteral("All states"));
    EXPECT_FALSE(panel_->breachedToggle()->isChecked());
    EXPECT_EQ(current.last().at(0).toLongLong(), benign_);
    // Done with: it cannot be merged.
    EXPECT_FALSE(panel_->mergeAction()->isEnabled());
}

TEST_F(IncidentListTest, NewIncidentDialogCreatesAListedCurrentTicket)
{
    open();
    panel_->view()->setFocus();
    QTest::keyClick(panel_->view(), Qt::Key_N, Qt::ControlModifier);
    widgets::NewIncidentDialog* dialog = panel_->newIncidentDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    QPushButton* create = dialog->buttons()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(create->isEnabled()); // no title yet
    QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Beaconing to 203.0.113.50"));
    EXPECT_TRUE(create->isEnabled());
    dialog->descriptionEdit()->setPlainText(QStringLiteral("Every 60 s from ws-17 since 09:12."));
    dialog->severityCombo()->setCurrentIndex(dialog->severityCombo()->findText(QStringLiteral("High")));
    dialog->priorityBox()->setValue(2);
    QComboBox* assignee = dialog->assigneeCombo();
    EXPECT_EQ(assignee->itemText(0), QStringLiteral("Unassigned"));
    assignee->setCurrentIndex(assignee->findData(QString::fromStdString(me_)));
    EXPECT_EQ(assignee->currentText(), QStringLiteral("Me (%1)").arg(QString::fromStdString(me_)));
    dialog->tagsEdit()->setText(QStringLiteral("T1071.001, command and control, T1071.001"));
    create->click();

    // Listed, current, and stored as filled in.
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->view()->model()->rowCount() == 5; }, 15000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->currentIncidentId() != 0; }, 15000));
    const qint64 id = panel_->currentIncidentId();
    EXPECT_EQ(
        panel_->view()->currentIndex().siblingAtColumn(IncidentListModel::TitleColumn).data().toString(),
        QStringLiteral("Beaconing to 203.0.113.50"));
    const auto rows = test::queryRows(
        db_.conninfo(),
        QStringLiteral(
            "SELECT title, description, severity, priority, assignee, array_to_string(attack_tags, ','), "
            "state FROM incidents WHERE id = ?"),
        {id});
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][0].toString(), QStringLiteral("Beaconing to 203.0.113.50"));
    EXPECT_EQ(rows[0][1].toString(), QStringLiteral("Every 60 s from ws-17 since 09:12."));
    EXPECT_EQ(rows[0][2].toString(), QStringLiteral("high"));
    EXPECT_EQ(rows[0][3].toInt(), 2);
    EXPECT_EQ(rows[0][4].toString(), QString::fromStdString(me_));
    EXPECT_EQ(rows[0][5].toString(), QStringLiteral("attack.t1071.001,attack.command_and_control"));
    EXPECT_EQ(rows[0][6].toString(), QStringLiteral("new"));
    EXPECT_TRUE(panel_->messageText().isEmpty());
    // Mine now lists it beside the ransomware ticket.
    panel_->mineToggle()->click();
    EXPECT_EQ(listed(), (QList<qint64>{ransomware_, id}));
}

TEST_F(IncidentListTest, MergeIntoMovesTheCurrentTicketIntoTheChosenOne)
{
    open();
    panel_->selectIncident(portScan_);
    ASSERT_TRUE(panel_->mergeAction()->isEnabled());
    panel_->mergeAction()->trigger();
    widgets::MergeIncidentDialog* dialog = panel_->mergeDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    EXPECT_EQ(dialog->sourceId(), portScan_);
    // Every other open ticket is offered, not the source, not the false positive.
    widgets::IncidentPicker* picker = dialog->picker();
    EXPECT_EQ(picker->count(), 3);
    EXPECT_FALSE(picker->select(portScan_));
    EXPECT_FALSE(picker->select(benign_));
    QTest::keyClicks(picker->filterEdit(), QStringLiteral("ransomware"));
    EXPECT_EQ(picker->count(), 1);
    EXPECT_EQ(dialog->targetId(), ransomware_); // the only match is chosen
    QPushButton* merge = dialog->buttons()->button(QDialogButtonBox::Ok);
    EXPECT_EQ(merge->text(), QStringLiteral("&Merge #%1 into #%2").arg(portScan_).arg(ransomware_));
    screenshot(dialog, QStringLiteral("merge_incident_dialog.png"));
    merge->click();

    // The source leaves the Open view; the target is current.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !listed().contains(portScan_); }, 15000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel_->currentIncidentId() == ransomware_; }, 15000));
    EXPECT_TRUE(panel_->messageText().isEmpty());
    const auto rows = test::queryRows(
        db_.conninfo(), QStringLiteral("SELECT state, merged_into FROM incidents WHERE id = ?"), {portScan_});
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0][0].toString(), QStringLiteral("merged"));
    EXPECT_EQ(rows[0][1].toLongLong(), ransomware_);
    QComboBox* state = panel_->stateCombo();
    state->setCurrentIndex(state->findText(QStringLiteral("Merged")));
    EXPECT_EQ(listed(), QList<qint64>{portScan_});
}

TEST_F(IncidentListTest, LinkDialogOffersTheOpenTicketsWithANoteForEvents)
{
    open();
    widgets::LinkToIncidentDialog events(service_, 3, true);
    EXPECT_EQ(events.picker()->count(), 4);
    EXPECT_TRUE(events.noteEdit()->isVisibleTo(&events));
    EXPECT_TRUE(events.picker()->select(usb_));
    EXPECT_EQ(events.incidentId(), usb_);
    events.noteEdit()->setText(QStringLiteral("  first copy to the stick  "));
    EXPECT_EQ(events.note(), QStringLiteral("first copy to the stick"));
    EXPECT_EQ(events.buttons()->button(QDialogButtonBox::Ok)->text(),
              QStringLiteral("&Add to #%1").arg(usb_));

    widgets::LinkToIncidentDialog alerts(service_, 2, false);
    EXPECT_FALSE(alerts.noteEdit()->isVisibleTo(&alerts));
    EXPECT_TRUE(alerts.note().isEmpty());
    alerts.picker()->filterEdit()->setText(QStringLiteral("nothing like this"));
    EXPECT_EQ(alerts.incidentId(), 0);
    EXPECT_FALSE(alerts.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
}

} // namespace
