// vigie_search_scale: the search-at-scale measurement of docs/PERFORMANCE.md (issue #4).
//   vigie_search_scale CONNINFO generate EVENTS DAYS   loads realistic events spread over the
//       last DAYS days through the real writer (partitions, COPY, rollups, batch ids)
//   vigie_search_scale CONNINFO measure                times, for single-field queries, the first
//       page of results (100 rows, newest first) and the histogram over the whole range
// Prints Markdown tables; the medians of three runs of each query.
#include "query/query.h"
#include "store/event_search.h"
#include "store/event_writer.h"
#include "store/pg_connection.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace vigie;
using Clock = std::chrono::steady_clock;

// One realistic event: authentication, web, firewall and system traffic over 200 hosts, 500
// users and a few thousand addresses, with the skew real logs have (a few hosts and users are
// much busier than the rest).
Event makeEvent(std::mt19937_64& random, Timestamp ts)
{
    static const char* kinds[] = {"sshd", "nginx", "kernel", "sudo", "cron", "postgres"};
    std::uniform_real_distribution<double> unit(0, 1);
    const auto skewed = [&](int n) { return static_cast<int>(std::pow(unit(random), 3.0) * n); };
    Event e;
    e.ts = ts;
    e.received_at = ts + std::chrono::milliseconds(random() % 2000);
    const int host = skewed(200);
    e.host = (host < 40 ? "web-" : host < 80 ? "db-" : host < 120 ? "fw-" : "srv-") + std::to_string(host);
    const int kind = static_cast<int>(random() % 6);
    e.app = kinds[kind];
    e.pid = static_cast<std::int32_t>(1000 + random() % 60000);
    e.severity = static_cast<std::int16_t>(kind == 2 ? 4 : (random() % 20 == 0 ? 3 : 6));
    e.facility = static_cast<std::int16_t>(kind == 0 || kind == 3 ? 10 : 1);
    e.format = "rfc3164";
    const std::string user = "user" + std::to_string(skewed(500));
    const std::string ip = "10." + std::to_string(random() % 4) + "." + std::to_string(random() % 256) + "." +
                           std::to_string(1 + random() % 254);
    switch (kind) {
    case 0: {
        const bool failed = random() % 4 != 0;
        e.category = "authentication";
        e.action = "ssh_login";
        e.outcome = failed ? "failure" : "success";
        e.user_name = user;
        e.source_ip = ip;
        e.source_port = static_cast<std::int32_t>(1024 + random() % 60000);
        e.message = std::string(failed ? "Failed" : "Accepted") + " password for " + user + " from " + ip + " port " +
                    std::to_string(*e.source_port) + " ssh2";
        break;
    }
    case 1:
        e.source_ip = ip;
        e.message = ip + " - - \"GET /api/v1/items/" + std::to_string(random() % 10000) + " HTTP/1.1\" " +
                    (random() % 30 == 0 ? "500" : "200") + " " + std::to_string(random() % 50000);
        break;
    case 2:
        e.category = "network";
        e.action = "blocked";
        e.source_ip = ip;
        e.dest_ip = "192.168." + std::to_string(random() % 4) + "." + std::to_string(1 + random() % 254);
        e.dest_port = static_cast<std::int32_t>(std::vector<int>{22, 23, 80, 443, 445, 3389}[random() % 6]);
        e.message = "[UFW BLOCK] SRC=" + e.source_ip + " DST=" + e.dest_ip + " DPT=" + std::to_string(*e.dest_port);
        break;
    case 3:
        e.category = "process";
        e.action = "sudo";
        e.outcome = "success";
        e.user_name = user;
        e.message = user + " : TTY=pts/0 ; PWD=/home/" + user + " ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx";
        break;
    case 4:
        e.message = "(root) CMD (/usr/local/bin/backup --incremental)";
        break;
    default:
        e.message = random() % 50 == 0 ? "connection timeout while reading from client" : "checkpoint complete";
        break;
    }
    e.raw = "<" + std::to_string(*e.facility * 8 + *e.severity) + ">" + e.host + " " + e.app + ": " + e.message;
    return e;
}

int generate(const std::string& conninfo, std::size_t count, int days)
{
    store::EventWriter writer(conninfo);
    std::mt19937_64 random(20261122);
    const auto end = nowTimestamp();
    const auto span = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::days(days));
    const auto start = Clock::now();
    constexpr std::size_t kBatch = 50000;
    std::vector<Event> batch;
    // Events arrive roughly in time order, as they would from collectors.
    for (std::size_t i = 0; i < count; i += kBatch) {
        batch.clear();
        for (std::size_t j = i; j < std::min(count, i + kBatch); ++j) {
            const auto offset = span * (static_cast<double>(j) / static_cast<double>(count));
            batch.push_back(makeEvent(random, end - span + std::chrono::duration_cast<std::chrono::microseconds>(offset)));
        }
        writer.write(batch, "generate-" + std::to_string(i));
        if ((i / kBatch) % 20 == 0)
            std::fprintf(stderr, "\r%zu / %zu events", i + batch.size(), count);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::fprintf(stderr, "\n%zu events over %d days stored in %.0f s (%.0f rows/s)\n", count, days, seconds,
                 static_cast<double>(count) / seconds);
    store::PgConnection db(conninfo);
    db.execScript("VACUUM ANALYZE events");
    return 0;
}

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
    std::printf("| query | matches in first page | first page (ms) | histogram (ms) |\n|---|---:|---:|---:|\n");
    for (const char* text : {"host:web-7", "host:srv-190", "user_name:user3", "user_name:user480", "action:ssh_login",
                             "outcome:failure", "source_ip:10.1.0.0/16", "dest_port:3389", "severity<=3",
                             "app:postgres", "timeout"}) {
        request.query = text;
        std::size_t rows = 0;
        const double page_ms = medianMs([&] { rows = search.page(request).events.size(); });
        const double histogram_ms = medianMs([&] { search.histogram(request, std::chrono::hours(12)); });
        std::printf("| `%s` | %zu | %.0f | %.0f |\n", text, rows, page_ms, histogram_ms);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() == 4 && args[1] == "generate")
            return generate(args[0], std::stoull(args[2]), std::stoi(args[3]));
        if (args.size() == 2 && args[1] == "measure")
            return measure(args[0]);
    } catch (const std::exception& e) {
        std::cerr << "vigie_search_scale: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "usage: vigie_search_scale CONNINFO generate EVENTS DAYS | vigie_search_scale CONNINFO measure\n";
    return 2;
}
