#include "engine_status.h"

namespace vigie::models {

EngineStatus::EngineStatus(QObject* parent) : QObject(parent)
{
    timer_.setInterval(std::chrono::seconds(1));
    connect(&timer_, &QTimer::timeout, this, &EngineStatus::sample);
}

void EngineStatus::setEngine(const ingest::Engine* engine)
{
    engine_ = engine;
    receivedRate_ = 0;
    storedRate_ = 0;
    if (!engine_) {
        timer_.stop();
        setState(DatabaseState::NotConnected, {});
        return;
    }
    stats_ = engine_->stats();
    clock_.start();
    timer_.start();
    setState(stats_.database_up ? DatabaseState::Up : DatabaseState::Down,
             QString::fromStdString(stats_.database_error));
}

void EngineStatus::setStartingLocal()
{
    setState(DatabaseState::StartingLocal, {});
}

void EngineStatus::setConnecting()
{
    setState(DatabaseState::Connecting, {});
}

void EngineStatus::setFailed(const QString& message)
{
    engine_ = nullptr;
    timer_.stop();
    receivedRate_ = 0;
    storedRate_ = 0;
    setState(DatabaseState::Failed, message);
}

void EngineStatus::setCollectedByServer()
{
    engine_ = nullptr;
    timer_.stop();
    receivedRate_ = 0;
    storedRate_ = 0;
    setState(DatabaseState::Server, {});
}

void EngineStatus::setState(DatabaseState state, const QString& error)
{
    state_ = state;
    error_ = error;
    Q_EMIT changed();
}

void EngineStatus::sample()
{
    if (!engine_)
        return;
    const ingest::EngineStats previous = stats_;
    stats_ = engine_->stats();
    const double seconds = std::max<qint64>(clock_.restart(), 1) / 1000.0;
    // Counters only grow; a restarted engine would make them smaller, which reads as zero.
    const auto rate = [seconds](std::uint64_t now, std::uint64_t before) {
        return now > before ? static_cast<double>(now - before) / seconds : 0.0;
    };
    receivedRate_ = rate(stats_.received, previous.received);
    storedRate_ = rate(stats_.stored, previous.stored);
    state_ = stats_.database_up ? DatabaseState::Up : DatabaseState::Down;
    error_ = QString::fromStdString(stats_.database_error);
    Q_EMIT changed();
}

} // namespace vigie::models
