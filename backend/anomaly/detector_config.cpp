// Detector settings jsonb: reader (simdjson DOM), canonical writer, checks and hash (see the
// header). Pure functions: any thread.
#include "anomaly/detector_config.h"

#include "event/json_dom.h"
#include "event/json_text.h"
#include "query/query.h"
#include "query/sql_compiler.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace vigie::anomaly {
namespace {

namespace dom = simdjson::dom;

constexpr std::array<std::string_view, 4> kKindNames{"rate", "first_seen", "brute_force", "rare"};
constexpr std::array<std::string_view, 5> kLevels{"", "low", "medium", "high", "critical"};

bool usesEntity(DetectorKind kind)
{
    return kind == DetectorKind::Rate;
}
bool usesKeys(DetectorKind kind)
{
    return kind != DetectorKind::Rate;
}

// One settings object: typed getters that keep the default when a key is absent.
class SettingsReader {
public:
    explicit SettingsReader(dom::object object) : object_(object) {}

    void text(std::string_view key, std::string& into)
    {
        if (const auto value = jsonMember(object_, key)) {
            auto text = jsonText(*value);
            if (!text)
                throw DetectorConfigError(path(key), "expected a text");
            into = std::move(*text);
        }
    }
    template <typename Integer> void integer(std::string_view key, Integer& into)
    {
        if (const auto value = jsonMember(object_, key)) {
            const auto number = jsonWholeNumber(*value);
            if (!number)
                throw DetectorConfigError(path(key), "expected a whole number");
            into = static_cast<Integer>(*number);
        }
    }
    template <typename Duration> void duration(std::string_view key, Duration& into)
    {
        auto count = static_cast<std::int64_t>(into.count());
        integer(key, count);
        into = Duration(count);
    }
    void number(std::string_view key, double& into)
    {
        if (const auto value = jsonMember(object_, key)) {
            if (value->get(into) != simdjson::SUCCESS)
                throw DetectorConfigError(path(key), "expected a number");
        }
    }

private:
    static std::string path(std::string_view key) { return "settings." + std::string(key); }

    dom::object object_;
};

// Writes `"key":value` pairs of one compact object.
class SettingsWriter {
public:
    void text(std::string_view key, std::string_view value)
    {
        name(key);
        appendJsonString(out_, value);
    }
    void integer(std::string_view key, std::int64_t value)
    {
        name(key);
        out_ += std::to_string(value);
    }
    void number(std::string_view key, double value)
    {
        name(key);
        char buf[32];
        const auto result = std::to_chars(buf, buf + sizeof buf, value);
        out_.append(buf, result.ptr);
    }
    std::string finish() { return out_ + "}"; }

private:
    void name(std::string_view key)
    {
        out_ += out_.size() == 1 ? "" : ",";
        appendJsonString(out_, key);
        out_ += ':';
    }
    std::string out_ = "{";
};

void checkRange(std::string_view key, double value, double low, double high)
{
    if (!(value >= low && value <= high)) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "must be between %g and %g", low, high);
        throw DetectorConfigError("settings." + std::string(key), buf);
    }
}

void checkQuery(std::string_view key, const std::string& text, bool required)
{
    if (required && text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw DetectorConfigError("settings." + std::string(key), "a search query is required");
    try {
        query::compileFilter(text);
    } catch (const query::SyntaxError& error) {
        throw DetectorConfigError("settings." + std::string(key), error.what());
    }
}

// A field the query language knows, usable to group by (a column, or fields.<key>).
void checkField(std::string_view key, const std::string& field, bool optional)
{
    if (field.empty()) {
        if (optional)
            return;
        throw DetectorConfigError("settings." + std::string(key), "a field is required");
    }
    try {
        query::SqlCompiler compiler(query::Placeholders::Dollar, 1);
        compiler.fieldValue(field);
    } catch (const query::SyntaxError&) {
        throw DetectorConfigError("settings." + std::string(key), "unknown field \"" + field + "\"");
    }
}

} // namespace

bool isAddressField(std::string_view field)
{
    return field == "source_ip" || field == "dest_ip";
}

