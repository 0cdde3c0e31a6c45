#pragma once
// Demo history: fourteen days of ordinary life on the demo network, stored once per demo
// database before the live scenario starts, so that dashboards over days show a shape and the
// anomaly detectors have a usual to learn. Same cast as the live scenario (demo_lines.h):
// seasonal office traffic (office hours ×4, nights ×0.3, weekends ×0.5: web, Suricata flows,
// DNS and TLS, cron, logins of deploy, alice, bob and carol from 10.0.4.0/24 only, sudo by the
// administrators) and a steady trickle from the Internet (UFW blocks on a handful of ports, a
// few failed SSH logins an hour on bastion-01, about one IDS alert an hour).
//
// Events are stored through store::EventWriter — never through the ingest engine, so no rule
// sees them and they raise no alert — and the hourly rollups are recounted afterwards.
// Blocking; runs on a worker thread with its own connection.
#include "event/event.h"

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace vigie::demo {

// Generates the history hour by hour, oldest first; deterministic for a seed and an end.
class DemoHistory {
public:
    DemoHistory(Timestamp end, std::chrono::days days = std::chrono::days(14), std::uint64_t seed = 20261122);
    // Appends the next hour's events (parsed as the engine would); false when none is left.
    bool nextHour(std::vector<Event>& out);

private:
    std::string seasonalLine(Timestamp ts);
    void steadyLines(Timestamp hour, std::vector<std::pair<Timestamp, std::string>>& lines);

    Timestamp end_;
    Timestamp hour_; // the next hour to generate
    std::mt19937_64 random_;
};

// The settings key (store/settings_store.h) set once a database was given its demo history.
inline constexpr const char* demoHistoryKey = "demo.history_seeded";

struct SeedResult {
    bool seeded = false; // false: already seeded, or the database held events of its own
    std::size_t events = 0;
    int hours_recounted = 0;
};

// Stores the history ending at `end` unless this database was seeded before or already holds
// events (a database in real use keeps its own history), then recounts the rollups of every
// pending hour. Throws store::StoreError.
SeedResult seedDemoHistory(const std::string& conninfo, Timestamp end);

} // namespace vigie::demo
