// CorrelationEngine: per-group sliding-window state for the four Sigma correlation types.
// Called from any thread; each group is touched only under its shard's mutex (see the header).
#include "detect/correlation.h"

#include <algorithm>
#include <functional>
#include <limits>

namespace vigie::detect {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
// A correlation bound of a million events would keep a million timestamps per group: the
// stored entries are capped, counts beyond this are treated as "at least this many".
constexpr std::size_t kMaxKept = 10'000;

bool holds(const std::string& op, double value, double bound)
{
    if (op == "gt")
        return value > bound;
    if (op == "gte")
        return value >= bound;
    if (op == "lt")
        return value < bound;
    if (op == "lte")
        return value <= bound;
    if (op == "eq")
        return value == bound;
    return value != bound; // neq
}

// The field a correlation reads from one of its sources: an alias naming that source, else the
// group-by name itself.
std::string fieldFor(const SigmaCorrelation& c, const std::string& name, const std::string& source_id,
                     const std::string& source_name)
{
    if (const auto alias = c.aliases.find(name); alias != c.aliases.end()) {
        for (const std::string* key : {&source_id, &source_name})
            if (const auto found = alias->second.find(*key); !key->empty() && found != alias->second.end())
                return found->second;
    }
    return name;
}

} // namespace

// What one source (base rule or correlation) contributes to one consuming correlation:
// indexes into the source's values for each group-by name and for value_count's field.
struct CorrelationEngine::Input {
    std::size_t correlation = 0;
    std::vector<std::size_t> positions; // where the source appears in the consumer's rules
    std::vector<std::size_t> key_fields;
    std::size_t value_field = kNone;
};

struct CorrelationEngine::Correlation {
    SigmaCorrelation def;
    std::chrono::microseconds span{};
    bool at_close = false; // lt/lte/neq: judged once the window has closed
    bool visible = true;   // false when it only feeds correlations with generate: false
    std::size_t keep = 0;  // entries kept per group
    std::vector<Input> chained;
};

struct CorrelationEngine::Group {
    std::vector<std::string> key_values;
    Timestamp newest = Timestamp::min();
    Timestamp silent_until = Timestamp::min();
    Timestamp window_start = Timestamp::min(); // at_close mode: the open window
    std::uint64_t closing_count = 0;           // at_close event_count: events in the open window
    std::vector<SampleEvent> events;           // event_count: sorted by ts
    std::vector<std::pair<std::string, SampleEvent>> values; // value_count: value -> latest
    std::vector<std::optional<SampleEvent>> last;            // temporal: latest per position
    struct Chain {
        Timestamp start{};
        Timestamp end{};
        std::vector<SampleEvent> samples;
    };
    std::vector<std::optional<Chain>> chains; // temporal_ordered: per position
};

struct CorrelationEngine::Firing {
    std::size_t correlation = 0;
    std::vector<std::string> key_values;
    Timestamp start{};
    Timestamp end{};
    double value = 0;
    std::vector<SampleEvent> samples;
};

// One shard: per correlation, its groups in least-recently-used order (front = most recent).
struct CorrelationEngine::Shard {
    struct Table {
        std::list<std::pair<std::string, Group>> lru;
        std::unordered_map<std::string, std::list<std::pair<std::string, Group>>::iterator> index;
    };
    std::mutex mutex;
    std::vector<Table> tables;
};

namespace {

std::vector<SampleEvent> firstSamples(const std::vector<SampleEvent>& events, std::size_t begin,
                                      std::size_t end, std::size_t max)
{
    return {events.begin() + static_cast<std::ptrdiff_t>(begin),
            events.begin() + static_cast<std::ptrdiff_t>(std::min(end, begin + max))};
}

} // namespace

