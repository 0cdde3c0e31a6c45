#include "commands.h"
#include "options.h"

#include "anomaly/anomaly_runner.h"
#include "cases/analyst_role.h"
#include "cases/incident_sla.h"
#include "detect/live_detection.h"
#include "detect/stored_rules.h"
#include "event/event_json.h"
#include "ingest/engine.h"
#include "ingest/stream_framer.h"
#include "query/time_text.h"
#include "store/database_backup.h"
#include "store/event_search.h"
#include "store/retention.h"
#include "store/retention_scheduler.h"

#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <thread>

#include <unistd.h>

namespace vigie::cli {
namespace {

parse::Format formatOption(const Options& options)
{
    const auto name = options.get("format").value_or("auto");
    const auto format = parse::formatFromName(name);
    if (!format)
        throw std::invalid_argument("unknown format '" + name + "' (auto, rfc5424, rfc3164)");
    return *format;
}

unsigned workersOption(const Options& options)
{
    const auto text = options.get("workers");
    if (!text)
        return std::max(1u, std::thread::hardware_concurrency() > 1 ? std::thread::hardware_concurrency() - 1
                                                                    : 1u);
    const int value = std::stoi(*text);
    if (value < 1 || value > 256)
        throw std::invalid_argument("--workers must be between 1 and 256");
    return static_cast<unsigned>(value);
}

// Where serve keeps batches while the database is away: $VIGIE_SPOOL, else the XDG state folder
// (or /var/lib/vigie/spool for root, as a system service).
std::filesystem::path defaultSpoolDirectory()
{
    if (const char* spool = std::getenv("VIGIE_SPOOL"); spool && *spool)
        return spool;
    if (geteuid() == 0)
        return "/var/lib/vigie/spool";
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        return std::filesystem::path(state) / "vigie" / "spool";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".local" / "state" / "vigie" / "spool";
}

// One line per source on stderr, so an operator sees where records went.
void printSourceCounters(const ingest::EngineStats& stats)
{
    for (const auto& s : stats.sources)
        std::cerr << "vigiectl serve: source " << s.name << ": received=" << s.received << " parsed=" << s.parsed
                  << " parse_errors=" << s.parse_errors << " dropped=" << s.dropped << " truncated=" << s.truncated
                  << " spooled=" << s.spooled
                  << " stored=" << s.stored << "\n";
    if (stats.spool_pending > 0)
        std::cerr << "vigiectl serve: " << stats.spool_pending
                  << " events wait in the spool; they are stored when the database is reachable again\n";
}

// What the periodic retention of serve did, on stderr (called on the scheduler's thread;
// std::cerr is safe to share between threads).
void printRetentionRun(const store::RetentionRun& run)
{
    if (!run.error.empty())
        std::cerr << "vigiectl serve: retention failed: " << run.error << "\n";
    else if (!run.keep_days)
        std::cerr << "vigiectl serve: retention: no window set, every event is kept\n";
    else
        std::cerr << "vigiectl serve: retention: keeping " << *run.keep_days << " days, dropped "
                  << run.result.dropped.size() << " daily partitions and " << run.result.rollup_rows_deleted
                  << " rollup rows\n";
}

// What cannot run is announced (the rule manager and `rules check` say why).
std::shared_ptr<detect::LiveDetection> announced(std::shared_ptr<detect::LiveDetection> detection,
                                                 const char* command)
{
    if (const auto refused = detection->report().unsupportedCount())
        std::cerr << "vigiectl " << command << ": detection: " << refused
                  << " rules cannot run and are left out (see vigiectl rules check)\n";
    return detection;
}

} // namespace

int serve(const Arguments& args)
{
    return guarded("serve", [&] {
        const auto options = parseOptions(args, {"database", "listen", "workers", "spool", "memory-cap", "rules"});
        ingest::EngineConfig config;
        config.conninfo = options.get("database").value_or("");
        // The enabled stored rules (built-ins seeded) and --rules; analysts' changes are
        // polled for below.
        detect::StoredRulesWatch stored_rules(config.conninfo, rulePaths(options));
        config.detection = announced(stored_rules.load(), "serve");
        config.parse_workers = workersOption(options);
        config.spool_directory = options.get("spool").value_or(defaultSpoolDirectory());
        if (const auto cap = options.get("memory-cap"))
            config.memory_cap_bytes = std::stoull(*cap) << 20;
        for (const auto& uri : options.all("listen")) {
            std::string error;
            const auto spec = ingest::ListenSpec::fromUri(uri, &error);
            if (!spec)
                throw std::invalid_argument(error);
            config.listens.push_back(*spec);
        }
        if (config.listens.empty())
            throw std::invalid_argument("give at least one --listen URI");

        // Block the stop signals in every thread (threads inherit the mask) and wait for them
        // here, so shutdown runs in ordinary code rather than in a signal handler.
        sigset_t stop_signals;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

        ingest::Engine engine(config);
        engine.start();
        for (const auto& bound : engine.boundListeners())
            std::cerr << "vigiectl serve: listening on " << bound.toUri() << "\n";
        std::cerr << "vigiectl serve: detection: " << config.detection->ruleCount() << " rules\n";
        // The retention window saved in the database (Administration > Retention in the GUI),
        // applied now and then daily.
        store::RetentionScheduler retention(config.conninfo, std::chrono::hours(24), printRetentionRun);
        retention.start();
        // Anomaly detectors (one process per database evaluates; others stand by).
        anomaly::RunnerOptions anomaly_options;
        anomaly_options.conninfo = config.conninfo;
        anomaly_options.log = [](const std::string& message) { std::cerr << "vigiectl serve: " << message << "\n"; };
        anomaly::AnomalyRunner anomalies(anomaly_options);
        anomalies.start();
        const timespec poll_interval{10, 0};
        while (sigtimedwait(&stop_signals, nullptr, &poll_interval) < 0) {
            std::string error;
            if (auto changed = stored_rules.poll(&error)) {
                // Said once in force: whoever reads the line may send events for the new rules.
                const std::size_t rules = changed->ruleCount();
                engine.setDetection(announced(std::move(changed), "serve"));
                std::cerr << "vigiectl serve: the stored rules changed: " << rules << " rules from now on\n";
            } else if (!error.empty()) {
                std::cerr << "vigiectl serve: cannot read the stored rules (kept as they are): " << error
                          << "\n";
            }
        }
        std::cerr << "vigiectl serve: stopping, storing what was received...\n";
        anomalies.stop();
        retention.stop();
        engine.stop();
        const auto stats = engine.stats();
        printSourceCounters(stats);
        std::cout << ingest::formatSummary(stats) << std::endl;
        return stats.dropped == 0 ? 0 : 1;
    });
}

int import(const Arguments& args)
{
    return guarded("import", [&] {
        const auto options = parseOptions(args, {"database", "format", "workers", "rules"});
        if (options.positional.empty())
            throw std::invalid_argument("give at least one FILE to import");
        const auto format = formatOption(options);
        ingest::EngineConfig config;
        config.conninfo = options.get("database").value_or("");
        store::PgConnection db(config.conninfo);
        config.detection = announced(detect::loadStoredDetection(db, rulePaths(options)), "import");
        config.parse_workers = workersOption(options);
        ingest::Engine engine(config);
        engine.start();
        std::vector<char> buffer(1 << 20);
        for (const auto& path : options.positional) {
            std::ifstream file;
            std::istream* in = &std::cin;
            if (path != "-") {
                file.open(path, std::ios::binary);
                if (!file)
                    throw std::runtime_error("cannot read " + path);
                in = &file;
            }
            ingest::StreamFramer framer;
            const auto feed = engine.openFeed("import: " + path, format);
            const auto submit = [&](std::string_view record) { engine.submit(feed, std::string(record)); };
            while (*in) {
                in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                framer.feed(std::string_view(buffer.data(), static_cast<std::size_t>(in->gcount())), submit);
            }
            framer.finish(submit);
            engine.closeFeed(feed);
        }
        engine.stop();
        const auto stats = engine.stats();
        std::cout << ingest::formatSummary(stats) << std::endl;
        return stats.stored == stats.received ? 0 : 1;
    });
}

int parse(const Arguments& args)
{
    return guarded("parse", [&] {
        const auto options = parseOptions(args, {"format"});
        const auto format = formatOption(options);
        std::string line;
        while (std::getline(std::cin, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line.empty())
                continue;
            const auto event = parse::parseRecord(line, format, parse::Context{nowTimestamp(), {}});
            std::cout << eventToJson(event) << '\n';
        }
        return 0;
    });
}

// --- database administration (store at scale): vigiectl db retention|backup|restore ---
namespace {

std::string describe(const store::DatabaseContents& contents)
{
    return std::to_string(contents.events) + " events in " + std::to_string(contents.partitions) +
           " daily partitions, " + std::to_string(contents.sources) + " sources, " +
           std::to_string(contents.rollup_rows) + " rollup rows";
}

int dbRetention(Arguments args)
{
    const bool dry_run = takeFlag(args, "--dry-run");
    const auto options = parseOptions(args, {"database", "days"});
    if (!options.positional.empty())
        throw std::invalid_argument("unexpected argument '" + options.positional.front() + "'");
    const auto days_text = options.get("days");
    if (!days_text)
        throw std::invalid_argument("give --days N (days kept before today)");
    const int days = std::stoi(*days_text);
    if (days < 1)
        throw std::invalid_argument("--days must be at least 1");
    store::PgConnection connection(options.get("database").value_or(""));
    const auto result = store::applyRetention(connection, days, nowTimestamp(), dry_run);
    for (const auto& partition : result.dropped)
        std::cout << (dry_run ? "would drop " : "dropped ") << partition.name << " (" << formatDate(partition.day)
                  << ")\n";
    std::cout << (dry_run ? "dry run: " : "") << result.dropped.size() << " partitions before "
              << formatDate(result.cutoff) << (dry_run ? " would be dropped" : " dropped");
    if (!dry_run)
        std::cout << ", " << result.rollup_rows_deleted << " rollup rows deleted";
    std::cout << std::endl;
    return 0;
}

int dbBackup(Arguments args)
{
    const auto options = parseOptions(args, {"database"});
    if (options.positional.size() != 1)
        throw std::invalid_argument("give one FILE to write the backup to");
    const std::string conninfo = options.get("database").value_or("");
    const std::filesystem::path file = options.positional.front();
    store::DatabaseContents contents;
    {
        store::PgConnection connection(conninfo);
        contents = store::databaseContents(connection);
    }
    std::cerr << "vigiectl db backup: writing " << describe(contents) << " to " << file.string() << "\n";
    store::backupDatabase(conninfo, file,
                          [](std::string_view line) { std::cerr << "vigiectl db backup: " << line << "\n"; });
    std::cout << "backup written to " << file.string() << " (" << std::filesystem::file_size(file)
              << " bytes): " << describe(contents) << std::endl;
    return 0;
}

int dbRestore(Arguments args)
{
    const bool force = takeFlag(args, "--force");
    const auto options = parseOptions(args, {"database"});
    if (options.positional.size() != 1)
        throw std::invalid_argument("give the backup FILE to restore");
    const std::string conninfo = options.get("database").value_or("");
    const std::filesystem::path file = options.positional.front();
    store::restoreDatabase(conninfo, file, force, [](std::string_view line) {
        std::cerr << "vigiectl db restore: " << line << "\n";
    });
    store::PgConnection connection(conninfo);
    std::cout << "restored " << file.string() << ": " << describe(store::databaseContents(connection))
              << std::endl;
    return 0;
}

// The new analyst's password: VIGIE_ANALYST_PASSWORD, else the first line of standard input
// (never an argument, which other users of the machine could read in the process list).
std::string analystPassword()
{
    if (const char* from_env = std::getenv("VIGIE_ANALYST_PASSWORD"); from_env && *from_env)
        return from_env;
    if (isatty(STDIN_FILENO))
        std::cerr << "password for the new analyst: " << std::flush;
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty())
        throw std::invalid_argument("give the password in VIGIE_ANALYST_PASSWORD or on standard input");
    return line;
}

int dbCreateAnalyst(const Arguments& args)
{
    const auto options = parseOptions(args, {"database", "tier"});
    if (options.positional.size() != 1)
        throw std::invalid_argument("give the analyst's role NAME");
    const auto tier = options.get("tier");
    if (!tier)
        throw std::invalid_argument("give --tier l1|l2|l3|admin");
    const std::string name = options.positional.front();
    const std::string group = cases::tierGroup(*tier); // checks the tier before asking for a password
    store::PgConnection connection(options.get("database").value_or(""));
    cases::createAnalyst(connection, name, *tier, analystPassword());
    std::cout << "created analyst " << name << " in " << group << std::endl;
    return 0;
}

int dbSla(const Arguments& args)
{
    const auto options = parseOptions(args, {"database", "critical", "high", "medium", "low"});
    if (!options.positional.empty())
        throw std::invalid_argument("unexpected argument '" + options.positional.front() + "'");
    store::PgConnection connection(options.get("database").value_or(""));
    for (const std::string severity : {"critical", "high", "medium", "low"}) {
        if (const auto hours = options.get(severity)) {
            int value = -1;
            const auto [ptr, ec] = std::from_chars(hours->data(), hours->data() + hours->size(), value);
            if (ec != std::errc() || ptr != hours->data() + hours->size())
                throw std::invalid_argument("--" + severity + " needs a number of hours");
            cases::setSlaHours(connection, severity, value);
        }
    }
    for (const auto& [severity, hours] : cases::slaHours(connection))
        std::cout << severity << ' ' << hours << " h\n";
    std::cout.flush();
    return 0;
}

} // namespace

