#pragma once
// DetectorConfig: one row of `anomaly_detectors` (migration 0011) as a value — its id, kind,
// title, enabled flag, optimistic version and the settings jsonb of its kind (design notes §4),
// with the reader/writer of that jsonb, the checks the settings dialog and the store run before
// saving, and the hash that tells the runner a change needs relearning. Pure value types and
// functions, safe from any thread.
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::anomaly {

enum class DetectorKind { Rate, FirstSeen, BruteForce, Rare };

// "rate", "first_seen", "brute_force", "rare" (the `kind` column).
std::string_view kindName(DetectorKind kind);
std::optional<DetectorKind> kindFromName(std::string_view name);

// `up`: alert on spikes; `down`: alert when an entity goes (nearly) silent.
enum class RateDirection { Up, Down };

// Every kind's settings in one flat value, so one form edits them; each kind reads and writes
// only its own keys (the JSON key is given in brackets; "minutes" keys are whole minutes).
struct DetectorSettings {
    // All kinds. rate, first_seen, rare: what to count/record; brute_force: the failures.
    std::string query;           // [query] the search language, e.g. "category:authentication"
    std::string what = "events"; // [what] plural noun for explanations ("failed logins")
    std::string level;           // [level] "" = from the deviation; low|medium|high|critical pins it
    int learning_days = 28;      // [learning_days] history learned (rate) / learning period (others)

    // rate
    std::string entity = "host";     // [entity] a field (host, user_name, source_ip…) or "none"
    std::chrono::minutes window{10}; // [window_minutes]
    double k = 4;                    // [k] sensitivity: deviations for a spike
    std::int64_t min_count = 10;     // [min_count]
    double min_ratio = 3;            // [min_ratio] × the usual count
    RateDirection direction =
        RateDirection::Up; // [direction] "up" | "down" (validate refuses down: not evaluated yet)
    // Advanced learning speeds (optional keys; the settings dialog leaves them alone).
    double alpha = 0.15;     // [alpha]
    int warmup_slot = 12;    // [warmup_slot] windows of one hour of the week
    int warmup_global = 432; // [warmup_global] windows overall
    // Baselines kept at most, the least recently active evicted (address entities are also
    // admitted only from their third window with activity).
    int max_entities = 20000; // [max_entities]

    // first_seen: key1 on key2 (user_name/host, process/host, source_ip/user_name).
    // rare: key1 = the field whose values are rare, key2 = optional per-key ("" none).
    // brute_force: key1 = the key (source_ip, or user_name), key2 = optional second key (host).
    std::string key1 = "user_name";        // [key1]
    std::string key2 = "host";             // [key2]
    std::chrono::hours new_host_grace{24}; // [new_host_grace_hours] first_seen
    // first_seen with an address key1 (source_ip, dest_ip): group addresses by network so a
    // user moving inside one office or provider range is not "new". IPv4 prefix length
    // (24 → 10.0.0.0/24; 0 = the exact address) and, when it is set, the IPv6 one (/64).
    int key1_prefix = 0;   // [key1_prefix]
    int key1_prefix6 = 64; // [key1_prefix6]

    // brute_force
    std::string success_query;               // [success_query]
    std::int64_t failures = 20;              // [failures]
    std::chrono::minutes failure_window{10}; // [failure_window_minutes]
    std::chrono::minutes success_within{30}; // [success_within_minutes]

    // rare
    std::int64_t max_count = 3; // [max_count]

    bool operator==(const DetectorSettings&) const = default;
};

struct DetectorConfig {
    std::string id; // e.g. "anomaly.rate.failed_logins.host"; the alerts' rule_id
    DetectorKind kind = DetectorKind::Rate;
    std::string title; // the alerts' rule_title
    bool enabled = true;
    int version = 1; // bumped by every saved change (optimistic locking)
    DetectorSettings settings;

    bool operator==(const DetectorConfig&) const = default;
};

// A setting that cannot be used: `path` names it ("settings.window_minutes", "title") and
// what() reads "settings.window_minutes: must be between 1 and 1440".
class DetectorConfigError : public std::runtime_error {
public:
    DetectorConfigError(const std::string& path, const std::string& problem);
    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }

private:
    std::string path_;
    std::string problem_;
};

// The settings jsonb of a detector of `kind`: keys it does not know are ignored, missing keys
// keep their defaults. Throws DetectorConfigError (unreadable JSON, wrong type).
DetectorSettings readSettings(DetectorKind kind, std::string_view json);
// The kind's keys only, fixed order, compact.
std::string writeSettings(DetectorKind kind, const DetectorSettings& settings);

// Checks an edited detector: title, queries parse (search language), fields exist, numbers in
// range. Throws DetectorConfigError naming the first problem.
void validate(const DetectorConfig& config);

// Whether a field holds IP addresses (inet columns: source_ip, dest_ip).
bool isAddressField(std::string_view field);

// A hex digest of what the learned state depends on (kind and settings, not title, enabled,
// level or the explanation noun): the runner relearns when it changes.
std::string settingsHash(const DetectorConfig& config);

} // namespace vigie::anomaly
