// Escalating to level 3 from the incident view, over a real database: the escalation dialog
// refuses an incomplete form (it stays open, outlines what is missing and names each missing
// part; nothing is stored), and a complete one escalates the ticket (state escalated, tier L3,
// an escalations row) and writes the escalation package — a PDF and a JSON file holding the
// ticket and the evidence's raw lines — into the folder chosen. In French, every label, button
// and placeholder of the dialog reads in French (the real catalogue).
#include "incident_gui_fixture.h"

#include "escalation_dialog.h"
#include "language_switcher.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <map>

using namespace vigie;

namespace {

class EscalationDialogTest : public test::IncidentGuiTest {
protected:
    // A ticket in progress with both alerts and one stored event linked (with a note).
    cases::Incident escalatable()
    {
        auto engine = test::startEngine(db_.conninfo());
        engine->submit(test::rfc5424Line(1, QDateTime::currentDateTimeUtc().addSecs(-60)),
                       parse::Format::Auto);
        EXPECT_TRUE(test::waitStored(*engine, 1));
        engine->stop();
        const auto row =
            admin_.exec("SELECT id, (extract(epoch FROM ts) * 1000000)::bigint, raw FROM events");
        cases::EventRef event;
        event.id = std::stoll(std::string(row.text(0, 0)));
        event.ts = Timestamp(std::chrono::microseconds(std::stoll(std::string(row.text(0, 1)))));
        raw_ = std::string(row.text(0, 2));
        const auto incident = ticket("critical", "in_progress", {1, 2});
        cases::IncidentStore(admin_).linkEvent(incident.id, event, "the first failed password");
        return *cases::IncidentStore(admin_).find(incident.id);
    }

    // Opens the escalation dialog through the view's Escalate button.
    widgets::EscalationDialog* openDialog(widgets::IncidentView& view, qint64 id)
    {
        EXPECT_TRUE(showAndWait(view, id));
        QPushButton* escalate = view.transitionButton(QStringLiteral("escalated"));
        EXPECT_NE(escalate, nullptr);
        if (!escalate)
            return nullptr;
        escalate->click();
        EXPECT_NE(view.escalationDialog(), nullptr);
        return view.escalationDialog();
    }

    long long escalations() { return test::scalar(admin_, "SELECT count(*) FROM escalations"); }

    std::string raw_;
};

TEST_F(EscalationDialogTest, RefusesAnIncompleteEscalationNamingWhatIsMissing)
{
    widgets::IncidentView view(attach());
    view.show();
    const auto incident = escalatable();
    widgets::EscalationDialog* dialog = openDialog(view, incident.id);
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->evidenceList()->count(), 3); // two alerts, one event, none checked

    // Only the justification and one impact: Escalate is refused.
    dialog->justificationEdit()->setPlainText(
        QStringLiteral("Root login after a brute force: level 3 forensics."));
    dialog->impactSystemsEdit()->setText(QStringLiteral("web-01"));
    dialog->escalateButton()->click();
    QCoreApplication::processEvents();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->result(), QDialog::Rejected);
    const QString message = dialog->messageText();
    for (const char* part :
         {"impact on data", "impact on users", "actions already taken", "evidence", "receiving team"})
        EXPECT_TRUE(message.contains(QString::fromLatin1(part))) << part << ": " << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("justification")));
    EXPECT_EQ(dialog->missingParts().size(), 5);
    for (QWidget* missing :
         std::initializer_list<QWidget*>{dialog->impactDataEdit(), dialog->impactUsersEdit(),
                                         dialog->actionsEdit(), dialog->evidenceList(), dialog->teamCombo()})
        EXPECT_TRUE(widgets::EscalationDialog::isMarked(missing)) << missing->objectName().toStdString();
    EXPECT_FALSE(widgets::EscalationDialog::isMarked(dialog->justificationEdit()));

    // A part filled in loses its mark and leaves the message.
    dialog->impactDataEdit()->setText(QStringLiteral("none"));
    EXPECT_FALSE(widgets::EscalationDialog::isMarked(dialog->impactDataEdit()));
    EXPECT_FALSE(dialog->messageText().contains(QStringLiteral("impact on data")));
    dialog->escalateButton()->click();
    EXPECT_TRUE(dialog->isVisible());

    // Nothing reached the database.
    QTest::qWait(300);
    EXPECT_EQ(escalations(), 0);
    EXPECT_EQ(cases::IncidentStore(admin_).find(incident.id)->state, "in_progress");
    EXPECT_FALSE(view.isBusy());
    dialog->reject();
}

