#include "ingest/engine.h"

#include "ingest/bounded_queue.h"
#include "ingest/listeners.h"
#include "ingest/raw_record.h"
#include "store/event_writer.h"

#include "ingest/asio.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace vigie::ingest {
namespace {

constexpr std::size_t kParseChunk = 512;     // records a worker takes at once
constexpr std::size_t kParsedCapacity = 256; // chunks of parsed events waiting for the writer
// When the database stays away while the engine stops, the writer gives up after this long
// and counts what it could not store as dropped (the disk spool of issue #3 will keep it).
constexpr auto kGiveUpWhenStopping = std::chrono::seconds(15);

} // namespace

std::string formatSummary(const EngineStats& s)
{
    return "received=" + std::to_string(s.received) + " stored=" + std::to_string(s.stored) +
           " parse_errors=" + std::to_string(s.parse_errors) + " dropped=" + std::to_string(s.dropped);
}

struct Engine::Impl {
    explicit Impl(EngineConfig c)
        : config(std::move(c)), raw(config.queue_capacity), parsed(kParsedCapacity), writer(config.conninfo)
    {
    }

    void parseLoop();
    void writeLoop();
    bool flush(std::vector<Event>& batch);
    void setDatabaseState(bool up, std::string error);

    EngineConfig config;
    BoundedQueue<RawRecord> raw;
    BoundedQueue<std::vector<Event>> parsed;
    store::EventWriter writer;

    boost::asio::io_context io;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> io_work;
    std::vector<std::unique_ptr<TcpListener>> tcp;
    std::vector<std::unique_ptr<UdpListener>> udp;
    std::vector<ListenSpec> bound;
    std::vector<std::thread> io_threads;
    std::vector<std::thread> workers;
    std::thread writer_thread;

    std::atomic<std::uint64_t> received{0};
    std::atomic<std::uint64_t> stored{0};
    std::atomic<std::uint64_t> parse_errors{0};
    std::atomic<std::uint64_t> dropped{0};
    std::atomic<bool> database_up{false};
    std::atomic<bool> stopping{false};
    bool running = false;
    mutable std::mutex error_mutex;
    std::string database_error;
};

void Engine::Impl::setDatabaseState(bool up, std::string error)
{
    database_up.store(up);
    std::lock_guard lock(error_mutex);
    database_error = std::move(error);
}

void Engine::Impl::parseLoop()
{
    std::vector<RawRecord> records;
    records.reserve(kParseChunk);
    while (raw.popSome(records, kParseChunk, std::chrono::milliseconds(100))) {
        if (records.empty())
            continue;
        std::vector<Event> events;
        events.reserve(records.size());
        for (auto& record : records) {
            events.push_back(
                parse::parseRecord(record.bytes, record.format,
                                   parse::Context{record.received_at, std::move(record.peer_address)}));
            if (events.back().parse_error)
                parse_errors.fetch_add(1, std::memory_order_relaxed);
        }
        records.clear();
        const auto count = events.size();
        if (!parsed.push(std::move(events)))
            dropped.fetch_add(count, std::memory_order_relaxed);
    }
}

bool Engine::Impl::flush(std::vector<Event>& batch)
{
    auto backoff = std::chrono::milliseconds(250);
    std::optional<std::chrono::steady_clock::time_point> give_up_at;
    for (;;) {
        try {
            writer.write(batch);
            stored.fetch_add(batch.size(), std::memory_order_relaxed);
            if (!database_up.load())
                setDatabaseState(true, {});
            batch.clear();
            return true;
        } catch (const std::exception& e) {
            setDatabaseState(false, e.what());
        }
        if (stopping.load()) {
            if (!give_up_at)
                give_up_at = std::chrono::steady_clock::now() + kGiveUpWhenStopping;
            if (std::chrono::steady_clock::now() >= *give_up_at) {
                dropped.fetch_add(batch.size(), std::memory_order_relaxed);
                batch.clear();
                return false;
            }
        }
        std::this_thread::sleep_for(backoff);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
    }
}

