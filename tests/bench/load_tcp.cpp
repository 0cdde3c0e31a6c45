// vigie_load_tcp: the end-to-end ingest measurement of docs/PERFORMANCE.md.
// In one run, on one server: times a raw binary COPY of N rows (parsed outside the clock) into
// an unindexed table and into the indexed, partitioned events table, then sends the same N
// RFC 5424 lines over TCP loopback to a running `vigiectl serve` and times until all are in
// the (emptied) events table. Every path starts from an empty table. Prints a Markdown table.
#include "parse/record_parser.h"
#include "store/event_copy_encoder.h"
#include "store/pg_connection.h"

#include "ingest/asio.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using namespace vigie;

std::vector<std::string> makeLines(std::size_t count)
{
    static const char* hosts[] = {"web-01", "web-02", "db-01", "bastion-01", "fw-01"};
    static const char* apps[] = {"sshd", "nginx", "sudo", "kernel", "postgres"};
    std::vector<std::string> lines;
    lines.reserve(count);
    const auto start =
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) - std::chrono::hours(1);
    for (std::size_t i = 0; i < count; ++i) {
        const auto ts = start + std::chrono::milliseconds(i % 3'600'000);
        const auto day = std::chrono::floor<std::chrono::days>(ts);
        const std::chrono::year_month_day ymd(day);
        const std::chrono::hh_mm_ss t(std::chrono::floor<std::chrono::milliseconds>(ts - day));
        char line[512];
        std::snprintf(
            line, sizeof line,
            "<%d>1 %04d-%02u-%02uT%02d:%02d:%02d.%03dZ %s %s %zu ID%zu [origin ip=\"10.0.%zu.%zu\"] "
            "Failed password for user%zu from 198.51.100.%zu port %zu ssh2\n",
            (4 * 8) + static_cast<int>(i % 8), static_cast<int>(ymd.year()),
            static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
            static_cast<int>(t.hours().count()), static_cast<int>(t.minutes().count()),
            static_cast<int>(t.seconds().count()), static_cast<int>(t.subseconds().count()), hosts[i % 5],
            apps[(i / 5) % 5], 1000 + i % 30000, i % 100, (i / 256) % 256, i % 256, i % 997, i % 254 + 1,
            1024 + i % 60000);
        lines.emplace_back(line);
    }
    return lines;
}

long long countRows(store::PgConnection& db, const std::string& table)
{
    // The table name is one of two constants of this program, never input.
    return db.exec("SELECT count(*) FROM " + table).integer(0, 0);
}

// How many rows have arrived, cheaply enough to ask ten times a second without slowing the
// server down (count(*) over millions of rows would compete with the very load measured):
// Vigie's committed batches, or the sequence that numbers rsyslog's rows.
long long progress(store::PgConnection& db, const std::string& table)
{
    if (table == "events")
        return db.exec("SELECT coalesce(sum(rows), 0) FROM ingest_batches").integer(0, 0);
    const auto seq = db.exec("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM rsyslog_events_n_seq");
    return seq.integer(0, 0);
}

