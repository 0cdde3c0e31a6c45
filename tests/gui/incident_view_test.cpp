// The incident view from the analyst's side, over a real database and real analysts (LOGIN
// roles of a tier): the transition buttons offer only the moves allowed for the ticket's state
// and the analyst's tier, each moving the ticket in the database; Resolve asks for a code and
// a summary before it resolves; an edit made on a copy someone changed meanwhile is refused,
// the message bar says who changed it and the current values show.
#include "incident_gui_fixture.h"

#include "incident_edit_dialog.h"
#include "incident_labels.h"
#include "resolve_dialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace vigie;

namespace {

using IncidentViewTest = test::IncidentGuiTest;

QStringList states(std::initializer_list<const char*> keys)
{
    QStringList list;
    for (const char* key : keys)
        list << QString::fromLatin1(key);
    return list;
}

TEST_F(IncidentViewTest, TransitionButtonsFollowTheStateAndTheTier)
{
    models::IncidentService* service = attach();
    ASSERT_EQ(service->analyst().tier, "admin");
    widgets::IncidentView view(service);
    view.show();
    const auto fresh = ticket("critical", "new");
    ASSERT_TRUE(showAndWait(view, fresh.id));
    EXPECT_EQ(view.transitionStates(), states({"triage", "false_positive"}));
    QPushButton* triage = view.transitionButton(QStringLiteral("triage"));
    ASSERT_NE(triage, nullptr);
    EXPECT_EQ(triage->text(),
              models::IncidentLabels::transitionAction(QStringLiteral("new"), QStringLiteral("triage")));
    EXPECT_EQ(view.findChild<QLabel*>(QStringLiteral("incidentTitle"))->text(),
              QStringLiteral("Suspicious logins on web-01"));

    // A click moves the ticket; the buttons follow its new state.
    triage->click();
    ASSERT_TRUE(settled(view, [&] { return view.ticket()->incident.state == "triage"; }));
    EXPECT_EQ(cases::IncidentStore(admin_).find(fresh.id)->state, "triage");
    EXPECT_EQ(view.transitionStates(), states({"in_progress", "false_positive"}));
    view.transitionButton(QStringLiteral("in_progress"))->click();
    ASSERT_TRUE(settled(view, [&] { return view.ticket()->incident.state == "in_progress"; }));
    EXPECT_TRUE(view.transitionStates().contains(QStringLiteral("escalated")));
    EXPECT_TRUE(view.transitionStates().contains(QStringLiteral("resolved")));

    // Level 1 on the same critical ticket in progress: no escalation, no false positive, no close.
    widgets::IncidentView l1View(attach(analyst("l1")));
    ASSERT_TRUE(showAndWait(l1View, fresh.id));
    for (const char* forbidden : {"escalated", "false_positive", "closed"})
        EXPECT_FALSE(l1View.transitionStates().contains(QString::fromLatin1(forbidden))) << forbidden;
    EXPECT_EQ(l1View.transitionButton(QStringLiteral("escalated")), nullptr);

    // Level 2 may escalate it.
    widgets::IncidentView l2View(attach(analyst("l2")));
    ASSERT_TRUE(showAndWait(l2View, fresh.id));
    EXPECT_TRUE(l2View.transitionStates().contains(QStringLiteral("escalated")));
}

TEST_F(IncidentViewTest, ResolveAsksForCodeAndSummaryThenResolves)
{
    widgets::IncidentView view(attach());
    view.show();
    const auto incident = ticket("high", "in_progress");
    ASSERT_TRUE(showAndWait(view, incident.id));
    view.transitionButton(QStringLiteral("resolved"))->click();
    widgets::ResolveDialog* dialog = view.resolveDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->resolveButton()->isEnabled());
    dialog->codeCombo()->setCurrentIndex(
        dialog->codeCombo()->findData(QStringLiteral("true_positive_contained")));
    EXPECT_FALSE(dialog->resolveButton()->isEnabled()); // the summary is missing still
    dialog->summaryEdit()->setPlainText(QStringLiteral("Password reset, source blocked at the firewall."));
    ASSERT_TRUE(dialog->resolveButton()->isEnabled());
    dialog->resolveButton()->click();