void Engine::Impl::writeLoop()
{
    std::vector<Event> batch;
    batch.reserve(config.batch_size);
    std::vector<std::vector<Event>> chunks;
    auto oldest_pending = std::chrono::steady_clock::now();
    for (;;) {
        const bool open = parsed.popSome(chunks, 64, config.flush_interval);
        for (auto& chunk : chunks) {
            if (batch.empty())
                oldest_pending = std::chrono::steady_clock::now();
            std::move(chunk.begin(), chunk.end(), std::back_inserter(batch));
            if (batch.size() >= config.batch_size)
                flush(batch);
        }
        chunks.clear();
        const bool due = std::chrono::steady_clock::now() - oldest_pending >= config.flush_interval;
        if (!batch.empty() && (due || !open))
            flush(batch);
        if (!open)
            return;
    }
}

Engine::Engine(EngineConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}

Engine::~Engine()
{
    stop();
}

void Engine::start()
{
    auto& d = *impl_;
    if (d.running)
        return;
    // Connect and migrate first, on the caller's thread, so a wrong password or an
    // unreachable server is reported to whoever starts the engine.
    d.writer.connect();
    d.setDatabaseState(true, {});

    const ListenerCounters counters{d.received, d.dropped};
    for (const auto& spec : d.config.listens) {
        ListenSpec bound = spec;
        if (spec.protocol == ListenSpec::Protocol::Tcp) {
            auto listener = std::make_unique<TcpListener>(
                d.io, spec, [&d](RawRecord&& r) { return d.raw.push(std::move(r)); }, counters);
            bound.port = listener->port();
            d.tcp.push_back(std::move(listener));
        } else {
            auto listener = std::make_unique<UdpListener>(
                d.io, spec, [&d](RawRecord&& r) { return d.raw.tryPush(std::move(r)); }, counters);
            bound.port = listener->port();
            d.udp.push_back(std::move(listener));
        }
        d.bound.push_back(bound);
    }

    d.running = true;
    d.stopping = false;
    d.io_work.emplace(d.io.get_executor());
    d.writer_thread = std::thread([&d] { d.writeLoop(); });
    for (unsigned i = 0; i < std::max(1u, d.config.parse_workers); ++i)
        d.workers.emplace_back([&d] { d.parseLoop(); });
    for (unsigned i = 0; i < std::max(1u, d.config.io_threads); ++i)
        d.io_threads.emplace_back([&d] { d.io.run(); });
    for (auto& listener : d.tcp)
        listener->start();
    for (auto& listener : d.udp)
        listener->start();
}

std::vector<ListenSpec> Engine::boundListeners() const
{
    return impl_->bound;
}

bool Engine::submit(std::string record, parse::Format format, std::string peer_address)
{
    auto& d = *impl_;
    d.received.fetch_add(1, std::memory_order_relaxed);
    if (d.raw.push(RawRecord{std::move(record), nowTimestamp(), std::move(peer_address), format}))
        return true;
    d.dropped.fetch_add(1, std::memory_order_relaxed);
    return false;
}

void Engine::stop()
{
    auto& d = *impl_;
    if (!d.running)
        return;
    d.stopping = true;
    // Upstream first, so every stage drains what the one before it delivered.
    for (auto& listener : d.tcp)
        listener->stop();
    for (auto& listener : d.udp)
        listener->stop();
    d.io_work.reset();
    for (auto& t : d.io_threads)
        t.join();
    d.raw.close();
    for (auto& t : d.workers)
        t.join();
    d.parsed.close();
    d.writer_thread.join();
    d.io_threads.clear();
    d.workers.clear();
    d.tcp.clear();
    d.udp.clear();
    d.running = false;
}

EngineStats Engine::stats() const
{
    const auto& d = *impl_;
    EngineStats s;
    s.received = d.received.load(std::memory_order_relaxed);
    s.stored = d.stored.load(std::memory_order_relaxed);
    s.parse_errors = d.parse_errors.load(std::memory_order_relaxed);
    s.dropped = d.dropped.load(std::memory_order_relaxed);
    s.database_up = d.database_up.load();
    std::lock_guard lock(d.error_mutex);
    s.database_error = d.database_error;
    return s;
}

} // namespace vigie::ingest
