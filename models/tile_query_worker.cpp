// TileQueryWorker: one tile's aggregate (and band) on this worker's connection, with errors
// turned into sentences for the tile. Worker thread (one of TileQueryPool's).
#include "tile_query_worker.h"

#include "anomaly/baseline_band.h"
#include "query/aggregate.h"
#include "query/query.h"
#include "store/aggregate_runner.h"
#include "store/pg_connection.h"
#include "utf8_text.h"

namespace vigie::models {
namespace {

// PostgreSQL's query_canceled: the events route's statement_timeout.
constexpr std::string_view kQueryCanceled = "57014";

} // namespace

TileQueryWorker::TileQueryWorker(std::string conninfo) : conninfo_(std::move(conninfo)) {}

TileQueryWorker::~TileQueryWorker() = default;

store::AggregateRunner& TileQueryWorker::runner()
{
    if (!db_ || !db_->healthy()) {
        runner_.reset();
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    }
    if (!runner_)
        runner_ = std::make_unique<store::AggregateRunner>(*db_);
    return *runner_;
}

QString TileQueryWorker::describe(const std::exception& error)
{
    const QString what = qstr(error.what()).trimmed();
    if (const auto* syntax = dynamic_cast<const query::SyntaxError*>(&error))
        return tr("The tile's query has an error at character %1: %2")
            .arg(static_cast<qulonglong>(syntax->position()) + 1)
            .arg(what);
    if (dynamic_cast<const dashboard::DashboardFormatError*>(&error))
        return tr("This tile's definition cannot be used: %1").arg(what);
    if (const auto* sql = dynamic_cast<const store::SqlError*>(&error)) {
        if (sql->sqlstate() == kQueryCanceled)
            return tr("The query timed out: narrow the time range or the query.");
        return tr("The database refused the tile's query: %1").arg(what);
    }
    if (dynamic_cast<const store::ConnectionError*>(&error))
        return tr("The database cannot be reached: %1").arg(what);
    if (dynamic_cast<const std::invalid_argument*>(&error))
        return tr("This tile cannot be computed: %1").arg(what);
    return what;
}

TileResult TileQueryWorker::compute(quint64 generation, const dashboard::DashboardSpec& dashboard,
                                    const dashboard::TileSpec& tile, const dashboard::TileContext& context)
{
    TileResult result;
    result.generation = generation;
    result.tile_id = qstr(tile.id);
    try {
        const query::AggregateRequest request = dashboard::tileRequest(dashboard, tile, context);
        result.kind = request.kind;
        result.data = runner().run(query::buildAggregate(request));
        if (const auto sparkline = dashboard::sparklineRequest(dashboard, tile, context))
            result.sparkline = runner().run(query::buildAggregate(*sparkline));
        if (tile.aggregation.kind == "baseline")
            addBand(tile, dashboard::baselineEntity(dashboard, tile, context), request.bucket, result);
    } catch (const store::ConnectionError& e) {
        runner_.reset();
        db_.reset(); // reconnect on the next tile
        result.error = describe(e);
    } catch (const std::exception& e) {
        result.error = describe(e);
    }
    return result;
}

void TileQueryWorker::addBand(const dashboard::TileSpec& tile, const std::string& entity,
                              std::chrono::seconds bucket, TileResult& result)
{
    if (tile.aggregation.detector.empty() || result.data.buckets.empty())
        return;
    std::vector<anomaly::BandPoint> band;
    try {
        band = anomaly::readBand(*db_, tile.aggregation.detector, entity, result.data.buckets, bucket);
    } catch (const store::SqlError&) {
        return; // a detector that cannot be read: the counts are still worth showing
    }
    if (band.size() != result.data.buckets.size())
        return; // no learned baseline for this entity yet
    result.has_band = true;
    for (std::size_t i = 0; i < band.size(); ++i) {
        result.band.lower.push_back(band[i].lower);
        result.band.mean.push_back(band[i].mean);
        result.band.upper.push_back(band[i].upper);
        std::int64_t count = 0;
        for (const auto& series : result.data.series)
            count += series.counts[i];
        if (static_cast<double>(count) > band[i].upper)
            result.band.breaches.push_back(static_cast<int>(i));
    }
}

QStringList TileQueryWorker::variableValues(const dashboard::VariableSpec& variable,
                                            const query::TimeRange& range, QString* error)
{
    QStringList values;
    try {
        const auto result =
            runner().run(query::buildAggregate(dashboard::variableValuesRequest(variable, range)));
        for (const auto& row : result.rows)
            if (row.value)
                values << qstr(*row.value);
    } catch (const store::ConnectionError& e) {
        runner_.reset();
        db_.reset();
        *error = describe(e);
    } catch (const std::exception& e) {
        *error = describe(e);
    }
    return values;
}

} // namespace vigie::models
