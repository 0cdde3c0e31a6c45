#include "commands.h"

#include "event/event_json.h"
#include "ingest/engine.h"
#include "ingest/stream_framer.h"

#include <algorithm>
#include <csignal>
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

// Options of the form --name VALUE (repeatable) and positional arguments.
struct Options {
    std::multimap<std::string, std::string> named;
    std::vector<std::string> positional;

    std::optional<std::string> get(const std::string& name) const
    {
        const auto it = named.find(name);
        return it == named.end() ? std::nullopt : std::optional(it->second);
    }
    std::vector<std::string> all(const std::string& name) const
    {
        std::vector<std::string> values;
        for (auto [it, end] = named.equal_range(name); it != end; ++it)
            values.push_back(it->second);
        return values;
    }
};

Options parseOptions(const Arguments& args, const std::vector<std::string>& known)
{
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 2 && arg.starts_with("--")) {
            const std::string name = arg.substr(2);
            if (std::find(known.begin(), known.end(), name) == known.end())
                throw std::invalid_argument("unknown option " + arg);
            if (i + 1 >= args.size())
                throw std::invalid_argument("option " + arg + " needs a value");
            options.named.emplace(name, args[++i]);
        } else {
            options.positional.push_back(arg);
        }
    }
    return options;
}

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

// Runs a command body, turning exceptions into one clear line on stderr.
template <typename Body> int guarded(const char* command, Body body)
{
    try {
        return body();
    } catch (const std::invalid_argument& e) {
        std::cerr << "vigiectl " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "vigiectl " << command << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int serve(const Arguments& args)
{
    return guarded("serve", [&] {
        const auto options = parseOptions(args, {"database", "listen", "workers", "spool", "memory-cap"});
        ingest::EngineConfig config;
        config.conninfo = options.get("database").value_or("");
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
        int signal = 0;
        sigwait(&stop_signals, &signal);
        std::cerr << "vigiectl serve: stopping, storing what was received...\n";
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
        const auto options = parseOptions(args, {"database", "format", "workers"});
        if (options.positional.empty())
            throw std::invalid_argument("give at least one FILE to import");
        const auto format = formatOption(options);
        ingest::EngineConfig config;
        config.conninfo = options.get("database").value_or("");
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

} // namespace vigie::cli
