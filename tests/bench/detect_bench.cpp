// Sigma detection throughput (design §7): one Detector (one thread) over a realistic in-memory
// mix built once from the shared data through the parsers — ~35 % Windows process creation,
// 25 % other Sysmon/Security, 25 % Linux syslog (sshd, sudo, kernel...), 5 % auditd,
// 10 % Zeek/Suricata — with hosts, users, PIDs and command-line arguments varied so events
// differ. Rule sets: the whole shared corpus (1,664 rules), and its first 1,000 and 100.
// Reported: events/s (items_processed), candidates and matches per event, rule-set build
// time, split timings (dispatch + view, prefilter only), and the same with two threads.
// Figures go to docs/PERFORMANCE.md.
#include "detect/detector.h"
#include "detect/event_input.h"
#include "detect/sigma_loader.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace vigie;
using namespace vigie::detect;
namespace fs = std::filesystem;

fs::path shared(const std::string& relative)
{
    return fs::path(VIGIE_SHARED_DATA) / relative;
}

const LoadResult& corpus()
{
    static const LoadResult loaded = [] {
        LoadResult result;
        for (const char* folder :
             {"sigma/rules", "sigma/rules-emerging-threats", "sigma/rules-threat-hunting"})
            loadSigmaPath(shared(folder), result);
        return result;
    }();
    return loaded;
}

std::vector<const EntryGroup*> buildGroups(const CompiledRuleSet& set, PrefilterScratch* scratch);

// The first `count` rules of the corpus (path order), built once per size, with the entry
// groups the mix needs.
struct BuiltSet {
    std::shared_ptr<const CompiledRuleSet> set;
    double build_ms = 0;
    double groups_ms = 0; // building the groups' prefilters (dispatching the whole mix included)
};

const BuiltSet& ruleSet(std::size_t count)
{
    static std::mutex lock; // the threaded benchmark's threads ask at once
    static std::map<std::size_t, BuiltSet> sets;
    const std::lock_guard<std::mutex> guard(lock);
    auto found = sets.find(count);
    if (found == sets.end()) {
        LoadResult subset;
        const auto& all = corpus().rules;
        subset.rules.assign(all.begin(),
                            all.begin() + static_cast<std::ptrdiff_t>(std::min(count, all.size())));
        const auto start = std::chrono::steady_clock::now();
        RuleSetBuild build = RuleSetBuilder::build(subset, FieldMapping::builtIn());
        const auto built = std::chrono::steady_clock::now();
        buildGroups(*build.set, nullptr);
        const auto end = std::chrono::steady_clock::now();
        found = sets.emplace(count, BuiltSet{build.set,
                                             std::chrono::duration<double, std::milli>(built - start).count(),
                                             std::chrono::duration<double, std::milli>(end - built).count()})
                    .first;
    }
    return found->second;
}

enum Kind { WinProcess, WinOther, LinuxSyslog, Auditd, Network, Kinds };

std::vector<Event> load(const fs::path& path)
{
    std::vector<Event> events;
    forEachEvent(path, [&](std::size_t, Event&& event) { events.push_back(std::move(event)); });
    return events;
}

// The shared samples sorted into the five families of the mix.
std::array<std::vector<Event>, Kinds> samples()
{
    std::array<std::vector<Event>, Kinds> by_kind;
    auto add = [&](const fs::path& path, Kind fallback) {
        for (Event& event : load(path)) {
            const std::string* id = event.field("EventID");
            const bool process = (event.app == "sysmon" && id && *id == "1") ||
                                 (event.app == "security" && id && *id == "4688");
            Kind kind = fallback;
            if (fallback == WinOther && process)
                kind = WinProcess;
            by_kind[kind].push_back(std::move(event));
        }
    };
    for (const auto& item : fs::recursive_directory_iterator(shared("sigma/regression_dev/regression_data")))
        if (item.is_regular_file() && item.path().extension() == ".json")
            add(item.path(), WinOther);
    for (const auto& item : fs::directory_iterator(shared("windows/otrf")))
        add(item.path(), WinOther);
    for (const auto& item : fs::directory_iterator(shared("windows/mdecrevoisier")))
        add(item.path(), WinOther);
    add(shared("loghub/OpenSSH/OpenSSH_2k.log"), LinuxSyslog);
    add(shared("loghub/Linux/Linux_2k.log"), LinuxSyslog);
    add(shared("linux/otrf_auditd/sh_arp_cache_2020-11-10074812.log"), Auditd);
    for (const auto& item : fs::recursive_directory_iterator(shared("zeek")))
        if (item.is_regular_file() && item.path().extension() == ".json")
            add(item.path(), Network);
    add(shared("suricata/beats_eve-small.log"), Network);
    add(shared("suricata/eve_doc_examples.jsonl"), Network);
    return by_kind;
}

void setField(Event& event, const std::string& key, const std::string& value)
{
    for (auto& [k, v] : event.fields)
        if (k == key) {
            v = value;
            return;
        }
}

