// JSON parser throughput, one core: lines/s and bytes/s of parse::parseRecord (read, classify,
// normalise, build the Event, make it storable) for each kind of JSON source, on the real
// samples of ../shared/data. The *_ReadOnly variants time only the strict read and flattening
// (json_flatten.h), to show what the Event construction costs on top.
#include "parse/json_flatten.h"
#include "parse/record_parser.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace vigie;

// Lines of every file under `folder` (relative to the shared data) whose name ends in `suffix`
// and, when `needle` is given, that contain it.
std::vector<std::string> sampleLines(const std::string& folder, const std::string& suffix,
                                     const std::string& needle = {})
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(VIGIE_SHARED_DATA) + "/" + folder))
        if (entry.path().string().ends_with(suffix))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> lines;
    for (const auto& file : files) {
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && (needle.empty() || line.find(needle) != std::string::npos))
                lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> join(std::vector<std::string> a, const std::vector<std::string>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::vector<std::string>& suricata()
{
    static const auto lines = join(sampleLines("suricata", ".log"), sampleLines("suricata", ".jsonl"));
    return lines;
}
const std::vector<std::string>& zeek()
{
    static const auto lines = join(sampleLines("zeek/otrf_apt29_day1_SCRANTON", ".log"),
                                   sampleLines("zeek/otrf_lsass_campaign_01/json", ".json"));
    return lines;
}
const std::vector<std::string>& sysmon()
{
    static const auto lines = sampleLines("windows/otrf", ".json", "Microsoft-Windows-Sysmon/Operational");
    return lines;
}
const std::vector<std::string>& security()
{
    static const auto lines =
        join(join(sampleLines("windows/otrf", ".json", "\"Channel\":\"security\""),
                  sampleLines("windows/otrf", ".json", "\"Channel\":\"Security\"")),
             join(sampleLines("windows/mdecrevoisier", "Kerberos_4771_bruteforce_valid_user.jsonl"),
                  sampleLines("windows/correlation/event_sets", ".jsonl")));
    return lines;
}
// JSON Lines of no known kind: the test-vector files, read as generic JSON.
const std::vector<std::string>& generic()
{
    static const auto lines = join(sampleLines("syslog", ".jsonl"), sampleLines("cef_leef", ".jsonl"));
    return lines;
}

void runParser(benchmark::State& state, const std::vector<std::string>& lines)
{
    const parse::Context context{nowTimestamp(), "127.0.0.1"};
    std::size_t i = 0;
    std::int64_t bytes = 0;
    std::int64_t errors = 0;
    for (auto _ : state) {
        const auto& line = lines[i++ % lines.size()];
        auto event = parse::parseRecord(line, parse::Format::Auto, context);
        errors += event.parse_error ? 1 : 0;
        benchmark::DoNotOptimize(event);
        bytes += static_cast<std::int64_t>(line.size());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
    state.counters["avg_bytes"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
    state.counters["parse_errors"] = static_cast<double>(errors);
}

void runReadOnly(benchmark::State& state, const std::vector<std::string>& lines)
{
    auto& flat = parse::detail::threadFlatJson();
    parse::detail::ParseFailure failure;
    std::size_t i = 0;
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const auto& line = lines[i++ % lines.size()];
        benchmark::DoNotOptimize(flat.parse(line, 0, failure));
        benchmark::DoNotOptimize(flat.leaves().data());
        bytes += static_cast<std::int64_t>(line.size());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}

void BM_Json_SuricataEve(benchmark::State& state)
{
    runParser(state, suricata());
}
void BM_Json_Zeek(benchmark::State& state)
{
    runParser(state, zeek());
}
void BM_Json_WindowsSysmon(benchmark::State& state)
{
    runParser(state, sysmon());
}
void BM_Json_WindowsSecurity(benchmark::State& state)
{
    runParser(state, security());
}
void BM_Json_Generic(benchmark::State& state)
{
    runParser(state, generic());
}
void BM_Json_SuricataEve_ReadOnly(benchmark::State& state)
{
    runReadOnly(state, suricata());
}
void BM_Json_Zeek_ReadOnly(benchmark::State& state)
{
    runReadOnly(state, zeek());
}
void BM_Json_WindowsSysmon_ReadOnly(benchmark::State& state)
{
    runReadOnly(state, sysmon());
}
void BM_Json_WindowsSecurity_ReadOnly(benchmark::State& state)
{
    runReadOnly(state, security());
}
void BM_Json_Generic_ReadOnly(benchmark::State& state)
{
    runReadOnly(state, generic());
}

BENCHMARK(BM_Json_SuricataEve);
BENCHMARK(BM_Json_Zeek);
BENCHMARK(BM_Json_WindowsSysmon);
BENCHMARK(BM_Json_WindowsSecurity);
BENCHMARK(BM_Json_Generic);
BENCHMARK(BM_Json_SuricataEve_ReadOnly);
BENCHMARK(BM_Json_Zeek_ReadOnly);
BENCHMARK(BM_Json_WindowsSysmon_ReadOnly);
BENCHMARK(BM_Json_WindowsSecurity_ReadOnly);
BENCHMARK(BM_Json_Generic_ReadOnly);

} // namespace

BENCHMARK_MAIN();
