// The anomaly runner against a real PostgreSQL: three days of synthetic history written through
// store::EventWriter, an injected clock; the runner learns without alerting, then a spike, a
// new (user, host) pair and a brute force each raise one anomaly alert with its explanation and
// details; a resumed runner adds nothing; a second runner stays standby; disabled detectors
// stay quiet; changed settings relearn; a burst in the open window alerts before the window
// closes, once; learning stopped midway resumes where it was; rare and never-seen destination
// ports are flagged; a user's first login from a new /24 (or /64) is flagged, not from a new
// address in a known network; source addresses get a baseline from their third active window,
// at most max_entities, the least recently active evicted; a "down" rate detector is refused.
#include "anomaly/anomaly_runner.h"
#include "anomaly/anomaly_store.h"
#include "anomaly/detector_store.h"
#include "store/alert_store.h"
#include "store/event_writer.h"
#include "store/pg_connection.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace {

using namespace vigie;
using namespace std::chrono_literals;

Event login(Timestamp ts, const std::string& host, const std::string& user, const std::string& ip, bool ok)
{
    Event e;
    e.ts = ts;
    e.received_at = ts;
    e.host = host;
    e.app = "sshd";
    e.category = "authentication";
    e.action = "ssh_login";
    e.outcome = ok ? "success" : "failure";
    e.user_name = user;
    e.source_ip = ip;
    e.message = ok ? "Accepted password" : "Failed password";
    e.raw = e.message;
    e.format = "raw";
    return e;
}

Event connection(Timestamp ts, const std::string& host, int port)
{
    Event e;
    e.ts = ts;
    e.received_at = ts;
    e.host = host;
    e.app = "kernel";
    e.category = "network";
    e.action = "allowed";
    e.source_ip = "10.0.0.7";
    e.dest_port = port;
    e.message = "connection to port " + std::to_string(port);
    e.raw = e.message;
    e.format = "raw";
    return e;
}

class AnomalyRunnerTest : public ::testing::Test {
protected:
    AnomalyRunnerTest() : db_("anomaly_runner"), writer_(db_.conninfo()), conn_(db_.conninfo())
    {
        writer_.connect();
        // Recent history (the storage policy keeps recent event times), windows aligned.
        t0_ = std::chrono::floor<std::chrono::minutes>(nowTimestamp()) - 30min;
        t0_ -= std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::minutes(
            std::chrono::floor<std::chrono::minutes>(t0_.time_since_epoch()).count() % 10));
        std::vector<Event> history;
        for (Timestamp t = t0_ - 72h; t < t0_; t += 10min) {
            history.push_back(login(t + 1min, "web-01", "carol", "10.0.0.9", false));
            history.push_back(login(t + 2min, "web-01", "carol", "10.0.0.9", false));
            history.push_back(login(t + 3min, "web-01", "alice", "10.0.0.5", true));
        }
        write(history);
        anomaly::DetectorStore detectors(conn_);
        for (anomaly::DetectorConfig config : detectors.list()) {
            config.enabled = config.id == kRate || config.id == kFirst || config.id == kBrute;
            if (config.id == kRate)
                config.settings.warmup_global = 100;
            if (config.id == kFirst) {
                config.settings.learning_days = 1;
                config.settings.new_host_grace = 0h;
            }
            detectors.update(config);
        }
        clock_ = t0_;
    }

    // Leaves detector `id` the only one enabled, its settings changed by `tune`.
    void enableOnly(const std::string& id, const std::function<void(anomaly::DetectorSettings&)>& tune)
    {
        anomaly::DetectorStore detectors(conn_);
        for (anomaly::DetectorConfig config : detectors.list()) {
            config.enabled = config.id == id;
            if (config.enabled)
                tune(config.settings);
            detectors.update(config);
        }
    }

    void write(std::vector<Event> events)
    {
        ASSERT_TRUE(writer_.write(events, "batch-" + std::to_string(batch_++)));
    }

    anomaly::RunnerOptions options()
    {
        anomaly::RunnerOptions o;
        o.conninfo = db_.conninfo();
        o.tick = 100ms;
        o.lateness = 0s;
        o.clock = [this] { return Timestamp(clock_.load()); };
        o.log = [](const std::string& message) { ADD_FAILURE() << message; };
        return o;
    }

    // The attack: 60 failures from one address in the window after the history, then a success.
    void attack()
    {
        std::vector<Event> events;
        for (int i = 0; i < 60; ++i)
            events.push_back(
                login(t0_ + 1min + std::chrono::seconds(i), "web-01", "root", "203.0.113.45", false));
        events.push_back(login(t0_ + 3min, "web-01", "bob", "203.0.113.45", true));
        write(events);
    }

    std::vector<store::StoredAlert> alerts(const std::string& rule)
    {
        std::vector<store::StoredAlert> out;
        for (auto& a : store::AlertStore(conn_).list(true, 1000))
            if (a.record.rule_id == rule)
                out.push_back(a);
        return out;
    }
    long long alertCount() { return conn_.exec("SELECT count(*) FROM alerts").integer(0, 0); }

    static constexpr const char* kRate = "anomaly.rate.failed_logins.host";
    static constexpr const char* kFirst = "anomaly.first_seen.user_host";
    static constexpr const char* kBrute = "anomaly.brute_force.source";
    static constexpr const char* kRare = "anomaly.rare.dest_port";
    static constexpr const char* kSourceUser = "anomaly.first_seen.source_user";
    static constexpr const char* kRateSource = "anomaly.rate.failed_logins.source";

    test::TestDatabase db_;
    store::EventWriter writer_;
    store::PgConnection conn_;
    Timestamp t0_;
    std::atomic<Timestamp> clock_;
    int batch_ = 0;
};