TEST_F(EscalationDialogTest, CompleteEscalationSetsLevelThreeAndWritesThePackage)
{
    widgets::IncidentView view(attach());
    view.show();
    QSignalSpy escalated(&view, &widgets::IncidentView::escalated);
    const auto incident = escalatable();
    widgets::EscalationDialog* dialog = openDialog(view, incident.id);
    ASSERT_NE(dialog, nullptr);
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());

    dialog->justificationEdit()->setPlainText(
        QStringLiteral("Root login after a brute force: level 3 forensics."));
    dialog->impactSystemsEdit()->setText(QStringLiteral("web-01 (public web front)"));
    dialog->impactDataEdit()->setText(QStringLiteral("customer sessions possibly read"));
    dialog->impactUsersEdit()->setText(QStringLiteral("root, bob"));
    dialog->actionsEdit()->setPlainText(QStringLiteral("Source blocked, bob's password reset."));
    for (int row = 0; row < dialog->evidenceList()->count(); ++row)
        dialog->evidenceList()->item(row)->setCheckState(Qt::Checked);
    dialog->teamCombo()->setEditText(QStringLiteral("CSIRT Paris"));
    dialog->directoryEdit()->setText(folder.path());
    EXPECT_TRUE(dialog->missingParts().isEmpty());
    dialog->escalateButton()->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return view.escalationDialog() == nullptr; }, 5000)); // closed

    ASSERT_TRUE(escalated.wait(20000) || escalated.size() == 1) << view.messageText().toStdString();
    ASSERT_EQ(escalated.size(), 1);
    EXPECT_EQ(escalated[0][0].toLongLong(), incident.id);
    const auto stored = cases::IncidentStore(admin_).find(incident.id);
    EXPECT_EQ(stored->state, "escalated");
    EXPECT_EQ(stored->tier, "l3");
    EXPECT_EQ(escalations(), 1);
    EXPECT_EQ(test::scalar(admin_, "SELECT count(*) FROM escalations WHERE receiving_team = 'CSIRT Paris'"),
              1);
    EXPECT_EQ(QSettings().value(QStringLiteral("incidents/lastTeam")).toString(),
              QStringLiteral("CSIRT Paris"));

    const QStringList files = escalated[0][1].toStringList();
    ASSERT_EQ(files.size(), 2);
    QString pdf, json;
    for (const QString& file : files) {
        EXPECT_TRUE(file.startsWith(folder.path())) << file.toStdString();
        EXPECT_TRUE(QFile::exists(file)) << file.toStdString();
        (file.endsWith(QStringLiteral(".pdf")) ? pdf : json) = file;
    }
    ASSERT_TRUE(json.endsWith(QStringLiteral(".json")));
    ASSERT_FALSE(pdf.isEmpty());
    QFile pdfFile(pdf);
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdfFile.read(5).startsWith("%PDF"));
    QFile jsonFile(json);
    ASSERT_TRUE(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(jsonFile.readAll(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_EQ(document[QStringLiteral("incident")][QStringLiteral("id")].toInteger(), incident.id);
    const QJsonArray events = document[QStringLiteral("evidence")][QStringLiteral("events")].toArray();
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0][QStringLiteral("raw")].toString(), QString::fromStdString(raw_));

    // The view shows the escalated ticket and the files, with a link to their folder.
    ASSERT_TRUE(settled(view, [&] { return view.ticket()->incident.state == "escalated"; }));
    EXPECT_TRUE(view.messageText().contains(QFileInfo(json).fileName())) << view.messageText().toStdString();
    EXPECT_TRUE(view.findChild<QLabel*>(QStringLiteral("incidentMessage"))
                    ->text()
                    .contains(QStringLiteral("<a href")));
    EXPECT_EQ(view.transitionButton(QStringLiteral("escalated")), nullptr);
}

// Every text the analyst reads on the dialog, by the widget (and item) it sits on.
std::map<QString, QString> visibleTexts(QDialog* dialog)
{
    std::map<QString, QString> texts;
    texts[QStringLiteral("window title")] = dialog->windowTitle();
    int n = 0;
    auto key = [&n](const QObject* object, const char* what) {
        return QStringLiteral("%1 %2 #%3").arg(QString::fromLatin1(what), object->objectName()).arg(n++);
    };
    for (const QLabel* label : dialog->findChildren<QLabel*>())
        texts[key(label, "label")] = label->text();
    for (const QAbstractButton* button : dialog->findChildren<QAbstractButton*>())
        texts[key(button, "button")] = button->text();
    for (const QLineEdit* edit : dialog->findChildren<QLineEdit*>())
        texts[key(edit, "placeholder")] = edit->placeholderText();
    for (const QPlainTextEdit* edit : dialog->findChildren<QPlainTextEdit*>())
        texts[key(edit, "placeholder")] = edit->placeholderText();
    for (const QComboBox* combo : dialog->findChildren<QComboBox*>())
        for (int i = 0; i < combo->count(); ++i)
            texts[key(combo, "item")] = combo->itemText(i);
    for (const QListWidget* list : dialog->findChildren<QListWidget*>())
        for (int i = 0; i < list->count(); ++i)
            texts[key(list, "evidence")] = list->item(i)->text();
    return texts;
}

TEST_F(EscalationDialogTest, FrenchRunShowsTheDialogFullyTranslated)
{
    widgets::LanguageSwitcher languages;
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("en")));
    const auto incident = escalatable();
    const auto ticket = cases::IncidentStore(admin_).ticket(incident.id);
    ASSERT_TRUE(ticket.has_value());
    widgets::EscalationDialog dialog(*ticket);
    dialog.show();
    // The refusal message is part of what the analyst reads.
    dialog.escalateButton()->click();
    const auto english = visibleTexts(&dialog);

    ASSERT_TRUE(languages.setLanguage(QStringLiteral("fr")));
    QCoreApplication::processEvents();
    const auto french = visibleTexts(&dialog);
    ASSERT_EQ(french.size(), english.size());
    int compared = 0;
    for (const auto& [where, source] : english) {
        if (source.isEmpty())
            continue;
        ++compared;
        EXPECT_NE(french.at(where).toStdString(), source.toStdString())
            << "still English: " << where.toStdString();
    }
    EXPECT_GE(compared, 25);
    EXPECT_TRUE(dialog.messageText().contains(QStringLiteral("équipe destinataire")))
        << dialog.messageText().toStdString();
    ASSERT_TRUE(languages.setLanguage(QStringLiteral("en")));
}

} // namespace
