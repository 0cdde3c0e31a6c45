// anomalyExplanation: one translated sentence per explanation template. Any thread.
#include "anomaly_explanation.h"

#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace vigie::models {
namespace {

// The first of `keys` present in `details` (the writer named some keys twice over time).
QJsonValue valueOf(const QJsonObject& details, std::initializer_list<const char*> keys)
{
    for (const char* key : keys)
        if (const QJsonValue value = details.value(QLatin1String(key));
            !value.isUndefined() && !value.isNull())
            return value;
    return {};
}

QString textOf(const QJsonObject& details, std::initializer_list<const char*> keys)
{
    const QJsonValue value = valueOf(details, keys);
    return value.isDouble() ? QLocale::c().toString(value.toDouble()) : value.toString();
}

int countOf(const QJsonObject& details, std::initializer_list<const char*> keys)
{
    return static_cast<int>(std::lround(valueOf(details, keys).toDouble()));
}

// Counts read as whole numbers; a baseline below 1 keeps one decimal so "0.3" is not "0".
QString roughNumber(double value)
{
    const bool small = std::fabs(value) < 1 && value != 0;
    return QLocale().toString(value, 'f', small ? 1 : 0);
}

// "412 failed logins": the detector's noun (its `what` setting) when Vigie knows it; the
// detector's own words otherwise.
QString countPhrase(int n, const QString& what)
{
    if (what == QLatin1String("failed logins"))
        return AnomalyExplanation::tr("%n failed login(s)", nullptr, n);
    if (what == QLatin1String("logins"))
        return AnomalyExplanation::tr("%n login(s)", nullptr, n);
    if (what == QLatin1String("blocked connections"))
        return AnomalyExplanation::tr("%n blocked connection(s)", nullptr, n);
    if (what == QLatin1String("connections"))
        return AnomalyExplanation::tr("%n connection(s)", nullptr, n);
    if (what.isEmpty() || what == QLatin1String("events"))
        return AnomalyExplanation::tr("%n event(s)", nullptr, n);
    return QStringLiteral("%1 %2").arg(QLocale().toString(n), what);
}

// "Tue 14:00" (the writer's short English day) -> the day's name in the interface's language
// and the hour; false when it cannot be read.
bool slotParts(const QString& slot, QString* day, QString* hour)
{
    static const QStringList days{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"),
                                  QStringLiteral("Thu"), QStringLiteral("Fri"), QStringLiteral("Sat"),
                                  QStringLiteral("Sun")};
    const QStringList parts = slot.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const qsizetype index = parts.size() == 2 ? days.indexOf(parts.at(0)) : -1;
    if (index < 0)
        return false;
    *day = QLocale().dayName(static_cast<int>(index) + 1, QLocale::LongFormat);
    *hour = parts.at(1);
    return true;
}

QString rateSentence(const QString& kind, const QJsonObject& d, const QString& entity, const QString& what)
{
    const QString observed = countPhrase(countOf(d, {"observed"}), what);
    const QString window = QLocale().toString(countOf(d, {"window_min"}));
    if (kind == QLatin1String("rate_new_entity")) {
        return entity.isEmpty()
                   ? AnomalyExplanation::tr("%1 in %2 min, with no baseline learned yet")
                         .arg(observed, window)
                   : AnomalyExplanation::tr("%1 on %2 in %3 min, with no baseline learned yet for %2")
                         .arg(observed, entity, window);
    }
    QString day, hour;
    if (!slotParts(textOf(d, {"slot"}), &day, &hour))
        return {};
    const QString mean = roughNumber(valueOf(d, {"mean"}).toDouble());
    const QString sd = roughNumber(valueOf(d, {"sd"}).toDouble());
    const bool shift = kind == QLatin1String("rate_shift");
    if (entity.isEmpty()) {
        const QString text =
            shift ? AnomalyExplanation::tr("Sustained rise: %1 in %2 min; usual for %3 %4 is %5 ± %6")
                  : AnomalyExplanation::tr("%1 in %2 min; usual for %3 %4 is %5 ± %6");
        return text.arg(observed, window, day, hour, mean, sd);
    }
    const QString text =
        shift ? AnomalyExplanation::tr("Sustained rise: %1 on %2 in %3 min; usual for %4 %5 is %6 ± %7")
              : AnomalyExplanation::tr("%1 on %2 in %3 min; usual for %4 %5 is %6 ± %7");
    return text.arg(observed, entity, window, day, hour, mean, sd);
}

QString bruteForceSentence(const QJsonObject& d, const QString& what)
{
    const QString failures = countPhrase(countOf(d, {"failures", "count"}), what);
    const QString source = textOf(d, {"key", "key1"});
    const QString minutes = QLocale().toString(countOf(d, {"minutes", "window_min"}));
    const QString user = textOf(d, {"user"});
    const QString host = textOf(d, {"host"});
    if (!user.isEmpty() && !host.isEmpty())
        return AnomalyExplanation::tr("%1 from %2 in %3 min, then a successful login as %4 on %5")
            .arg(failures, source, minutes, user, host);
    if (!user.isEmpty())
        return AnomalyExplanation::tr("%1 from %2 in %3 min, then a successful login as %4")
            .arg(failures, source, minutes, user);
    if (!host.isEmpty())
        return AnomalyExplanation::tr("%1 from %2 in %3 min, then a successful login on %4")
            .arg(failures, source, minutes, host);
    return AnomalyExplanation::tr("%1 from %2 in %3 min, then a successful login")
        .arg(failures, source, minutes);
}

QString rareSentence(const QString& kind, const QJsonObject& d)
{
    const QString value = textOf(d, {"value", "key1"});
    const QString per = textOf(d, {"per", "key2"});
    if (kind == QLatin1String("rare_new"))
        return per.isEmpty() ? AnomalyExplanation::tr("Never seen before: %1").arg(value)
                             : AnomalyExplanation::tr("Never seen before: %1 on %2").arg(value, per);
    const int before = countOf(d, {"previous_count"});
    return per.isEmpty()
               ? AnomalyExplanation::tr("Rare: %1, seen %n time(s) before", nullptr, before).arg(value)
               : AnomalyExplanation::tr("Rare: %1 on %2, seen %n time(s) before", nullptr, before)
                     .arg(value, per);
}

} // namespace