    ASSERT_TRUE(settled(view, [&] { return view.ticket()->incident.state == "resolved"; }));
    const auto stored = cases::IncidentStore(admin_).find(incident.id);
    EXPECT_EQ(stored->state, "resolved");
    EXPECT_EQ(stored->resolution_code, "true_positive_contained");
    EXPECT_EQ(stored->resolution_summary, "Password reset, source blocked at the firewall.");
    QStringList next = view.transitionStates();
    next.sort();
    EXPECT_EQ(next, states({"closed", "triage"}));
}

TEST_F(IncidentViewTest, StaleEditIsRefusedWithTheMessageAndTheCurrentValues)
{
    widgets::IncidentView view(attach());
    view.show();
    const auto incident = ticket("medium", "triage");
    ASSERT_TRUE(showAndWait(view, incident.id));

    // The analyst opens Edit… (Ctrl+E) on the version shown...
    view.editAction()->trigger();
    widgets::IncidentEditDialog* dialog = view.editDialog();
    ASSERT_NE(dialog, nullptr);
    // ...while a level-2 colleague retitles the ticket from another workstation.
    const std::string colleague = analyst("l2");
    store::PgConnection other(conninfoOf(colleague));
    cases::IncidentChanges retitle;
    retitle.title = "Port scan from 203.0.113.7";
    cases::IncidentStore(other).update(incident.id, incident.version, retitle);

    dialog->titleEdit()->setText(QStringLiteral("My title"));
    dialog->severityCombo()->setCurrentIndex(dialog->severityCombo()->findData(QStringLiteral("high")));
    dialog->saveButton()->click();

    ASSERT_TRUE(settled(view, [&] { return !view.messageText().isEmpty(); }));
    EXPECT_TRUE(view.messageText().contains(QStringLiteral("meanwhile"))) << view.messageText().toStdString();
    EXPECT_TRUE(view.messageText().contains(QString::fromStdString(colleague)))
        << view.messageText().toStdString();
    // The current values show, and nothing of the refused edit was stored.
    EXPECT_EQ(view.findChild<QLabel*>(QStringLiteral("incidentTitle"))->text(),
              QStringLiteral("Port scan from 203.0.113.7"));
    const auto stored = cases::IncidentStore(admin_).find(incident.id);
    EXPECT_EQ(stored->title, "Port scan from 203.0.113.7");
    EXPECT_EQ(stored->severity, "medium");
    EXPECT_EQ(view.ticket()->incident.version, stored->version);

    // Made again on the current values, the edit goes through.
    view.editAction()->trigger();
    ASSERT_NE(view.editDialog(), nullptr);
    view.editDialog()->severityCombo()->setCurrentIndex(
        view.editDialog()->severityCombo()->findData(QStringLiteral("high")));
    view.editDialog()->saveButton()->click();
    ASSERT_TRUE(settled(view, [&] { return view.ticket()->incident.severity == "high"; }));
    EXPECT_EQ(cases::IncidentStore(admin_).find(incident.id)->severity, "high");
}

TEST_F(IncidentViewTest, AssignToMeAndCommentWithTheKeyboard)
{
    models::IncidentService* service = attach();
    widgets::IncidentView view(service);
    view.show();
    view.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    const auto incident = ticket("low", "new");
    ASSERT_TRUE(showAndWait(view, incident.id));

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(settled(view, [&] { return view.ticket()->incident.assignee.has_value(); }));
    EXPECT_EQ(view.ticket()->incident.assignee, service->analyst().name);
    EXPECT_FALSE(view.assignToMeAction()->isEnabled()); // already mine

    view.tabs()->setCurrentIndex(4);
    view.commentEdit()->setFocus();
    QTest::keyClicks(view.commentEdit(), QStringLiteral("Blocked 203.0.113.7 at the edge."));
    QTest::keyClick(view.commentEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(settled(view, [&] { return view.ticket()->comments.size() == 1; }));
    EXPECT_EQ(view.ticket()->comments[0].body, "Blocked 203.0.113.7 at the edge.");
    EXPECT_TRUE(view.commentEdit()->toPlainText().isEmpty());
}

} // namespace
