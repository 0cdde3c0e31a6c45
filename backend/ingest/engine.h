#pragma once
// Engine: the ingest pipeline of DESIGN §2 in one object, used alike by the desktop app and by
// `vigiectl serve`/`import`.
//   io threads (Boost.Asio listeners) frame bytes into records -> bounded queue ->
//   parse workers -> bounded batch queue -> one writer thread (libpq COPY BINARY).
// Counters are atomics, safe to read from any thread (the GUI reads them on a timer).
// An Engine runs once: start(), then stop() (or destruction).
#include "ingest/listen_spec.h"
#include "parse/record_parser.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vigie::ingest {

struct EngineConfig {
    std::string conninfo; // libpq connection string; empty means the PG* environment
    std::vector<ListenSpec> listens;
    unsigned io_threads = 1;
    unsigned parse_workers = 1;
    std::size_t queue_capacity = 65536; // raw records waiting to be parsed
    std::size_t batch_size = 10000;     // events per COPY
    std::chrono::milliseconds flush_interval{200};
};

struct EngineStats {
    std::uint64_t received = 0;     // records framed by listeners or submitted
    std::uint64_t stored = 0;       // rows committed to PostgreSQL
    std::uint64_t parse_errors = 0; // records stored raw with parse_error set
    std::uint64_t dropped = 0;      // records lost: UDP queue full, or the database still away at stop
    bool database_up = false;       // the writer's connection is healthy
    std::string database_error;     // last connection/store error, empty when healthy
};

// "received=N stored=N parse_errors=N dropped=N", the line vigiectl prints on exit.
std::string formatSummary(const EngineStats& stats);

class Engine {
public:
    explicit Engine(EngineConfig config);
    ~Engine(); // stops if still running
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Connects, applies migrations, binds every listener and starts the threads.
    // Throws std::runtime_error (or store::StoreError) with a message fit for the user.
    void start();

    // The listeners as bound (port 0 in the config is replaced by the real port).
    std::vector<ListenSpec> boundListeners() const;

    // Queues one record as if a listener had received it (file import, tests). Blocks while
    // the queue is full (back-pressure). Returns false once the engine is stopping.
    bool submit(std::string record, parse::Format format, std::string peer_address = {});

    // Stops listening, parses and stores everything already received, then joins the threads.
    void stop();

    EngineStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace vigie::ingest