TEST_F(AnomalyRunnerTest, LearnsThenRaisesSpikeFirstSeenAndBruteForceOnce)
{
    {
        anomaly::AnomalyRunner runner(options());
        ASSERT_TRUE(runner.tick());
        EXPECT_EQ(alertCount(), 0) << "learning from history raises nothing";
        const auto progress = anomaly::DetectorStore(conn_).progress(t0_);
        for (const auto& p : progress) {
            if (p.detector_id == kRate) {
                EXPECT_EQ(p.phase, anomaly::DetectorProgress::Phase::Live);
            }
        }
        attack();
        clock_ = t0_ + 10min + 1s;
        ASSERT_TRUE(runner.tick());
    }
    const auto rate = alerts(kRate);
    ASSERT_EQ(rate.size(), 1u);
    EXPECT_EQ(rate[0].record.entity, "host=web-01");
    EXPECT_TRUE(rate[0].record.anomaly);
    EXPECT_EQ(rate[0].record.count, 60);
    EXPECT_NE(rate[0].record.explanation.find("60 failed logins on web-01 in 10 min; usual for"),
              std::string::npos)
        << rate[0].record.explanation;
    EXPECT_NE(rate[0].record.details_json.find("\"template\": \"rate_spike\""), std::string::npos)
        << rate[0].record.details_json;

    const auto first = alerts(kFirst);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].record.entity, "user_name=bob\x1fhost=web-01");
    EXPECT_NE(first[0].record.details_json.find("first_seen"), std::string::npos)
        << first[0].record.details_json;

    const auto brute = alerts(kBrute);
    ASSERT_EQ(brute.size(), 1u);
    EXPECT_EQ(brute[0].record.entity, "source_ip=203.0.113.45");
    EXPECT_EQ(brute[0].record.level, "high");
    EXPECT_EQ(brute[0].record.count, 60);
    EXPECT_NE(brute[0].record.explanation.find("203.0.113.45"), std::string::npos)
        << brute[0].record.explanation;

    EXPECT_EQ(alertCount(), 3) << "disabled detectors raise nothing";

    // A resumed runner (same clock, later tick) does not raise the same findings again.
    anomaly::AnomalyRunner resumed(options());
    ASSERT_TRUE(resumed.tick());
    clock_ = t0_ + 12min;
    ASSERT_TRUE(resumed.tick());
    EXPECT_EQ(alertCount(), 3);
}

