// The sentence an anomaly alert shows in the queue, per explanation template, in English (the
// source texts; plurals read "(s)" without a catalogue): built from the `details` JSON the
// backend writes (anomaly::explain), with the entity taken from the alert; an unknown template
// falls back to the stored English explanation. The alert queue shows it in its Explanation
// column and tooltip, with the origin "Anomaly".
#include "gui_test_support.h"

#include "alert_queue_model.h"
#include "alert_row.h"
#include "anomaly/explanation.h"
#include "anomaly_explanation.h"

#include <QJsonDocument>

using namespace vigie;
using anomaly::AnomalyFinding;
using anomaly::FindingTemplate;
using models::anomalyExplanation;

namespace {

QJsonDocument json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text));
}

// What the backend writes for `finding` (detector noun `what`), as the GUI reads it.
QString fromBackend(const AnomalyFinding& finding, const std::string& what, const QString& entity = {})
{
    const auto explanation = anomaly::explain(finding, {what, 4});
    return anomalyExplanation(QJsonDocument::fromJson(QByteArray::fromStdString(explanation.details_json)),
                              entity, QString::fromStdString(explanation.text));
}

TEST(AnomalyExplanationTest, RateSpikeNamesTheCountTheEntityAndTheUsualValueOfTheSlot)
{
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"rate_spike","observed":412,"window_min":10,"mean":3.1,)"
                                      R"("sd":1.8,"slot":"Tue 14:00","z":227,"k":4,"what":"failed logins"})"),
                                 QStringLiteral("web-01")),
              QStringLiteral("412 failed login(s) on web-01 in 10 min; usual for Tuesday 14:00 is 3 ± 2"));
    // A baseline below one keeps a decimal; a detector counting everything names no entity.
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"rate_spike","observed":25,"window_min":10,"mean":0.3,)"
                                      R"("sd":0.6,"slot":"Sun 03:00","what":"blocked connections"})")),
              QStringLiteral("25 blocked connection(s) in 10 min; usual for Sunday 03:00 is 0.3 ± 0.6"));
}

TEST(AnomalyExplanationTest, RateShiftAndNewEntity)
{
    EXPECT_EQ(
        anomalyExplanation(json(R"({"template":"rate_shift","observed":40,"window_min":10,"mean":20,)"
                                R"("sd":4.6,"slot":"Mon 09:00"})"),
                           QStringLiteral("db-02")),
        QStringLiteral("Sustained rise: 40 event(s) on db-02 in 10 min; usual for Monday 09:00 is 20 ± 5"));
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"rate_new_entity","observed":90,"window_min":10,)"
                                      R"("what":"failed logins"})"),
                                 QStringLiteral("203.0.113.9")),
              QStringLiteral("90 failed login(s) on 203.0.113.9 in 10 min, with no baseline learned yet for "
                             "203.0.113.9"));
}

TEST(AnomalyExplanationTest, FirstSeenAndNewHost)
{
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"first_seen","key1":"alice","key2":"web-02"})")),
              QStringLiteral("First seen: alice on web-02"));
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"first_seen_new_host","key2":"db-09","count":12,)"
                                      R"("what":"logins"})")),
              QStringLiteral("New host db-09: 12 first login(s)"));
}

TEST(AnomalyExplanationTest, BruteForceNamesTheSourceAndTheAccountThatGotIn)
{
    EXPECT_EQ(
        anomalyExplanation(json(R"({"template":"brute_force","failures":23,"minutes":4,)"
                                R"("key":"203.0.113.45","user":"alice","host":"bastion-01"})")),
        QStringLiteral("23 failed login(s) from 203.0.113.45 in 4 min, then a successful login as alice on "
                       "bastion-01"));
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"brute_force","failures":23,"minutes":4,)"
                                      R"("key":"203.0.113.45","user":"","host":""})")),
              QStringLiteral("23 failed login(s) from 203.0.113.45 in 4 min, then a successful login"));
}

TEST(AnomalyExplanationTest, RareValues)
{
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"rare_value","value":"tcpdump","per":"web-01",)"
                                      R"("previous_count":1})")),
              QStringLiteral("Rare: tcpdump on web-01, seen 1 time(s) before"));
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"rare_new","value":"xmrig","per":"web-01"})")),
              QStringLiteral("Never seen before: xmrig on web-01"));
}

