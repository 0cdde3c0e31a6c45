#pragma once
// A synthetic, seeded activity set with anomalies injected at known times (design notes §4,
// "Synthetic precision/recall test"): six weeks of 10-minute windows; per-host counts that
// follow an office-hours / night / weekend profile (Poisson, some hosts overdispersed, some
// growing), logins of users on their usual servers, authentication by source address, and
// processes per server. Weeks 1–3 are for learning; every injection lies in weeks 4–6, next to
// decoys that must not alert (the learned Monday 09:00 peak, growth, overdispersion, a success
// after a few failures, scanners that never get in, a pair seen once while learning, weekly
// jobs). The generator knows nothing of the detectors' parameters. Test code, one thread.
#include "anomaly/anomaly_finding.h"
#include "anomaly/rate_detector.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::test {

struct SyntheticOptions {
    std::uint64_t seed = 1;
    int weeks = 6;
    int learn_weeks = 3;
    int hosts = 60; // entities of the rate series
};

enum class InjectionKind { Spike, LevelShift, SubtleShift, NewEntity, NewPair, BruteForce, RareValue };

std::string_view injectionName(InjectionKind kind);

struct Injection {
    InjectionKind kind = InjectionKind::Spike;
    std::string entity;           // as the detector names it: host, "user|host", source address, "value|host"
    anomaly::UnixSeconds t0 = 0;  // when it starts (brute force: the successful login)
    anomaly::UnixSeconds end = 0; // when it is over
};

struct SyntheticActivity {
    anomaly::UnixSeconds start = 0;      // a Monday 00:00 UTC
    anomaly::UnixSeconds score_from = 0; // first moment of the scored weeks
    std::int64_t window_seconds = 600;
    std::int64_t first_window = 0; // index of the first window on the epoch-aligned grid
    // Per window, in order:
    std::vector<std::vector<anomaly::EntityCount>> counts;    // failed logins per host (non-zero only)
    std::vector<std::vector<anomaly::ActivityRow>> logins;    // successful logins: key1 user, key2 server
    std::vector<std::vector<anomaly::ActivityRow>> auth;      // key1 source address; failures and successes
    std::vector<std::vector<anomaly::ActivityRow>> processes; // key1 process, key2 server
    std::vector<Injection> injections;
};

SyntheticActivity makeSyntheticActivity(const SyntheticOptions& options);

} // namespace vigie::test
