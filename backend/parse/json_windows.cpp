// Windows events forwarded as JSON: the flat layouts of the OTRF/Mordor shipper (`Hostname`,
// `SourceName`) and of evtx converters (`Computer`, `Provider_Name`, `Execution_ProcessID`), and
// the nested evtx-dump layout (`Event.System...`, `Event.EventData...`), which is first renamed
// into the flat one. Every EventData field stays in fields under its Windows name
// (`CommandLine`, `TargetUserName`, `IpAddress`): Sigma rules match on those names. The columns
// are filled on top, for the events analysts pivot on most (logons, Kerberos, process and
// network events, account changes; see applyKnownEvent). Pure function, any thread.
//
// Decisions worth knowing:
//  - `Message` (often a kilobyte of rendered text) goes to the message column only; without
//    one, message is a short summary ("Security 4771 kerberos_preauth_failed bob from 10.1.2.3").
//  - fields gain winlog.channel and winlog.event_id (the store's stable names), `Computer` when
//    only OTRF's `Hostname` is there, and for 4688 `Image`/`ParentImage` from
//    NewProcessName/ParentProcessName, so Sigma process_creation rules see one vocabulary.
//  - user_name drops a "DOMAIN\" prefix (Sysmon's User); the domain stays in fields.
//  - severity from Level: 1 -> 2, 2 -> 3, 3 -> 4, 0 and 4 -> 6, 5 -> 7. outcome defaults to
//    the audit keywords (audit success / audit failure bits), then the per-event mapping.
//  - pid is Execution_ProcessID, the process that logged the event (as for syslog's pid).
#include "parse/json_normalise.h"

namespace vigie::parse::detail {

namespace {

enum Key : std::size_t {
    kEventId,
    kChannel,
    kHostname,
    kComputer,
    kTimeCreated,
    kAtTimestamp,
    kUtcTime,
    kMessage,
    kLevel,
    kKeywords,
    kExecutionPid,
    kProviderName,
    kSourceName,
    kTargetUserName,
    kSubjectUserName,
    kIpAddress,
    kIpPort,
    kLogonType,
    kStatus,
    kNewProcessName,
    kParentProcessName,
    kProcessName,
    kImage,
    kParentImage,
    kUser,
    kSourceIp,
    kSourcePort,
    kDestinationIp,
    kDestinationPort,
    kSourceImage,
    kQueryName,
    kSourceAddress,
    kDestAddress,
    kDestPort,
    kApplication,
    kPayload,
    kKeyCount
};

constexpr KeyTable<kKeyCount> kKeys({
    "EventID",
    "Channel",
    "Hostname",
    "Computer",
    "TimeCreated",
    "@timestamp",
    "UtcTime",
    "Message",
    "Level",
    "Keywords",
    "Execution_ProcessID",
    "Provider_Name",
    "SourceName",
    "TargetUserName",
    "SubjectUserName",
    "IpAddress",
    "IpPort",
    "LogonType",
    "Status",
    "NewProcessName",
    "ParentProcessName",
    "ProcessName",
    "Image",
    "ParentImage",
    "User",
    "SourceIp",
    "SourcePort",
    "DestinationIp",
    "DestinationPort",
    "SourceImage",
    "QueryName",
    "SourceAddress",
    "DestAddress",
    "DestPort",
    "Application",
    "payload",
});

using Slots = std::array<JsonLeaf*, kKeyCount>;

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(text[i]) != lower(prefix[i]))
            return false;
    return true;
}

// "Microsoft-Windows-Sysmon/Operational" -> "sysmon", "Security" -> "security",
// "Windows PowerShell" -> "powershell", "OpenSSH/Operational" -> "openssh".
std::string appFromChannel(std::string_view channel)
{
    if (startsWithNoCase(channel, "Microsoft-Windows-"))
        channel.remove_prefix(18);
    else if (startsWithNoCase(channel, "Windows "))
        channel.remove_prefix(8);
    channel = channel.substr(0, channel.find('/'));
    std::string app;
    app.reserve(channel.size());
    for (const char c : channel)
        app.push_back(c == ' ' ? '-' : lower(c));
    return app;
}

