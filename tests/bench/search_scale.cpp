// vigie_search_scale: the search-at-scale measurement of docs/PERFORMANCE.md (issue #4).
//   vigie_search_scale CONNINFO generate EVENTS DAYS   loads realistic events spread over the
//       last DAYS days through the real writer (partitions, COPY, rollups, batch ids)
//   vigie_search_scale CONNINFO compact                recounts every pending hour of the hourly
//       field counts, as the engine's writer does between batches, and prints how long it took
//   vigie_search_scale CONNINFO measure                times, for single-field queries, the first
//       page of results (100 rows, newest first) and the histogram over the whole range
// Prints Markdown tables; the medians of three runs of each query.
#include "scale_command.h"

#include "query/query.h"
#include "store/event_search.h"
#include "store/field_rollups.h"
#include "store/pg_connection.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace vigie;
using Clock = std::chrono::steady_clock;

double medianMs(const std::function<void()>& work)
{
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        const auto start = Clock::now();
        work();
        runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[1];
}

int compact(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    const auto start = Clock::now();
    const int hours = store::compactPendingHours(db, {.quiet = std::chrono::seconds(0), .budget = {}});
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    // What autovacuum does soon after on a live system: statistics and the visibility map that
    // lets the histogram read the counts from the index alone.
    db.execScript("VACUUM (ANALYZE) event_field_counts_1h");
    const auto rows = db.exec("SELECT count(*) FROM event_field_counts_1h").integer(0, 0);
    std::printf("recounted %d hours in %.1f s (%.0f ms an hour): %lld hourly field rows\n", hours, seconds,
                hours ? seconds * 1000 / hours : 0.0, static_cast<long long>(rows));
    return 0;
}

int measure(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    store::EventSearch search(db);
    const auto total = db.exec("SELECT count(*) FROM events").integer(0, 0);
    const auto oldest = db.exec("SELECT extract(epoch FROM min(ts))::bigint FROM events").integer(0, 0);
    query::SearchRequest request;
    request.range.from = Timestamp(std::chrono::seconds(oldest));
    request.range.to = nowTimestamp() + std::chrono::hours(1);
    request.limit = 100;
    std::printf("%lld events; first page = 100 newest matching rows; histogram = whole range, 12 h buckets\n\n",
                static_cast<long long>(total));
    std::printf("| query | matches in first page | first page (ms) | histogram (ms) | last 24 h, 30 min buckets (ms) |\n"
                "|---|---:|---:|---:|---:|\n");
    query::SearchRequest day = request;
    day.range.from = nowTimestamp() - std::chrono::hours(24);
    for (const char* text : {"host:web-7", "host:srv-190", "user_name:user3", "user_name:user480", "action:ssh_login",
                             "outcome:failure", "source_ip:10.1.0.0/16", "dest_port:3389", "severity<=3",
                             "app:postgres", "timeout"}) {
        request.query = text;
        std::size_t rows = 0;
        const double page_ms = medianMs([&] { rows = search.page(request).events.size(); });
        const double histogram_ms = medianMs([&] { search.histogram(request, std::chrono::hours(12)); });
        day.query = text;
        const double day_ms = medianMs([&] { search.histogram(day, std::chrono::minutes(30)); });
        std::printf("| `%s` | %zu | %.0f | %.0f | %.0f |\n", text, rows, page_ms, histogram_ms, day_ms);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    return bench::runScaleCommand(
        argc, argv, "vigie_search_scale",
        "usage: vigie_search_scale CONNINFO generate EVENTS DAYS | "
        "vigie_search_scale CONNINFO compact|measure\n",
        [](const std::vector<std::string>& args) -> std::optional<int> {
            if (args.size() == 2 && args[1] == "compact")
                return compact(args[0]);
            if (args.size() == 2 && args[1] == "measure")
                return measure(args[0]);
            return std::nullopt;
        });
}
