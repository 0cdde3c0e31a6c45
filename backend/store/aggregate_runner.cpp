// AggregateRunner (aggregate_runner.h).
#include "store/aggregate_runner.h"

#include "store/result_values.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>

namespace vigie::store {
namespace {

using query::AggregateKind;

// Buckets start on multiples of the bucket since the epoch (date_bin in the plan).
Timestamp bucketFloor(Timestamp t, std::chrono::seconds bucket)
{
    const auto since = t.time_since_epoch();
    const auto width = std::chrono::duration_cast<Timestamp::duration>(bucket);
    auto floored = since - since % width;
    if (since.count() < 0 && since % width != Timestamp::duration::zero())
        floored -= width;
    return Timestamp(floored);
}

void decodeSeries(const query::AggregatePlan& plan, const PgResult& rows, AggregateResult& out)
{
    const auto width = std::chrono::duration_cast<Timestamp::duration>(plan.bucket);
    for (auto t = bucketFloor(plan.from, plan.bucket); t < plan.to; t += width)
        out.buckets.push_back(t);
    // (other, value) → series; the statement sorts values within a bucket, not series by total.
    std::map<std::pair<bool, std::optional<std::string>>, AggregateSeries> series;
    for (int row = 0; row < rows.rows(); ++row) {
        const auto index =
            static_cast<std::size_t>((timestampAt(rows, row, 0) - out.buckets.front()) / width);
        const bool other = rows.text(row, 2) == "t";
        auto& s = series[{other, optionalText(rows, row, 1)}];
        s.value = optionalText(rows, row, 1);
        s.other = other;
        s.counts.resize(out.buckets.size());
        if (index < s.counts.size())
            s.counts[index] += rows.integer(row, 3);
    }
    for (auto& [key, s] : series)
        out.series.push_back(std::move(s));
    const auto total = [](const AggregateSeries& s) {
        return std::accumulate(s.counts.begin(), s.counts.end(), std::int64_t{0});
    };
    // Largest first; "(none)" and "other" after the named values.
    std::stable_sort(out.series.begin(), out.series.end(), [&](const auto& a, const auto& b) {
        const auto rank = [](const AggregateSeries& s) { return s.other ? 2 : s.value ? 0 : 1; };
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return total(a) > total(b);
    });
    if (out.series.empty()) // one series of zeros: the chart still has its axis
        out.series.push_back({std::nullopt, false, std::vector<std::int64_t>(out.buckets.size())});
}

} // namespace

AggregateRunner::AggregateRunner(PgConnection& db) : db_(db)
{
    db_.exec("SET DateStyle TO ISO");
}

PgResult AggregateRunner::execute(const query::AggregatePlan& plan)
{
    if (!plan.statement_timeout)
        return db_.exec(plan.sql, plan.params);
    // SET LOCAL needs a transaction; set_config takes the value as a parameter.
    db_.execScript("BEGIN");
    try {
        db_.exec("SELECT set_config('statement_timeout', $1, true)",
                 {std::to_string(plan.statement_timeout->count()) + "ms"});
        auto result = db_.exec(plan.sql, plan.params);
        db_.execScript("COMMIT");
        return result;
    } catch (const SqlError&) {
        db_.execScript("ROLLBACK");
        throw;
    }
}

AggregateResult AggregateRunner::run(const query::AggregatePlan& plan)
{
    const auto started = std::chrono::steady_clock::now();
    const auto rows = execute(plan);
    AggregateResult out;
    out.route = plan.route;
    switch (plan.kind) {
    case AggregateKind::CountOverTime:
        decodeSeries(plan, rows, out);
        break;
    case AggregateKind::Top:
        for (int row = 0; row < rows.rows(); ++row)
            out.rows.push_back({optionalText(rows, row, 0), rows.integer(row, 1)});
        break;
    case AggregateKind::Distinct:
        out.count = rows.integer(0, 0);
        break;
    case AggregateKind::Total:
        out.count = rows.integer(0, 0);
        if (!rows.isNull(0, 1))
            out.previous = rows.integer(0, 1);
        break;
    case AggregateKind::Sum:
    case AggregateKind::Avg:
        if (!rows.isNull(0, 0)) {
            // from_chars: the server's '.' whatever the process locale (Qt sets it from the user's).
            const auto text = rows.text(0, 0);
            double value = 0;
            if (std::from_chars(text.data(), text.data() + text.size(), value).ec != std::errc())
                throw StoreError("unexpected number from the server: " + std::string(text));
            out.value = value;
        }
        break;
    case AggregateKind::Heatmap:
        for (int row = 0; row < rows.rows(); ++row)
            out.cells.push_back({static_cast<int>(rows.integer(row, 0)),
                                 static_cast<int>(rows.integer(row, 1)), rows.integer(row, 2)});
        break;
    case AggregateKind::List:
        // Every column arrives as text (the plan formats timestamps and addresses).
        out.list_columns = plan.columns;
        for (int row = 0; row < rows.rows(); ++row) {
            auto& values = out.list_rows.emplace_back();
            for (std::size_t column = 0; column < plan.columns.size(); ++column)
                values.push_back(optionalText(rows, row, static_cast<int>(column)));
        }
        break;
    }
    out.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return out;
}

} // namespace vigie::store
