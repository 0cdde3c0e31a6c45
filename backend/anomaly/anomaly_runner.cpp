// AnomalyRunner (see the header): the runner's thread, or the caller's for tick().
#include "anomaly/anomaly_runner.h"

#include "anomaly/anomaly_sql.h"
#include "anomaly/anomaly_store.h"
#include "anomaly/detector_store.h"
#include "anomaly/explanation.h"
#include "anomaly/rare_value_detector.h"
#include "anomaly/seen_pairs.h"
#include "store/alert_store.h"

#include <algorithm>
#include <set>

namespace vigie::anomaly {
namespace {

using std::chrono::seconds;

UnixSeconds unixOf(Timestamp ts)
{
    return std::chrono::floor<seconds>(ts.time_since_epoch()).count();
}

Timestamp timestampOf(UnixSeconds s)
{
    return Timestamp(std::chrono::duration_cast<std::chrono::microseconds>(seconds(s)));
}

store::PgResult execute(store::PgConnection& db, const query::SqlWithParams& statement)
{
    return db.exec(statement.sql, statement.params);
}

// BEGIN … COMMIT around `work`; ROLLBACK (best effort) and rethrow on failure.
template <typename Work> void inTransaction(store::PgConnection& db, Work&& work)
{
    db.exec("BEGIN");
    try {
        work();
        db.exec("COMMIT");
    } catch (...) {
        try {
            db.exec("ROLLBACK");
        } catch (const std::exception&) {
            // The connection is dropped by tick(); nothing more to undo.
        }
        throw;
    }
}

// Feeds the rows (window, entity, count; ordered by window) of windowCountsSql to the rate
// core one window at a time; returns its findings and adds the entities seen to `touched`.
std::vector<AnomalyFinding> evaluateCounts(RateDetector& detector, const store::PgResult& result,
                                           std::set<std::string>& touched)
{
    std::vector<AnomalyFinding> findings;
    std::vector<EntityCount> counts;
    for (int row = 0; row < result.rows(); ++row) {
        counts.push_back(EntityCount{std::string(result.text(row, 1)), result.integer(row, 2)});
        touched.insert(counts.back().entity);
        const bool last_of_window =
            row + 1 == result.rows() || result.integer(row + 1, 0) != result.integer(row, 0);
        if (!last_of_window)
            continue;
        for (AnomalyFinding& f : detector.evaluate(result.integer(row, 0), counts))
            findings.push_back(std::move(f));
        counts.clear();
    }
    return findings;
}

constexpr UnixSeconds kLearnChunk = 86400; // history is read a day at a time

// Where learning from history starts: the oldest event, at most learning_days before `end`.
Timestamp learningStart(AnomalyStore& store, const DetectorSettings& settings, Timestamp end)
{
    return std::max(store.oldestEvent().value_or(end), end - std::chrono::days(settings.learning_days));
}

// One row of recordSeenSql as the pure cores see it.
SeenPairs::Observation observationAt(const store::PgResult& result, int row)
{
    SeenPairs::Observation o;
    o.key1 = result.text(row, 0);
    o.key2 = result.text(row, 1);
    o.first = result.integer(row, 2);
    o.last = result.integer(row, 3);
    o.count = result.integer(row, 4);
    if (!result.isNull(row, 5))
        o.before = SeenPairs::Seen{result.integer(row, 5), 0, result.integer(row, 6)};
    return o;
}

// Partial counts (rows of windowCountsSql) of the open windows as early-warning findings.
std::vector<AnomalyFinding> previewCounts(const RateDetector& detector, const store::PgResult& result,
                                          UnixSeconds until)
{
    std::vector<AnomalyFinding> findings;
    std::vector<EntityCount> counts;
    for (int row = 0; row < result.rows(); ++row) {
        counts.push_back(EntityCount{std::string(result.text(row, 1)), result.integer(row, 2)});
        if (row + 1 < result.rows() && result.integer(row + 1, 0) == result.integer(row, 0))
            continue;
        for (AnomalyFinding& f : detector.preview(result.integer(row, 0), counts, until))
            findings.push_back(std::move(f));
        counts.clear();
    }
    return findings;
}

// "key=value" pairs joined by '\x1f' (the alerts' convention); empty values left out.
std::string entityOf(const std::vector<std::pair<std::string, std::string>>& pairs)
{
    std::string entity;
    for (const auto& [field, value] : pairs) {
        if (field.empty() || value.empty())
            continue;
        if (!entity.empty())
            entity += '\x1f';
        entity += field + "=" + value;
    }
    return entity;
}

} // namespace

AnomalyRunner::AnomalyRunner(RunnerOptions options) : options_(std::move(options)) {}

// The rows of one recordSeenSql run, and for first-seen detectors with a grace period, when
// each host (key2) was first seen.
struct AnomalyRunner::SeenRows {
    store::PgResult pairs;
    std::map<std::string, UnixSeconds> host_since;
};

AnomalyRunner::~AnomalyRunner()
{
    stop();
    release();
}

void AnomalyRunner::start()
{
    if (thread_.joinable())
        return;
    stop_ = false;
    thread_ = std::thread([this] { run(); });
}

void AnomalyRunner::requestStop()
{
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
}

void AnomalyRunner::stop()
{
    requestStop();
    if (thread_.joinable())
        thread_.join();
}

void AnomalyRunner::run()
{
    while (!stopping()) {
        tick();
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, options_.tick, [this] { return stop_.load(); });
    }
    release();
}

