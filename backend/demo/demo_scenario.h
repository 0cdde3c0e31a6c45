#pragma once
// The demo mode's deterministic attack scenario (DESIGN §10): background noise (cron, firewall,
// web access, Suricata EVE flows, DNS, TLS and the odd IDS alert) interleaved with an attack —
// 25 sshd password failures from one address that the IDS flags as an SSH scan, then a success,
// sudo to root, a new local user, a port scan seen by the firewall. Syslog lines and EVE JSON
// lines share the TCP listener (format auto). The same seed always yields the same sequence of
// lines; only the timestamps follow the clock. Hosts and addresses: demo_lines.h.
#include "event/event.h"

#include <atomic>
#include <cstdint>
#include <random>
#include <string>
#include <thread>

namespace vigie::demo {

class DemoScenario {
public:
    explicit DemoScenario(std::uint64_t seed = 20261122);
    // The next line (RFC 3164, RFC 5424 or Suricata EVE JSON, no trailing newline), stamped `now`.
    std::string nextLine(Timestamp now);

private:
    std::string noiseLine(Timestamp now);
    std::string attackLine(Timestamp now);
    std::mt19937_64 random_;
    std::uint64_t step_ = 0;
    std::uint64_t attack_step_ = 0;
};

// Sends the scenario to a TCP syslog listener at a steady rate from its own thread, as a
// real sender would, reconnecting if the listener is not up yet.
class DemoFeeder {
public:
    DemoFeeder(std::string host, std::uint16_t port, double lines_per_second, std::uint64_t seed = 20261122);
    ~DemoFeeder();
    DemoFeeder(const DemoFeeder&) = delete;
    DemoFeeder& operator=(const DemoFeeder&) = delete;

    void start();
    void stop();
    std::uint64_t sent() const { return sent_.load(); }

private:
    void run();
    std::string host_;
    std::uint16_t port_;
    double lines_per_second_;
    DemoScenario scenario_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> sent_{0};
    std::thread thread_;
};

} // namespace vigie::demo