DetectorConfigError::DetectorConfigError(const std::string& path, const std::string& problem)
    : std::runtime_error(path.empty() ? problem : path + ": " + problem), path_(path), problem_(problem)
{
}

std::string_view kindName(DetectorKind kind)
{
    return kKindNames[static_cast<std::size_t>(kind)];
}

std::optional<DetectorKind> kindFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (kKindNames[i] == name)
            return static_cast<DetectorKind>(i);
    return std::nullopt;
}

DetectorSettings readSettings(DetectorKind kind, std::string_view json)
{
    dom::parser parser;
    dom::object object;
    if (parser.parse(json.data(), json.size()).get(object) != simdjson::SUCCESS)
        throw DetectorConfigError("settings", "expected a JSON object");
    SettingsReader in(object);
    DetectorSettings s;
    in.text("query", s.query);
    in.text("what", s.what);
    in.text("level", s.level);
    in.integer("learning_days", s.learning_days);
    switch (kind) {
    case DetectorKind::Rate: {
        in.text("entity", s.entity);
        in.duration("window_minutes", s.window);
        in.number("k", s.k);
        in.integer("min_count", s.min_count);
        in.number("min_ratio", s.min_ratio);
        std::string direction = "up";
        in.text("direction", direction);
        if (direction != "up" && direction != "down")
            throw DetectorConfigError("settings.direction", "expected \"up\" or \"down\"");
        s.direction = direction == "down" ? RateDirection::Down : RateDirection::Up;
        in.number("alpha", s.alpha);
        in.integer("warmup_slot", s.warmup_slot);
        in.integer("warmup_global", s.warmup_global);
        in.integer("max_entities", s.max_entities);
        break;
    }
    case DetectorKind::FirstSeen:
        in.text("key1", s.key1);
        in.text("key2", s.key2);
        in.duration("new_host_grace_hours", s.new_host_grace);
        in.integer("key1_prefix", s.key1_prefix);
        in.integer("key1_prefix6", s.key1_prefix6);
        break;
    case DetectorKind::BruteForce:
        s.key1 = "source_ip";
        s.key2.clear();
        in.text("key1", s.key1);
        in.text("key2", s.key2);
        in.text("success_query", s.success_query);
        in.integer("failures", s.failures);
        in.duration("failure_window_minutes", s.failure_window);
        in.duration("success_within_minutes", s.success_within);
        break;
    case DetectorKind::Rare:
        s.key1 = "process";
        s.key2.clear();
        in.text("key1", s.key1);
        in.text("key2", s.key2);
        in.integer("max_count", s.max_count);
        break;
    }
    return s;
}

std::string writeSettings(DetectorKind kind, const DetectorSettings& s)
{
    SettingsWriter out;
    out.text("query", s.query);
    switch (kind) {
    case DetectorKind::Rate:
        out.text("entity", s.entity);
        out.integer("window_minutes", s.window.count());
        out.number("k", s.k);
        out.integer("min_count", s.min_count);
        out.number("min_ratio", s.min_ratio);
        out.text("direction", s.direction == RateDirection::Down ? "down" : "up");
        out.number("alpha", s.alpha);
        out.integer("warmup_slot", s.warmup_slot);
        out.integer("warmup_global", s.warmup_global);
        if (s.max_entities != DetectorSettings{}.max_entities) // the default keeps older hashes
            out.integer("max_entities", s.max_entities);
        break;
    case DetectorKind::FirstSeen:
        out.text("key1", s.key1);
        out.text("key2", s.key2);
        out.integer("new_host_grace_hours", s.new_host_grace.count());
        // Only when set: detectors saved before the setting existed keep their hash.
        if (s.key1_prefix != 0) {
            out.integer("key1_prefix", s.key1_prefix);
            out.integer("key1_prefix6", s.key1_prefix6);
        }
        break;
    case DetectorKind::BruteForce:
        out.text("success_query", s.success_query);
        out.text("key1", s.key1);
        out.text("key2", s.key2);
        out.integer("failures", s.failures);
        out.integer("failure_window_minutes", s.failure_window.count());
        out.integer("success_within_minutes", s.success_within.count());
        break;
    case DetectorKind::Rare:
        out.text("key1", s.key1);
        out.text("key2", s.key2);
        out.integer("max_count", s.max_count);
        break;
    }
    out.integer("learning_days", s.learning_days);
    out.text("what", s.what);
    out.text("level", s.level);
    return out.finish();
}

