#pragma once
// AlertRow: one row of the `alerts` table (migration 0007) as the alert queue shows it — a plain
// value passed from the alert-queue worker to the GUI thread in queued calls. Any thread.
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vigie::models {

struct AlertRow {
    // The rule's level as a rank, most severe highest, so views can sort and colour by it.
    enum Severity { Informational, Low, Medium, High, Critical };

    qint64 id = 0;
    QString ruleId;
    QString ruleTitle;
    QString level; // informational, low, medium, high or critical, as stored
    QStringList tags;
    QString host;   // empty: none
    // "key=value" pairs joined by entitySeparator (values may hold spaces); empty: none
    QString entity;
    QDateTime firstSeen;
    QDateTime lastSeen;
    qint64 count = 0;
    bool retroHunt = false;
    bool anomaly = false; // raised by an anomaly detector (origin 'anomaly'); ruleId is the detector's
    QString explanation;  // anomalies: the stored English sentence (vigiectl, exports)
    QString details;      // anomalies: the numbers behind it as JSON ({"template": "rate_spike", ...})
    bool acknowledged = false;
    QString acknowledgedBy;

    static constexpr QChar entitySeparator{0x1f};

    bool operator==(const AlertRow&) const = default;
    // The entity as read: "host=web-01  user=alice".
    QString entityText() const { return readableEntity(entity); }
    // Any stored entity (alerts.entity, also shown by dashboard tiles) as read.
    static QString readableEntity(QString entity);
    // Anomalies: why, in the interface's language (anomalyExplanation of `details`); else empty.
    QString explanationText() const;
    Severity severity() const;
    // The ATT&CK technique and tactic ids among the tags ("attack.t1110.001" -> "T1110.001").
    QStringList attackIds() const;
};

using AlertRows = QList<AlertRow>;

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::AlertRow)
Q_DECLARE_METATYPE(vigie::models::AlertRows)
