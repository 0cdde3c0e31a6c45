// Anomaly detector cores (backend/anomaly): focused behaviour of the baseline, the rate rule and
// the explanations, then precision and recall of every detector on the seeded synthetic set of
// design notes §4 (tests/support/synthetic_activity). No database, no Qt; one thread.
#include "anomaly/brute_force_detector.h"
#include "anomaly/explanation.h"
#include "anomaly/first_seen_detector.h"
#include "anomaly/rare_value_detector.h"
#include "anomaly/rate_detector.h"
#include "anomaly/seasonal_baseline.h"
#include "support/synthetic_activity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace vigie::anomaly {
namespace {

constexpr UnixSeconds kMonday = 1767571200; // 2026-01-05 00:00 UTC
const WindowGrid kGrid{600, 0};

std::int64_t windowAt(int day, int hour, int minute = 0)
{
    return kGrid.indexOf(kMonday + day * 86400 + hour * 3600 + minute * 60);
}

ActivityRow row(UnixSeconds t, std::string key1, std::string key2, bool success = true)
{
    ActivityRow r;
    r.time = t;
    r.key1 = std::move(key1);
    r.key2 = std::move(key2);
    r.success = success;
    return r;
}

TEST(WindowGrid, SlotIsTheLocalHourOfTheWeekFromMonday)
{
    EXPECT_EQ(kGrid.slotOf(windowAt(0, 0)), 0);
    EXPECT_EQ(kGrid.slotOf(windowAt(1, 14, 50)), 38); // Tuesday 14:50
    EXPECT_EQ(kGrid.slotOf(windowAt(6, 23, 50)), 167);
    const WindowGrid paris{600, 3600}; // 23:30 UTC on Sunday is Monday 00:30 in Paris (winter)
    EXPECT_EQ(paris.slotOf(windowAt(6, 23, 30)), 0);
}

TEST(SeasonalBaseline, ConvergesToTheMeanOfAConstantSeries)
{
    SeasonalBaseline b;
    const BaselineParams p;
    const std::int64_t first = windowAt(0, 0);
    for (std::int64_t w = first; w < first + 3 * 1008; ++w)
        b.update(kGrid, w, 7, p);
    const std::int64_t next = first + 3 * 1008;
    const BaselineEstimate e = b.estimate(kGrid, next, p);
    EXPECT_NEAR(e.mean, 7, 1e-9);
    EXPECT_NEAR(e.sd, std::sqrt(7.0), 1e-6); // no spread: the Poisson floor
    EXPECT_TRUE(b.warm(kGrid, next, p));
    EXPECT_EQ(b.slot(kGrid.slotOf(next)).n, 18);
}

TEST(SeasonalBaseline, SilentWindowsCountAsZerosWhenNextRead)
{
    SeasonalBaseline b;
    const BaselineParams p;
    const std::int64_t first = windowAt(0, 0);
    for (std::int64_t w = first; w < first + 2 * 1008; ++w)
        b.update(kGrid, w, 10, p);
    // A week of silence: no update at all, yet the band for the next window has come down.
    const std::int64_t later = first + 3 * 1008;
    EXPECT_LT(b.estimate(kGrid, later, p).mean, 10 * std::pow(1 - p.alpha, 6) + 1);
    EXPECT_EQ(b.lastWindow(), first + 2 * 1008 - 1); // reading changed nothing
}

// An entity quiet at night (1 an hour) and busy in office hours (40): 40 at night is a spike,
// 40 on a Tuesday afternoon is not.
TEST(RateDetector, TheSameCountBreachesAQuietSlotButNotABusyOne)
{
    RateDetector detector({}, kGrid);
    const std::int64_t first = windowAt(0, 0);
    for (std::int64_t w = first; w < first + 3 * 1008; ++w) {
        const int hour = kGrid.slotOf(w) % 24;
        const bool weekday = kGrid.slotOf(w) < 120;
        const std::int64_t count = weekday && hour >= 8 && hour < 18 ? 38 + (w % 5) : 1 + (w % 2);
        const std::vector<EntityCount> counts{{"web-01", count}};
        detector.evaluate(w, counts); // learning: the runner discards findings of history
    }
    const std::vector<EntityCount> forty{{"web-01", 40}};
    EXPECT_TRUE(detector.evaluate(first + 3 * 1008 + windowAt(1, 14) - first, forty).empty());
    const auto night = detector.evaluate(first + 3 * 1008 + windowAt(2, 3) - first, forty);
    ASSERT_EQ(night.size(), 1u);
    EXPECT_EQ(night[0].kind, FindingTemplate::RateSpike);
    EXPECT_EQ(night[0].entity, "web-01");
    EXPECT_EQ(night[0].slot, 48 + 3);
    EXPECT_GE(night[0].z, 4);
}

TEST(RateDetector, ConsecutiveBreachingWindowsShareOneEpisode)
{
    RateDetector detector({}, kGrid);
    const std::int64_t first = windowAt(0, 0);
    const std::int64_t scored = first + 3 * 1008;
    for (std::int64_t w = first; w < scored; ++w) {
        const std::vector<EntityCount> counts{{"db-01", 2 + (w % 3)}};
        detector.evaluate(w, counts);
    }
    std::vector<AnomalyFinding> all;
    for (std::int64_t w : {scored, scored + 1, scored + 3, scored + 7}) { // gap of 1, then of 3
        const std::vector<EntityCount> counts{{"db-01", 90}};
        for (auto& f : detector.evaluate(w, counts))
            if (f.kind == FindingTemplate::RateSpike)
                all.push_back(f);
    }
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[2].start, kGrid.startOf(scored));
    EXPECT_EQ(all[2].count, 270);
    EXPECT_EQ(all[3].start, kGrid.startOf(scored + 7)); // a new episode
}