void AnomalyRunner::release()
{
    // Unlocking explicitly hands over at once: a closed connection's lock goes only when the
    // server has noticed, which a standby runner's next tick may precede.
    if (db_ && locked_) {
        try {
            db_->exec("SELECT pg_advisory_unlock(hashtext('vigie.anomaly'))");
        } catch (const std::exception&) {
            // Closing the connection below releases it too.
        }
    }
    db_.reset();
    locked_ = false;
}

bool AnomalyRunner::learnedEnough(std::chrono::steady_clock::time_point started) const
{
    return stopping() || std::chrono::steady_clock::now() - started >= options_.learn_budget;
}

void AnomalyRunner::log(const std::string& message) const
{
    if (options_.log)
        options_.log(message);
}

bool AnomalyRunner::tick()
{
    try {
        if (!db_) {
            db_ = std::make_unique<store::PgConnection>(options_.conninfo);
            locked_ = false;
            stamp_.clear();
            live_.clear();
        }
        if (!locked_) {
            // A session-level lock: held while this connection lives, released when it closes.
            locked_ = db_->exec("SELECT pg_try_advisory_lock(hashtext('vigie.anomaly'))").text(0, 0) == "t";
            if (!locked_)
                return false;
        }
        reload();
        const Timestamp now = options_.clock();
        for (auto& [id, live] : live_) {
            if (stopping())
                break;
            try {
                step(live, now);
            } catch (const std::exception& error) {
                // One detector's trouble (a query the server refuses) does not stop the others;
                // its in-memory state is dropped and restored from the database next tick.
                log("anomaly detector " + id + ": " + error.what());
                live.rate.reset();
                live.brute.reset();
                if (!db_->healthy())
                    throw;
            }
        }
        return true;
    } catch (const std::exception& error) {
        log(std::string("anomaly runner: ") + error.what());
        db_.reset();
        locked_ = false;
        return false;
    }
}

void AnomalyRunner::reload()
{
    DetectorStore detectors(*db_);
    const std::string stamp = detectors.changeStamp();
    if (stamp == stamp_)
        return;
    stamp_ = stamp;
    std::map<std::string, Live> next;
    for (DetectorConfig& config : detectors.list()) {
        if (!config.enabled)
            continue;
        try {
            validate(config);
        } catch (const DetectorConfigError& error) {
            log("anomaly detector " + config.id + " skipped: " + error.what());
            continue;
        }
        auto old = live_.find(config.id);
        if (old != live_.end() && old->second.config.version == config.version) {
            next.emplace(config.id, std::move(old->second));
            continue;
        }
        Live live;
        live.hash = settingsHash(config);
        live.config = std::move(config);
        next.emplace(live.config.id, std::move(live));
    }
    live_ = std::move(next);
}