TEST(AnomalyExplanationTest, AnUnknownTemplateFallsBackToTheStoredExplanation)
{
    const QString stored = QStringLiteral("Something new happened on web-01");
    EXPECT_EQ(anomalyExplanation(json(R"({"template":"from_the_future","observed":3})"),
                                 QStringLiteral("web-01"), stored),
              stored);
    EXPECT_EQ(anomalyExplanation(QJsonDocument(), {}, stored), stored);
}

// The keys the backend writes are the keys read: the English sentence matches its own, but
// for the "(s)" of the plurals and the noun, which the GUI reads from `what`.
TEST(AnomalyExplanationTest, ReadsWhatTheBackendWrites)
{
    AnomalyFinding first;
    first.kind = FindingTemplate::FirstSeen;
    first.key1 = "alice";
    first.key2 = "web-02";
    EXPECT_EQ(fromBackend(first, "logins"), QStringLiteral("First seen: alice on web-02"));

    AnomalyFinding rare;
    rare.kind = FindingTemplate::RareNew;
    rare.key1 = "xmrig";
    rare.key2 = "web-01";
    EXPECT_EQ(fromBackend(rare, "connections"), QStringLiteral("Never seen before: xmrig on web-01"));

    AnomalyFinding spike;
    spike.kind = FindingTemplate::RateSpike;
    spike.entity = "web-01";
    spike.observed = 412;
    spike.window_seconds = 600;
    spike.mean = 3.1;
    spike.sd = 1.8;
    spike.z = 227;
    spike.slot = 24 + 14; // Tuesday 14:00
    const QString text = fromBackend(spike, "failed logins", QStringLiteral("web-01"));
    EXPECT_TRUE(text.endsWith(QStringLiteral(" on web-01 in 10 min; usual for Tuesday 14:00 is 3 ± 2")))
        << text.toStdString();

    AnomalyFinding brute;
    brute.kind = FindingTemplate::BruteForce;
    brute.key1 = "203.0.113.45";
    brute.count = 23;
    brute.first_failure = 1000;
    brute.last_failure = 1000 + 4 * 60;
    brute.user = "alice";
    brute.host = "bastion-01";
    EXPECT_EQ(
        fromBackend(brute, "failed logins"),
        QStringLiteral("23 failed login(s) from 203.0.113.45 in 4 min, then a successful login as alice on "
                       "bastion-01"));
}

TEST(AnomalyExplanationTest, TheAlertQueueShowsAnomalyOriginAndExplanation)
{
    models::AlertRow row;
    row.id = 1;
    row.ruleId = QStringLiteral("anomaly.rate.failed_logins.host");
    row.ruleTitle = QStringLiteral("Unusual failed logins on a host");
    row.level = QStringLiteral("high");
    row.entity = QStringLiteral("host=web-01");
    row.count = 412;
    row.anomaly = true;
    row.explanation =
        QStringLiteral("412 failed logins on web-01 in 10 min; usual for Tuesday 14:00 is 3 ± 2");
    row.details =
        QStringLiteral(R"({"template":"rate_spike","observed":412,"window_min":10,"mean":3.1,"sd":1.8,)"
                       R"("slot":"Tue 14:00","z":227,"k":4,"what":"failed logins"})");
    models::AlertQueueModel model;
    model.mergeAlerts({row});
    const QString why =
        QStringLiteral("412 failed login(s) on web-01 in 10 min; usual for Tuesday 14:00 is 3 ± 2");
    EXPECT_EQ(model.index(0, models::AlertQueueModel::OriginColumn).data().toString(),
              QStringLiteral("Anomaly"));
    EXPECT_EQ(model.index(0, models::AlertQueueModel::ExplanationColumn).data().toString(), why);
    EXPECT_TRUE(
        model.index(0, models::AlertQueueModel::RuleColumn).data(Qt::ToolTipRole).toString().contains(why));
    EXPECT_EQ(model.headerData(models::AlertQueueModel::ExplanationColumn, Qt::Horizontal).toString(),
              QStringLiteral("Explanation"));
}

} // namespace