CorrelationEngine::CorrelationEngine(const LoadResult& loaded, CorrelationLimits limits) : limits_(limits)
{
    rule_fields_.resize(loaded.rules.size());
    rule_inputs_.resize(loaded.rules.size());
    rule_alerts_.assign(loaded.rules.size(), true);
    std::vector<bool> rule_fed(loaded.rules.size(), false);
    std::vector<bool> rule_generated(loaded.rules.size(), false);
    std::vector<bool> corr_fed(loaded.correlations.size(), false);
    std::vector<bool> corr_generated(loaded.correlations.size(), false);

    for (const SigmaCorrelation& def : loaded.correlations) {
        auto c = std::make_unique<Correlation>();
        c->def = def;
        c->span = std::chrono::seconds(def.timespan_seconds);
        double bound = 0;
        for (const auto& b : def.condition) {
            c->at_close = c->at_close || b.op == "lt" || b.op == "lte" || b.op == "neq";
            bound = std::max(bound, b.value);
        }
        c->keep = std::min<std::size_t>(kMaxKept, static_cast<std::size_t>(bound) + 2);
        correlations_.push_back(std::move(c));
    }
    for (std::size_t ci = 0; ci < loaded.correlations.size(); ++ci) {
        const SigmaCorrelation& def = loaded.correlations[ci];
        for (std::size_t position = 0; position < def.resolved.size(); ++position) {
            const SigmaCorrelation::Ref ref = def.resolved[position];
            if (!ref.is_correlation && ref.index >= loaded.rules.size())
                continue;
            if (ref.is_correlation && ref.index >= loaded.correlations.size())
                continue;
            std::vector<Input>& inputs =
                ref.is_correlation ? correlations_[ref.index]->chained : rule_inputs_[ref.index];
            const auto existing = std::find_if(inputs.begin(), inputs.end(),
                                               [&](const Input& input) { return input.correlation == ci; });
            if (existing != inputs.end()) {
                existing->positions.push_back(position);
                continue;
            }
            Input input;
            input.correlation = ci;
            input.positions.push_back(position);
            const std::string& id =
                ref.is_correlation ? loaded.correlations[ref.index].id : loaded.rules[ref.index].id;
            const std::string& name =
                ref.is_correlation ? loaded.correlations[ref.index].name : loaded.rules[ref.index].name;
            // A base rule's values are the fields its caller resolves; a correlation's are
            // its own group-by values.
            const auto slot = [&](const std::string& field) {
                if (ref.is_correlation) {
                    const auto& by = loaded.correlations[ref.index].group_by;
                    const auto found = std::find(by.begin(), by.end(), field);
                    return found == by.end() ? kNone : static_cast<std::size_t>(found - by.begin());
                }
                std::vector<std::string>& fields = rule_fields_[ref.index];
                const auto found = std::find(fields.begin(), fields.end(), field);
                if (found != fields.end())
                    return static_cast<std::size_t>(found - fields.begin());
                fields.push_back(field);
                return fields.size() - 1;
            };
            for (const std::string& by : def.group_by)
                input.key_fields.push_back(slot(fieldFor(def, by, id, name)));
            if (def.type == SigmaCorrelation::Type::ValueCount)
                input.value_field = slot(def.condition_field);
            inputs.push_back(std::move(input));
            (ref.is_correlation ? corr_fed : rule_fed)[ref.index] = true;
            if (def.generate)
                (ref.is_correlation ? corr_generated : rule_generated)[ref.index] = true;
        }
    }
    for (std::size_t r = 0; r < rule_alerts_.size(); ++r)
        rule_alerts_[r] = !rule_fed[r] || rule_generated[r];
    for (std::size_t ci = 0; ci < correlations_.size(); ++ci)
        correlations_[ci]->visible = !corr_fed[ci] || corr_generated[ci];
    for (auto& shard : shards_) {
        shard = std::make_unique<Shard>();
        shard->tables.resize(correlations_.size());
    }
}

CorrelationEngine::~CorrelationEngine() = default;

const std::vector<std::string>& CorrelationEngine::fieldsFor(std::size_t rule_index) const
{
    static const std::vector<std::string> kNoFields;
    return rule_index < rule_fields_.size() ? rule_fields_[rule_index] : kNoFields;
}

bool CorrelationEngine::baseRuleAlerts(std::size_t rule_index) const
{
    return rule_index >= rule_alerts_.size() || rule_alerts_[rule_index];
}