TEST_F(AnomalyRunnerTest, SecondRunnerStaysStandbyUntilTheFirstGoes)
{
    auto first = std::make_unique<anomaly::AnomalyRunner>(options());
    anomaly::AnomalyRunner second(options());
    EXPECT_TRUE(first->tick());
    EXPECT_FALSE(second.tick());
    first.reset();
    EXPECT_TRUE(second.tick()) << "takes over once the first runner's connection is gone";
}

TEST_F(AnomalyRunnerTest, ChangedSettingsRelearn)
{
    anomaly::AnomalyRunner runner(options());
    ASSERT_TRUE(runner.tick());
    anomaly::DetectorStore detectors(conn_);
    auto config = *detectors.find(kRate);
    const auto before = anomaly::AnomalyStore(conn_).state(kRate);
    ASSERT_TRUE(before && before->evaluated_until);
    config.settings.window = 5min;
    detectors.update(config);
    ASSERT_TRUE(runner.tick());
    const auto after = anomaly::AnomalyStore(conn_).state(kRate);
    ASSERT_TRUE(after && after->evaluated_until);
    EXPECT_NE(after->settings_hash, before->settings_hash);
    const auto baselines = anomaly::AnomalyStore(conn_).baselines(kRate, anomaly::gridFor(config.settings));
    ASSERT_EQ(baselines.size(), 1u);
    EXPECT_GT(baselines[0].baseline.global().n, 800) << "relearned on 5-minute windows";
}

TEST_F(AnomalyRunnerTest, StopsPromptlyFromItsThread)
{
    anomaly::RunnerOptions o = options();
    o.tick = 1h;
    anomaly::AnomalyRunner runner(o);
    runner.start();
    std::this_thread::sleep_for(200ms);
    const auto asked = std::chrono::steady_clock::now();
    runner.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - asked, 5s);
}

TEST_F(AnomalyRunnerTest, BurstInTheOpenWindowAlertsBeforeItClosesOnce)
{
    anomaly::AnomalyRunner runner(options());
    ASSERT_TRUE(runner.tick());
    attack();
    clock_ = t0_ + 5min; // the window [t0, t0 + 10 min) is still open
    ASSERT_TRUE(runner.tick());
    auto rate = alerts(kRate);
    ASSERT_EQ(rate.size(), 1u) << "early warning: the partial count already breaches";
    EXPECT_EQ(rate[0].record.window_start, t0_) << "the episode's identity: the window's start";
    EXPECT_EQ(rate[0].record.count, 60);
    EXPECT_NE(rate[0].record.details_json.find("\"template\": \"rate_spike\""), std::string::npos);

    // More failures before the window closes; closing it updates the same alert.
    std::vector<Event> more;
    for (int i = 0; i < 10; ++i)
        more.push_back(login(t0_ + 6min + std::chrono::seconds(i), "web-01", "root", "203.0.113.45", false));
    write(more);
    ASSERT_TRUE(runner.tick());
    clock_ = t0_ + 10min + 1s;
    ASSERT_TRUE(runner.tick());
    rate = alerts(kRate);
    ASSERT_EQ(rate.size(), 1u) << "the closed window updates the early alert, no duplicate";
    EXPECT_EQ(rate[0].record.count, 70);
    EXPECT_NE(rate[0].record.explanation.find("70 failed logins on web-01 in 10 min"), std::string::npos)
        << rate[0].record.explanation;
}

