// Parser throughput, one core: lines/s and bytes/s for each syslog flavour, on real lines
// (the loghub OpenSSH and Linux samples, RFC 5424 lines shaped like the load test's).
#include "parse/record_parser.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace vigie;

std::vector<std::string> readSample(const std::string& relative, const std::string& pri)
{
    std::ifstream in(std::string(VIGIE_SHARED_DATA) + "/" + relative);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(pri + line);
    return lines;
}

std::vector<std::string> rfc5424Lines()
{
    std::vector<std::string> lines;
    for (int i = 0; i < 1000; ++i)
        lines.push_back("<38>1 2026-11-22T06:01:" + std::to_string(10 + i % 50) + ".123456Z web-0" +
                        std::to_string(i % 9) + " sshd " + std::to_string(1000 + i) +
                        " ID47 [origin ip=\"10.0.0." + std::to_string(i % 250) +
                        "\"] Failed password for invalid user admin from 198.51.100." +
                        std::to_string(i % 250) + " port 4" + std::to_string(1000 + i) + " ssh2");
    return lines;
}

void runParser(benchmark::State& state, const std::vector<std::string>& lines, parse::Format format)
{
    const parse::Context context{nowTimestamp(), "127.0.0.1"};
    std::size_t i = 0;
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const auto& line = lines[i++ % lines.size()];
        auto event = parse::parseRecord(line, format, context);
        benchmark::DoNotOptimize(event);
        bytes += static_cast<std::int64_t>(line.size());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
}

void BM_Rfc5424(benchmark::State& state)
{
    static const auto lines = rfc5424Lines();
    runParser(state, lines, parse::Format::Auto);
}

void BM_Rfc3164_OpenSSH(benchmark::State& state)
{
    // loghub lines carry no <PRI>: add the authpriv.info one a real sender would.
    static const auto lines = readSample("loghub/OpenSSH/OpenSSH_2k.log", "<86>");
    runParser(state, lines, parse::Format::Auto);
}

void BM_Rfc3164_Linux(benchmark::State& state)
{
    static const auto lines = readSample("loghub/Linux/Linux_2k.log", "<13>");
    runParser(state, lines, parse::Format::Auto);
}

BENCHMARK(BM_Rfc5424);
BENCHMARK(BM_Rfc3164_OpenSSH);
BENCHMARK(BM_Rfc3164_Linux);

} // namespace

BENCHMARK_MAIN();
