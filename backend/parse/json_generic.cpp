// Any other JSON object: every leaf kept in fields under its dotted path, and the well-known
// ECS-style and common logger keys copied into the columns (the first present wins, in the
// order listed below). Fields stay complete, since in a JSON of unknown origin the original
// name is the only sure statement of what a value meant; only the message text, often the
// largest value, is not stored twice. Pure function, any thread.
//
// A numeric time is epoch seconds, or milliseconds / microseconds when too large to be seconds
// (> 1e11 / > 1e14: year 5138 in seconds), as JavaScript and Java loggers write.
#include "parse/json_normalise.h"

namespace vigie::parse::detail {

namespace {

enum Key : std::size_t {
    kAtTimestamp,
    kTimestamp,
    kTs,
    kTime,
    kHostName,
    kHostname,
    kHost,
    kHostHostname,
    kMessage,
    kMsg,
    kLogLevel,
    kSeverity,
    kLevel,
    kSourceIp,
    kSrcIp,
    kClientIp,
    kSourcePort,
    kSrcPort,
    kClientPort,
    kDestinationIp,
    kDestIp,
    kDstIp,
    kServerIp,
    kDestinationPort,
    kDestPort,
    kDstPort,
    kServerPort,
    kUserName,
    kUser,
    kUsername,
    kCategory,
    kAction,
    kOutcome,
    kProcessName,
    kProcessExecutable,
    kProcessPid,
    kPid,
    kServiceName,
    kApp,
    kProgram,
    kKeyCount
};

constexpr KeyTable<kKeyCount> kKeys({
    "@timestamp",
    "timestamp",
    "ts",
    "time",
    "host.name",
    "hostname",
    "host",
    "host.hostname",
    "message",
    "msg",
    "log.level",
    "severity",
    "level",
    "source.ip",
    "src_ip",
    "client.ip",
    "source.port",
    "src_port",
    "client.port",
    "destination.ip",
    "dest_ip",
    "dst_ip",
    "server.ip",
    "destination.port",
    "dest_port",
    "dst_port",
    "server.port",
    "user.name",
    "user",
    "username",
    "event.category",
    "event.action",
    "event.outcome",
    "process.name",
    "process.executable",
    "process.pid",
    "pid",
    "service.name",
    "app",
    "program",
});

using Slots = std::array<JsonLeaf*, kKeyCount>;

// The first of `keys` that `set` accepts.
template <typename Set> void firstOf(Slots& s, std::initializer_list<Key> keys, const Set& set)
{
    for (const Key key : keys)
        if (s[key] && set(s[key]))
            return;
}

bool genericTime(const JsonLeaf& leaf, Timestamp& out)
{
    if (leaf.type != JsonType::Number)
        return parseJsonTime(leaf, out);
    const std::string_view digits = leaf.value.substr(0, leaf.value.find_first_of(".eE"));
    const int scale = digits.size() > 14 ? 6 : digits.size() > 11 ? 3 : 0;
    return parseEpoch(leaf.value, out, scale);
}

} // namespace

void normaliseGenericJson(FlatJson& json, Event& event)
{
    Slots s = kKeys.lookup(json.leaves());
    event.format = "json";

    firstOf(s, {kAtTimestamp, kTimestamp, kTs, kTime},
            [&](JsonLeaf* l) { return genericTime(*l, event.ts); });
    firstOf(s, {kHostName, kHostname, kHost, kHostHostname},
            [&](JsonLeaf* l) { return setText(event.host, l, false); });
    firstOf(s, {kMessage, kMsg}, [&](JsonLeaf* l) { return setText(event.message, l, true); });
    firstOf(s, {kLogLevel, kSeverity, kLevel}, [&](JsonLeaf* l) {
        if (l->type == JsonType::Array || l->type == JsonType::Bool)
            return false;
        event.severity = severityFromName(l->value);
        return event.severity.has_value();
    });
    firstOf(s, {kSourceIp, kSrcIp, kClientIp}, [&](JsonLeaf* l) { return setIp(event.source_ip, l, false); });
    firstOf(s, {kSourcePort, kSrcPort, kClientPort},
            [&](JsonLeaf* l) { return setPort(event.source_port, l, false); });
    firstOf(s, {kDestinationIp, kDestIp, kDstIp, kServerIp},
            [&](JsonLeaf* l) { return setIp(event.dest_ip, l, false); });
    firstOf(s, {kDestinationPort, kDestPort, kDstPort, kServerPort},
            [&](JsonLeaf* l) { return setPort(event.dest_port, l, false); });
    firstOf(s, {kUserName, kUser, kUsername},
            [&](JsonLeaf* l) { return setText(event.user_name, l, false); });
    setText(event.category, s[kCategory], false);
    setText(event.action, s[kAction], false);
    setText(event.outcome, s[kOutcome], false);
    firstOf(s, {kProcessName, kProcessExecutable},
            [&](JsonLeaf* l) { return setText(event.process, l, false); });
    firstOf(s, {kProcessPid, kPid}, [&](JsonLeaf* l) {
        const auto pid = l->type == JsonType::Number ? integerValue(l->value) : std::nullopt;
        if (!pid || *pid < 0 || *pid > INT32_MAX)
            return false;
        event.pid = static_cast<std::int32_t>(*pid);
        return true;
    });
    firstOf(s, {kServiceName, kApp, kProgram}, [&](JsonLeaf* l) { return setText(event.app, l, false); });

    json.appendFields(event);
}

} // namespace vigie::parse::detail
