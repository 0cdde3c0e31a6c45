#include "ingest/engine.h"

#include "ingest/asio.h"
#include "ingest/bounded_queue.h"
#include "ingest/listeners.h"
#include "ingest/raw_record.h"
#include "ingest/source_state.h"
#include "detect/live_detection.h"
#include "store/event_spool.h"
#include "store/event_writer.h"

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace vigie::ingest {
namespace {

constexpr std::size_t kParseChunk = 512;     // records a worker takes at once
constexpr std::size_t kParsedCapacity = 256; // chunks of parsed events waiting for the writer
// What a queued record costs beyond its text, for the memory cap (the struct, allocations).
constexpr std::size_t kRecordOverhead = 96;
// Without a spool, when the database stays away while the engine stops, the writer gives up
// after this long and counts what it could not store as dropped.
constexpr auto kGiveUpWhenStopping = std::chrono::seconds(15);
// How often the writer tries the database again while batches wait in the spool.
constexpr auto kSpoolRetryInterval = std::chrono::seconds(1);
// How often the writer looks for pending hours to recount (field_rollups.h).
constexpr auto kCompactionInterval = std::chrono::seconds(5);

// Batch ids must never repeat, across restarts and collectors sharing one database.
std::string randomWriterId()
{
    std::random_device device;
    std::mt19937_64 random((static_cast<std::uint64_t>(device()) << 32) ^ device() ^
                           static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()));
    static constexpr char hex[] = "0123456789abcdef";
    std::string id;
    for (std::uint64_t bits = random(), i = 0; i < 16; ++i, bits >>= 4)
        id.push_back(hex[bits & 0xf]);
    return id;
}

std::size_t costOf(const RawRecord& record)
{
    return record.bytes.size() + record.peer_address.size() + kRecordOverhead;
}

const char* kindOf(ListenSpec::Protocol protocol)
{
    switch (protocol) {
    case ListenSpec::Protocol::Tcp:
        return "tcp";
    case ListenSpec::Protocol::Udp:
        return "udp";
    case ListenSpec::Protocol::Tls:
        return "tls";
    }
    return "tcp";
}

// Parsed events on their way to the writer, each with the source that counts it.
struct ParsedChunk {
    std::vector<Event> events;
    std::vector<SourceState*> sources;
    std::vector<store::AlertRecord> alerts; // what detection found in these events
};

} // namespace

std::string formatSummary(const EngineStats& s)
{
    return "received=" + std::to_string(s.received) + " stored=" + std::to_string(s.stored) +
           " parse_errors=" + std::to_string(s.parse_errors) + " dropped=" + std::to_string(s.dropped) +
           " alerts=" + std::to_string(s.alerts);
}

const std::string& Engine::Feed::name() const
{
    static const std::string none;
    return state_ ? state_->name : none;
}

struct Engine::Impl {
    explicit Impl(EngineConfig c)
        : config(std::move(c)), raw(config.memory_cap_bytes), parsed(kParsedCapacity), writer(config.conninfo),
          writer_id(randomWriterId())
    {
        local = addSource("local", "feed", parse::Format::Auto);
        detection = config.detection;
    }

    std::shared_ptr<SourceState> addSource(std::string name, std::string kind, parse::Format format);
    ListenSpec addListener(const ListenSpec& spec);

    void parseLoop();
    void writeLoop();
    void flush(std::vector<Event>& batch, std::vector<SourceState*>& sources);
    bool storeOrSpool(std::vector<Event>& batch, std::vector<SourceState*>& sources, const std::string& id);
    bool drainSpool();
    // Every second: correlation windows closed by time alone, and hits that no batch carried.
    void detectionTick();
    // Between batches, at most every kCompactionInterval: recounts the hourly field counts of
    // hours no batch touched lately, within a small time budget so ingest hardly pauses.
    void compactRollups();
    void countStored(const std::vector<Event>& batch, const std::vector<SourceState*>& sources);
    // The detection in force, and its generation (bumped by each setDetection).
    std::shared_ptr<detect::LiveDetection> currentDetection(std::uint64_t* generation = nullptr) const;
    void setDatabaseState(bool up, std::string error);
    SourceState& replaySource();

