// DashboardRefresher: refresh runs of the open dashboard — range made absolute, tiles handed to
// the pool, automatic refresh timer, status. GUI thread.
#include "dashboard_refresher.h"

#include "dashboard_document.h"
#include "tile_query_pool.h"

#include <QTimeZone>

namespace vigie::models {
namespace {

Timestamp systemNow()
{
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

} // namespace

DashboardRefresher::DashboardRefresher(TileQueryPool* pool, QObject* parent)
    : QObject(parent), pool_(pool), timeZone_(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
      clock_(systemNow)
{
    timer_.setSingleShot(false);
    connect(&timer_, &QTimer::timeout, this, &DashboardRefresher::onTimer);
    connect(pool_, &TileQueryPool::tileReady, this, &DashboardRefresher::tileResult);
    connect(pool_, &TileQueryPool::finished, this, &DashboardRefresher::onFinished);
    connect(pool_, &TileQueryPool::variableValuesReady, this, &DashboardRefresher::variableValuesReady);
}

void DashboardRefresher::setDocument(DashboardDocument* document)
{
    if (document_)
        disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    pool_->cancel();
    outstanding_.clear();
    refreshing_ = false;
    if (!document) {
        timer_.stop();
        return;
    }
    // What changes the numbers refreshes them; geometry and name do not.
    connect(document, &DashboardDocument::reset, this, &DashboardRefresher::refreshNow);
    connect(document, &DashboardDocument::timeRangeChanged, this, &DashboardRefresher::refreshNow);
    connect(document, &DashboardDocument::variableChanged, this, &DashboardRefresher::refreshNow);
    connect(document, &DashboardDocument::refreshChanged, this, &DashboardRefresher::reschedule);
    connect(document, &DashboardDocument::tileAdded, this,
            [this](int, const QString& id) { refreshTiles({id}); });
    connect(document, &DashboardDocument::tileChanged, this,
            [this](const QString& id) { refreshTiles({id}); });
    reschedule();
    refreshNow();
}

void DashboardRefresher::setTimeZone(const QString& zone)
{
    timeZone_ = zone;
}

void DashboardRefresher::setClock(Clock clock)
{
    clock_ = std::move(clock);
}

void DashboardRefresher::setVisible(bool visible)
{
    visible_ = visible;
    if (visible && skipped_) {
        skipped_ = false;
        refreshNow();
    }
}

void DashboardRefresher::reschedule()
{
    const int seconds = document_ ? document_->spec().refresh_seconds : 0;
    if (seconds <= 0) {
        timer_.stop();
        return;
    }
    timer_.start(seconds * 1000);
}

void DashboardRefresher::onTimer()
{
    // Hidden: nobody looks; still refreshing: the database is slower than the interval.
    if (!visible_) {
        skipped_ = true;
        return;
    }
    if (refreshing_)
        return;
    refreshNow();
}

void DashboardRefresher::refreshNow()
{
    start({});
}

void DashboardRefresher::refreshTiles(const QStringList& ids)
{
    start(ids);
}

void DashboardRefresher::start(const QStringList& ids)
{
    if (!document_ || !pool_->isRunning())
        return;
    if (ids.isEmpty() || context_.tile.now == Timestamp{}) {
        // A new run: the range moves with the clock. A single edited tile keeps the last
        // run's range so it matches its neighbours.
        const Timestamp now = clock_();
        context_.tile = dashboard::TileContext{now, document_->variableValues(), timeZone_.toStdString()};
        try {
            context_.range = dashboard::absoluteRange(document_->spec().time, now);
        } catch (const std::exception&) {
            context_.range = {}; // the tiles report the bad range themselves
        }
    }
    context_.tile.variables = document_->variableValues();
    if (!refreshing_) {
        refreshing_ = true;
        elapsed_.start();
        Q_EMIT refreshStarted();
    }
    generation_ += 1;
    if (ids.isEmpty())
        outstanding_.clear(); // the pool drops older runs for a whole refresh
    outstanding_.insert(generation_);
    pool_->submit(generation_, document_->spec(), context_.tile, ids);
}

void DashboardRefresher::onFinished(quint64 generation)
{
    if (outstanding_.erase(generation) == 0 || !outstanding_.empty() || !refreshing_)
        return;
    refreshing_ = false;
    Q_EMIT refreshFinished(std::chrono::milliseconds(elapsed_.elapsed()));
}

void DashboardRefresher::requestVariableValues(const QString& name)
{
    if (!document_)
        return;
    for (const auto& variable : document_->spec().variables)
        if (variable.name == name.toStdString()) {
            const Timestamp now = clock_();
            pool_->requestVariableValues(variable, dashboard::absoluteRange(document_->spec().time, now));
            return;
        }
}

} // namespace vigie::models
