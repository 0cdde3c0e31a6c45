#pragma once
// Engine: the ingest pipeline of DESIGN §2 in one object, used alike by the desktop app and by
// `vigiectl serve`/`import`.
//   io threads (Boost.Asio listeners) frame bytes into records -> bounded queue (a memory cap
//   in bytes) -> parse workers -> bounded batch queue -> one writer thread (libpq COPY BINARY,
//   each batch exactly once; batches go to a disk spool while PostgreSQL is away).
// Listeners can be added and removed while it runs (the Sources panel applies edits live), and
// feeds carry records that come from elsewhere (file imports). Every listener and feed has its
// own counters. Counters are atomics, safe to read from any thread (the GUI reads them on a
// timer). An Engine runs once: start(), then stop() (or destruction).
#include "ingest/listen_spec.h"
#include "parse/record_parser.h"
#include "store/field_rollups.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vigie::detect {
class LiveDetection;
}

namespace vigie::ingest {

struct EngineConfig {
    std::string conninfo; // libpq connection string; empty means the PG* environment
    std::vector<ListenSpec> listens;
    unsigned io_threads = 1;
    unsigned parse_workers = 1;
    // Memory for records waiting to be parsed; past it TCP/TLS stop reading and UDP drops.
    std::size_t memory_cap_bytes = 256u << 20;
    std::size_t batch_size = 10000; // events per COPY
    std::chrono::milliseconds flush_interval{200};
    // Where batches wait while PostgreSQL is unreachable, and how much disk they may take.
    // Empty: no spool; batches are retried from memory (and back-pressure builds up).
    std::filesystem::path spool_directory;
    std::uint64_t spool_cap_bytes = 8ull << 30;
    // How the writer recounts the hourly field counts between batches.
    store::CompactionLimits compaction;
    // Detection rules run by the parse workers on every event; null: no detection. Replaced
    // live with Engine::setDetection.
    std::shared_ptr<detect::LiveDetection> detection;
};

// Counters of one source: a listener (named by its ListenSpec::displayName()) or a feed.
struct SourceStats {
    std::string name;
    std::string kind; // "tcp", "udp", "tls" or "feed"
    std::uint64_t received = 0;     // records framed / submitted
    std::uint64_t parsed = 0;       // records through the parser (including parse errors)
    std::uint64_t parse_errors = 0; // stored raw with parse_error set
    std::uint64_t dropped = 0;      // lost: UDP over the memory cap, spool full...
    std::uint64_t truncated = 0;    // longer than the record limit: stored cut, fields.truncated
    std::uint64_t spooled = 0;      // written to the disk spool while the database was away
    std::uint64_t stored = 0;       // committed to PostgreSQL
    double lag_seconds = 0;         // receive-to-commit delay of the latest stored batch
    bool active = true;             // false once the listener was removed or the feed closed
    std::string error;              // why a listener stopped, if it did
};

struct EngineStats {
    std::uint64_t received = 0;
    std::uint64_t stored = 0;
    std::uint64_t parse_errors = 0;
    std::uint64_t dropped = 0;
    std::uint64_t alerts = 0;          // detection hits stored (a storm of one alert counts each hit)
    std::uint64_t spooled = 0;         // batches' events written to the spool, ever
    std::uint64_t spool_pending = 0;   // events in the spool not yet stored
    std::uint64_t memory_bytes = 0;    // records waiting to be parsed, in bytes
    bool database_up = false;          // the writer's connection is healthy
    std::string database_error;        // last connection/store error, empty when healthy
    std::vector<SourceStats> sources;  // in the order they were added
};

// "received=N stored=N parse_errors=N dropped=N", the line vigiectl prints on exit.
std::string formatSummary(const EngineStats& stats);

struct SourceState;

class Engine {
public:
    // A named source of records that is not a listener (a file import). Cheap to copy.
    class Feed {
    public:
        Feed() = default;
        const std::string& name() const;
        bool valid() const { return state_ != nullptr; }

    private:
        friend class Engine;
        std::shared_ptr<SourceState> state_;
    };

    explicit Engine(EngineConfig config);
    ~Engine(); // stops if still running
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Connects, applies migrations, replays what the spool holds, binds every listener of the
    // config and starts the threads. Throws std::runtime_error (or store::StoreError) with a
    // message fit for the user.
    void start();

    // Binds and starts one more listener; returns it as bound (port 0 replaced by the real
    // port). Throws std::runtime_error when it cannot bind or its TLS files are unusable.
    // Names must be unique among active listeners.
    ListenSpec addListener(const ListenSpec& spec);
    // Stops the listener of that display name; what it already received is still stored.
    // Returns false when there is none.
    bool removeListener(const std::string& name);

    // The listeners as bound (port 0 in the config is replaced by the real port).
    std::vector<ListenSpec> boundListeners() const;

    // Opens a feed; its counters appear in stats().sources under `name`.
    Feed openFeed(const std::string& name, parse::Format format);
    // Queues one record of a feed. Blocks while the memory cap is reached (back-pressure).
    // Returns false once the engine is stopping.
    bool submit(const Feed& feed, std::string record);
    // Marks the feed finished: it stays in the counters, inactive.
    void closeFeed(const Feed& feed);
    SourceStats feedStats(const Feed& feed) const;

    // Replaces the detection rules while the engine runs (or before it starts); null stops
    // detection. Any thread. Each parse worker takes the new detection at its next chunk of
    // records, so every event is inspected by exactly one of the two, none twice or never.
    // The old detection's state does not carry over: correlation windows and alert
    // suppression windows restart empty with the new one (a storm still going on is raised
    // once more, a correlation half-way through its window has to be seen again).
    void setDetection(std::shared_ptr<detect::LiveDetection> detection);

    // Queues one record under the built-in feed "local" (tests, small tools).
    bool submit(std::string record, parse::Format format, std::string peer_address = {});

    // Stops listening, parses and stores (or spools) everything already received, then joins
    // the threads.
    void stop();

    EngineStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace vigie::ingest
