// vigie_dashboard_scale: the dashboard-at-scale measurement of docs/PERFORMANCE.md (issue #6).
//   vigie_dashboard_scale CONNINFO generate EVENTS DAYS   loads realistic events over the last
//       DAYS days through the real writer (the search_scale data set, realistic_events.h)
//   vigie_dashboard_scale CONNINFO compact                recounts every pending hour (field and
//       dimension counts) and builds the daily rows, as the engine's writer does between batches
//   vigie_dashboard_scale CONNINFO measure [RANGE]        refreshes the SOC overview's tiles over
//       RANGE (default -30d) through buildAggregate + AggregateRunner: on one connection, then on
//       two (the GUI's pool of two tile workers), first run on fresh connections ("cold") and the
//       median of three later runs ("warm"); then the same tiles forced onto the events route,
//       the baseline, whose answers must equal the rollups'.
// Prints Markdown tables. Runs on the main thread (and one more for the two-connection pool).
#include "scale_command.h"

#include "dashboard/dashboard_spec.h"
#include "dashboard/tile_request.h"
#include "embedded_dashboards.h"
#include "query/aggregate.h"
#include "store/aggregate_runner.h"
#include "store/field_rollups.h"
#include "store/pg_connection.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace vigie;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int compact(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    const auto start = Clock::now();
    const int hours = store::compactPendingHours(db, {.quiet = std::chrono::seconds(0), .budget = {}});
    const double seconds = msSince(start) / 1000;
    // What autovacuum does soon after on a live system: statistics and the visibility map.
    db.execScript("VACUUM (ANALYZE) event_field_counts_1h, event_dim_counts_1h, event_dim_counts_1d, "
                  "event_dim_days");
    const auto count = [&](const char* table) {
        return static_cast<long long>(db.exec(std::string("SELECT count(*) FROM ") + table).integer(0, 0));
    };
    const auto size = [&](const char* table) {
        return std::string(
            db.exec("SELECT pg_size_pretty(pg_total_relation_size($1::regclass))", {table}).text(0, 0));
    };
    std::printf(
        "recounted %d hours (field + dimension counts, then daily rows) in %.1f s (%.0f ms an hour)\n", hours,
        seconds, hours ? seconds * 1000 / hours : 0.0);
    for (const char* table : {"event_field_counts_1h", "event_dim_counts_1h", "event_dim_counts_1d"})
        std::printf("  %s: %lld rows, %s\n", table, count(table), size(table).c_str());
    const auto events =
        db.exec("SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits "
                "WHERE inhparent = 'events'::regclass");
    std::printf("  event_dim_days: %lld days built; events (partitions): %s\n", count("event_dim_days"),
                std::string(events.text(0, 0)).c_str());
    return 0;
}

struct Tile {
    std::string id;
    std::string title;
    std::vector<query::AggregateRequest> requests; // the tile's, then its sparkline's
};

// The SOC overview's tiles over `range` ending now.
std::vector<Tile> socOverview(const std::string& range)
{
    const auto files = resources::shippedDashboards();
    const auto file =
        std::find_if(files.begin(), files.end(), [](const auto& f) { return f.name == "soc_overview.json"; });
    auto spec = dashboard::readDashboard(file->text);
    spec.time = {.relative = range, .from = {}, .to = {}};
    const dashboard::TileContext context{
        .now = nowTimestamp(), .variables = dashboard::variableValues(spec), .time_zone = "Europe/Paris"};
    std::vector<Tile> tiles;
    for (const auto& tile : spec.tiles) {
        Tile t{tile.id, tile.title, {dashboard::tileRequest(spec, tile, context)}};
        if (auto sparkline = dashboard::sparklineRequest(spec, tile, context))
            t.requests.push_back(*sparkline);
        tiles.push_back(std::move(t));
    }
    return tiles;
}

// The same request with a condition every event meets on a field no rollup counts: the
// planner's events route, the same answer (the baseline of docs/PERFORMANCE.md).
query::AggregateRequest onEvents(query::AggregateRequest request)
{
    constexpr std::string_view always = "(_exists_:pid or not _exists_:pid)";
    request.query =
        request.query.empty() ? std::string(always) : "(" + request.query + ") and " + std::string(always);
    request.events_timeout = std::chrono::minutes(10);
    return request;
}

// The numbers a tile draws, as text, to compare two routes' answers.
std::string answer(const store::AggregateResult& r)
{
    std::ostringstream out;
    out << r.count << '/' << r.previous.value_or(-1) << ';';
    for (const auto& row : r.rows)
        out << row.value.value_or("(none)") << '=' << row.count << ',';
    for (const auto& s : r.series) {
        out << s.value.value_or(s.other ? "(other)" : "(none)") << ':';
        for (const auto c : s.counts)
            out << c << ' ';
    }
    for (const auto& c : r.cells)
        out << c.day_of_week << 'x' << c.hour << '=' << c.count << ',';
    return out.str();
}