TEST_F(AnomalyRunnerTest, LearningStoppedMidwayResumesWhereItWas)
{
    anomaly::RunnerOptions o = options();
    o.learn_budget = 0ms; // one day of history per tick
    std::optional<anomaly::DetectorState> state;
    auto globalN = [&] {
        const auto settings = anomaly::DetectorStore(conn_).find(kRate)->settings;
        const auto b = anomaly::AnomalyStore(conn_).baselines(kRate, anomaly::gridFor(settings));
        return b.empty() ? 0 : b[0].baseline.global().n;
    };
    {
        anomaly::AnomalyRunner runner(o);
        ASSERT_TRUE(runner.tick());
        state = anomaly::AnomalyStore(conn_).state(kRate);
        ASSERT_TRUE(state && state->learned_from && state->learned_until);
        EXPECT_FALSE(state->evaluated_until) << "still learning";
        EXPECT_EQ(globalN(), 144) << "the first day's baseline is saved with its progress";
        for (const auto& p : anomaly::DetectorStore(conn_).progress(t0_))
            if (p.detector_id == kRate) {
                EXPECT_EQ(p.phase, anomaly::DetectorProgress::Phase::Learning);
                EXPECT_NEAR(p.fraction, 1.0 / 3, 0.02);
            }
    } // stopped midway
    anomaly::AnomalyRunner resumed(o);
    ASSERT_TRUE(resumed.tick());
    const auto next = anomaly::AnomalyStore(conn_).state(kRate);
    ASSERT_TRUE(next && next->learned_until);
    EXPECT_EQ(next->learned_from, state->learned_from) << "not started again from scratch";
    EXPECT_EQ(*next->learned_until - *state->learned_until, std::chrono::microseconds(24h));
    EXPECT_EQ(globalN(), 288);
    ASSERT_TRUE(resumed.tick());
    const auto done = anomaly::AnomalyStore(conn_).state(kRate);
    ASSERT_TRUE(done && done->evaluated_until);
    EXPECT_EQ(*done->evaluated_until, t0_);
    EXPECT_EQ(globalN(), 432) << "every window of the three days learned exactly once";
    EXPECT_EQ(alertCount(), 0) << "learning raises nothing";
}

TEST_F(AnomalyRunnerTest, RareAndNeverSeenDestinationPortsAreFlagged)
{
    // Port 443 all the time; 8443 twice, long ago (before the learning horizon).
    std::vector<Event> history;
    for (Timestamp t = t0_ - 72h; t < t0_; t += 10min)
        history.push_back(connection(t + 4min, "web-01", 443));
    history.push_back(connection(t0_ - 55h, "web-01", 8443));
    history.push_back(connection(t0_ - 54h, "web-01", 8443));
    write(history);
    enableOnly(kRare, [](anomaly::DetectorSettings& s) { s.learning_days = 1; });
    anomaly::AnomalyRunner runner(options());
    clock_ = t0_ - 36h;
    ASSERT_TRUE(runner.tick()); // learns [t0 − 60 h, t0 − 36 h)
    clock_ = t0_;
    ASSERT_TRUE(runner.tick()); // live through the rest of the history
    EXPECT_EQ(alertCount(), 0) << "learning and usual ports raise nothing";

    write({connection(t0_ + 1min, "web-01", 443), connection(t0_ + 2min, "web-01", 8443),
           connection(t0_ + 3min, "web-01", 31337)});
    clock_ = t0_ + 10min + 1s;
    ASSERT_TRUE(runner.tick());
    const auto rare = alerts(kRare);
    ASSERT_EQ(rare.size(), 2u);
    std::map<std::string, store::AlertRecord> by_entity;
    for (const auto& a : rare)
        by_entity[a.record.entity] = a.record;
    ASSERT_EQ(by_entity.count("dest_port=8443\x1fhost=web-01"), 1u);
    const auto& seldom = by_entity["dest_port=8443\x1fhost=web-01"];
    EXPECT_NE(seldom.details_json.find("\"template\": \"rare_value\""), std::string::npos)
        << seldom.details_json;
    EXPECT_NE(seldom.details_json.find("\"previous_count\": 2"), std::string::npos) << seldom.details_json;
    EXPECT_EQ(seldom.explanation, "Rare: 8443 on web-01, seen 2 times before");
    EXPECT_EQ(seldom.host, "web-01");
    ASSERT_EQ(by_entity.count("dest_port=31337\x1fhost=web-01"), 1u);
    const auto& unseen = by_entity["dest_port=31337\x1fhost=web-01"];
    EXPECT_NE(unseen.details_json.find("\"template\": \"rare_new\""), std::string::npos)
        << unseen.details_json;
    EXPECT_EQ(unseen.explanation, "Never seen before: 31337 on web-01");

    clock_ = t0_ + 20min;
    ASSERT_TRUE(runner.tick());
    EXPECT_EQ(alerts(kRare).size(), 2u) << "each window evaluated once";
}