// Sends every line over one TCP connection and waits until `table` holds them all; rows/s.
double sendAndWait(store::PgConnection& db, const std::string& target, const std::vector<std::string>& lines,
                   const std::string& table)
{
    namespace asio = boost::asio;
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    const auto colon = target.rfind(':');
    socket.connect({asio::ip::make_address(target.substr(0, colon)),
                    static_cast<unsigned short>(std::stoi(target.substr(colon + 1)))});
    const auto start = Clock::now();
    std::string chunk;
    for (const auto& line : lines) {
        chunk += line;
        if (chunk.size() > (1 << 20)) {
            asio::write(socket, asio::buffer(chunk));
            chunk.clear();
        }
    }
    asio::write(socket, asio::buffer(chunk));
    socket.close();
    const auto sent = Clock::now();
    const auto count = static_cast<long long>(lines.size());
    for (long long stored = 0; (stored = progress(db, table)) < count || countRows(db, table) < count;) {
        if (Clock::now() - sent > std::chrono::minutes(15))
            throw std::runtime_error("only " + std::to_string(stored) + " of " + std::to_string(count) + " rows in " +
                                     table + " after 15 minutes");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::fprintf(stderr, "%s: %lld rows in %.2f s (sending took %.2f s)\n", table.c_str(), count, seconds,
                 std::chrono::duration<double>(sent - start).count());
    return static_cast<double>(count) / seconds;
}

double copyRate(store::PgConnection& db, const std::string& table, const std::vector<Event>& events)
{
    store::EventCopyEncoder encoder;
    const auto start = Clock::now();
    constexpr std::size_t kBatch = 10000; // as the engine's writer
    for (std::size_t first = 0; first < events.size(); first += kBatch) {
        encoder.begin();
        for (std::size_t i = first; i < std::min(events.size(), first + kBatch); ++i)
            encoder.append(events[i]);
        encoder.finish();
        db.execScript("BEGIN");
        db.copyBegin(store::EventCopyEncoder::copyStatementFor(table));
        db.copySend(encoder.data());
        db.copyEnd();
        db.execScript("COMMIT");
    }
    return static_cast<double>(events.size()) / std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4 && argc != 5) {
        std::cerr << "usage: vigie_load_tcp CONNINFO HOST:PORT LINES [RSYSLOG_HOST:PORT]\n"
                     "  a `vigiectl serve --database CONNINFO --listen tcp://HOST:PORT` must be running on an empty\n"
                     "  database; with RSYSLOG_HOST:PORT, an rsyslogd whose ompgsql action inserts into the table\n"
                     "  rsyslog_events of the same database is measured with the same lines too\n";
        return 2;
    }
    const std::string conninfo = argv[1];
    const std::string target = argv[2];
    const std::size_t count = std::stoul(argv[3]);
    try {
        store::PgConnection db(conninfo);
        const auto lines = makeLines(count);
        if (countRows(db, "events") != 0)
            throw std::runtime_error("the events table must start empty");

        // 1. Baselines: the same rows, parsed outside the clock, COPYed straight in — into an
        //    unindexed table, then into the real events table (emptied again afterwards).
        std::vector<Event> events;
        events.reserve(count);
        const parse::Context context{nowTimestamp(), "127.0.0.1"};
        for (const auto& line : lines)
            events.push_back(
                parse::parseRecord(std::string_view(line).substr(0, line.size() - 1), parse::Format::Auto, context));
        db.execScript("CREATE TABLE bench_copy_baseline (LIKE events INCLUDING DEFAULTS)");
        const double raw_copy = copyRate(db, "bench_copy_baseline", events);
        db.execScript("DROP TABLE bench_copy_baseline");
        const double events_copy = copyRate(db, "events", events);
        db.execScript("TRUNCATE events, ingest_batches; CHECKPOINT");

        // 2. End to end: TCP -> frame -> parse -> COPY -> committed, into the empty table.
        const double vigie = sendAndWait(db, target, lines, "events");
        // 3. The same lines through rsyslog's PostgreSQL output, when asked.
        const double rsyslog = argc == 5 ? sendAndWait(db, argv[4], lines, "rsyslog_events") : 0;

        std::printf("| path | rows | rows/s | vs raw COPY |\n|---|---:|---:|---:|\n");
        std::printf("| raw COPY BINARY, unindexed table | %zu | %.0f | 100%% |\n", count, raw_copy);
        std::printf("| COPY BINARY into `events` (partitioned, indexed) | %zu | %.0f | %.0f%% |\n", count, events_copy,
                    100.0 * events_copy / raw_copy);
        std::printf("| end to end: TCP → `vigiectl serve` → `events` | %zu | %.0f | %.0f%% |\n", count, vigie,
                    100.0 * vigie / raw_copy);
        if (rsyslog > 0)
            std::printf("| end to end: TCP → rsyslogd + ompgsql → `rsyslog_events` | %zu | %.0f | %.1f%% |\n"
                        "\nVigie / rsyslog: %.1f×\n",
                        count, rsyslog, 100.0 * rsyslog / raw_copy, vigie / rsyslog);
    } catch (const std::exception& e) {
        std::cerr << "vigie_load_tcp: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