void AnomalyRunner::step(Live& live, Timestamp now)
{
    const Timestamp end = std::chrono::floor<seconds>(now - options_.lateness);
    switch (live.config.kind) {
    case DetectorKind::Rate:
        stepRate(live, now, end);
        break;
    case DetectorKind::FirstSeen:
    case DetectorKind::Rare:
        stepSeen(live, end);
        break;
    case DetectorKind::BruteForce:
        stepBruteForce(live, end);
        break;
    }
}

void AnomalyRunner::stepRate(Live& live, Timestamp now, Timestamp end)
{
    AnomalyStore store(*db_);
    const std::string& id = live.config.id;
    const DetectorSettings& settings = live.config.settings;
    const WindowGrid grid = gridFor(settings);
    const std::int64_t closed = grid.indexOf(unixOf(end)); // windows before this one are closed
    auto state = store.state(id);
    if (!state || state->settings_hash != live.hash) {
        const Timestamp from = learningStart(store, settings, end);
        store.startLearning(id, live.hash, from);
        state = DetectorState{live.hash, from, from, std::nullopt};
        live.rate.reset();
    }
    if (!live.rate) {
        // A restart, or learning resumed: the baselines as last saved.
        live.rate = std::make_unique<RateDetector>(rateParams(settings), grid);
        for (StoredBaseline& b : store.baselines(id, grid))
            live.rate->restore(b.entity, std::move(b.baseline), b.cusum);
    }
    if (!state->evaluated_until && !learnRate(live, *state, closed))
        return;
    const std::int64_t first = grid.indexOf(unixOf(*state->evaluated_until));
    if (first < closed) {
        const auto result = execute(*db_, windowCountsSql(settings, timestampOf(grid.startOf(first)),
                                                          timestampOf(grid.startOf(closed))));
        std::set<std::string> touched;
        const auto findings = evaluateCounts(*live.rate, result, touched);
        inTransaction(*db_, [&] {
            writeAlerts(live, findings);
            store.saveBaselines(id, *live.rate, {touched.begin(), touched.end()});
            store.deleteBaselines(id, live.rate->takeEvicted());
            state->evaluated_until = timestampOf(grid.startOf(closed));
            store.saveState(id, *state);
        });
    }
    warnEarly(live, std::max(first, closed), now);
}

bool AnomalyRunner::learnRate(Live& live, DetectorState& state, std::int64_t closed)
{
    AnomalyStore store(*db_);
    const WindowGrid& grid = live.rate->grid();
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t chunk = std::max<std::int64_t>(1, kLearnChunk / grid.window_seconds);
    for (std::int64_t w = grid.indexOf(unixOf(state.learned_until.value_or(*state.learned_from)));;) {
        const std::int64_t chunk_end = std::max(w, std::min(closed, w + chunk));
        std::set<std::string> touched;
        if (w < chunk_end)
            evaluateCounts(*live.rate,
                           execute(*db_, windowCountsSql(live.config.settings, timestampOf(grid.startOf(w)),
                                                         timestampOf(grid.startOf(chunk_end)))),
                           touched);
        const bool done = chunk_end >= closed;
        // The day's baselines and the progress that says it was learned move together.
        inTransaction(*db_, [&] {
            store.saveBaselines(live.config.id, *live.rate, {touched.begin(), touched.end()});
            store.deleteBaselines(live.config.id, live.rate->takeEvicted());
            state.learned_until = timestampOf(grid.startOf(chunk_end));
            if (done)
                state.evaluated_until = state.learned_until;
            store.saveState(live.config.id, state);
        });
        if (done)
            return true;
        if (learnedEnough(started))
            return false;
        w = chunk_end;
    }
}