CorrelationEngine::Shard& CorrelationEngine::shardFor(std::size_t correlation, std::size_t key_hash)
{
    return *shards_[(key_hash ^ (correlation * 0x9e3779b97f4a7c15ULL)) % shards_.size()];
}

void CorrelationEngine::feed(const BaseMatch& match, std::vector<CorrelationAlert>& out)
{
    if (match.rule_index >= rule_inputs_.size())
        return;
    for (const Input& input : rule_inputs_[match.rule_index])
        feedInput(input, match.ts, match.values, match.event_ref, out);
}

namespace {

// Called with the group's shard locked. Returns a firing, if this event completes one.
struct Updater {
    const SigmaCorrelation& def;
    std::chrono::microseconds span;
    std::chrono::microseconds lateness;
    std::size_t keep;
    std::size_t max_samples;

    bool conditionHolds(double value) const
    {
        return std::all_of(def.condition.begin(), def.condition.end(),
                           [&](const auto& bound) { return holds(bound.op, value, bound.value); });
    }
};

} // namespace

void CorrelationEngine::feedInput(const Input& input, Timestamp ts,
                                  const std::vector<std::optional<std::string>>& source,
                                  std::uint64_t event_ref, std::vector<CorrelationAlert>& out)
{
    Correlation& c = *correlations_[input.correlation];
    const SigmaCorrelation& def = c.def;
    std::vector<std::string> key_values;
    std::string key;
    for (const std::size_t field : input.key_fields) {
        key_values.push_back(field < source.size() && source[field] ? *source[field] : std::string());
        key += key_values.back();
        key += '\x1f'; // Sigma: a missing group-by field is an empty value, still a group
    }
    std::optional<std::string> value;
    if (input.value_field != kNone) {
        if (input.value_field >= source.size() || !source[input.value_field])
            return; // value_count counts the values present
        value = source[input.value_field];
    }
    const SampleEvent sample{ts, event_ref};
    const Updater u{def, c.span, limits_.lateness, c.keep, limits_.max_samples};
    std::vector<Firing> firings;
    {
        Shard& shard = shardFor(input.correlation, std::hash<std::string>{}(key));
        std::lock_guard lock(shard.mutex);
        Shard::Table& table = shard.tables[input.correlation];
        auto found = table.index.find(key);
        if (found == table.index.end()) {
            table.lru.emplace_front(key, Group{});
            table.index.emplace(key, table.lru.begin());
            const std::size_t cap =
                std::max<std::size_t>(1, (limits_.max_groups + shards_.size() - 1) / shards_.size());
            if (table.lru.size() > cap) {
                table.index.erase(table.lru.back().first);
                table.lru.pop_back();
                evictions_.fetch_add(1, std::memory_order_relaxed);
            }
            found = table.index.find(key);
            found->second->second.key_values = key_values;
        } else if (found->second != table.lru.begin()) {
            table.lru.splice(table.lru.begin(), table.lru, found->second);
        }
        Group& g = found->second->second;
        if (g.newest != Timestamp::min() && ts < g.newest - c.span - limits_.lateness) {
            late_events_.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (ts <= g.silent_until)
            return; // absorbed by the alert that already covers this window
        g.newest = std::max(g.newest, ts);
        const auto fire = [&](Timestamp start, Timestamp end, double v, std::vector<SampleEvent> samples) {
            firings.push_back({input.correlation, g.key_values, start, end, v, std::move(samples)});
            g.silent_until = start + c.span;
            g.events.clear();
            g.values.clear();
            g.last.clear();
            g.chains.clear();
            g.window_start = Timestamp::min();
            g.closing_count = 0;
        };
        using T = SigmaCorrelation::Type;
        if (c.at_close) {
            // Tumbling window anchored at its first event, judged when it closes.
            if (g.window_start != Timestamp::min() && ts > g.window_start + c.span)
                closeWindow(c, input.correlation, g, firings);
            if (g.window_start == Timestamp::min())
                g.window_start = ts;
            if (g.events.size() < limits_.max_samples)
                g.events.push_back(sample);
            if (def.type == T::ValueCount) {
                const auto v = std::find_if(g.values.begin(), g.values.end(),
                                            [&](const auto& e) { return e.first == *value; });
                if (v == g.values.end() && g.values.size() < c.keep)
                    g.values.emplace_back(*value, sample);
            } else {
                ++g.closing_count;
            }
        } else if (def.type == T::EventCount) {
            g.events.insert(std::upper_bound(g.events.begin(), g.events.end(), ts,
                                             [](Timestamp t, const SampleEvent& e) { return t < e.ts; }),
                            sample);
            const Timestamp horizon = g.newest - c.span - limits_.lateness;
            g.events.erase(g.events.begin(), std::find_if(g.events.begin(), g.events.end(),
                                                          [&](const auto& e) { return e.ts >= horizon; }));
            if (g.events.size() > c.keep)
                g.events.erase(g.events.begin(), g.events.end() - static_cast<std::ptrdiff_t>(c.keep));
            // Windows [s, s + span] (both ends inclusive) that hold the new event.
            std::size_t end = 0;
            for (std::size_t begin = 0; begin < g.events.size(); ++begin) {
                const Timestamp s = g.events[begin].ts;
                if (s > ts)
                    break;
                if (s + c.span < ts)
                    continue;
                end = std::max(end, begin);
                while (end < g.events.size() && g.events[end].ts <= s + c.span)
                    ++end;
                const auto count = static_cast<double>(end - begin);
                if (u.conditionHolds(count)) {
                    fire(s, g.events[end - 1].ts, count,
                         firstSamples(g.events, begin, end, limits_.max_samples));
                    break;
                }
            }
        } else if (def.type == T::ValueCount) {
            auto v = std::find_if(g.values.begin(), g.values.end(),
                                  [&](const auto& e) { return e.first == *value; });
            if (v == g.values.end())
                g.values.emplace_back(*value, sample);
            else if (v->second.ts <= ts)
                v->second = sample;
            // Distinct values in [newest - span, newest], the window ending at the newest event.
            const Timestamp from = g.newest - c.span;
            std::erase_if(g.values, [&](const auto& e) { return e.second.ts < from - limits_.lateness; });
            std::sort(g.values.begin(), g.values.end(),
                      [](const auto& a, const auto& b) { return a.second.ts < b.second.ts; });
            if (g.values.size() > c.keep)
                g.values.erase(g.values.begin(), g.values.end() - static_cast<std::ptrdiff_t>(c.keep));
            const auto first = std::find_if(g.values.begin(), g.values.end(),
                                            [&](const auto& e) { return e.second.ts >= from; });
            const auto count = static_cast<double>(g.values.end() - first);
            if (first != g.values.end() && u.conditionHolds(count)) {
                std::vector<SampleEvent> samples;
                for (auto it = first; it != g.values.end() && samples.size() < limits_.max_samples; ++it)
                    samples.push_back(it->second);
                fire(first->second.ts, g.newest, count, std::move(samples));
            }
        } else if (def.type == T::Temporal) {
            g.last.resize(def.rules.size());
            for (const std::size_t position : input.positions)
                if (!g.last[position] || g.last[position]->ts <= ts)
                    g.last[position] = sample;
            const Timestamp from = g.newest - c.span;
            std::vector<SampleEvent> seen;
            for (const auto& last : g.last)
                if (last && last->ts >= from)
                    seen.push_back(*last);
            const auto count = static_cast<double>(seen.size());
            const bool enough =
                def.condition.empty() ? seen.size() == def.rules.size() : u.conditionHolds(count);
            if (!seen.empty() && enough) {
                std::sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.ts < b.ts; });
                const Timestamp start = seen.front().ts;
                if (seen.size() > limits_.max_samples)
                    seen.resize(limits_.max_samples);
                fire(start, g.newest, count, std::move(seen));
            }
        } else { // TemporalOrdered: per position, the latest-starting chain rules[0..i] in order
            g.chains.resize(def.rules.size());
            std::vector<std::size_t> positions = input.positions;
            std::sort(positions.rbegin(), positions.rend()); // one event fills one position
            for (const std::size_t i : positions) {
                if (i == 0) {
                    if (!g.chains[0] || g.chains[0]->start <= ts)
                        g.chains[0] = Group::Chain{ts, ts, {sample}};
                    continue;
                }
                const auto& previous = g.chains[i - 1];
                if (!previous || previous->end > ts || ts - previous->start > c.span)
                    continue;
                Group::Chain chain{previous->start, ts, previous->samples};
                if (chain.samples.size() < limits_.max_samples)
                    chain.samples.push_back(sample);
                g.chains[i] = std::move(chain);
            }
            if (const auto& done = g.chains.back()) {
                const auto count = static_cast<double>(def.rules.size());
                if (def.condition.empty() || u.conditionHolds(count))
                    fire(done->start, done->end, count, done->samples);
            }
        }
    }
    deliver(firings, out);
}