    EngineConfig config;
    BoundedQueue<RawRecord> raw;
    BoundedQueue<ParsedChunk> parsed;
    store::EventWriter writer;
    std::unique_ptr<store::EventSpool> spool; // writer thread only, once started
    const std::string writer_id;
    std::uint64_t batch_sequence = 0;
    // Sources of the batches this process spooled, to count them when they are replayed.
    std::map<std::string, std::vector<SourceState*>> spooled_sources;
    std::chrono::steady_clock::time_point last_spool_attempt{};
    std::chrono::steady_clock::time_point next_compaction{};
    // Detection hits waiting for the next stored batch (writer thread only): they ride in its
    // transaction, or go alone when no batch comes (writeAlerts).
    std::vector<store::AlertRecord> pending_alerts;
    std::chrono::steady_clock::time_point next_detection_tick{};
    // config.detection is only read at construction: `detection` is the one in force. Workers
    // compare the generation (an atomic read per chunk) and take the mutex only on a change.
    mutable std::mutex detection_mutex;
    std::shared_ptr<detect::LiveDetection> detection;
    std::atomic<std::uint64_t> detection_generation{0};
    std::atomic<std::uint64_t> alerts_stored{0};

    boost::asio::io_context io;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> io_work;

    struct ActiveListener {
        ListenSpec bound;
        SourceState* source;
        std::unique_ptr<Listener> listener;
    };
    mutable std::mutex sources_mutex; // guards sources, listeners, retired
    std::vector<std::shared_ptr<SourceState>> sources;
    std::vector<ActiveListener> listeners;
    // Removed listeners stay alive until the io threads end: their handlers may still run.
    std::vector<std::unique_ptr<Listener>> retired;
    std::shared_ptr<SourceState> local;
    SourceState* replayed = nullptr;

    std::vector<std::thread> io_threads;
    std::vector<std::thread> workers;
    std::thread writer_thread;

    std::atomic<std::uint64_t> spooled{0};
    std::atomic<std::uint64_t> spool_pending{0};
    std::atomic<bool> database_up{false};
    std::atomic<bool> stopping{false};
    bool running = false;
    mutable std::mutex error_mutex;
    std::string database_error;
};

std::shared_ptr<SourceState> Engine::Impl::addSource(std::string name, std::string kind, parse::Format format)
{
    auto source = std::make_shared<SourceState>(std::move(name), std::move(kind), format);
    std::lock_guard lock(sources_mutex);
    sources.push_back(source);
    return source;
}

SourceState& Engine::Impl::replaySource()
{
    if (!replayed)
        replayed = addSource("spool (earlier run)", "feed", parse::Format::Auto).get();
    return *replayed;
}

ListenSpec Engine::Impl::addListener(const ListenSpec& spec)
{
    const std::string name = spec.displayName();
    {
        std::lock_guard lock(sources_mutex);
        for (const auto& active : listeners)
            if (active.bound.displayName() == name)
                throw std::runtime_error("a listener named '" + name + "' is already running");
    }
    auto source = std::make_shared<SourceState>(name, kindOf(spec.protocol), spec.format);
    auto listener = makeListener(
        io, spec, *source, [this](RawRecord&& r) { return raw.push(std::move(r), costOf(r)); },
        [this](RawRecord&& r) { return raw.tryPush(std::move(r), costOf(r)); });
    ListenSpec bound = spec;
    bound.port = listener->port();
    if (running)
        listener->start();
    std::lock_guard lock(sources_mutex);
    sources.push_back(source);
    listeners.push_back(ActiveListener{bound, source.get(), std::move(listener)});
    return bound;
}

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
    std::optional<detect::LiveDetection::Worker> detector;
    std::uint64_t generation = 0;
    if (auto current = currentDetection(&generation))
        detector.emplace(std::move(current));
    while (raw.popSome(records, kParseChunk, std::chrono::milliseconds(100))) {
        if (records.empty())
            continue;
        // A new rule set applies from a chunk boundary: this chunk is inspected by one of them.
        if (detection_generation.load(std::memory_order_acquire) != generation) {
            detector.reset();
            if (auto current = currentDetection(&generation))
                detector.emplace(std::move(current));
        }
        ParsedChunk chunk;
        chunk.events.reserve(records.size());
        chunk.sources.reserve(records.size());
        for (auto& record : records) {
            chunk.events.push_back(parse::parseRecord(
                record.bytes, record.format, parse::Context{record.received_at, std::move(record.peer_address)}));
            record.source->parsed.fetch_add(1, std::memory_order_relaxed);
            if (record.truncated) {
                chunk.events.back().fields.emplace_back("truncated", "true");
                record.source->truncated.fetch_add(1, std::memory_order_relaxed);
            }
            if (chunk.events.back().parse_error)
                record.source->parse_errors.fetch_add(1, std::memory_order_relaxed);
            if (detector)
                detector->inspect(chunk.events.back(), chunk.alerts);
            chunk.sources.push_back(record.source);
        }
        records.clear();
        std::vector<SourceState*> sources_of_chunk = chunk.sources;
        if (!parsed.push(std::move(chunk)))
            for (auto* source : sources_of_chunk)
                source->dropped.fetch_add(1, std::memory_order_relaxed);
    }
}

