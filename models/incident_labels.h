#pragma once
// The incident vocabulary as the analyst reads it, translated (context IncidentLabels): states,
// severities, tiers, resolution codes, history actions and the SLA countdown. Shared by the
// list model, the incident view, the dialogs and the escalation package. Any thread (reads
// the installed translators).
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace vigie::models {

class IncidentLabels {
    Q_DECLARE_TR_FUNCTIONS(IncidentLabels)
public:
    // "New", "Triage", "In progress", "Escalated", "Resolved", "Closed", "False positive", "Merged".
    static QString state(const QString& key);
    // The verb on the button that moves a ticket to `key`: "Start triage", "Start work",
    // "Escalate to L3…", "Resolve…", "Close", "False positive", "Reopen".
    static QString transitionAction(const QString& from, const QString& to);
    static QString severity(const QString& key);           // "Low" … "Critical" (alerts: also "Informational")
    static QStringList severityKeys();                     // low, medium, high, critical
    static QString tier(const QString& key);               // "L1", "L2", "L3", "Administrator"
    // Resolution codes offered when resolving, stored as keys.
    static QStringList resolutionCodes(); // true_positive_contained, true_positive_remediated, benign_true_positive, duplicate, insufficient_data, other
    static QString resolutionCode(const QString& key);
    // A changed field's value as the analyst reads it: states, severities, tiers and resolution
    // codes translated, other values (titles, names, priorities) as stored.
    static QString fieldValue(const QString& field, const QString& value);
    // "New → Triage": a field's change, "—" standing for no value.
    static QString change(const QString& field, const QString& oldValue, const QString& newValue);
    // A history row's action in words: "created the incident", "changed severity", "linked alert 12"...
    static QString historyAction(const QString& action, const QString& field);
    // "2 h 05 min left", "45 min left", "breached 35 min ago", "breached 2 d 3 h ago".
    static QString slaCountdown(const QDateTime& due, const QDateTime& now);
};

} // namespace vigie::models