// Evtx-dump nesting to the flat names python-evtx style converters write:
// Event.System.Provider.#attributes.Name -> Provider_Name, Event.System.EventID.#text -> EventID,
// Event.System.TimeCreated.#attributes.SystemTime -> TimeCreated, Event.EventData.X -> X,
// Event.UserData.<Element>.X -> X.
void flattenEvtxDump(FlatJson& json)
{
    for (JsonLeaf& leaf : json.leaves()) {
        std::string_view key = leaf.key;
        if (!key.starts_with("Event."))
            continue;
        key.remove_prefix(6);
        if (key.starts_with("System.")) {
            key.remove_prefix(7);
            if (key == "TimeCreated.#attributes.SystemTime") {
                key = "TimeCreated";
            } else if (key.ends_with(".#text")) {
                key.remove_suffix(6);
            } else if (const std::size_t at = key.find(".#attributes."); at != std::string_view::npos) {
                std::string composed(key.substr(0, at));
                composed.push_back('_');
                composed.append(key.substr(at + 13));
                key = json.keep(std::move(composed));
            }
        } else if (key.starts_with("EventData.")) {
            key.remove_prefix(10);
        } else if (key.starts_with("UserData.")) {
            key.remove_prefix(9);
            if (const std::size_t dot = key.find('.'); dot != std::string_view::npos)
                key.remove_prefix(dot + 1);
        } else if (key.starts_with("#attributes.")) {
            leaf.taken = true; // the XML namespace
        }
        leaf.key = key;
    }
}

// "DOMAIN\user" -> "user"; "-" and "" (Windows' "none") -> "".
std::string_view userName(std::string_view text)
{
    if (const std::size_t slash = text.rfind('\\'); slash != std::string_view::npos)
        text.remove_prefix(slash + 1);
    return text == "-" ? std::string_view{} : text;
}

void setUser(Event& event, const JsonLeaf* leaf)
{
    if (leaf && leaf->type == JsonType::String)
        event.user_name.assign(userName(leaf->value));
}

std::optional<std::uint64_t> hexValue(std::string_view text)
{
    if (!text.starts_with("0x") && !text.starts_with("0X"))
        return std::nullopt;
    text.remove_prefix(2);
    if (text.empty() || text.size() > 16)
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) {
        const char l = lower(c);
        if (isDigit(l))
            value = value * 16 + static_cast<unsigned>(l - '0');
        else if (l >= 'a' && l <= 'f')
            value = value * 16 + static_cast<unsigned>(l - 'a' + 10);
        else
            return std::nullopt;
    }
    return value;
}

// Kerberos and NTLM result codes: 0x0 is success, anything else a failure.
const char* outcomeFromStatus(const JsonLeaf* status)
{
    if (!status)
        return "";
    const auto value = hexValue(status->value);
    if (!value)
        return integerValue(status->value) == 0 ? "success" : "";
    return *value == 0 ? "success" : "failure";
}

void setSource(Event& event, JsonLeaf* ip, JsonLeaf* port)
{
    if (setIp(event.source_ip, ip, false))
        setPort(event.source_port, port, false);
}

void setDestination(Event& event, JsonLeaf* ip, JsonLeaf* port)
{
    if (setIp(event.dest_ip, ip, false))
        setPort(event.dest_port, port, false);
}

void setProcess(Event& event, const JsonLeaf* leaf)
{
    if (leaf && leaf->type == JsonType::String && leaf->value != "-")
        event.process.assign(leaf->value);
}

void classify(Event& event, const char* category, const char* action, const char* outcome = nullptr)
{
    event.category = category;
    event.action = action;
    if (outcome)
        event.outcome = outcome;
}

