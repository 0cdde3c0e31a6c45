#pragma once
// WorkerThread<Worker>: the thread plumbing of a GUI-thread service whose database work runs
// on a worker object of its own (which keeps its models::ThreadConnection on that thread): it
// starts the thread, posts each request to the worker with an id, counts the requests not
// answered yet, and hands the worker's answers back on the GUI thread — dropping those queued
// by a worker that was stopped meanwhile (a generation counter). stop() waits for the request
// being handled and deletes the worker on its own thread. Used from the GUI thread only.
#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <algorithm>
#include <functional>
#include <memory>

namespace vigie::models {

template <typename Worker> class WorkerThread {
public:
    explicit WorkerThread(QString threadName) : threadName_(std::move(threadName)) {}
    ~WorkerThread() { stop(); }
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    // Stops any previous worker, then runs `worker` (no parent; owned from now on) on a new
    // thread. Each `answer` it emits reaches `handler` on `context`'s thread and counts as one
    // request answered.
    template <typename Outcome>
    void start(Worker* worker, void (Worker::*answer)(const Outcome&), QObject* context,
               std::function<void(const Outcome&)> handler)
    {
        stop();
        thread_ = std::make_unique<QThread>();
        thread_->setObjectName(threadName_);
        worker_ = worker;
        worker_->moveToThread(thread_.get());
        QObject::connect(thread_.get(), &QThread::finished, worker_, &QObject::deleteLater);
        QObject::connect(
            worker_, answer, context,
            [this, generation = ++generation_, handler = std::move(handler)](const Outcome& outcome) {
                if (generation != generation_)
                    return;
                pending_ = std::max(pending_ - 1, 0);
                handler(outcome);
            });
        thread_->start();
    }

    // Waits for the request being handled, then ends the thread; the worker is deleted on it
    // when its event loop ends. Requests still queued are dropped unanswered.
    void stop()
    {
        if (!thread_)
            return;
        thread_->quit();
        thread_->wait();
        thread_.reset();
        worker_ = nullptr;
        ++generation_;
        pending_ = 0;
    }

    bool isRunning() const { return worker_ != nullptr; }
    // Requests posted and not answered yet.
    int pendingRequests() const { return pending_; }

    // Queues `call(worker, request)` on the worker's thread. Returns the request id (never 0)
    // the worker's answer is to carry, or 0 when no worker runs.
    template <typename Call> quint64 post(Call call)
    {
        if (!worker_)
            return 0;
        const quint64 request = ++nextRequest_;
        ++pending_;
        QMetaObject::invokeMethod(
            worker_, [worker = worker_, request, call] { call(worker, request); }, Qt::QueuedConnection);
        return request;
    }

private:
    QString threadName_;
    std::unique_ptr<QThread> thread_;
    Worker* worker_ = nullptr;
    quint64 generation_ = 0;
    quint64 nextRequest_ = 0;
    int pending_ = 0;
};

} // namespace vigie::models
