// EscalationPackageWriter: the escalation package as a PDF (an HTML report laid out by
// QTextDocument) and as JSON. User text is escaped into the HTML, never interpreted.
#include "escalation_package_writer.h"

#include "incident_labels.h"
#include "incident_time.h"
#include "utf8_text.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>

namespace vigie::widgets {
namespace {

using models::IncidentLabels;
using models::qstr;

QString isoTime(Timestamp ts)
{
    return models::utcDateTime(ts).toString(Qt::ISODateWithMs);
}

QJsonArray textArray(const std::vector<std::string>& values)
{
    QJsonArray array;
    for (const auto& value : values)
        array.append(qstr(value));
    return array;
}

QJsonValue optionalText(const std::optional<std::string>& value)
{
    return value ? QJsonValue(qstr(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject incidentJson(const cases::Incident& incident)
{
    return QJsonObject{
        {QStringLiteral("id"), static_cast<qint64>(incident.id)},
        {QStringLiteral("title"), qstr(incident.title)},
        {QStringLiteral("description"), qstr(incident.description)},
        {QStringLiteral("severity"), qstr(incident.severity)},
        {QStringLiteral("severity_label"), IncidentLabels::severity(qstr(incident.severity))},
        {QStringLiteral("priority"), incident.priority},
        {QStringLiteral("state"), qstr(incident.state)},
        {QStringLiteral("state_label"), IncidentLabels::state(qstr(incident.state))},
        {QStringLiteral("tier"), qstr(incident.tier)},
        {QStringLiteral("assignee"), optionalText(incident.assignee)},
        {QStringLiteral("attack_tags"), textArray(incident.attack_tags)},
        {QStringLiteral("sla_due"), isoTime(incident.sla_due)},
        {QStringLiteral("created_at"), isoTime(incident.created_at)},
        {QStringLiteral("created_by"), qstr(incident.created_by)},
        {QStringLiteral("updated_at"), isoTime(incident.updated_at)},
        {QStringLiteral("version"), incident.version},
    };
}

QJsonObject alertJson(const cases::EvidenceAlert& evidence)
{
    const auto& alert = evidence.alert;
    return QJsonObject{
        {QStringLiteral("id"), static_cast<qint64>(alert.id)},
        {QStringLiteral("rule_id"), qstr(alert.rule_id)},
        {QStringLiteral("rule_title"), qstr(alert.rule_title)},
        {QStringLiteral("level"), qstr(alert.level)},
        {QStringLiteral("host"), qstr(alert.host)},
        {QStringLiteral("entity"), qstr(alert.entity)},
        {QStringLiteral("origin"), qstr(alert.origin)},
        {QStringLiteral("tags"), textArray(alert.tags)},
        {QStringLiteral("first_seen"), isoTime(alert.first_ts)},
        {QStringLiteral("last_seen"), isoTime(alert.last_ts)},
        {QStringLiteral("count"), static_cast<qint64>(alert.count)},
        {QStringLiteral("raw_lines"), textArray(evidence.raw_lines)},
    };
}

QJsonObject eventJson(const cases::LinkedEvent& event)
{
    return QJsonObject{
        {QStringLiteral("id"), static_cast<qint64>(event.ref.id)},
        {QStringLiteral("ts"), isoTime(event.ref.ts)},
        {QStringLiteral("stored"), event.stored},
        {QStringLiteral("host"), qstr(event.host)},
        {QStringLiteral("app"), qstr(event.app)},
        {QStringLiteral("severity"),
         event.severity ? QJsonValue(*event.severity) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("message"), qstr(event.message)},
        {QStringLiteral("raw"), qstr(event.raw)},
        {QStringLiteral("note"), qstr(event.note)},
        {QStringLiteral("linked_by"), qstr(event.added_by)},
    };
}

QByteArray packageJson(const cases::EscalationPackage& package, const QDateTime& generated)
{
    const auto& escalation = package.escalation;
    QJsonArray alerts, events, timeline, comments;
    for (const auto& alert : package.evidence_alerts)
        alerts.append(alertJson(alert));
    for (const auto& event : package.evidence_events)
        events.append(eventJson(event));
    for (const auto& entry : package.history)
        timeline.append(QJsonObject{
            {QStringLiteral("at"), isoTime(entry.at)},
            {QStringLiteral("actor"), qstr(entry.actor)},
            {QStringLiteral("action"), qstr(entry.action)},
            {QStringLiteral("action_label"),
             IncidentLabels::historyAction(qstr(entry.action), qstr(entry.field.value_or(std::string())))},
            {QStringLiteral("field"), optionalText(entry.field)},
            {QStringLiteral("old_value"), optionalText(entry.old_value)},
            {QStringLiteral("new_value"), optionalText(entry.new_value)},
            {QStringLiteral("detail"), optionalText(entry.detail)},
        });
    for (const auto& comment : package.comments)
        comments.append(QJsonObject{{QStringLiteral("at"), isoTime(comment.created_at)},
                                    {QStringLiteral("author"), qstr(comment.author)},
                                    {QStringLiteral("body"), qstr(comment.body)}});
    const QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("vigie-escalation-package")},
        {QStringLiteral("format_version"), 1},
        {QStringLiteral("language"), QLocale().name()},
        {QStringLiteral("generated_at"), generated.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("incident"), incidentJson(package.incident)},
        {QStringLiteral("escalation"),
         QJsonObject{{QStringLiteral("id"), static_cast<qint64>(escalation.id)},
                     {QStringLiteral("escalated_by"), qstr(escalation.escalated_by)},
                     {QStringLiteral("escalated_at"), isoTime(escalation.escalated_at)},
                     {QStringLiteral("justification"), qstr(escalation.justification)},
                     {QStringLiteral("impact"), qstr(escalation.impact)},
                     {QStringLiteral("actions_taken"), qstr(escalation.actions_taken)},
                     {QStringLiteral("receiving_team"), qstr(escalation.receiving_team)}}},
        {QStringLiteral("evidence"),
         QJsonObject{{QStringLiteral("alerts"), alerts}, {QStringLiteral("events"), events}}},
        {QStringLiteral("timeline"), timeline},
        {QStringLiteral("comments"), comments},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// Escaped user text, line breaks kept.
QString html(const std::string& text)
{
    return qstr(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString row(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><th align=left valign=top width=28%>%1</th><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

QString rawBlock(const std::vector<std::string>& lines)
{
    QString block = QStringLiteral("<pre style='font-size:7pt; background:#f2f2f2'>");
    for (const auto& line : lines)
        block += qstr(line).toHtmlEscaped() + QLatin1Char('\n');
    return block + QStringLiteral("</pre>");
}

} // namespace

QString EscalationPackageWriter::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("Vigie/escalations"));
}

bool EscalationPackageWriter::write(const cases::EscalationPackage& package, const QString& directory,
                                    Files* files, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    Files written;
    if (!files)
        files = &written;
    if (!QDir().mkpath(directory))
        return fail(tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory)));
    const auto generated = QDateTime::currentDateTime();
    const auto& incident = package.incident;
    const auto& escalation = package.escalation;
    const QString base =
        QDir(directory).filePath(QStringLiteral("INC-%1-escalation-%2")
                                     .arg(incident.id)
                                     .arg(generated.toString(QStringLiteral("yyyyMMdd-HHmm"))));

    QSaveFile json(base + QStringLiteral(".json"));
    if (!json.open(QIODevice::WriteOnly) || json.write(packageJson(package, generated)) < 0 || !json.commit())
        return fail(
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(json.fileName()), json.errorString()));

    QString body = QStringLiteral("<h2>%1</h2><p>%2</p>")
                       .arg(tr("Escalation to level 3 — incident #%1").arg(incident.id).toHtmlEscaped(),
                            html(incident.title));
    body += QStringLiteral("<h3>%1</h3><table width=100% cellpadding=3>").arg(tr("Incident").toHtmlEscaped());
    body += row(tr("Severity"), IncidentLabels::severity(qstr(incident.severity)).toHtmlEscaped());
    body += row(tr("Priority"), QString::number(incident.priority));
    body += row(tr("State"), IncidentLabels::state(qstr(incident.state)).toHtmlEscaped());
    body +=
        row(tr("Assignee"), incident.assignee ? html(*incident.assignee) : tr("Unassigned").toHtmlEscaped());
    body += row(tr("ATT&CK"), qstr(incident.attack_tags.empty() ? std::string("—") : [&] {
                                  std::string joined;
                                  for (const auto& tag : incident.attack_tags)
                                      joined += (joined.empty() ? "" : ", ") + tag;
                                  return joined;
                              }()).toHtmlEscaped());
    body += row(
        tr("Opened"),
        tr("%1 by %2").arg(incidentTimeText(incident.created_at), qstr(incident.created_by)).toHtmlEscaped());
    body += row(tr("SLA due"), incidentTimeText(incident.sla_due).toHtmlEscaped());
    body += row(tr("Description"), html(incident.description));
    body += QStringLiteral("</table>");

    body +=
        QStringLiteral("<h3>%1</h3><table width=100% cellpadding=3>").arg(tr("Escalation").toHtmlEscaped());
    body += row(tr("Escalated"),
                tr("%1 by %2")
                    .arg(incidentTimeText(escalation.escalated_at), qstr(escalation.escalated_by))
                    .toHtmlEscaped());
    body += row(tr("Receiving team"), html(escalation.receiving_team));
    body += row(tr("Justification"), html(escalation.justification));
    body += row(tr("Impact (systems, data, users)"), html(escalation.impact));
    body += row(tr("Actions already taken"), html(escalation.actions_taken));
    body += QStringLiteral("</table>");

    body += QStringLiteral("<h3>%1</h3>").arg(tr("Evidence").toHtmlEscaped());
    for (const auto& evidence : package.evidence_alerts) {
        const auto& alert = evidence.alert;
        body += QStringLiteral("<p><b>%1</b><br>%2</p>")
                    .arg(tr("Alert %1: %2").arg(alert.id).arg(qstr(alert.rule_title)).toHtmlEscaped(),
                         tr("Level %1, host %2, %3 event(s) from %4 to %5")
                             .arg(IncidentLabels::severity(qstr(alert.level)),
                                  qstr(alert.host.empty() ? "—" : alert.host))
                             .arg(alert.count)
                             .arg(incidentTimeText(alert.first_ts), incidentTimeText(alert.last_ts))
                             .toHtmlEscaped());
        body += rawBlock(evidence.raw_lines);
    }
    for (const auto& event : package.evidence_events) {
        body +=
            QStringLiteral("<p><b>%1</b>%2</p>")
                .arg(tr("Event %1 at %2 on %3")
                         .arg(event.ref.id)
                         .arg(incidentTimeText(event.ref.ts), qstr(event.host))
                         .toHtmlEscaped(),
                     event.note.empty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(html(event.note)));
        body += event.stored ? rawBlock({event.raw})
                             : QStringLiteral("<p><i>%1</i></p>")
                                   .arg(tr("No longer stored (removed by retention).").toHtmlEscaped());
    }

    body += QStringLiteral("<h3>%1</h3><table width=100% cellpadding=2>").arg(tr("Timeline").toHtmlEscaped());
    for (const auto& entry : package.history) {
        QString what =
            IncidentLabels::historyAction(qstr(entry.action), qstr(entry.field.value_or(std::string())));
        if (entry.field)
            what += QStringLiteral(": ") + IncidentLabels::change(qstr(*entry.field),
                                                                  qstr(entry.old_value.value_or("")),
                                                                  qstr(entry.new_value.value_or("")));
        else if (entry.detail)
            what += QStringLiteral(": ") + qstr(*entry.detail);
        body += QStringLiteral("<tr><td width=22%>%1</td><td width=15%>%2</td><td>%3</td></tr>")
                    .arg(incidentTimeText(entry.at).toHtmlEscaped(), html(entry.actor), what.toHtmlEscaped());
    }
    body += QStringLiteral("</table>");
    if (!package.comments.empty()) {
        body += QStringLiteral("<h3>%1</h3>").arg(tr("Comments").toHtmlEscaped());
        for (const auto& comment : package.comments)
            body += QStringLiteral("<p><b>%1</b> — %2<br>%3</p>")
                        .arg(html(comment.author), incidentTimeText(comment.created_at).toHtmlEscaped(),
                             html(comment.body));
    }
    body += QStringLiteral("<p style='color:#777; font-size:7pt'>%1</p>")
                .arg(tr("Generated by Vigie on %1.")
                         .arg(QLocale().toString(generated, QLocale::LongFormat))
                         .toHtmlEscaped());

    files->json = json.fileName();
    files->pdf = base + QStringLiteral(".pdf");
    QPdfWriter pdf(files->pdf);
    pdf.setTitle(tr("Escalation of incident #%1").arg(incident.id));
    pdf.setCreator(QStringLiteral("Vigie"));
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                  QPageLayout::Millimeter));
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("Sans Serif"), 9));
    document.setHtml(QStringLiteral("<html><body>%1</body></html>").arg(body));
    document.print(&pdf);
    if (QFileInfo(files->pdf).size() == 0)
        return fail(tr("Cannot write %1.").arg(QDir::toNativeSeparators(files->pdf)));
    return true;
}

} // namespace vigie::widgets