TEST(RateDetector, ALoudEntityWithoutBaselineIsReported)
{
    RateDetector detector({}, kGrid);
    const std::vector<EntityCount> quiet{{"new-01", 12}};
    EXPECT_TRUE(detector.evaluate(windowAt(0, 10), quiet).empty());
    const std::vector<EntityCount> loud{{"new-02", 120}};
    const auto findings = detector.evaluate(windowAt(0, 11), loud);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].kind, FindingTemplate::RateNewEntity);
}

// The runner keeps baselines in the database between runs: a restored detector must judge the
// next window exactly as the one that learned.
TEST(RateDetector, ARestoredEntityJudgesAsTheOriginal)
{
    RateDetector learned({}, kGrid);
    const std::int64_t first = windowAt(0, 0);
    for (std::int64_t w = first; w < first + 2 * 1008; w += 2) { // every other window silent
        const std::vector<EntityCount> counts{{"web-01", 3 + (w % 4)}};
        learned.evaluate(w, counts);
    }
    RateDetector restored({}, kGrid);
    restored.restore("web-01", *learned.baseline("web-01"), learned.cusum("web-01"));
    const std::int64_t next = first + 2 * 1008 + 5;
    const auto band = learned.baseline("web-01")->band(kGrid, next, 4, {});
    EXPECT_GT(band.high, band.mean);
    for (std::int64_t count : {4, 30}) {
        const std::vector<EntityCount> counts{{"web-01", count}};
        const auto a = learned.evaluate(next + count, counts);
        const auto b = restored.evaluate(next + count, counts);
        EXPECT_EQ(a.empty(), count == 4) << count;
        ASSERT_EQ(a.size(), b.size()) << count;
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].kind, b[i].kind);
            EXPECT_DOUBLE_EQ(a[i].z, b[i].z);
        }
    }
}

TEST(Explanation, RateSpikeSaysWhatHappenedAndWhatIsUsual)
{
    AnomalyFinding f;
    f.kind = FindingTemplate::RateSpike;
    f.entity = "web-01";
    f.observed = 412;
    f.mean = 3.1;
    f.sd = 1.8;
    f.z = 227;
    f.slot = 24 + 14;
    f.window_seconds = 600;
    const Explanation e = explain(f, {"failed logins", 4});
    EXPECT_EQ(e.text, "412 failed logins on web-01 in 10 min; usual for Tuesday 14:00 is 3 ± 2");
    EXPECT_EQ(e.details_json,
              R"({"template":"rate_spike","what":"failed logins","entity":"web-01","observed":412,"window_min":10,"mean":3.1,"sd":1.8,)"
              R"("slot":"Tue 14:00","z":227,"k":4})");
}

TEST(Explanation, BruteForceNamesTheAddressTheAccountAndTheHost)
{
    AnomalyFinding f;
    f.kind = FindingTemplate::BruteForce;
    f.key1 = "203.0.113.45";
    f.count = 23;
    f.first_failure = 1000;
    f.last_failure = 1000 + 215;
    f.user = "alice";
    f.host = "bastion-01";
    EXPECT_EQ(explain(f, {"failed logins", 4}).text,
              "23 failed logins from 203.0.113.45 in 4 min, then a successful login as alice on bastion-01");
}

