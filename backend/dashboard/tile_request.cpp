// From a dashboard tile to its aggregate request (tile_request.h): range, bucket, variables,
// kind mapping. Pure functions, any thread.
#include "dashboard/tile_request.h"

#include "query/time_text.h"
#include "query/variables.h"

#include <algorithm>
#include <charconv>

namespace vigie::dashboard {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// "15m", "24h", "7d" (no sign): the length, nullopt when not such a text.
std::optional<seconds> parseSpan(std::string_view text)
{
    if (text.size() < 2)
        return std::nullopt;
    long long count = 0;
    const auto digits = text.substr(0, text.size() - 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (error != std::errc() || end != digits.data() + digits.size() || count <= 0)
        return std::nullopt;
    switch (text.back()) {
    case 'm':
        return minutes(count);
    case 'h':
        return hours(count);
    case 'd':
        return days(count);
    default:
        return std::nullopt;
    }
}

Timestamp parseUtc(const std::string& text, const char* path)
{
    const auto parsed = query::parseIsoTimestamp(text);
    if (!parsed)
        throw DashboardFormatError(path,
                                   "\"" + text + "\" is not a UTC time such as \"2026-11-22T08:00:00Z\"");
    return parsed->ts;
}

// "tiles[3]" when `tile` is one of the dashboard's tiles, else "tile".
std::string tilePath(const DashboardSpec& dashboard, const TileSpec& tile)
{
    for (std::size_t i = 0; i < dashboard.tiles.size(); ++i)
        if (&dashboard.tiles[i] == &tile || dashboard.tiles[i].id == tile.id)
            return "tiles[" + std::to_string(i) + "]";
    return "tile";
}

query::AggregateSource sourceOf(const TileSpec& tile, const std::string& path)
{
    if (tile.source.empty() || tile.source == "events")
        return query::AggregateSource::Events;
    if (tile.source == "alerts")
        return query::AggregateSource::Alerts;
    throw DashboardFormatError(path + ".source", "unknown value \"" + tile.source + "\"");
}

// The request fields every kind shares.
query::AggregateRequest baseRequest(const DashboardSpec& dashboard, const TileSpec& tile,
                                    const TileContext& context, const std::string& path)
{
    query::AggregateRequest request;
    request.source = sourceOf(tile, path);
    request.query = query::expandVariables(tile.query, variableValues(dashboard, context.variables));
    request.range = absoluteRange(dashboard.time, context.now);
    request.time_zone = context.time_zone;
    return request;
}

} // namespace

query::TimeRange absoluteRange(const TimeSpec& time, Timestamp now)
{
    if (time.isRelative()) {
        const auto span = time.relative.front() == '-' ? parseSpan(std::string_view(time.relative).substr(1))
                                                       : std::nullopt;
        if (!span)
            throw DashboardFormatError("time.relative",
                                       "\"" + time.relative + "\" is not a relative range such as \"-24h\"");
        return {now - *span, now};
    }
    const Timestamp from = parseUtc(time.from, "time.from");
    const Timestamp to = parseUtc(time.to, "time.to");
    if (from >= to)
        throw DashboardFormatError("time.to", "must be later than time.from");
    return {from, to};
}

seconds tileBucket(std::string_view bucket, const query::TimeRange& range)
{
    if (!bucket.empty() && bucket != "auto") {
        if (const auto span = parseSpan(bucket))
            return *span;
        throw DashboardFormatError("aggregation.bucket",
                                   "\"" + std::string(bucket) +
                                       "\" is not a bucket such as \"10m\", \"1h\" or \"auto\"");
    }
    const auto length = range.from && range.to ? std::chrono::duration_cast<seconds>(*range.to - *range.from)
                                               : seconds(hours(24));
    if (length < hours(2))
        return minutes(1);
    if (length < hours(12))
        return minutes(10);
    if (length < days(14))
        return hours(1);
    // Whole days, as many as keep the chart under ~400 buckets.
    constexpr long long kMaxBuckets = 400;
    const long long dayCount = std::chrono::duration_cast<days>(length).count();
    return days(std::max<long long>(1, (dayCount + kMaxBuckets - 1) / kMaxBuckets));
}

VariableValues variableValues(const DashboardSpec& dashboard, const VariableValues& chosen)
{
    VariableValues values;
    for (const auto& variable : dashboard.variables) {
        const auto picked = chosen.find(variable.name);
        values[variable.name] = picked != chosen.end() ? picked->second : variable.default_value;
    }
    return values;
}

query::AggregateRequest tileRequest(const DashboardSpec& dashboard, const TileSpec& tile,
                                    const TileContext& context)
{
    const std::string path = tilePath(dashboard, tile);
    const AggregationSpec& aggregation = tile.aggregation;
    query::AggregateRequest request = baseRequest(dashboard, tile, context, path);
    const auto& kind = aggregation.kind;
    if (kind == "count_over_time" || kind == "baseline") {
        request.kind = query::AggregateKind::CountOverTime;
        request.bucket = tileBucket(aggregation.bucket, request.range);
        if (kind == "count_over_time") {
            request.split_by = aggregation.split_by;
            request.split_limit = aggregation.split_limit;
        }
    } else if (kind == "top") {
        request.kind = query::AggregateKind::Top;
        request.field = aggregation.field;
        request.limit = aggregation.limit;
        request.order = aggregation.order == "asc" ? query::SortOrder::Asc : query::SortOrder::Desc;
    } else if (kind == "distinct") {
        request.kind = query::AggregateKind::Distinct;
        request.field = aggregation.field;
    } else if (kind == "sum" || kind == "avg") {
        // One number over the range: the planner has no sum per bucket yet.
        request.kind = kind == "sum" ? query::AggregateKind::Sum : query::AggregateKind::Avg;
        request.field = aggregation.field;
    } else if (kind == "total") {
        request.kind = query::AggregateKind::Total;
        request.previous_period = tile.visualization.trend;
    } else if (kind == "heatmap") {
        request.kind = query::AggregateKind::Heatmap;
    } else if (kind == "list") {
        request.kind = query::AggregateKind::List;
        request.columns = aggregation.columns;
        request.limit = aggregation.limit;
    } else {
        throw DashboardFormatError(path + ".aggregation.kind", "unknown value \"" + kind + "\"");
    }
    return request;
}

std::optional<query::AggregateRequest> sparklineRequest(const DashboardSpec& dashboard, const TileSpec& tile,
                                                        const TileContext& context)
{
    if (tile.visualization.kind != "number" || !tile.visualization.sparkline)
        return std::nullopt;
    query::AggregateRequest request = baseRequest(dashboard, tile, context, tilePath(dashboard, tile));
    request.kind = query::AggregateKind::CountOverTime;
    request.bucket = tileBucket("auto", request.range);
    return request;
}

std::string baselineEntity(const DashboardSpec& dashboard, const TileSpec& tile, const TileContext& context)
{
    const VariableValues variables = variableValues(dashboard, context.variables);
    const std::string& entity = tile.aggregation.entity;
    const auto equals = entity.find('=');
    if (entity.empty() || equals == std::string::npos)
        return entity;
    const std::string key = entity.substr(0, equals);
    std::string value = entity.substr(equals + 1);
    if (!value.empty() && value.front() == '$') {
        const auto found = variables.find(std::string_view(value).substr(1));
        if (found == variables.end())
            throw query::SyntaxError(equals + 1, "a dashboard variable",
                                     "unknown variable " + value + " in the baseline entity");
        value = found->second;
    }
    if (value.empty() || value == query::kAnyValue)
        return {};
    return key + "=" + value;
}

query::AggregateRequest variableValuesRequest(const VariableSpec& variable, const query::TimeRange& range)
{
    constexpr int kVariableValues = 50;
    query::AggregateRequest request;
    request.query = variable.values_query;
    request.range = range;
    request.kind = query::AggregateKind::Top;
    request.field = variable.field;
    request.limit = kVariableValues;
    return request;
}

} // namespace vigie::dashboard
