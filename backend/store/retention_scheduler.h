#pragma once
// RetentionScheduler: the maintenance step that applies the retention window saved in the
// database (settings_store.h) once when started, then every `interval` (a day), and at once
// when wake() is called (the window was just changed). Used alike by `vigiectl serve` and the
// desktop session. Runs on its own thread with a connection per run, so a database that is
// away only fails that run (reported, retried at the next one). start(), wake() and stop() may
// be called from any thread; `report` is called on the scheduler's thread after each run.
#include "store/retention.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace vigie::store {

struct RetentionRun {
    std::optional<int> keep_days; // nullopt: no window is set, nothing is ever dropped
    RetentionResult result;       // what was dropped (nothing when unset or failed)
    std::string error;            // why the run failed, empty when it did not
};

class RetentionScheduler {
public:
    using Report = std::function<void(const RetentionRun&)>;

    RetentionScheduler(std::string conninfo, std::chrono::milliseconds interval, Report report);
    ~RetentionScheduler(); // stop()
    RetentionScheduler(const RetentionScheduler&) = delete;
    RetentionScheduler& operator=(const RetentionScheduler&) = delete;

    void start();
    // Runs again now (after the current run, if one is under way).
    void wake();
    // Waits for the current run to finish, then ends the thread.
    void stop();

    // One run: reads the window and applies it. Never throws; failures land in `error`.
    static RetentionRun runOnce(const std::string& conninfo, Timestamp now);

private:
    void loop();

    std::string conninfo_;
    std::chrono::milliseconds interval_;
    Report report_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace vigie::store
