#include "store/retention_scheduler.h"

#include "store/settings_store.h"

#include <exception>

namespace vigie::store {

RetentionScheduler::RetentionScheduler(std::string conninfo, std::chrono::milliseconds interval,
                                       Report report)
    : conninfo_(std::move(conninfo)), interval_(interval), report_(std::move(report))
{
}

RetentionScheduler::~RetentionScheduler()
{
    stop();
}

void RetentionScheduler::start()
{
    std::lock_guard lock(mutex_);
    if (thread_.joinable() || stopping_)
        return;
    thread_ = std::thread([this] { loop(); });
}

void RetentionScheduler::wake()
{
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    changed_.notify_all();
}

void RetentionScheduler::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id())
        thread_.join();
}

RetentionRun RetentionScheduler::runOnce(const std::string& conninfo, Timestamp now)
{
    RetentionRun run;
    try {
        PgConnection connection(conninfo);
        run.keep_days = readRetentionDays(connection);
        if (run.keep_days)
            run.result = applyRetention(connection, *run.keep_days, now, false);
    } catch (const std::exception& e) {
        run.error = e.what();
    }
    return run;
}

void RetentionScheduler::loop()
{
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        woken_ = false;
        lock.unlock();
        const RetentionRun run = runOnce(conninfo_, nowTimestamp());
        if (report_)
            report_(run);
        lock.lock();
        // A wake() during the run is kept in woken_ and runs again at once.
        changed_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
    }
}

} // namespace vigie::store
