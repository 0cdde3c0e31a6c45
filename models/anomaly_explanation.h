#pragma once
// anomalyExplanation: the sentence an anomaly alert shows in the alert queue, in the
// interface's language — built from the alert's `details` (migration 0011: the template id and
// the numbers behind it, written by anomaly/explanation.cpp), never from the stored English
// `explanation`, which is only the fallback for a template this version does not know.
// "412 failed logins on web-01 in 10 min; usual for Tuesday 14:00 is 3 ± 2". Any thread
// (translators are read-only once installed); called on the GUI thread.
#include <QCoreApplication>
#include <QJsonDocument>
#include <QString>

namespace vigie::models {

// `entity` is the alert's entity value ("web-01"; empty for a detector counting everything),
// used when `details` does not name it; `fallback` the alert's stored explanation.
QString anomalyExplanation(const QJsonDocument& details, const QString& entity = {},
                           const QString& fallback = {});

// The tr() context of those sentences.
class AnomalyExplanation {
    Q_DECLARE_TR_FUNCTIONS(AnomalyExplanation)
};

} // namespace vigie::models
