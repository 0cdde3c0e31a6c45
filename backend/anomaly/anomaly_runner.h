#pragma once
// AnomalyRunner: evaluates the enabled anomaly detectors against the database (design notes
// §4) on its own std::thread with its own PgConnection. It holds the advisory lock
// 'vigie.anomaly' so one process per database evaluates; a second runner stays standby and
// takes over when the first goes. Each tick it reloads detectors whose settings changed,
// learns from history (no alerts) on first enable or changed settings — a day at a time, its
// progress saved with each day, so a stop resumes where it was — then evaluates the closed
// windows since `evaluated_until` exactly once: alerts, baselines and evaluated_until are
// written in one transaction. Rate detectors also count the open window each tick and raise
// an episode's alert early when its partial count already breaches. Started and stopped by
// whoever owns the ingest engine.
#include "anomaly/anomaly_store.h"
#include "anomaly/brute_force_detector.h"
#include "anomaly/detector_config.h"
#include "anomaly/rate_detector.h"
#include "event/event.h"
#include "store/pg_connection.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace vigie::anomaly {

struct RunnerOptions {
    std::string conninfo;
    std::chrono::milliseconds tick{60000};
    std::chrono::seconds lateness{120}; // a window is evaluated once now − lateness ≥ its end
    // History learned per detector per tick (at least one day of it): a long history is learned
    // over several ticks, so the other detectors stay live and a stop is prompt.
    std::chrono::milliseconds learn_budget{10000};
    std::function<Timestamp()> clock = nowTimestamp;
    std::function<void(const std::string&)> log; // problems, one sentence each; may be empty
};

class AnomalyRunner {
public:
    explicit AnomalyRunner(RunnerOptions options);
    ~AnomalyRunner(); // stop()
    AnomalyRunner(const AnomalyRunner&) = delete;
    AnomalyRunner& operator=(const AnomalyRunner&) = delete;

    // Starts the thread (connects on it: returns at once).
    void start();
    // Asks the thread to end after the current step; returns at once.
    void requestStop();
    // requestStop() and joins.
    void stop();

    // One tick on the caller's thread (the thread's loop; tests without start()). Returns
    // whether this runner holds the lock and evaluated. Throws nothing: problems are logged and
    // the connection is dropped, to be made again next tick.
    bool tick();

private:
    struct Live {
        DetectorConfig config;
        std::string hash;
        std::unique_ptr<RateDetector> rate;
        std::unique_ptr<BruteForceDetector> brute;
        std::map<std::string, AnomalyFinding> new_hosts; // first-seen: folded findings by host
    };

    struct SeenRows;

    void run();
    void reload();
    void release();
    void step(Live& live, Timestamp now);
    void stepRate(Live& live, Timestamp now, Timestamp end);
    // Learns history windows up to `closed` from state.learned_until, a day per transaction,
    // until done (true) or the tick's learning budget is spent (false).
    bool learnRate(Live& live, DetectorState& state, std::int64_t closed);
    void warnEarly(Live& live, std::int64_t open, Timestamp now);
    // First-seen and rare detectors: anomaly_seen rows.
    void stepSeen(Live& live, Timestamp end);
    SeenRows recordSeen(const Live& live, Timestamp from, Timestamp to);
    std::vector<AnomalyFinding> firstSeenFindings(Live& live, const DetectorState& state,
                                                  const SeenRows& seen);
    std::vector<AnomalyFinding> rareFindings(const Live& live, const DetectorState& state,
                                             const SeenRows& seen);
    void stepBruteForce(Live& live, Timestamp end);
    void writeAlerts(const Live& live, const std::vector<AnomalyFinding>& findings);
    void log(const std::string& message) const;
    bool stopping() const { return stop_.load(); }
    bool learnedEnough(std::chrono::steady_clock::time_point started) const;

    RunnerOptions options_;
    std::unique_ptr<store::PgConnection> db_;
    bool locked_ = false;
    std::string stamp_;
    std::map<std::string, Live> live_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
};

} // namespace vigie::anomaly