void CorrelationEngine::closeWindow(const Correlation& c, std::size_t correlation, Group& g,
                                    std::vector<Firing>& firings)
{
    const bool distinct = c.def.type == SigmaCorrelation::Type::ValueCount;
    const auto count = static_cast<double>(distinct ? g.values.size() : g.closing_count);
    const Updater u{c.def, c.span, limits_.lateness, c.keep, limits_.max_samples};
    if (u.conditionHolds(count))
        firings.push_back(
            {correlation, g.key_values, g.window_start, g.window_start + c.span, count, g.events});
    g.events.clear();
    g.values.clear();
    g.closing_count = 0;
    g.window_start = Timestamp::min();
}

void CorrelationEngine::advance(Timestamp watermark, std::vector<CorrelationAlert>& out)
{
    std::vector<Firing> firings;
    for (auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        for (std::size_t ci = 0; ci < correlations_.size(); ++ci) {
            const Correlation& c = *correlations_[ci];
            Shard::Table& table = shard->tables[ci];
            for (auto it = table.lru.begin(); it != table.lru.end();) {
                Group& g = it->second;
                if (c.at_close && g.window_start != Timestamp::min() && g.window_start + c.span < watermark)
                    closeWindow(c, ci, g, firings);
                // Nothing stored can still take part in a window: forget the group.
                const bool idle = g.newest + c.span + limits_.lateness < watermark &&
                                  g.silent_until < watermark && g.window_start == Timestamp::min();
                if (!idle) {
                    ++it;
                    continue;
                }
                table.index.erase(it->first);
                it = table.lru.erase(it);
            }
        }
    }
    deliver(firings, out);
}

