#pragma once
// AggregateRunner: runs a dashboard aggregate plan (query/aggregate.h) on one PgConnection and
// decodes its rows into an AggregateResult a tile draws. Borrows the connection; like it, one
// thread (a tile query worker, the bench, vigiectl).
#include "query/aggregate.h"
#include "store/pg_connection.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::store {

// One series of a count over time: counts[i] belongs to AggregateResult::buckets[i].
struct AggregateSeries {
    std::optional<std::string> value; // the split value; nullopt: no split, events without one, or other
    bool other = false;               // the values beyond split_limit, summed
    std::vector<std::int64_t> counts;
};

// One row of a top list.
struct AggregateRow {
    std::optional<std::string> value; // nullopt: the events without a value ("(none)")
    std::int64_t count = 0;
};

struct HeatmapCell {
    int day_of_week = 1; // ISO: 1 Monday … 7 Sunday
    int hour = 0;        // 0–23, in the request's time zone
    std::int64_t count = 0;
};

struct AggregateResult {
    query::AggregateRoute route = query::AggregateRoute::Events;
    std::vector<Timestamp> buckets;       // CountOverTime: every bucket of the range, empty ones included
    std::vector<AggregateSeries> series;  // CountOverTime: named values (by total, desc), "(none)", other
    std::vector<AggregateRow> rows;       // Top
    std::vector<HeatmapCell> cells;       // Heatmap: non-zero cells
    std::int64_t count = 0;               // Total, Distinct
    std::optional<std::int64_t> previous; // Total with previous_period
    std::optional<double> value;          // Sum, Avg; nullopt when no event has a number
    std::vector<std::string> list_columns;                          // List: the columns asked for
    std::vector<std::vector<std::optional<std::string>>> list_rows; // List: newest first, as text
    std::chrono::milliseconds elapsed{0};
};

class AggregateRunner {
public:
    // Sets the session's DateStyle to ISO so bucket timestamps decode whatever the server default.
    explicit AggregateRunner(PgConnection& db);

    // Throws SqlError (a timeout on the events route: SQLSTATE 57014) or ConnectionError.
    AggregateResult run(const query::AggregatePlan& plan);

private:
    PgResult execute(const query::AggregatePlan& plan);

    PgConnection& db_;
};

} // namespace vigie::store