QString anomalyExplanation(const QJsonDocument& details, const QString& entity, const QString& fallback)
{
    const QJsonObject d = details.object();
    const QString kind = d.value(QLatin1String("template")).toString();
    const QString named = textOf(d, {"entity"});
    const QString who = named.isEmpty() ? entity : named;
    QString what = textOf(d, {"what"});
    QString text;
    if (kind == QLatin1String("rate_spike") || kind == QLatin1String("rate_shift") ||
        kind == QLatin1String("rate_new_entity")) {
        text = rateSentence(kind, d, who, what);
    } else if (kind == QLatin1String("first_seen")) {
        text = AnomalyExplanation::tr("First seen: %1 on %2").arg(textOf(d, {"key1"}), textOf(d, {"key2"}));
    } else if (kind == QLatin1String("first_seen_new_host")) {
        const int count = countOf(d, {"count"});
        const QString host = textOf(d, {"key2", "host"});
        text = what == QLatin1String("logins")
                   ? AnomalyExplanation::tr("New host %1: %n first login(s)", nullptr, count).arg(host)
                   : AnomalyExplanation::tr("New host %1: %n first event(s)", nullptr, count).arg(host);
    } else if (kind == QLatin1String("brute_force")) {
        // A brute force is about logins whatever the detector calls them.
        text = bruteForceSentence(d, what.isEmpty() ? QStringLiteral("failed logins") : what);
    } else if (kind == QLatin1String("rare_value") || kind == QLatin1String("rare_new")) {
        text = rareSentence(kind, d);
    }
    return text.isEmpty() ? fallback : text;
}

} // namespace vigie::models
