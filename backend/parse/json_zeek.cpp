// Zeek JSON logs, in both layouts seen in the field: Zeek's own (`id.orig_h`, `_path` when the
// writer adds it, ts as epoch seconds or ISO 8601) and the OTRF/Mordor shipper's (`id_orig_h`,
// `@stream` = the log, `@system` = the sensor). The connection tuple and time go to columns;
// every other field stays under Zeek's name (`uid`, `query`, `answers`...), which is what the
// Sigma Zeek rules match on. The log ("conn", "dns"...) is kept in fields["zeek.log"]: taken
// from `_path`/`@stream`, else inferred from the fields only that log has. Pure function, any
// thread.
//
// Severity: notice 4 (warning); weird, dpd and analyzer (protocol violations) 5; the rest 6.
#include "parse/json_normalise.h"

namespace vigie::parse::detail {

namespace {

enum Key : std::size_t {
    kTs,
    kPath,
    kStream,
    kSystem,
    kProc,
    kOrigH,
    kOrigP,
    kRespH,
    kRespP,
    kOrigHFlat,
    kOrigPFlat,
    kRespHFlat,
    kRespPFlat,
    kProto,
    kService,
    kConnState,
    kQuery,
    kQtypeName,
    kRcodeName,
    kTransId,
    kMethod,
    kHost,
    kUri,
    kStatusCode,
    kTransDepth,
    kCipher,
    kServerName,
    kVersion,
    kValidationStatus,
    kSslHistory,
    kEstablished,
    kRequestType,
    kClient,
    kSuccess,
    kErrorMsg,
    kFuid,
    kSource,
    kMimeType,
    kFilename,
    kSeenBytes,
    kMachine,
    kOs,
    kCertVersion,
    kCertVersionFlat,
    kCertSubject,
    kCertSubjectFlat,
    kShareType,
    kFilePath,
    kName,
    kAction,
    kAnalyzer,
    kAnalyzerKind,
    kAnalyzerName,
    kCause,
    kFailureReason,
    kPeer,
    kNote,
    kMsg,
    kEndpoint,
    kOperation,
    kFilter,
    kNode,
    kKeyCount
};

constexpr KeyTable<kKeyCount> kKeys({
    "ts",
    "_path",
    "@stream",
    "@system",
    "@proc",
    "id.orig_h",
    "id.orig_p",
    "id.resp_h",
    "id.resp_p",
    "id_orig_h",
    "id_orig_p",
    "id_resp_h",
    "id_resp_p",
    "proto",
    "service",
    "conn_state",
    "query",
    "qtype_name",
    "rcode_name",
    "trans_id",
    "method",
    "host",
    "uri",
    "status_code",
    "trans_depth",
    "cipher",
    "server_name",
    "version",
    "validation_status",
    "ssl_history",
    "established",
    "request_type",
    "client",
    "success",
    "error_msg",
    "fuid",
    "source",
    "mime_type",
    "filename",
    "seen_bytes",
    "machine",
    "os",
    "certificate.version",
    "certificate_version",
    "certificate.subject",
    "certificate_subject",
    "share_type",
    "path",
    "name",
    "action",
    "analyzer",
    "analyzer_kind",
    "analyzer_name",
    "cause",
    "failure_reason",
    "peer",
    "note",
    "msg",
    "endpoint",
    "operation",
    "filter",
    "node",
});

using Slots = std::array<JsonLeaf*, kKeyCount>;

// Which log a record without `_path` comes from, by the fields only that log writes. Order
// matters where logs share names: notice and files both have fuid, kerberos and ssl both
// have cipher.
std::string_view inferLog(const Slots& s)
{
    if (s[kNote])
        return "notice";
    if (s[kRequestType] || s[kErrorMsg] || (s[kClient] && !s[kMethod]) || (s[kService] && s[kSuccess]))
        return "kerberos";
    if (s[kConnState])
        return "conn";
    if (s[kQuery] || s[kQtypeName] || s[kRcodeName] || s[kTransId])
        return "dns";
    if (s[kMethod] || s[kStatusCode] || s[kTransDepth])
        return "http";
    if (s[kCipher] || s[kSslHistory] || s[kServerName] || s[kValidationStatus] ||
        (s[kVersion] && s[kEstablished]))
        return "ssl";
    if (s[kCertVersion] || s[kCertVersionFlat])
        return "x509";
    if (s[kMachine])
        return "pe";
    if (s[kFuid] && (s[kMimeType] || s[kSeenBytes] || s[kSource]))
        return "files";
    if (s[kShareType])
        return "smb_mapping";
    if (textOf(s[kAction]).starts_with("SMB::"))
        return "smb_files";
    if (s[kAnalyzerKind] || (s[kCause] && s[kAnalyzerName]))
        return "analyzer";
    if (s[kAnalyzer] && s[kFailureReason])
        return "dpd";
    if (s[kEndpoint] && s[kOperation])
        return "dce_rpc";
    if (s[kName] && s[kPeer])
        return "weird";
    if (s[kFilter] && s[kNode])
        return "packet_filter";
    return {};
}

// Joins the non-empty parts with single spaces.
void append(std::string& out, std::initializer_list<std::string_view> parts)
{
    for (const std::string_view part : parts) {
        if (part.empty())
            continue;
        if (!out.empty())
            out.push_back(' ');
        out.append(part);
    }
}

void appendTuple(std::string& out, const Event& event)
{
    if (event.source_ip.empty() && event.dest_ip.empty())
        return;
    if (!out.empty())
        out.push_back(' ');
    appendEndpoint(out, event.source_ip, event.source_port);
    out.append(" -> ");
    appendEndpoint(out, event.dest_ip, event.dest_port);
}

void summarise(std::string_view log, const Slots& s, Event& event)
{
    std::string& m = event.message;
    event.category = "network";
    event.action.assign(log);
    if (log == "conn") {
        event.action = "connection";
        append(m, {textOf(s[kProto])});
        appendTuple(m, event);
        append(m, {textOf(s[kService])});
        if (s[kConnState])
            m.append(" (").append(textOf(s[kConnState])).push_back(')');
    } else if (log == "dns") {
        event.action = "dns_query";
        append(m, {"dns query", textOf(s[kQuery]), textOf(s[kQtypeName])});
        if (!s[kQuery])
            appendTuple(m, event);
        append(m, {textOf(s[kRcodeName])});
    } else if (log == "http") {
        event.category = "web";
        event.action = "http_request";
        m.assign(s[kMethod] ? textOf(s[kMethod]) : std::string_view("HTTP"));
        m.push_back(' ');
        m.append(s[kHost] ? textOf(s[kHost]) : std::string_view(event.dest_ip));
        m.append(textOf(s[kUri]));
        append(m, {textOf(s[kStatusCode])});
    } else if (log == "ssl") {
        event.action = "tls";
        m = "tls";
        if (s[kServerName])
            append(m, {textOf(s[kServerName])});
        else
            appendTuple(m, event);
        append(m, {textOf(s[kVersion]), textOf(s[kValidationStatus])});
    } else if (log == "kerberos") {
        event.category = "authentication";
        event.action = "kerberos";
        if (s[kRequestType])
            event.action.append("_").append(textOf(s[kRequestType]));
        const std::string_view success = textOf(s[kSuccess]);
        event.outcome = success == "true" ? "success" : success == "false" ? "failure" : "";
        // client is "user/REALM": the user is the part an analyst searches for.
        const std::string_view client = textOf(s[kClient]);
        event.user_name.assign(client.substr(0, client.find('/')));
        append(m, {"kerberos", textOf(s[kRequestType]), client});
        if (s[kService])
            append(m, {"->", textOf(s[kService])});
        if (s[kErrorMsg])
            m.append(": ").append(textOf(s[kErrorMsg]));
    } else if (log == "files") {
        event.category = "file";
        event.action = "file_transfer";
        append(m, {"file", s[kFilename] ? textOf(s[kFilename]) : textOf(s[kMimeType])});
        if (s[kSeenBytes])
            append(m, {textOf(s[kSeenBytes]), "bytes"});
        if (s[kSource])
            append(m, {"via", textOf(s[kSource])});
    } else if (log == "x509") {
        event.action = "x509_certificate";
        append(m, {"x509", s[kCertSubject] ? textOf(s[kCertSubject]) : textOf(s[kCertSubjectFlat])});
    } else if (log == "pe") {
        event.category = "file";
        event.action = "pe_analysis";
        append(m, {"pe", textOf(s[kMachine]), textOf(s[kOs])});
    } else if (log == "notice") {
        event.category = "intrusion_detection";
        event.severity = 4;
        m.assign(textOf(s[kNote]));
        if (s[kMsg])
            m.append(m.empty() ? "" : ": ").append(textOf(s[kMsg]));
    } else if (log == "weird" || log == "dpd" || log == "analyzer") {
        event.severity = 5;
        event.action = log == "weird" ? "weird" : "protocol_violation";
        append(m, {log, textOf(s[kName]), s[kAnalyzer] ? textOf(s[kAnalyzer]) : textOf(s[kAnalyzerName]),
                   textOf(s[kCause])});
        if (s[kFailureReason])
            m.append(": ").append(textOf(s[kFailureReason]));
    } else if (log == "smb_mapping") {
        append(m, {"smb mapping", textOf(s[kFilePath]), textOf(s[kShareType])});
    } else if (log == "smb_files") {
        event.category = "file";
        append(m, {textOf(s[kAction]), textOf(s[kFilePath]), textOf(s[kName])});
    } else if (log == "dce_rpc") {
        append(m, {"dce_rpc", textOf(s[kEndpoint]), textOf(s[kOperation])});
    } else if (log == "packet_filter") {
        event.category = "host";
        append(m, {"packet_filter", textOf(s[kFilter])});
    } else {
        event.action = log.empty() ? std::string("zeek") : std::string(log);
        append(m, {log.empty() ? std::string_view("zeek") : log, textOf(s[kProto])});
        appendTuple(m, event);
    }
}

} // namespace

void normaliseZeek(FlatJson& json, Event& event)
{
    Slots s = kKeys.lookup(json.leaves());
    event.format = "zeek";
    event.app = "zeek";
    event.severity = 6;

    if (JsonLeaf* leaf = s[kTs]; leaf && parseJsonTime(*leaf, event.ts))
        leaf->taken = true;
    setText(event.host, s[kSystem], true);
    if (s[kProc])
        s[kProc]->taken = true;
    const bool flat = !s[kOrigH] && !s[kRespH];
    setIp(event.source_ip, s[flat ? kOrigHFlat : kOrigH], true);
    setPort(event.source_port, s[flat ? kOrigPFlat : kOrigP], true);
    setIp(event.dest_ip, s[flat ? kRespHFlat : kRespH], true);
    setPort(event.dest_port, s[flat ? kRespPFlat : kRespP], true);

    std::string_view log;
    for (const Key key : {kPath, kStream})
        if (JsonLeaf* leaf = s[key]; leaf && leaf->type == JsonType::String) {
            log = leaf->value;
            leaf->taken = true;
        }
    if (log.empty())
        log = inferLog(s);
    summarise(log, s, event);

    event.fields.reserve(json.leaves().size() + 1);
    if (!log.empty())
        event.fields.emplace_back("zeek.log", log);
    json.appendFields(event);
}

} // namespace vigie::parse::detail