struct Run {
    std::vector<double> tile_ms; // per tile, its requests summed
    std::vector<std::string> answers;
    std::vector<query::AggregateRoute> routes;
    double total_ms = 0;
};

// Every tile's statements on `connections` connections (each its own runner), tiles taken in
// order by whichever is free, as the GUI's pool does.
Run refresh(const std::vector<Tile>& tiles, std::vector<store::PgConnection*> connections, bool events)
{
    Run run;
    run.tile_ms.resize(tiles.size());
    run.answers.resize(tiles.size());
    run.routes.resize(tiles.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&](store::PgConnection* db) {
        store::AggregateRunner runner(*db);
        for (std::size_t i; (i = next++) < tiles.size();) {
            const auto start = Clock::now();
            for (const auto& request : tiles[i].requests) {
                const auto result = runner.run(query::buildAggregate(events ? onEvents(request) : request));
                run.answers[i] += answer(result);
                if (&request == &tiles[i].requests.front())
                    run.routes[i] = result.route;
            }
            run.tile_ms[i] = msSince(start);
        }
    };
    const auto start = Clock::now();
    std::vector<std::thread> others;
    for (std::size_t c = 1; c < connections.size(); ++c)
        others.emplace_back(work, connections[c]);
    work(connections.front());
    for (auto& thread : others)
        thread.join();
    run.total_ms = msSince(start);
    return run;
}

// The median run by total of three.
Run warm(const std::vector<Tile>& tiles, const std::vector<store::PgConnection*>& connections)
{
    std::vector<Run> runs;
    for (int i = 0; i < 3; ++i)
        runs.push_back(refresh(tiles, connections, false));
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.total_ms < b.total_ms; });
    return runs[1];
}

int measure(const std::string& conninfo, const std::string& range)
{
    const auto tiles = socOverview(range);
    long long events = 0;
    {
        store::PgConnection db(conninfo);
        events = db.exec("SELECT count(*) FROM events").integer(0, 0);
    }
    // Cold: fresh connections, the first refresh (as opening the dashboard).
    store::PgConnection one(conninfo);
    const auto cold1 = refresh(tiles, {&one}, false);
    const auto warm1 = warm(tiles, {&one});
    store::PgConnection a(conninfo), b(conninfo);
    const auto cold2 = refresh(tiles, {&a, &b}, false);
    const auto warm2 = warm(tiles, {&a, &b});
    const auto base = refresh(tiles, {&one}, true);

    std::printf("%lld events; SOC overview over %s (time zone Europe/Paris), %zu tiles\n\n", events,
                range.c_str(), tiles.size());
    std::printf("| tile | route | cold, 1 conn (ms) | warm, 1 conn (ms) | events route (ms) | same answer |\n"
                "|---|---|---:|---:|---:|---|\n");
    bool all_same = true;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const bool same = base.answers[i] == cold1.answers[i];
        all_same = all_same && same;
        std::printf("| %s %s%s | %s | %.0f | %.0f | %.0f | %s |\n", tiles[i].id.c_str(),
                    tiles[i].title.c_str(), tiles[i].requests.size() > 1 ? " (+ sparkline)" : "",
                    std::string(query::routeName(cold1.routes[i])).c_str(), cold1.tile_ms[i],
                    warm1.tile_ms[i], base.tile_ms[i], same ? "yes" : "NO");
    }
    std::printf("\n| refresh of the 8 tiles | cold (ms) | warm, median of 3 (ms) |\n|---|---:|---:|\n");
    std::printf("| 1 connection, sequential | %.0f | %.0f |\n", cold1.total_ms, warm1.total_ms);
    std::printf("| 2 connections (the GUI's pool) | %.0f | %.0f |\n", cold2.total_ms, warm2.total_ms);
    std::printf("| events route, 1 connection (baseline) | %.0f | |\n", base.total_ms);
    return all_same ? 0 : 3;
}

} // namespace

int main(int argc, char** argv)
{
    return bench::runScaleCommand(
        argc, argv, "vigie_dashboard_scale",
        "usage: vigie_dashboard_scale CONNINFO generate EVENTS DAYS | CONNINFO compact | CONNINFO measure "
        "[RANGE]\n",
        [](const std::vector<std::string>& args) -> std::optional<int> {
            if (args.size() == 2 && args[1] == "compact")
                return compact(args[0]);
            if ((args.size() == 2 || args.size() == 3) && args[1] == "measure")
                return measure(args[0], args.size() == 3 ? args[2] : "-30d");
            return std::nullopt;
        });
}