void Engine::Impl::countStored(const std::vector<Event>& batch, const std::vector<SourceState*>& batch_sources)
{
    const auto now = nowTimestamp();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch_sources[i]->stored.fetch_add(1, std::memory_order_relaxed);
        batch_sources[i]->lag_us.store((now - batch[i].received_at).count(), std::memory_order_relaxed);
    }
}

// Replays spooled batches, oldest first, while the database takes them. False when it is away.
bool Engine::Impl::drainSpool()
{
    if (!spool || spool->empty())
        return true;
    const auto now = std::chrono::steady_clock::now();
    if (!database_up.load() && now - last_spool_attempt < kSpoolRetryInterval)
        return false;
    last_spool_attempt = now;
    try {
        while (auto batch = spool->front()) {
            writer.write(batch->events, batch->batch_id);
            if (const auto it = spooled_sources.find(batch->batch_id); it != spooled_sources.end()) {
                countStored(batch->events, it->second);
                spooled_sources.erase(it);
            } else {
                countStored(batch->events, std::vector<SourceState*>(batch->events.size(), &replaySource()));
            }
            spool->popFront();
            spool_pending.store(spool->pendingEvents());
        }
        setDatabaseState(true, {});
        return true;
    } catch (const store::StoreError& e) {
        setDatabaseState(false, e.what());
        return false;
    }
}