TEST_F(AnomalyRunnerTest, FirstLoginFromANewNetworkNotFromANewAddressInAKnownOne)
{
    write({login(t0_ - 20h, "web-01", "alice", "2001:db8:1:2::5", true)}); // inside the learned day
    enableOnly(kSourceUser, [](anomaly::DetectorSettings& s) {
        s.learning_days = 1;
        s.key1_prefix = 24;
    });
    anomaly::AnomalyRunner runner(options());
    ASSERT_TRUE(runner.tick());
    EXPECT_EQ(alertCount(), 0);
    write({login(t0_ + 1min, "web-01", "alice", "10.0.0.77", true),        // same /24 as 10.0.0.5
           login(t0_ + 2min, "web-01", "alice", "2001:db8:1:2::99", true), // same /64
           login(t0_ + 3min, "web-01", "alice", "192.0.2.10", true)});     // a new network
    clock_ = t0_ + 10min + 1s;
    ASSERT_TRUE(runner.tick());
    const auto first = alerts(kSourceUser);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].record.entity, "source_ip=192.0.2.0/24\x1fuser_name=alice");
    EXPECT_EQ(first[0].record.explanation, "First seen: 192.0.2.0/24 on alice");

    anomaly::DetectorStore detectors(conn_);
    auto config = *detectors.find(kSourceUser);
    config.settings.key1 = "user_name";
    config.settings.key2 = "host";
    EXPECT_THROW(detectors.update(config), anomaly::DetectorConfigError) << "a prefix needs an address key";
}

TEST_F(AnomalyRunnerTest, SourceAddressesAreAdmittedAfterThreeWindowsAndCapped)
{
    std::vector<Event> history;
    auto failuresFrom = [&](const std::string& ip, std::chrono::hours ago, int windows) {
        for (int w = 0; w < windows; ++w)
            history.push_back(login(t0_ - ago + w * 10min + 5min, "web-02", "dave", ip, false));
    };
    failuresFrom("10.0.0.20", 70h, 2); // too few windows: no baseline
    failuresFrom("10.0.0.21", 68h, 3); // admitted, then the least recently active
    failuresFrom("10.0.0.22", 10h, 4); // admitted late
    write(history);
    enableOnly(kRateSource, [](anomaly::DetectorSettings& s) { s.max_entities = 2; });
    anomaly::AnomalyRunner runner(options());
    ASSERT_TRUE(runner.tick());
    const auto settings = anomaly::DetectorStore(conn_).find(kRateSource)->settings;
    std::set<std::string> kept;
    for (const auto& b : anomaly::AnomalyStore(conn_).baselines(kRateSource, anomaly::gridFor(settings)))
        kept.insert(b.entity);
    EXPECT_EQ(kept, (std::set<std::string>{"10.0.0.9", "10.0.0.22"}));
}

TEST_F(AnomalyRunnerTest, SilentHostDirectionIsRefusedRatherThanIgnored)
{
    anomaly::DetectorStore detectors(conn_);
    auto config = *detectors.find(kRate);
    config.settings.direction = anomaly::RateDirection::Down;
    try {
        detectors.update(config);
        ADD_FAILURE() << "a detector that could never alert was saved";
    } catch (const anomaly::DetectorConfigError& error) {
        EXPECT_EQ(error.path(), "settings.direction");
    }
}

} // namespace