TEST(BruteForceDetector, ManyFailuresThenSuccessIsOneFindingAFewTyposAreNone)
{
    BruteForceDetector detector;
    std::vector<ActivityRow> rows;
    for (int i = 0; i < 5; ++i)
        rows.push_back(row(kMonday + i * 10, "10.0.0.5", "", false));
    rows.push_back(row(kMonday + 60, "10.0.0.5", ""));
    for (int i = 0; i < 25; ++i)
        rows.push_back(row(kMonday + 100 + i * 8, "203.0.113.45", "", false));
    ActivityRow success = row(kMonday + 400, "203.0.113.45", "");
    success.user = "alice";
    success.host = "bastion-01";
    rows.push_back(success);
    success.time += 300; // the attacker's second session
    rows.push_back(success);
    const auto findings = detector.observe(rows);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].entity, "203.0.113.45");
    EXPECT_EQ(findings[0].count, 25);
    EXPECT_EQ(findings[0].start, kMonday + 400);
    EXPECT_EQ(findings[0].user, "alice");
}

TEST(FirstSeenDetector, LearnsFirstThenReportsNewPairsAndFoldsANewHost)
{
    FirstSeenDetector detector;
    const std::vector<ActivityRow> learning{row(kMonday, "alice", "web-01"),
                                            row(kMonday + 3600, "bob", "web-02")};
    EXPECT_TRUE(detector.observeWindow(learning).empty()); // the first day teaches, never alerts
    const UnixSeconds later = kMonday + 15 * 86400;
    const std::vector<ActivityRow> known{row(later, "alice", "web-01")};
    EXPECT_TRUE(detector.observeWindow(known).empty());
    const std::vector<ActivityRow> fresh{row(later + 600, "alice", "web-02")};
    const auto findings = detector.observeWindow(fresh);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].kind, FindingTemplate::FirstSeen);
    EXPECT_EQ(explain(findings[0]).text, "First seen: alice on web-02");
    // A host that appears today: its first logins make one informational finding.
    const std::vector<ActivityRow> new_host{row(later + 1200, "alice", "db-09"),
                                            row(later + 1300, "bob", "db-09")};
    const auto folded = detector.observeWindow(new_host);
    ASSERT_EQ(folded.size(), 2u);
    EXPECT_EQ(folded[1].kind, FindingTemplate::FirstSeenNewHost);
    EXPECT_EQ(folded[1].start, folded[0].start);
    EXPECT_EQ(explain(folded[1], {"logins", 4}).text, "New host db-09: 2 first logins");
}

TEST(RareValueDetector, AValueSeenOnceLongAgoIsRareAndANewOneIsReported)
{
    RareValueDetector detector;
    std::vector<ActivityRow> first_day;
    for (int i = 0; i < 10; ++i)
        first_day.push_back(row(kMonday + i * 60, "sshd", "web-01"));
    first_day.push_back(row(kMonday + 700, "tcpdump", "web-01"));
    EXPECT_TRUE(detector.observeWindow(first_day).empty());
    const UnixSeconds later = kMonday + 20 * 86400;
    const std::vector<ActivityRow> now{row(later, "sshd", "web-01"), row(later + 5, "tcpdump", "web-01"),
                                       row(later + 9, "xmrig", "web-01")};
    const auto findings = detector.observeWindow(now);
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(explain(findings[0]).text, "Rare: tcpdump on web-01, seen 1 time before");
    EXPECT_EQ(explain(findings[1]).text, "Never seen before: xmrig on web-01");
}

// ---- precision and recall on the synthetic set ----

using test::Injection;
using test::InjectionKind;

UnixSeconds tolerance(InjectionKind kind)
{
    switch (kind) {
    case InjectionKind::Spike:
    case InjectionKind::NewEntity:
        return 20 * 60;
    case InjectionKind::LevelShift:
    case InjectionKind::SubtleShift:
        return 2 * 3600;
    case InjectionKind::NewPair:
    case InjectionKind::RareValue:
    case InjectionKind::BruteForce:
        return 10 * 60;
    }
    return 0;
}

struct Alert {
    std::string entity;
    UnixSeconds start = 0;
    std::string text;
};

struct Score {
    std::size_t alerts = 0, true_alerts = 0, injections = 0, found = 0;
    std::size_t onset_alerts = 0; // alerts that start within the tolerance after an injection's t0
    std::map<InjectionKind, std::pair<int, int>> by_kind; // found, total
    std::vector<std::string> false_alerts;
    double precision() const { return alerts == 0 ? 1.0 : static_cast<double>(true_alerts) / alerts; }
    double recall() const { return injections == 0 ? 1.0 : static_cast<double>(found) / injections; }
};