int db(const Arguments& args)
{
    const std::string sub = args.empty() ? std::string() : args.front();
    const Arguments rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (sub == "retention")
        return guarded("db retention", [&] { return dbRetention(rest); });
    if (sub == "backup")
        return guarded("db backup", [&] { return dbBackup(rest); });
    if (sub == "restore")
        return guarded("db restore", [&] { return dbRestore(rest); });
    if (sub == "create-analyst")
        return guarded("db create-analyst", [&] { return dbCreateAnalyst(rest); });
    if (sub == "sla")
        return guarded("db sla", [&] { return dbSla(rest); });
    std::cerr << "vigiectl db: give retention, backup, restore, create-analyst or sla (see vigiectl --help)\n";
    return 2;
}
// --- end database administration ---

int search(const Arguments& args)
{
    return guarded("search", [&] {
        const auto options = parseOptions(args, {"database", "from", "to", "limit"});
        if (options.positional.size() != 1)
            throw std::invalid_argument("give exactly one QUERY (quote it for the shell)");
        query::SearchRequest request;
        request.query = options.positional.front();
        const auto now = nowTimestamp();
        if (const auto from = options.get("from"))
            request.range.from = timeOption(*from, now);
        if (const auto to = options.get("to"))
            request.range.to = timeOption(*to, now);
        request.limit = 100;
        if (const auto limit = options.get("limit")) {
            long long value = 0;
            const auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
            if (ec != std::errc() || ptr != limit->data() + limit->size() || value < 1 || value > 1000000)
                throw std::invalid_argument("--limit must be between 1 and 1000000");
            request.limit = static_cast<std::size_t>(value);
        }
        try {
            // Parse before connecting: a typo is reported even without a database.
            query::compileFilter(request.query);
        } catch (const query::SyntaxError& e) {
            // The query with a caret under the position; the position counts bytes, which
            // matches columns for the ASCII that query syntax is made of.
            std::cerr << "vigiectl search: " << e.what() << "\n  " << request.query << "\n  "
                      << std::string(std::min(e.position(), request.query.size()), ' ') << "^\n";
            return 2;
        }
        store::PgConnection db(options.get("database").value_or(""));
        store::EventSearch search(db);
        // Page by keyset so a large --limit never holds one giant result in libpq.
        std::size_t remaining = request.limit;
        while (remaining > 0) {
            request.limit = std::min<std::size_t>(remaining, 1000);
            const auto page = search.page(request);
            for (const auto& event : page.events)
                std::cout << eventToJson(event) << '\n';
            remaining -= page.events.size();
            if (!page.next)
                break;
            request.after = page.next;
        }
        std::cout.flush();
        return 0;
    });
}

} // namespace vigie::cli