void CorrelationEngine::deliver(std::vector<Firing>& firings, std::vector<CorrelationAlert>& out)
{
    for (Firing& firing : firings) {
        firings_.fetch_add(1, std::memory_order_relaxed);
        const Correlation& c = *correlations_[firing.correlation];
        // Chained correlations see this firing as one event at the end of its window, carrying
        // this correlation's group-by values.
        std::vector<std::optional<std::string>> source(firing.key_values.begin(), firing.key_values.end());
        const std::uint64_t ref = firing.samples.empty() ? 0 : firing.samples.back().event_ref;
        for (const Input& input : c.chained)
            feedInput(input, firing.end, source, ref, out);
        if (!c.visible)
            continue;
        CorrelationAlert alert;
        alert.correlation_index = firing.correlation;
        alert.id = c.def.id;
        alert.title = c.def.title;
        alert.level = c.def.level;
        for (std::size_t i = 0; i < c.def.group_by.size() && i < firing.key_values.size(); ++i)
            alert.group.emplace_back(c.def.group_by[i], firing.key_values[i]);
        alert.window_start = firing.start;
        alert.window_end = firing.end;
        alert.value = firing.value;
        alert.samples = std::move(firing.samples);
        out.push_back(std::move(alert));
    }
}

CorrelationStats CorrelationEngine::stats() const
{
    CorrelationStats stats;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        for (const auto& table : shard->tables)
            stats.groups += table.lru.size();
    }
    stats.evictions = evictions_.load();
    stats.late_events = late_events_.load();
    stats.firings = firings_.load();
    return stats;
}

} // namespace vigie::detect