// An injection is found when an alert on its entity starts within its tolerance after t0. An
// alert is true when it starts while an injected anomaly of its entity is present (from t0 to
// its end plus the tolerance): a two-day shift may rightly alert on both mornings.
Score score(const std::vector<Alert>& alerts, const std::vector<Injection>& all,
            std::set<InjectionKind> kinds)
{
    Score s;
    std::vector<const Injection*> injections;
    for (const Injection& i : all)
        if (kinds.count(i.kind) != 0)
            injections.push_back(&i);
    s.alerts = alerts.size();
    s.injections = injections.size();
    for (const Alert& a : alerts) {
        const bool inside = std::any_of(injections.begin(), injections.end(), [&](const Injection* i) {
            return i->entity == a.entity && i->t0 <= a.start && a.start <= i->end + tolerance(i->kind);
        });
        const bool onset = std::any_of(injections.begin(), injections.end(), [&](const Injection* i) {
            return i->entity == a.entity && i->t0 <= a.start && a.start <= i->t0 + tolerance(i->kind);
        });
        s.onset_alerts += onset ? 1 : 0;
        if (inside)
            ++s.true_alerts;
        else
            s.false_alerts.push_back(a.text);
    }
    for (const Injection* i : injections) {
        const bool found = std::any_of(alerts.begin(), alerts.end(), [&](const Alert& a) {
            return i->entity == a.entity && i->t0 <= a.start && a.start <= i->t0 + tolerance(i->kind);
        });
        s.found += found ? 1 : 0;
        auto& [hit, total] = s.by_kind[i->kind];
        hit += found ? 1 : 0;
        ++total;
    }
    return s;
}

// Distinct alerts (template, entity, start) among the findings of the scored weeks.
class AlertCollector {
public:
    AlertCollector(UnixSeconds score_from, ExplanationContext context)
        : from_(score_from), context_(std::move(context))
    {
    }
    void add(const std::vector<AnomalyFinding>& findings)
    {
        for (const AnomalyFinding& f : findings) {
            if (f.start < from_)
                continue;
            if (keys_.emplace(templateId(f.kind), f.entity, f.start).second)
                alerts_.push_back({f.entity, f.start, explain(f, context_).text});
        }
    }
    const std::vector<Alert>& alerts() const { return alerts_; }

private:
    UnixSeconds from_;
    ExplanationContext context_;
    std::set<std::tuple<std::string_view, std::string, UnixSeconds>> keys_;
    std::vector<Alert> alerts_;
};

void report(const char* detector, std::uint64_t seed, const Score& s)
{
    std::printf(
        "seed %llu  %-12s precision %.3f (%zu/%zu alerts; %zu at an onset)  recall %.3f (%zu/%zu injections)",
        static_cast<unsigned long long>(seed), detector, s.precision(), s.true_alerts, s.alerts,
        s.onset_alerts, s.recall(), s.found, s.injections);
    for (const auto& [kind, counts] : s.by_kind)
        if (s.by_kind.size() > 1)
            std::printf("  %s %d/%d", std::string(test::injectionName(kind)).c_str(), counts.first,
                        counts.second);
    std::printf("\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(3, s.false_alerts.size()); ++i)
        std::printf("    false alert: %s\n", s.false_alerts[i].c_str());
}

TEST(AnomalyDetectorsSynthetic, PrecisionAndRecallOfEveryDetectorAtLeastNinetyPercent)
{
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const test::SyntheticActivity data = test::makeSyntheticActivity({seed});
        RateDetector rate({}, WindowGrid{data.window_seconds, 0});
        FirstSeenDetector first_seen;
        BruteForceDetector brute_force;
        RareValueDetector rare;
        AlertCollector rate_alerts(data.score_from, {"failed logins", rate.params().k});
        AlertCollector first_alerts(data.score_from, {"logins", 4});
        AlertCollector brute_alerts(data.score_from, {"failed logins", 4});
        AlertCollector rare_alerts(data.score_from, {"events", 4});
        for (std::size_t w = 0; w < data.counts.size(); ++w) {
            rate_alerts.add(rate.evaluate(data.first_window + static_cast<std::int64_t>(w), data.counts[w]));
            first_alerts.add(first_seen.observeWindow(data.logins[w]));
            brute_alerts.add(brute_force.observe(data.auth[w]));
            rare_alerts.add(rare.observeWindow(data.processes[w]));
        }
        const Score scores[] = {
            score(rate_alerts.alerts(), data.injections,
                  {InjectionKind::Spike, InjectionKind::LevelShift, InjectionKind::SubtleShift,
                   InjectionKind::NewEntity}),
            score(first_alerts.alerts(), data.injections, {InjectionKind::NewPair}),
            score(brute_alerts.alerts(), data.injections, {InjectionKind::BruteForce}),
            score(rare_alerts.alerts(), data.injections, {InjectionKind::RareValue}),
        };
        const char* names[] = {"rate", "first-seen", "brute force", "rare value"};
        for (std::size_t d = 0; d < 4; ++d) {
            report(names[d], seed, scores[d]);
            EXPECT_GE(scores[d].precision(), 0.9) << names[d] << " seed " << seed;
            EXPECT_GE(scores[d].recall(), 0.9) << names[d] << " seed " << seed;
            EXPECT_GT(scores[d].injections, 0u);
        }
    }
}

} // namespace
} // namespace vigie::anomaly
