// TileQueryPool: the queue of tile jobs of the open dashboard, shared between two worker
// threads; drops stale answers and shares identical requests. GUI thread (the workers run the
// jobs on theirs).
#include "tile_query_pool.h"

#include "tile_query_worker.h"

#include "query/aggregate.h"
#include "utf8_text.h"

#include <QMetaObject>

#include <algorithm>

namespace vigie::models {
namespace {

std::string micros(const std::optional<Timestamp>& ts)
{
    return ts ? std::to_string(ts->time_since_epoch().count()) : std::string("-");
}

// Everything that makes two tiles' answers the same: the request, and what the worker adds.
QString keyOf(const query::AggregateRequest& r, const dashboard::TileSpec& tile, const std::string& entity)
{
    std::string key = r.query + '\x1f' + std::to_string(static_cast<int>(r.source)) + '\x1f' +
                      micros(r.range.from) + '\x1f' + micros(r.range.to) + '\x1f' +
                      std::to_string(static_cast<int>(r.kind)) + '\x1f' + std::to_string(r.bucket.count()) +
                      '\x1f' + r.split_by + '\x1f' + std::to_string(r.split_limit) + '\x1f' + r.field +
                      '\x1f' + std::to_string(r.limit) + '\x1f' + std::to_string(static_cast<int>(r.order)) +
                      '\x1f' + (r.previous_period ? "p" : "") + '\x1f' + r.time_zone + '\x1f';
    for (const auto& column : r.columns)
        key += column + ',';
    key += '\x1f' +
           (tile.aggregation.kind == "baseline" ? tile.aggregation.detector + '=' + entity : std::string());
    key += tile.visualization.kind == "number" && tile.visualization.sparkline ? "\x1fspark" : "";
    return qstr(key);
}

// The events route is the slow one: started first so it does not finish last.
int costOf(const query::AggregateRequest& request)
{
    try {
        return query::buildAggregate(request).route == query::AggregateRoute::Events ? 2 : 1;
    } catch (const std::exception&) {
        return 0; // fails at once on the worker, with its sentence
    }
}

} // namespace

TileQueryPool::TileQueryPool(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<TileResult>();
}

TileQueryPool::~TileQueryPool()
{
    stop();
}

void TileQueryPool::start(const QString& conninfo)
{
    stop();
    for (int i = 0; i < kWorkers; ++i) {
        Slot slot;
        slot.thread = std::make_unique<QThread>();
        slot.thread->setObjectName(QStringLiteral("tile query worker %1").arg(i + 1));
        slot.worker = new TileQueryWorker(conninfo.toStdString());
        slot.worker->moveToThread(slot.thread.get());
        connect(slot.thread.get(), &QThread::finished, slot.worker, &QObject::deleteLater);
        slot.thread->start();
        slots_.push_back(std::move(slot));
    }
}

void TileQueryPool::stop()
{
    cancel();
    for (Slot& slot : slots_) {
        slot.thread->quit();
        slot.thread->wait();
    }
    slots_.clear();
}

bool TileQueryPool::isRunning() const
{
    return !slots_.empty();
}

int TileQueryPool::pendingTiles() const
{
    const auto found = remaining_.find(generation_);
    return found == remaining_.end() ? 0 : found->second;
}

void TileQueryPool::cancel()
{
    queue_.clear();
    remaining_.clear();
    floor_ = generation_ + 1; // answers still running are dropped
}

void TileQueryPool::submit(quint64 generation, const dashboard::DashboardSpec& dashboard,
                           const dashboard::TileContext& context, const QStringList& tileIds)
{
    generation_ = std::max(generation_, generation);
    auto shared = std::make_shared<const dashboard::DashboardSpec>(dashboard);
    std::vector<const dashboard::TileSpec*> tiles;
    for (const auto& tile : shared->tiles)
        if (tileIds.isEmpty() || tileIds.contains(qstr(tile.id)))
            tiles.push_back(&tile);
    for (const auto* tile : tiles)
        latest_[qstr(tile->id)] = generation;
    if (tileIds.isEmpty()) {
        // A whole refresh replaces every older one, removed tiles' included.
        floor_ = generation;
        std::erase_if(queue_, [](const auto& job) { return !job->variable; });
        remaining_.erase(remaining_.begin(), remaining_.lower_bound(generation));
    } else {
        // Older jobs still queued for these tiles are not wanted any more.
        for (auto& job : queue_) {
            const auto before = job->tiles.size();
            job->tiles.removeIf([this, &job](const QString& id) { return latest_[id] != job->generation; });
            for (auto n = job->tiles.size(); n < before; ++n)
                tileDone(job->generation);
        }
        std::erase_if(queue_, [](const auto& job) { return job->tiles.isEmpty() && !job->variable; });
    }
    remaining_[generation] += static_cast<int>(tiles.size());
    for (const auto* tile : tiles)
        enqueue(generation, shared, *tile, context);
    std::stable_sort(queue_.begin(), queue_.end(),
                     [](const auto& a, const auto& b) { return a->cost > b->cost; });
    if (tiles.empty()) // nothing to ask: still one finished() per submit
        QMetaObject::invokeMethod(
            this, [this, generation] { Q_EMIT finished(generation); }, Qt::QueuedConnection);
    dispatch();
}

void TileQueryPool::enqueue(quint64 generation,
                            const std::shared_ptr<const dashboard::DashboardSpec>& dashboard,
                            const dashboard::TileSpec& tile, const dashboard::TileContext& context)
{
    auto job = std::make_shared<Job>();
    job->generation = generation;
    job->tiles << qstr(tile.id);
    job->dashboard = dashboard;
    job->tile = tile;
    job->context = context;
    try {
        const auto request = dashboard::tileRequest(*dashboard, tile, context);
        const std::string entity =
            tile.aggregation.kind == "baseline" ? dashboard::baselineEntity(*dashboard, tile, context) : "";
        job->key = keyOf(request, tile, entity);
        job->cost = costOf(request);
    } catch (const std::exception&) {
        job->key.clear(); // a tile that cannot be asked: the worker answers with the reason
    }
    if (!job->key.isEmpty()) {
        const auto same = std::find_if(queue_.begin(), queue_.end(), [&job](const auto& other) {
            return other->generation == job->generation && other->key == job->key;
        });
        if (same != queue_.end()) {
            (*same)->tiles << qstr(tile.id);
            return;
        }
    }
    queue_.push_back(std::move(job));
}

void TileQueryPool::requestVariableValues(const dashboard::VariableSpec& variable,
                                          const query::TimeRange& range)
{
    auto job = std::make_shared<Job>();
    job->variable = variable;
    job->range = range;
    job->cost = 3; // the variables bar waits for it: ahead of tiles
    queue_.insert(queue_.begin(), std::move(job));
    dispatch();
}

void TileQueryPool::dispatch()
{
    for (std::size_t index = 0; index < slots_.size() && !queue_.empty(); ++index) {
        Slot& slot = slots_[index];
        if (slot.job)
            continue;
        slot.job = queue_.front();
        queue_.erase(queue_.begin());
        std::shared_ptr<const Job> job = slot.job;
        TileQueryWorker* worker = slot.worker;
        QMetaObject::invokeMethod(
            worker,
            [this, worker, job, index] {
                if (job->variable) {
                    QString error;
                    const QStringList values = worker->variableValues(*job->variable, job->range, &error);
                    QMetaObject::invokeMethod(
                        this, [this, index, values, error] { onVariableAnswer(index, values, error); },
                        Qt::QueuedConnection);
                    return;
                }
                const TileResult result =
                    worker->compute(job->generation, *job->dashboard, job->tile, job->context);
                QMetaObject::invokeMethod(
                    this, [this, index, result] { onTileAnswer(index, result); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
}

void TileQueryPool::onTileAnswer(std::size_t slot, const TileResult& result)
{
    if (slot >= slots_.size() || !slots_[slot].job)
        return; // stopped meanwhile
    const std::shared_ptr<Job> job = std::move(slots_[slot].job);
    deliver(*job, result);
    dispatch();
}

void TileQueryPool::onVariableAnswer(std::size_t slot, const QStringList& values, const QString& error)
{
    if (slot >= slots_.size() || !slots_[slot].job)
        return;
    const std::shared_ptr<Job> job = std::move(slots_[slot].job);
    Q_EMIT variableValuesReady(qstr(job->variable->name), values, error);
    dispatch();
}

void TileQueryPool::deliver(const Job& job, const TileResult& result)
{
    for (const QString& id : job.tiles) {
        const bool wanted = job.generation >= floor_ && latest_[id] == job.generation;
        if (wanted) {
            TileResult copy = result;
            copy.tile_id = id; // identical tiles share one answer
            Q_EMIT tileReady(copy);
        }
        if (job.generation >= floor_)
            tileDone(job.generation);
    }
}

void TileQueryPool::tileDone(quint64 generation)
{
    const auto found = remaining_.find(generation);
    if (found == remaining_.end())
        return;
    if (--found->second > 0)
        return;
    remaining_.erase(found);
    Q_EMIT finished(generation);
}

} // namespace vigie::models