void AnomalyRunner::warnEarly(Live& live, std::int64_t open, Timestamp now)
{
    const WindowGrid& grid = live.rate->grid();
    const Timestamp from = timestampOf(grid.startOf(open));
    if (now <= from)
        return;
    const auto result = execute(*db_, windowCountsSql(live.config.settings, from, now));
    const auto findings = previewCounts(*live.rate, result, unixOf(now));
    if (!findings.empty())
        inTransaction(*db_, [&] { writeAlerts(live, findings); });
}

AnomalyRunner::SeenRows AnomalyRunner::recordSeen(const Live& live, Timestamp from, Timestamp to)
{
    const DetectorSettings& settings = live.config.settings;
    std::map<std::string, UnixSeconds> host_since;
    if (live.config.kind == DetectorKind::FirstSeen && settings.new_host_grace.count() > 0) {
        const auto hosts = execute(*db_, recordSeenSql(live.config.id, settings, from, to, true));
        for (int row = 0; row < hosts.rows(); ++row)
            host_since[std::string(hosts.text(row, 1))] =
                hosts.isNull(row, 5) ? hosts.integer(row, 2) : hosts.integer(row, 5);
    }
    return SeenRows{execute(*db_, recordSeenSql(live.config.id, settings, from, to)), std::move(host_since)};
}

void AnomalyRunner::stepSeen(Live& live, Timestamp end)
{
    AnomalyStore store(*db_);
    const std::string& id = live.config.id;
    auto state = store.state(id);
    if (!state || state->settings_hash != live.hash) {
        const Timestamp from = learningStart(store, live.config.settings, end);
        store.startLearning(id, live.hash, from);
        state = DetectorState{live.hash, from, from, std::nullopt};
        live.new_hosts.clear();
    }
    // History: recorded a day per transaction without alerts, the progress with it.
    const auto started = std::chrono::steady_clock::now();
    while (!state->evaluated_until) {
        const Timestamp a = state->learned_until.value_or(*state->learned_from);
        const Timestamp b = std::max(a, std::min(end, a + std::chrono::seconds(kLearnChunk)));
        inTransaction(*db_, [&] {
            recordSeen(live, a, b);
            state->learned_until = b;
            if (b >= end)
                state->evaluated_until = b;
            store.saveState(id, *state);
        });
        if (!state->evaluated_until && learnedEnough(started))
            return;
    }
    const Timestamp from = *state->evaluated_until;
    if (from >= end)
        return;
    inTransaction(*db_, [&] {
        const SeenRows seen = recordSeen(live, from, end);
        writeAlerts(live, live.config.kind == DetectorKind::Rare ? rareFindings(live, *state, seen)
                                                                 : firstSeenFindings(live, *state, seen));
        state->learned_until = end;
        state->evaluated_until = end;
        store.saveState(id, *state);
    });
}

std::vector<AnomalyFinding> AnomalyRunner::firstSeenFindings(Live& live, const DetectorState& state,
                                                             const SeenRows& seen)
{
    const DetectorSettings& settings = live.config.settings;
    const bool grace = settings.new_host_grace.count() > 0;
    const UnixSeconds learned_from = unixOf(*state.learned_from);
    const UnixSeconds learning_seconds = settings.learning_days * 86400LL;
    std::vector<AnomalyFinding> findings;
    for (int row = 0; row < seen.pairs.rows(); ++row) {
        const SeenPairs::Observation o = observationAt(seen.pairs, row);
        if (o.before || o.first - learned_from < learning_seconds)
            continue; // seen before, or still learning
        const auto since = seen.host_since.find(o.key2);
        if (grace && since != seen.host_since.end() &&
            o.first - since->second < std::chrono::seconds(settings.new_host_grace).count()) {
            findings.push_back(foldNewHostPair(live.new_hosts, o, since->second));
            continue;
        }
        findings.push_back(pairFinding(FindingTemplate::FirstSeen, o));
    }
    return findings;
}

std::vector<AnomalyFinding> AnomalyRunner::rareFindings(const Live& live, const DetectorState& state,
                                                        const SeenRows& seen)
{
    const DetectorSettings& settings = live.config.settings;
    const RareValueParams params{settings.max_count, settings.learning_days * 86400LL};
    std::vector<AnomalyFinding> findings;
    for (int row = 0; row < seen.pairs.rows(); ++row) {
        if (auto f = rareFinding(observationAt(seen.pairs, row), unixOf(*state.learned_from), params))
            findings.push_back(std::move(*f));
    }
    return findings;
}