// One batch to the database, or to the spool when the database is away (or older batches
// still wait there: they go first). Without a spool, false means "not stored, retry".
bool Engine::Impl::storeOrSpool(std::vector<Event>& batch, std::vector<SourceState*>& batch_sources,
                                const std::string& id)
{
    if (drainSpool()) {
        try {
            writer.write(batch, id, pending_alerts);
            alerts_stored.fetch_add(pending_alerts.size());
            pending_alerts.clear();
            countStored(batch, batch_sources);
            if (!database_up.load())
                setDatabaseState(true, {});
            return true;
        } catch (const store::StoreError& e) {
            setDatabaseState(false, e.what());
        }
    }
    if (!spool)
        return false;
    try {
        if (spool->append(id, batch)) {
            for (auto* source : batch_sources)
                source->spooled.fetch_add(1, std::memory_order_relaxed);
            spooled.fetch_add(batch.size());
            spool_pending.store(spool->pendingEvents());
            spooled_sources.emplace(id, batch_sources);
            return true;
        }
    } catch (const std::exception& e) {
        setDatabaseState(false, std::string("the spool failed too: ") + e.what());
    }
    // The spool is full or the disk refuses: nothing more can be done for these events.
    for (auto* source : batch_sources)
        source->dropped.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void Engine::Impl::flush(std::vector<Event>& batch, std::vector<SourceState*>& batch_sources)
{
    const std::string id = writer_id + "-" + std::to_string(batch_sequence++);
    auto backoff = std::chrono::milliseconds(250);
    std::optional<std::chrono::steady_clock::time_point> give_up_at;
    while (!storeOrSpool(batch, batch_sources, id)) {
        if (stopping.load()) {
            if (!give_up_at)
                give_up_at = std::chrono::steady_clock::now() + kGiveUpWhenStopping;
            if (std::chrono::steady_clock::now() >= *give_up_at) {
                for (auto* source : batch_sources)
                    source->dropped.fetch_add(1, std::memory_order_relaxed);
                break;
            }
        }
        std::this_thread::sleep_for(backoff);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
    }
    batch.clear();
    batch_sources.clear();
}

void Engine::Impl::detectionTick()
{
    const auto now = std::chrono::steady_clock::now();
    if (now < next_detection_tick)
        return;
    next_detection_tick = now + std::chrono::seconds(1);
    // Event time lags the wall clock by the lateness the correlations allow.
    if (const auto current = currentDetection())
        current->advance(nowTimestamp() - std::chrono::seconds(60), pending_alerts);
    if (pending_alerts.empty() || !database_up.load())
        return;
    try {
        writer.writeAlerts(pending_alerts);
        alerts_stored.fetch_add(pending_alerts.size());
        pending_alerts.clear();
    } catch (const store::StoreError& e) {
        setDatabaseState(false, e.what()); // kept for the next batch or tick
    }
}

void Engine::Impl::compactRollups()
{
    const auto now = std::chrono::steady_clock::now();
    if (now < next_compaction || !database_up.load())
        return;
    next_compaction = now + kCompactionInterval;
    try {
        writer.compactFieldRollups(config.compaction);
    } catch (const std::exception&) {
        // The hours stay pending and histograms count them from events meanwhile; the write
        // path reports the database's state.
    }
}

void Engine::Impl::writeLoop()
{
    std::vector<Event> batch;
    std::vector<SourceState*> batch_sources;
    batch.reserve(config.batch_size);
    std::vector<ParsedChunk> chunks;
    auto oldest_pending = std::chrono::steady_clock::now();
    for (;;) {
        const bool open = parsed.popSome(chunks, 64, config.flush_interval);
        for (auto& chunk : chunks) {
            std::move(chunk.alerts.begin(), chunk.alerts.end(), std::back_inserter(pending_alerts));
            if (batch.empty())
                oldest_pending = std::chrono::steady_clock::now();
            std::move(chunk.events.begin(), chunk.events.end(), std::back_inserter(batch));
            batch_sources.insert(batch_sources.end(), chunk.sources.begin(), chunk.sources.end());
            if (batch.size() >= config.batch_size)
                flush(batch, batch_sources);
        }
        chunks.clear();
        const bool due = std::chrono::steady_clock::now() - oldest_pending >= config.flush_interval;
        if (!batch.empty() && (due || !open))
            flush(batch, batch_sources);
        drainSpool(); // while idle, catch up with what waits on disk
        detectionTick();
        compactRollups();
        if (!open)
            return;
    }
}

std::shared_ptr<detect::LiveDetection> Engine::Impl::currentDetection(std::uint64_t* generation) const
{
    std::lock_guard lock(detection_mutex);
    if (generation)
        *generation = detection_generation.load(std::memory_order_relaxed);
    return detection;
}

void Engine::setDetection(std::shared_ptr<detect::LiveDetection> detection)
{
    std::lock_guard lock(impl_->detection_mutex);
    impl_->detection = std::move(detection);
    impl_->detection_generation.fetch_add(1, std::memory_order_release);
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
    if (!d.config.spool_directory.empty()) {
        d.spool = std::make_unique<store::EventSpool>(d.config.spool_directory, d.config.spool_cap_bytes);
        d.spool_pending.store(d.spool->pendingEvents());
    }
    // Connect and migrate first, on the caller's thread, so a wrong password or an unreachable
    // server is reported to whoever starts the engine — unless a spool can hold what arrives
    // until the database is back, as a collector must.
    try {
        d.writer.connect();
        d.setDatabaseState(true, {});
    } catch (const store::StoreError& e) {
        if (!d.spool)
            throw;
        d.setDatabaseState(false, e.what());
    }

    for (const auto& spec : d.config.listens)
        d.addListener(spec);

    d.running = true;
    d.stopping = false;
    d.io_work.emplace(d.io.get_executor());
    d.writer_thread = std::thread([&d] { d.writeLoop(); });
    for (unsigned i = 0; i < std::max(1u, d.config.parse_workers); ++i)
        d.workers.emplace_back([&d] { d.parseLoop(); });
    for (unsigned i = 0; i < std::max(1u, d.config.io_threads); ++i)
        d.io_threads.emplace_back([&d] { d.io.run(); });
    std::lock_guard lock(d.sources_mutex);
    for (auto& active : d.listeners)
        active.listener->start();
}

ListenSpec Engine::addListener(const ListenSpec& spec)
{
    if (impl_->stopping.load())
        throw std::runtime_error("the engine is stopping");
    return impl_->addListener(spec);
}

bool Engine::removeListener(const std::string& name)
{
    auto& d = *impl_;
    std::unique_ptr<Listener> listener;
    {
        std::lock_guard lock(d.sources_mutex);
        const auto it = std::find_if(d.listeners.begin(), d.listeners.end(),
                                     [&](const auto& active) { return active.bound.displayName() == name; });
        if (it == d.listeners.end())
            return false;
        it->source->active = false;
        listener = std::move(it->listener);
        d.listeners.erase(it);
    }
    if (d.running)
        listener->stop();
    std::lock_guard lock(d.sources_mutex);
    d.retired.push_back(std::move(listener));
    return true;
}

std::vector<ListenSpec> Engine::boundListeners() const
{
    std::lock_guard lock(impl_->sources_mutex);
    std::vector<ListenSpec> bound;
    for (const auto& active : impl_->listeners)
        bound.push_back(active.bound);
    return bound;
}

Engine::Feed Engine::openFeed(const std::string& name, parse::Format format)
{
    Feed feed;
    feed.state_ = impl_->addSource(name, "feed", format);
    return feed;
}

bool Engine::submit(const Feed& feed, std::string record)
{
    auto& source = *feed.state_;
    source.received.fetch_add(1, std::memory_order_relaxed);
    RawRecord raw{std::move(record), nowTimestamp(), {}, &source, source.format};
    const auto cost = costOf(raw);
    if (impl_->raw.push(std::move(raw), cost))
        return true;
    source.dropped.fetch_add(1, std::memory_order_relaxed);
    return false;
}

void Engine::closeFeed(const Feed& feed)
{
    feed.state_->active = false;
}

SourceStats Engine::feedStats(const Feed& feed) const
{
    return feed.state_->snapshot();
}

bool Engine::submit(std::string record, parse::Format format, std::string peer_address)
{
    auto& d = *impl_;
    d.local->received.fetch_add(1, std::memory_order_relaxed);
    RawRecord raw{std::move(record), nowTimestamp(), std::move(peer_address), d.local.get(), format};
    const auto cost = costOf(raw);
    if (d.raw.push(std::move(raw), cost))
        return true;
    d.local->dropped.fetch_add(1, std::memory_order_relaxed);
    return false;
}

void Engine::stop()
{
    auto& d = *impl_;
    if (!d.running)
        return;
    d.stopping = true;
    // Upstream first, so every stage drains what the one before it delivered.
    std::vector<std::string> names;
    for (const auto& spec : boundListeners())
        names.push_back(spec.displayName());
    for (const auto& name : names)
        removeListener(name);
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
    d.running = false;
}

EngineStats Engine::stats() const
{
    const auto& d = *impl_;
    EngineStats s;
    {
        std::lock_guard lock(d.sources_mutex);
        for (const auto& source : d.sources) {
            auto one = source->snapshot();
            s.received += one.received;
            s.stored += one.stored;
            s.parse_errors += one.parse_errors;
            s.dropped += one.dropped;
            // The built-in feed is listed only once something used it.
            if (source != d.local || one.received > 0)
                s.sources.push_back(std::move(one));
        }
    }
    s.spooled = d.spooled.load();
    s.spool_pending = d.spool_pending.load();
    s.memory_bytes = d.raw.used();
    s.database_up = d.database_up.load();
    s.alerts = d.alerts_stored.load();
    std::lock_guard lock(d.error_mutex);
    s.database_error = d.database_error;
    return s;
}

} // namespace vigie::ingest
