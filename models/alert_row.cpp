// AlertRow: the level rank, the ATT&CK ids read from a rule's tags and an anomaly's
// explanation. Any thread.
#include "alert_row.h"

#include "anomaly_explanation.h"

#include <QRegularExpression>

namespace vigie::models {

AlertRow::Severity AlertRow::severity() const
{
    if (level == QLatin1String("critical"))
        return Critical;
    if (level == QLatin1String("high"))
        return High;
    if (level == QLatin1String("medium"))
        return Medium;
    if (level == QLatin1String("low"))
        return Low;
    return Informational;
}

QStringList AlertRow::attackIds() const
{
    // Sigma tags ATT&CK as "attack.t1110.001" (techniques), "attack.g0007" (groups) and
    // "attack.s0002" (software); tactic names ("attack.credential_access") stay tags.
    static const QRegularExpression id(QStringLiteral("^attack\\.([tgs]\\d{4}(\\.\\d{3})?)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    QStringList ids;
    for (const QString& tag : tags) {
        if (const auto match = id.match(tag); match.hasMatch())
            ids << match.captured(1).toUpper();
    }
    return ids;
}

QString AlertRow::readableEntity(QString entity)
{
    return entity.replace(entitySeparator, QStringLiteral("  "));
}

QString AlertRow::explanationText() const
{
    if (!anomaly)
        return {};
    // The entity's values without their keys: "host=web-01" reads "web-01" in the sentence.
    QStringList values;
    for (const QString& pair : entity.split(entitySeparator, Qt::SkipEmptyParts))
        values << pair.section(QLatin1Char('='), 1);
    return anomalyExplanation(QJsonDocument::fromJson(details.toUtf8()), values.join(QStringLiteral(", ")),
                              explanation);
}

} // namespace vigie::models
