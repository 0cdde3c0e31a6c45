// extractNetfilter: the packet lines the Linux firewall logs through the kernel — UFW's
// "[UFW BLOCK] IN=eth0 OUT= MAC=... SRC=203.0.113.9 DST=10.0.0.5 LEN=60 ... PROTO=TCP SPT=51234
// DPT=22 ..." and iptables/nftables LOG targets with the administrator's own prefix
// ("IPTables-Dropped: IN=..."). The key=value list is the kernel's nf_log format; the prefix
// before "IN=" says what the rule did. Pure, thread-safe (see extract_common.h).
#include "parse/extract_common.h"
#include "parse/syslog_common.h"

#include <cctype>
#include <string>

namespace vigie::parse::detail {

namespace {

bool containsUpper(std::string_view text, std::string_view word)
{
    // Prefixes are free text ("iptables drop: ", "[UFW BLOCK] "): compare case-insensitively.
    if (word.size() > text.size())
        return false;
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
        std::size_t i = 0;
        while (i < word.size() &&
               std::toupper(static_cast<unsigned char>(text[at + i])) == static_cast<unsigned char>(word[i]))
            ++i;
        if (i == word.size())
            return true;
    }
    return false;
}

// blocked | allowed | audit, from UFW's fixed prefixes or the words of a custom one.
std::string_view actionOf(std::string_view prefix)
{
    if (containsUpper(prefix, "UFW AUDIT"))
        return "audit";
    if (containsUpper(prefix, "BLOCK") || containsUpper(prefix, "DROP") || containsUpper(prefix, "REJECT") ||
        containsUpper(prefix, "DENY"))
        return "blocked";
    if (containsUpper(prefix, "ALLOW") || containsUpper(prefix, "ACCEPT"))
        return "allowed";
    return "audit"; // a bare LOG rule: the packet was recorded, its fate is decided elsewhere
}

} // namespace

bool extractNetfilter(Event& event, std::string_view message)
{
    std::string_view rest = trimSpaces(message);
    // kern.log copies of dmesg start with the uptime: "[ 1234.567890] [UFW BLOCK] IN=...".
    if (rest.starts_with('[') && rest.size() > 1 && (rest[1] == ' ' || isDigit(rest[1]))) {
        const std::size_t close = rest.find("] ");
        if (close == std::string_view::npos)
            return false;
        rest = trimSpaces(rest.substr(close + 2));
    }
    // The list always starts with IN= (empty for locally generated packets) and has OUT=.
    std::size_t in = rest.starts_with("IN=") ? 0 : rest.find(" IN=");
    if (in == std::string_view::npos)
        return false;
    const std::string_view prefix = trimSpaces(rest.substr(0, in));
    rest.remove_prefix(in == 0 ? 0 : in + 1);

    std::string_view in_iface, out_iface, src, dst, proto, spt, dpt;
    bool has_out = false;
    while (!rest.empty()) {
        const std::string_view item = takeUntil(rest, ' ');
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            continue; // flags such as DF, SYN, ACK
        const std::string_view key = item.substr(0, equals);
        const std::string_view value = item.substr(equals + 1);
        if (key == "IN")
            in_iface = value;
        else if (key == "OUT") {
            out_iface = value;
            has_out = true;
        } else if (key == "SRC")
            src = value;
        else if (key == "DST")
            dst = value;
        else if (key == "PROTO")
            proto = value;
        else if (key == "SPT")
            spt = value;
        else if (key == "DPT")
            dpt = value;
    }
    if (!has_out || !isIpAddress(src) || !isIpAddress(dst))
        return false;

    classify(event, "network", actionOf(prefix), "");
    event.process = "kernel";
    event.source_ip.assign(src);
    event.dest_ip.assign(dst);
    setSourcePort(event, spt);
    std::uint32_t port = 0;
    if (parseUnsigned(dpt, 65535, port))
        event.dest_port = static_cast<std::int32_t>(port);
    if (!prefix.empty())
        addField(event, "netfilter.prefix", prefix);
    if (!in_iface.empty())
        addField(event, "netfilter.in", in_iface);
    if (!out_iface.empty())
        addField(event, "netfilter.out", out_iface);
    if (!proto.empty()) {
        // ECS network.transport is lower case ("tcp", "udp", "icmp"); the kernel writes upper case.
        std::string transport(proto);
        for (char& c : transport)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        addField(event, "network.transport", transport);
    }
    return true;
}

} // namespace vigie::parse::detail