// 200,000 events drawn with the mix's weights, each a varied copy of a sample.
const std::vector<Event>& mix()
{
    static const std::vector<Event> events = [] {
        const auto by_kind = samples();
        const double weights[Kinds] = {35, 25, 25, 5, 10};
        std::mt19937_64 random(42);
        std::discrete_distribution<int> pick(std::begin(weights), std::end(weights));
        const char* const arguments[] = {" /c whoami",         " -nop -w hidden", " C:\\Users\\Public\\a.txt",
                                         " --update",          " /s /q",          " -enc SQBFAFgA",
                                         " \\\\server\\share", " /install",       " -ExecutionPolicy Bypass",
                                         " config.xml"};
        std::vector<Event> out;
        out.reserve(200000);
        for (int i = 0; i < 200000; ++i) {
            const auto& pool = by_kind[static_cast<std::size_t>(pick(random))];
            Event event = pool[random() % pool.size()];
            const auto n = random();
            event.host = "ws-" + std::to_string(n % 500);
            if (!event.user_name.empty())
                event.user_name = "user" + std::to_string(n % 300);
            if (event.pid)
                event.pid = static_cast<std::int32_t>(1000 + n % 60000);
            if (const std::string* command = event.field("CommandLine"))
                setField(event, "CommandLine", *command + arguments[n % std::size(arguments)]);
            if (event.field("ProcessId"))
                setField(event, "ProcessId", std::to_string(1000 + n % 60000));
            out.push_back(std::move(event));
        }
        return out;
    }();
    return events;
}

// Builds the entry groups (one prefilter per set of entries an event belongs to) the mix
// needs, as detection threads do on their first events, so that the timed loops see the
// steady state; grows `scratch` for them when given. Returns each mix event's group.
std::vector<const EntryGroup*> buildGroups(const CompiledRuleSet& set, PrefilterScratch* scratch)
{
    std::vector<const EntryGroup*> groups;
    std::vector<std::size_t> entries;
    for (const Event& event : mix()) {
        set.dispatch().entriesFor(event, entries);
        groups.push_back(set.group(entries));
        if (groups.back() && scratch)
            scratch->prepare(*groups.back()->prefilter);
    }
    return groups;
}

void BM_Detect(benchmark::State& state)
{
    const BuiltSet& built = ruleSet(static_cast<std::size_t>(state.range(0)));
    const auto& events = mix();
    Detector detector(built.set);
    std::vector<RuleMatch> matches;
    // Threads start at different points of the mix, as two detection threads would see
    // different events.
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * events.size() / 2;
    for (auto _ : state) {
        matches.clear();
        detector.match(events[i], matches);
        benchmark::DoNotOptimize(matches.data());
        if (++i == events.size())
            i = 0;
    }
    const auto& c = detector.counters();
    const auto n = static_cast<double>(c.events);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    // Per-thread values, averaged (not summed) over the threads of a threaded run.
    auto put = [&](const char* name, double value) {
        state.counters[name] = benchmark::Counter(value, benchmark::Counter::kAvgThreads);
    };
    put("rules", static_cast<double>(built.set->size()));
    put("candidates/ev", static_cast<double>(c.candidates) / n);
    put("entries/ev", static_cast<double>(c.entry_scans) / n);
    put("scans/ev", static_cast<double>(c.group_scans) / n);
    put("matches/ev", static_cast<double>(c.matches) / n);
    put("always_run", static_cast<double>(built.set->alwaysRunCount()));
    put("build_ms", built.build_ms);
    put("groups_ms", built.groups_ms);
}
BENCHMARK(BM_Detect)->Arg(100)->Arg(1000)->Arg(1664);
// Two detection threads, one Detector each, sharing one CompiledRuleSet (design §3.7):
// items_per_second is the total over both threads per wall-clock second.
BENCHMARK(BM_Detect)->Arg(100)->Arg(1000)->Arg(1664)->Threads(2)->UseRealTime();

// Split: log source dispatch and EventView::reset only.
void BM_DispatchAndView(benchmark::State& state)
{
    const auto set = ruleSet(1664).set;
    const auto& events = mix();
    EventView view;
    std::vector<std::size_t> entries;
    std::size_t i = 0;
    for (auto _ : state) {
        const Event& event = events[i];
        set->dispatch().entriesFor(event, entries);
        if (!entries.empty())
            view.reset(event, set->mapping().entries()[entries.front()]);
        benchmark::DoNotOptimize(entries.data());
        if (++i == events.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_DispatchAndView);

// Split: dispatch, view and prefilter (haystack + scan + candidate list), no evaluation.
void BM_DispatchAndPrefilter(benchmark::State& state)
{
    const auto set = ruleSet(1664).set;
    const auto& events = mix();
    EventView view;
    PrefilterScratch scratch;
    // Dispatch stays timed; the group is then taken from this table (a Detector's own cache
    // lookup is not part of the split).
    const std::vector<const EntryGroup*> groups = buildGroups(*set, &scratch);
    std::vector<std::size_t> entries;
    std::vector<std::uint32_t> candidates;
    std::size_t i = 0;
    for (auto _ : state) {
        const Event& event = events[i];
        set->dispatch().entriesFor(event, entries);
        if (const EntryGroup* group = groups[i]) {
            view.reset(event, set->mapping().entries()[group->parts.front()->entry]);
            scratch.readEvent(event, set->fieldIndex());
            group->prefilter->candidates(view, scratch, candidates);
            benchmark::DoNotOptimize(candidates.data());
        }
        if (++i == events.size())
            i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_DispatchAndPrefilter);

void BM_BuildRuleSet(benchmark::State& state)
{
    const LoadResult& loaded = corpus();
    for (auto _ : state) {
        RuleSetBuild build = RuleSetBuilder::build(loaded, FieldMapping::builtIn());
        benchmark::DoNotOptimize(build.set.get());
    }
    state.counters["rules"] = static_cast<double>(loaded.rules.size());
}
BENCHMARK(BM_BuildRuleSet)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