void applySecurity(std::int64_t id, Slots& s, Event& event)
{
    switch (id) {
    case 4624:
    case 4625:
    case 4648:
        classify(event, "authentication", id == 4648 ? "explicit_credentials_logon" : "logon",
                 id == 4625 ? "failure" : "success");
        setUser(event, s[kTargetUserName]);
        setSource(event, s[kIpAddress], s[kIpPort]);
        break;
    case 4634:
    case 4647:
        classify(event, "authentication", "logoff", "success");
        setUser(event, s[kTargetUserName]);
        break;
    case 4768:
    case 4769:
    case 4771:
    case 4776:
        classify(event, "authentication",
                 id == 4768   ? "kerberos_tgt_request"
                 : id == 4769 ? "kerberos_service_ticket_request"
                 : id == 4771 ? "kerberos_preauth_failed"
                              : "credential_validation",
                 id == 4771 ? "failure" : outcomeFromStatus(s[kStatus]));
        setUser(event, s[kTargetUserName]);
        setSource(event, s[kIpAddress], s[kIpPort]);
        break;
    case 4672:
        classify(event, "iam", "special_privileges_assigned", "success");
        setUser(event, s[kSubjectUserName]);
        break;
    case 4688:
        classify(event, "process", "process_start", "success");
        setProcess(event, s[kNewProcessName]);
        setUser(event, s[kSubjectUserName]);
        break;
    case 4689:
        classify(event, "process", "process_end", "success");
        setProcess(event, s[kProcessName]);
        setUser(event, s[kSubjectUserName]);
        break;
    case 4720:
    case 4722:
    case 4723:
    case 4724:
    case 4725:
    case 4726:
    case 4738:
    case 4740:
        classify(event, "iam",
                 id == 4720   ? "user_created"
                 : id == 4722 ? "user_enabled"
                 : id == 4723 ? "password_change"
                 : id == 4724 ? "password_reset"
                 : id == 4725 ? "user_disabled"
                 : id == 4726 ? "user_deleted"
                 : id == 4738 ? "user_changed"
                              : "user_locked_out");
        setUser(event, s[kTargetUserName]);
        break;
    case 4728:
    case 4732:
    case 4756:
        classify(event, "iam", "group_member_added");
        break;
    case 1102:
        classify(event, "configuration", "audit_log_cleared", "success");
        setUser(event, s[kSubjectUserName]);
        break;
    case 5156:
    case 5157:
    case 5158:
        classify(event, "network",
                 id == 5156   ? "connection_allowed"
                 : id == 5157 ? "connection_blocked"
                              : "bind_allowed",
                 id == 5157 ? "failure" : "success");
        setSource(event, s[kSourceAddress], s[kSourcePort]);
        setDestination(event, s[kDestAddress], s[kDestPort]);
        setProcess(event, s[kApplication]);
        break;
    default:
        break;
    }
}

void applySysmon(std::int64_t id, Slots& s, Event& event)
{
    struct Kind {
        std::int64_t id;
        const char* category;
        const char* action;
    };
    static constexpr Kind kKinds[] = {
        {1, "process", "process_start"},
        {2, "file", "file_time_changed"},
        {3, "network", "network_connection"},
        {5, "process", "process_end"},
        {6, "driver", "driver_load"},
        {7, "process", "image_load"},
        {8, "process", "create_remote_thread"},
        {9, "file", "raw_access_read"},
        {10, "process", "process_access"},
        {11, "file", "file_create"},
        {12, "registry", "registry_object_change"},
        {13, "registry", "registry_value_set"},
        {14, "registry", "registry_rename"},
        {15, "file", "file_stream_created"},
        {17, "process", "pipe_created"},
        {18, "process", "pipe_connected"},
        {22, "network", "dns_query"},
        {23, "file", "file_delete"},
        {25, "process", "process_tampering"},
        {26, "file", "file_delete_logged"},
    };
    for (const Kind& kind : kKinds)
        if (kind.id == id) {
            classify(event, kind.category, kind.action);
            break;
        }
    // Process access and remote threads name the acting process SourceImage.
    setProcess(event, (id == 8 || id == 10) ? s[kSourceImage] : s[kImage]);
    setUser(event, s[kUser]);
    if (id == 3) {
        setSource(event, s[kSourceIp], s[kSourcePort]);
        setDestination(event, s[kDestinationIp], s[kDestinationPort]);
    }
}