void AnomalyRunner::stepBruteForce(Live& live, Timestamp end)
{
    AnomalyStore store(*db_);
    const std::string& id = live.config.id;
    const DetectorSettings& settings = live.config.settings;
    auto state = store.state(id);
    if (!state || state->settings_hash != live.hash || !state->evaluated_until) {
        // Nothing to learn: live from now on.
        state = DetectorState{live.hash, end, end, end};
        store.saveState(id, *state);
        live.brute.reset();
    }
    const BruteForceParams params{settings.failures, std::chrono::seconds(settings.failure_window).count(),
                                  std::chrono::seconds(settings.success_within).count()};
    auto rowsOf = [&](Timestamp a, Timestamp b) {
        const auto result = execute(*db_, bruteForceRowsSql(settings, a, b));
        std::vector<ActivityRow> rows;
        for (int row = 0; row < result.rows(); ++row)
            rows.push_back(ActivityRow{result.integer(row, 0),
                                       std::string(result.text(row, 1)),
                                       {},
                                       result.text(row, 2) == "t",
                                       std::string(result.text(row, 3)),
                                       std::string(result.text(row, 4))});
        return rows;
    };
    if (!live.brute) {
        // Replays the stretch whose failures may still take part in a finding, without alerts.
        live.brute = std::make_unique<BruteForceDetector>(params);
        const Timestamp warm = *state->evaluated_until - settings.failure_window - settings.success_within;
        live.brute->observe(rowsOf(warm, *state->evaluated_until));
    }
    if (*state->evaluated_until >= end)
        return;
    const auto findings = live.brute->observe(rowsOf(*state->evaluated_until, end));
    inTransaction(*db_, [&] {
        writeAlerts(live, findings);
        state->learned_until = end;
        state->evaluated_until = end;
        store.saveState(id, *state);
    });
}

void AnomalyRunner::writeAlerts(const Live& live, const std::vector<AnomalyFinding>& findings)
{
    if (findings.empty())
        return;
    const DetectorConfig& config = live.config;
    const DetectorSettings& s = config.settings;
    const ExplanationContext context{s.what, s.k};
    std::vector<store::AlertRecord> records;
    for (const AnomalyFinding& f : findings) {
        store::AlertRecord r;
        r.rule_id = config.id;
        r.rule_title = config.title;
        r.level = s.level.empty() ? std::string(levelName(f.level)) : s.level;
        r.tags = {"anomaly", std::string(kindName(config.kind))};
        switch (config.kind) {
        case DetectorKind::Rate:
            r.entity = s.entity == "none" ? "" : entityOf({{s.entity, f.entity}});
            r.host = s.entity == "host" ? f.entity : "";
            break;
        case DetectorKind::BruteForce:
            r.entity = entityOf({{s.key1, f.entity}});
            if (!s.key2.empty())
                r.entity = entityOf({{s.key1 + "|" + s.key2, f.entity}});
            r.host = f.host;
            break;
        case DetectorKind::FirstSeen:
        case DetectorKind::Rare:
            r.entity = f.kind == FindingTemplate::FirstSeenNewHost
                           ? entityOf({{s.key2, f.entity}})
                           : entityOf({{s.key1, f.key1}, {s.key2, f.key2}});
            r.host = s.key2 == "host" ? f.key2 : s.key1 == "host" ? f.key1 : "";
            break;
        }
        r.window_start = timestampOf(f.start);
        r.first_ts = timestampOf(f.start);
        r.last_ts = timestampOf(std::max(f.start, f.last));
        r.count = std::max<std::int64_t>(1, f.count);
        r.anomaly = true;
        const Explanation e = explain(f, context);
        r.explanation = e.text;
        r.details_json = e.details_json;
        records.push_back(std::move(r));
    }
    store::AlertStore(*db_).add(records);
}

} // namespace vigie::anomaly
