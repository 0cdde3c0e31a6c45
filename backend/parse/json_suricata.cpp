// Suricata EVE records (one JSON object per event, told apart by `event_type`): the five-tuple
// and time into columns, a category/action/message per event type, and the rest flattened
// under Suricata's own names ("alert.signature_id", "dns.rrname", "tls.sni"...), which the EVE
// schema documents. Pure function, any thread.
//
// Severity: an alert's `alert.severity` is Suricata's priority, 1 (highest) to 3 (lowest;
// custom rules may go higher): 1 -> 2 critical, 2 -> 3 error, 3 -> 4 warning, 4+ -> 5 notice.
// Anomaly and drop events are 4 (warning); every other event type is 6 (informational).
#include "parse/json_normalise.h"

namespace vigie::parse::detail {

namespace {

enum Key : std::size_t {
    kTimestamp,
    kEventType,
    kSrcIp,
    kSrcPort,
    kDestIp,
    kDestPort,
    kProto,
    kHost,
    kAlertAction,
    kAlertSignature,
    kAlertSeverity,
    kDnsType,
    kDnsRrname,
    kDnsRrtype,
    kDnsRcode,
    kDnsRdata,
    kHttpMethod,
    kHttpHostname,
    kHttpUrl,
    kHttpStatus,
    kTlsSni,
    kTlsVersion,
    kTlsSubject,
    kSshClient,
    kSshServer,
    kFileName,
    kFileSize,
    kFlowState,
    kFlowReason,
    kAnomalyType,
    kAnomalyEvent,
    kAppProto,
    kKeyCount
};

constexpr KeyTable<kKeyCount> kKeys({
    "timestamp",
    "event_type",
    "src_ip",
    "src_port",
    "dest_ip",
    "dest_port",
    "proto",
    "host",
    "alert.action",
    "alert.signature",
    "alert.severity",
    "dns.type",
    "dns.rrname",
    "dns.rrtype",
    "dns.rcode",
    "dns.rdata",
    "http.http_method",
    "http.hostname",
    "http.url",
    "http.status",
    "tls.sni",
    "tls.version",
    "tls.subject",
    "ssh.client.software_version",
    "ssh.server.software_version",
    "fileinfo.filename",
    "fileinfo.size",
    "flow.state",
    "flow.reason",
    "anomaly.type",
    "anomaly.event",
    "app_proto",
});

// Appends " part" when the part is not empty.
void appendPart(std::string& out, std::string_view part)
{
    if (part.empty())
        return;
    if (!out.empty())
        out.push_back(' ');
    out.append(part);
}

void appendFlow(std::string& out, const Event& event, std::string_view proto)
{
    appendPart(out, proto);
    out.push_back(' ');
    appendEndpoint(out, event.source_ip, event.source_port);
    out.append(" -> ");
    appendEndpoint(out, event.dest_ip, event.dest_port);
}

std::int16_t alertSeverity(std::string_view priority)
{
    const auto value = integerValue(priority);
    if (!value || *value <= 1)
        return 2;
    if (*value == 2)
        return 3;
    return *value == 3 ? 4 : 5;
}

} // namespace

void normaliseSuricata(FlatJson& json, Event& event)
{
    auto slot = kKeys.lookup(json.leaves());
    event.format = "suricata";
    event.app = "suricata";

    if (JsonLeaf* leaf = slot[kTimestamp]; leaf && parseJsonTime(*leaf, event.ts))
        leaf->taken = true;
    setText(event.host, slot[kHost], true); // the sensor name, when EVE is configured to add it
    setIp(event.source_ip, slot[kSrcIp], true);
    setPort(event.source_port, slot[kSrcPort], true);
    setIp(event.dest_ip, slot[kDestIp], true);
    setPort(event.dest_port, slot[kDestPort], true);

    const std::string_view type = textOf(slot[kEventType]);
    if (slot[kEventType])
        slot[kEventType]->taken = true; // renamed: "event_type" alone says little in a mixed store
    const std::string_view proto = textOf(slot[kProto]);
    std::string& message = event.message;
    event.severity = 6;

    if (type == "alert") {
        event.category = "intrusion_detection";
        setText(event.action, slot[kAlertAction], true);
        if (!setText(message, slot[kAlertSignature], true))
            appendFlow(message = "alert", event, proto);
        event.severity = alertSeverity(textOf(slot[kAlertSeverity]));
    } else if (type == "dns") {
        // Suricata 4-7 write one record per query or answer ("type"); version 3 of the format
        // puts queries in arrays, kept in fields, and the summary falls back to the flow.
        event.category = "network";
        const std::string_view dns_type = textOf(slot[kDnsType]);
        event.action = dns_type == "answer" ? "dns_answer" : "dns_query";
        message = "dns";
        appendPart(message, dns_type.empty() ? std::string_view("query") : dns_type);
        if (slot[kDnsRrname]) {
            appendPart(message, textOf(slot[kDnsRrname]));
            appendPart(message, textOf(slot[kDnsRrtype]));
            appendPart(message, textOf(slot[kDnsRdata]));
            appendPart(message, textOf(slot[kDnsRcode]));
        } else {
            appendFlow(message, event, proto);
        }
    } else if (type == "http") {
        event.category = "web";
        event.action = "http_request";
        message.assign(textOf(slot[kHttpMethod]).empty() ? std::string_view("HTTP")
                                                         : textOf(slot[kHttpMethod]));
        message.push_back(' ');
        message.append(textOf(slot[kHttpHostname]));
        message.append(textOf(slot[kHttpUrl]));
        appendPart(message, textOf(slot[kHttpStatus]));
    } else if (type == "tls") {
        event.category = "network";
        event.action = "tls";
        message = "tls";
        appendPart(message, slot[kTlsSni] ? textOf(slot[kTlsSni]) : textOf(slot[kTlsSubject]));
        appendPart(message, textOf(slot[kTlsVersion]));
    } else if (type == "ssh") {
        event.category = "network";
        event.action = "ssh";
        message = "ssh client";
        appendPart(message, textOf(slot[kSshClient]));
        message.append(" -> server");
        appendPart(message, textOf(slot[kSshServer]));
    } else if (type == "fileinfo") {
        event.category = "file";
        event.action = "fileinfo";
        message = "file";
        appendPart(message, textOf(slot[kFileName]));
        if (slot[kFileSize]) {
            appendPart(message, textOf(slot[kFileSize]));
            message.append(" bytes");
        }
        if (slot[kAppProto]) {
            message.append(" via");
            appendPart(message, textOf(slot[kAppProto]));
        }
    } else if (type == "flow" || type == "netflow") {
        event.category = "network";
        event.action = std::string(type);
        appendFlow(message = std::string(type), event, proto);
        if (slot[kFlowState]) {
            message.append(" state ");
            message.append(textOf(slot[kFlowState]));
        }
        if (slot[kFlowReason]) {
            message.append(" (");
            message.append(textOf(slot[kFlowReason]));
            message.push_back(')');
        }
    } else if (type == "anomaly") {
        event.category = "network";
        event.action = "anomaly";
        event.severity = 4;
        message = "anomaly";
        appendPart(message, textOf(slot[kAnomalyType]));
        appendPart(message, textOf(slot[kAnomalyEvent]));
    } else if (type == "drop") {
        event.category = "network";
        event.action = "drop";
        event.severity = 4;
        appendFlow(message = "drop", event, proto);
    } else if (type == "stats") {
        event.category = "host";
        event.action = "stats";
        message = "suricata stats";
    } else {
        // smb, krb5, mqtt, pgsql, ...: the protocol name says what it is.
        event.category = "network";
        event.action.assign(type);
        appendFlow(message.assign(type), event, proto);
    }

    event.fields.reserve(json.leaves().size() + 1);
    event.fields.emplace_back("suricata.event_type", type);
    json.appendFields(event);
}

} // namespace vigie::parse::detail