void summarise(Slots& s, std::string_view channel, std::string_view event_id, Event& event)
{
    std::string& m = event.message;
    m.assign(channel);
    if (!m.empty())
        m.push_back(' ');
    m.append(event_id);
    for (const std::string_view part : {std::string_view(event.action), std::string_view(event.user_name)})
        if (!part.empty())
            m.append(" ").append(part);
    if (!event.process.empty())
        m.append(" ").append(event.process);
    if (!event.source_ip.empty())
        m.append(" from ").append(event.source_ip);
    if (!event.dest_ip.empty())
        m.append(" to ").append(event.dest_ip);
    if (event.action == "dns_query" && s[kQueryName])
        m.append(" ").append(textOf(s[kQueryName]));
}

} // namespace

void normaliseWindows(FlatJson& json, Event& event)
{
    if (!json.leaves().empty() && json.leaves().front().key.starts_with("Event."))
        flattenEvtxDump(json);
    Slots s = kKeys.lookup(json.leaves());
    event.format = "windows";

    // A time that names its zone first; then Sysmon's UtcTime, which is UTC without saying
    // so; a zoneless TimeCreated (OTRF writes the sender's local time) only as a last resort,
    // read in Vigie's own time zone.
    bool timed = false;
    for (const Key key : {kTimeCreated, kAtTimestamp})
        if (!timed && s[key] && hasTimeZone(s[key]->value))
            timed = parseJsonTime(*s[key], event.ts);
    if (!timed && s[kUtcTime]) {
        std::string utc(textOf(s[kUtcTime]));
        utc.push_back('Z');
        timed = parseJsonTime(JsonLeaf{{}, utc, JsonType::String, false}, event.ts);
    }
    if (!timed && s[kTimeCreated])
        parseJsonTime(*s[kTimeCreated], event.ts);
    if (!setText(event.host, s[kHostname], false))
        setText(event.host, s[kComputer], false);

    const std::string_view channel = textOf(s[kChannel]);
    const std::string_view provider = s[kProviderName] ? textOf(s[kProviderName]) : textOf(s[kSourceName]);
    event.app = appFromChannel(channel.empty() ? provider : channel);
    const std::string_view event_id = textOf(s[kEventId]);
    const std::int64_t id = integerValue(event_id).value_or(-1);

    if (const auto pid = integerValue(textOf(s[kExecutionPid])); pid && *pid >= 0 && *pid <= INT32_MAX)
        event.pid = static_cast<std::int32_t>(*pid);
    if (const auto level = integerValue(textOf(s[kLevel]))) {
        static constexpr std::int16_t kSeverity[] = {6, 2, 3, 4, 6, 7};
        if (*level >= 0 && *level <= 5)
            event.severity = kSeverity[*level];
    }
    if (const auto keywords = hexValue(textOf(s[kKeywords]))) {
        constexpr std::uint64_t kAuditFailure = 0x10000000000000ULL;
        constexpr std::uint64_t kAuditSuccess = 0x20000000000000ULL;
        event.outcome = (*keywords & kAuditFailure)   ? "failure"
                        : (*keywords & kAuditSuccess) ? "success"
                                                      : "";
    }

    if (event.app == "security")
        applySecurity(id, s, event);
    else if (event.app == "sysmon")
        applySysmon(id, s, event);
    else if (event.app == "powershell" && (id == 4103 || id == 4104))
        classify(event, "process", id == 4103 ? "powershell_module" : "powershell_script_block");

    if (!setText(event.message, s[kMessage], true) && !setText(event.message, s[kPayload], false))
        summarise(s, channel.empty() ? provider : channel, event_id, event);

    event.fields.reserve(json.leaves().size() + 5);
    event.fields.emplace_back("winlog.channel", channel);
    event.fields.emplace_back("winlog.event_id", event_id);
    if (s[kHostname] && !s[kComputer])
        event.fields.emplace_back("Computer", s[kHostname]->value);
    if (id == 4688 && event.app == "security") {
        if (s[kNewProcessName] && !s[kImage])
            event.fields.emplace_back("Image", s[kNewProcessName]->value);
        if (s[kParentProcessName] && !s[kParentImage])
            event.fields.emplace_back("ParentImage", s[kParentProcessName]->value);
    }
    json.appendFields(event);
}

} // namespace vigie::parse::detail