void validate(const DetectorConfig& config)
{
    if (config.id.empty())
        throw DetectorConfigError("id", "an id is required");
    if (config.title.find_first_not_of(" \t") == std::string::npos)
        throw DetectorConfigError("title", "a title is required");
    if (config.title.size() > 300)
        throw DetectorConfigError("title", "is longer than 300 characters");
    const DetectorSettings& s = config.settings;
    const DetectorKind kind = config.kind;
    // Brute force needs its failures; the other kinds may watch every event.
    checkQuery("query", s.query, kind == DetectorKind::BruteForce);
    if (std::find(kLevels.begin(), kLevels.end(), s.level) == kLevels.end())
        throw DetectorConfigError("settings.level",
                                  "expected low, medium, high, critical or automatic (empty)");
    if (s.what.find_first_not_of(' ') == std::string::npos)
        throw DetectorConfigError("settings.what", "name what is counted (e.g. \"failed logins\")");
    checkRange("learning_days", s.learning_days, 1, 90);
    if (usesEntity(kind)) {
        if (s.entity != "none")
            checkField("entity", s.entity, false);
        checkRange("window_minutes", static_cast<double>(s.window.count()), 1, 1440);
        if (1440 % s.window.count() != 0)
            throw DetectorConfigError("settings.window_minutes", "must divide a day (1, 5, 10, 15, 30, 60…)");
        checkRange("k", s.k, 1, 50);
        checkRange("min_count", static_cast<double>(s.min_count), 0, 1e9);
        checkRange("min_ratio", s.min_ratio, 1, 1000);
        checkRange("alpha", s.alpha, 0.001, 1);
        checkRange("warmup_slot", s.warmup_slot, 1, 10000);
        checkRange("warmup_global", s.warmup_global, 1, 100000);
        checkRange("max_entities", s.max_entities, 1, 1000000);
        // Saving a setting the runner would ignore would promise alerts that never come.
        if (s.direction == RateDirection::Down)
            throw DetectorConfigError(
                "settings.direction",
                "\"down\" (alert when a source goes silent) is not supported yet; use \"up\"");
    }
    if (usesKeys(kind)) {
        checkField("key1", s.key1, false);
        checkField("key2", s.key2, kind != DetectorKind::FirstSeen);
        if (s.key1 == s.key2)
            throw DetectorConfigError("settings.key2", "must differ from key1");
    }
    switch (kind) {
    case DetectorKind::FirstSeen:
        checkRange("new_host_grace_hours", static_cast<double>(s.new_host_grace.count()), 0, 24 * 30);
        if (s.key1_prefix != 0) {
            if (!isAddressField(s.key1))
                throw DetectorConfigError("settings.key1_prefix",
                                          "only an address key (source_ip, dest_ip) has a prefix");
            checkRange("key1_prefix", s.key1_prefix, 8, 32);
            checkRange("key1_prefix6", s.key1_prefix6, 16, 128);
        }
        break;
    case DetectorKind::BruteForce:
        checkQuery("success_query", s.success_query, true);
        checkRange("failures", static_cast<double>(s.failures), 2, 1e6);
        checkRange("failure_window_minutes", static_cast<double>(s.failure_window.count()), 1, 1440);
        checkRange("success_within_minutes", static_cast<double>(s.success_within.count()), 1, 1440);
        break;
    case DetectorKind::Rare:
        checkRange("max_count", static_cast<double>(s.max_count), 1, 1e6);
        break;
    case DetectorKind::Rate:
        break;
    }
}

std::string settingsHash(const DetectorConfig& config)
{
    DetectorSettings learned = config.settings;
    learned.what.clear();
    learned.level.clear();
    const std::string text = std::string(kindName(config.kind)) + "\n" + writeSettings(config.kind, learned);
    std::uint64_t hash = 14695981039346656037ULL; // FNV-1a: stable across builds and processes
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

} // namespace vigie::anomaly
