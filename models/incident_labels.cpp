// IncidentLabels: the translated words of the incident vocabulary and the SLA countdown. Any
// thread (reads the installed translators).
#include "incident_labels.h"

namespace vigie::models {
namespace {

// "2 d 3 h", "2 h 05 min", "45 min": the two largest units are enough for a countdown.
QString duration(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return IncidentLabels::tr("%1 d %2 h").arg(days).arg(hours % 24);
    if (hours > 0)
        return IncidentLabels::tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return IncidentLabels::tr("%1 min").arg(minutes);
}

} // namespace

QString IncidentLabels::state(const QString& key)
{
    if (key == QLatin1String("new"))
        return tr("New");
    if (key == QLatin1String("triage"))
        return tr("Triage");
    if (key == QLatin1String("in_progress"))
        return tr("In progress");
    if (key == QLatin1String("escalated"))
        return tr("Escalated");
    if (key == QLatin1String("resolved"))
        return tr("Resolved");
    if (key == QLatin1String("closed"))
        return tr("Closed");
    if (key == QLatin1String("false_positive"))
        return tr("False positive");
    if (key == QLatin1String("merged"))
        return tr("Merged");
    return key;
}

QString IncidentLabels::transitionAction(const QString& from, const QString& to)
{
    if (to == QLatin1String("triage"))
        return from == QLatin1String("new") ? tr("Start triage") : tr("Reopen");
    if (to == QLatin1String("in_progress"))
        return tr("Start work");
    if (to == QLatin1String("escalated"))
        return tr("Escalate to L3…");
    if (to == QLatin1String("resolved"))
        return tr("Resolve…");
    if (to == QLatin1String("closed"))
        return tr("Close");
    if (to == QLatin1String("false_positive"))
        return tr("Mark as false positive");
    if (to == QLatin1String("merged"))
        return tr("Merge into…");
    return state(to);
}

QString IncidentLabels::severity(const QString& key)
{
    if (key == QLatin1String("informational")) // an alert's level (tickets start at low)
        return tr("Informational");
    if (key == QLatin1String("low"))
        return tr("Low");
    if (key == QLatin1String("medium"))
        return tr("Medium");
    if (key == QLatin1String("high"))
        return tr("High");
    if (key == QLatin1String("critical"))
        return tr("Critical");
    return key;
}

QStringList IncidentLabels::severityKeys()
{
    return {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
            QStringLiteral("critical")};
}

QString IncidentLabels::tier(const QString& key)
{
    if (key == QLatin1String("l1"))
        return tr("L1");
    if (key == QLatin1String("l2"))
        return tr("L2");
    if (key == QLatin1String("l3"))
        return tr("L3");
    if (key == QLatin1String("admin"))
        return tr("Administrator");
    return key;
}

QStringList IncidentLabels::resolutionCodes()
{
    return {QStringLiteral("true_positive_contained"), QStringLiteral("true_positive_remediated"),
            QStringLiteral("benign_true_positive"),    QStringLiteral("duplicate"),
            QStringLiteral("insufficient_data"),       QStringLiteral("other")};
}

QString IncidentLabels::resolutionCode(const QString& key)
{
    if (key == QLatin1String("true_positive_contained"))
        return tr("True positive, contained");
    if (key == QLatin1String("true_positive_remediated"))
        return tr("True positive, remediated");
    if (key == QLatin1String("benign_true_positive"))
        return tr("Benign true positive");
    if (key == QLatin1String("duplicate"))
        return tr("Duplicate");
    if (key == QLatin1String("insufficient_data"))
        return tr("Insufficient data");
    if (key == QLatin1String("other"))
        return tr("Other");
    return key;
}

QString IncidentLabels::historyAction(const QString& action, const QString& field)
{
    if (action == QLatin1String("update")) {
        // One sentence per field rather than "changed %1": the article differs per word in French.
        if (field == QLatin1String("title"))
            return tr("changed the title");
        if (field == QLatin1String("description"))
            return tr("changed the description");
        if (field == QLatin1String("severity"))
            return tr("changed the severity");
        if (field == QLatin1String("priority"))
            return tr("changed the priority");
        if (field == QLatin1String("state"))
            return tr("changed the state");
        if (field == QLatin1String("tier"))
            return tr("changed the tier");
        if (field == QLatin1String("assignee"))
            return tr("changed the assignee");
        if (field == QLatin1String("attack_tags"))
            return tr("changed the ATT&CK tags");
        if (field == QLatin1String("sla_due"))
            return tr("changed the SLA due time");
        if (field == QLatin1String("resolution_code"))
            return tr("changed the resolution code");
        if (field == QLatin1String("resolution_summary"))
            return tr("changed the resolution summary");
        if (field == QLatin1String("merged_into"))
            return tr("merged the incident");
        return tr("changed %1").arg(field);
    }
    if (action == QLatin1String("create"))
        return tr("created the incident");
    if (action == QLatin1String("link_alert"))
        return tr("linked an alert");
    if (action == QLatin1String("unlink_alert"))
        return tr("unlinked an alert");
    if (action == QLatin1String("link_event"))
        return tr("linked an event");
    if (action == QLatin1String("unlink_event"))
        return tr("unlinked an event");
    if (action == QLatin1String("comment"))
        return tr("commented");
    if (action == QLatin1String("edit_comment"))
        return tr("edited a comment");
    if (action == QLatin1String("delete_comment"))
        return tr("deleted a comment");
    if (action == QLatin1String("escalate"))
        return tr("escalated to level 3");
    return action;
}

QString IncidentLabels::slaCountdown(const QDateTime& due, const QDateTime& now)
{
    // Milliseconds, so the text turns to "breached" exactly when the ticket does (now > due).
    const qint64 left = now.msecsTo(due);
    if (left >= 60000)
        return tr("%1 left").arg(duration(left / 1000));
    if (left >= 0)
        return tr("less than 1 min left");
    if (left > -60000)
        return tr("breached less than 1 min ago");
    return tr("breached %1 ago").arg(duration(-left / 1000));
}

QString IncidentLabels::fieldValue(const QString& field, const QString& value)
{
    if (field == QLatin1String("state"))
        return state(value);
    if (field == QLatin1String("severity"))
        return severity(value);
    if (field == QLatin1String("tier"))
        return tier(value);
    if (field == QLatin1String("resolution_code") && !value.isEmpty())
        return resolutionCode(value);
    return value;
}

QString IncidentLabels::change(const QString& field, const QString& oldValue, const QString& newValue)
{
    const auto shown = [&field](const QString& value) {
        return value.isEmpty() ? QStringLiteral("—") : fieldValue(field, value);
    };
    return QStringLiteral("%1 → %2").arg(shown(oldValue), shown(newValue));
}

} // namespace vigie::models
