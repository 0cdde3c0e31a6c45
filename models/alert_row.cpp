// AlertRow: the level rank and the ATT&CK ids read from a rule's tags. Any thread.
#include "alert_row.h"

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

QString AlertRow::entityText() const
{
    QString text = entity;
    return text.replace(entitySeparator, QStringLiteral("  "));
}

} // namespace vigie::models
