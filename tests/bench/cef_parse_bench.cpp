// CEF and LEEF parser throughput, one core: lines/s and bytes/s through parse::parseRecord on
// the shared vectors' lines and on typical firewall lines (plain, and inside a syslog envelope
// as appliances send them). Runs on the benchmark's thread only.
//
// The firewall lines give rt in epoch milliseconds, as PAN-OS and ArcSight connectors do; a
// "Feb 01 2024 ..." text date goes through the local-time conversion, whose per-hour cache
// (syslog_common.cpp) then competes with the envelope's stamp of another year.
#include "parse/record_parser.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace vigie;

// The "input" of every valid-looking vector of one format, read without a JSON library: the
// value is the text between "input": " and the next unescaped quote, with JSON escapes undone.
std::vector<std::string> vectorLines(const std::string& format)
{
    std::ifstream in(std::string(VIGIE_SHARED_DATA) + "/cef_leef/cef_leef_vectors.jsonl");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (line.find("\"format\": \"" + format + "\"") == std::string::npos ||
            line.find("\"valid\": true") == std::string::npos)
            continue;
        const std::size_t start = line.find("\"input\": \"");
        if (start == std::string::npos)
            continue;
        std::string value;
        for (std::size_t i = start + 10; i < line.size() && line[i] != '"'; ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) {
                const char c = line[++i];
                value.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c);
            } else {
                value.push_back(line[i]);
            }
        }
        lines.push_back(std::move(value));
    }
    return lines;
}

std::vector<std::string> firewallCef(bool envelope)
{
    std::vector<std::string> lines;
    for (int i = 0; i < 1000; ++i) {
        const std::string n = std::to_string(i);
        std::string line = envelope ? "<134>Feb  1 10:00:" + std::to_string(10 + i % 50) + " fw-0" +
                                          std::to_string(i % 4) + " "
                                    : std::string();
        line += "CEF:0|Palo Alto Networks|PAN-OS|10.1.0|end|TRAFFIC|" + std::to_string(i % 11) +
                "|rt=" + std::to_string(1706781610000LL + i * 1000LL) +
                " deviceExternalId=0123456789 src=10.0." + std::to_string(i % 250) + "." +
                std::to_string(i % 200) + " dst=198.51.100." + std::to_string(i % 250) +
                " sourceTranslatedAddress=203.0.113.5 spt=" + std::to_string(40000 + i) +
                " dpt=443 proto=TCP act=allow outcome=success suser=corp\\\\user" + n +
                " cs1Label=Rule cs1=allow-web cs2Label=App cs2=ssl cs3Label=Zone cs3=trust in=" +
                std::to_string(1200 + i) + " out=" + std::to_string(5400 + i) +
                " msg=session end reason tcp-fin dvchost=pa-fw-01 cat=network";
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> firewallLeef()
{
    std::vector<std::string> lines;
    for (int i = 0; i < 1000; ++i)
        lines.push_back(
            "LEEF:2.0|Fortinet|FortiGate|7.2|traffic-forward|^|devTime=Feb 01 2024 10:00:" +
            std::to_string(10 + i % 50) + "^src=10.1." + std::to_string(i % 250) + ".7^dst=192.0.2." +
            std::to_string(i % 250) + "^srcPort=" + std::to_string(30000 + i) +
            "^dstPort=53^proto=17^action=accept^sev=" + std::to_string(1 + i % 10) + "^usrName=user" +
            std::to_string(i) + "^policyid=12^service=DNS^sentbyte=64^rcvdbyte=128^cat=network");
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

void BM_Cef_Vectors(benchmark::State& state)
{
    static const auto lines = vectorLines("CEF");
    runParser(state, lines, parse::Format::Cef);
}

void BM_Leef_Vectors(benchmark::State& state)
{
    static const auto lines = vectorLines("LEEF");
    runParser(state, lines, parse::Format::Leef);
}

void BM_Cef_Firewall(benchmark::State& state)
{
    static const auto lines = firewallCef(false);
    runParser(state, lines, parse::Format::Auto);
}

void BM_Cef_Firewall_InSyslog(benchmark::State& state)
{
    static const auto lines = firewallCef(true);
    runParser(state, lines, parse::Format::Auto);
}

void BM_Leef_Firewall(benchmark::State& state)
{
    static const auto lines = firewallLeef();
    runParser(state, lines, parse::Format::Auto);
}

BENCHMARK(BM_Cef_Vectors);
BENCHMARK(BM_Leef_Vectors);
BENCHMARK(BM_Cef_Firewall);
BENCHMARK(BM_Cef_Firewall_InSyslog);
BENCHMARK(BM_Leef_Firewall);

} // namespace

BENCHMARK_MAIN();
