// Realistic events for the benchmarks (see realistic_events.h). Runs on the caller's thread.
#include "realistic_events.h"

#include "store/event_writer.h"
#include "store/pg_connection.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace vigie::bench {
namespace {

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
        e.message = std::string(failed ? "Failed" : "Accepted") + " password for " + user + " from " + ip +
                    " port " + std::to_string(*e.source_port) + " ssh2";
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
        e.message =
            "[UFW BLOCK] SRC=" + e.source_ip + " DST=" + e.dest_ip + " DPT=" + std::to_string(*e.dest_port);
        break;
    case 3:
        e.category = "process";
        e.action = "sudo";
        e.outcome = "success";
        e.user_name = user;
        e.message = user + " : TTY=pts/0 ; PWD=/home/" + user +
                    " ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx";
        break;
    case 4:
        e.message = "(root) CMD (/usr/local/bin/backup --incremental)";
        break;
    default:
        e.message =
            random() % 50 == 0 ? "connection timeout while reading from client" : "checkpoint complete";
        break;
    }
    e.raw =
        "<" + std::to_string(*e.facility * 8 + *e.severity) + ">" + e.host + " " + e.app + ": " + e.message;
    return e;
}

} // namespace

void loadRealisticEvents(const std::string& conninfo, std::size_t count, int days)
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
            batch.push_back(makeEvent(
                random, end - span + std::chrono::duration_cast<std::chrono::microseconds>(offset)));
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
}

} // namespace vigie::bench
