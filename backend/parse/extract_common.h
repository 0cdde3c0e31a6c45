#pragma once
// Private to parse/: the scanning helpers and per-program extractors behind extractFromMessage
// (message_extractor.h). Each extractor recognises the message shapes of one family of programs
// and, only when a shape matches completely, fills the ECS-style columns of the event; it
// returns whether it did, so that a caller can tell "understood" from "left alone".
// Pure functions over string_view, no allocation except into the Event; safe from any thread.
//
// Vocabulary written by the extractors (kept in one place so detection rules can rely on it):
//   category  authentication | session | process | iam | network
//   action    for network (netfilter): blocked | allowed | audit
//   outcome   success | failure | unknown
//   user_name the acting account (for su/sudo the invoking user; for useradd & co. the account
//             acted upon, since the administrator is not in the line)
//   fields    ssh.*, pam.*, sudo.*, su.*, iam.*, netfilter.*, network.transport (tcp, udp...),
//             source.domain (a peer given as a host name),
//             repeat_count (one line standing for N occurrences).
// The frequent keys and actions are kept within 15 bytes, std::string's inline capacity: on a
// busy sshd every line carries several, and a heap allocation each would double the cost of
// extraction.
#include "event/event.h"

#include <cstdint>
#include <string_view>

namespace vigie::parse::detail {

// Removes `prefix` from the front of `s` when it is there.
inline bool consume(std::string_view& s, std::string_view prefix)
{
    if (!s.starts_with(prefix))
        return false;
    s.remove_prefix(prefix.size());
    return true;
}

inline bool consumeSuffix(std::string_view& s, std::string_view suffix)
{
    if (!s.ends_with(suffix))
        return false;
    s.remove_suffix(suffix.size());
    return true;
}

// The text before the first `delimiter` (all of `s` when absent); `s` continues after it.
inline std::string_view takeUntil(std::string_view& s, std::string_view delimiter)
{
    const std::size_t at = s.find(delimiter);
    const std::string_view head = s.substr(0, at);
    s.remove_prefix(at == std::string_view::npos ? s.size() : at + delimiter.size());
    return head;
}

inline std::string_view takeUntil(std::string_view& s, char delimiter)
{
    const std::size_t at = s.find(delimiter);
    const std::string_view head = s.substr(0, at);
    s.remove_prefix(at == std::string_view::npos ? s.size() : at + 1);
    return head;
}

inline std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

// A whole decimal number no larger than `max` (no sign, at most 10 digits).
bool parseUnsigned(std::string_view digits, std::uint32_t max, std::uint32_t& out);

// True for a textual IPv4 or IPv6 address that PostgreSQL's inet (and inet_pton) accepts.
bool isIpAddress(std::string_view text);

// A peer as the programs print it: an address goes to source_ip, a host name to the field
// source.domain (sshd with UseDNS, pam rhost). An IPv6 zone ("%eth0") is dropped, since the
// inet column cannot hold it.
void setSourceHost(Event& event, std::string_view host);
// A TCP port to source_port; false (and nothing set) when `digits` is not one.
bool setSourcePort(Event& event, std::string_view digits);

void addField(Event& event, std::string_view key, std::string_view value);

inline void classify(Event& event, std::string_view category, std::string_view action,
                     std::string_view outcome)
{
    event.category.assign(category);
    event.action.assign(action);
    event.outcome.assign(outcome);
}

// "HOST port N" or "HOST": splits off the port; false when " port " is followed by no number.
bool splitHostPort(std::string_view text, std::string_view& host, std::string_view& port);

// sshd / sshd-session: logins, invalid users, disconnects, scanners (extract_sshd.cpp).
bool extractSshd(Event& event, std::string_view message);
// pam_unix for any service: `body` is what follows "pam_unix(SERVICE:TYPE): " or the whole
// message of an old "SERVICE(pam_unix)" program (extract_pam.cpp).
bool extractPamUnix(Event& event, std::string_view service, std::string_view body);
// The "logname= uid= euid= tty= ruser= rhost= user=" list of a pam authentication failure;
// `repeat` (when not empty) is the N of sshd's "PAM N more authentication failures".
bool extractPamAuthFailure(Event& event, std::string_view service, std::string_view list,
                           std::string_view repeat);
// sudo's command log line (extract_sudo_su.cpp).
bool extractSudo(Event& event, std::string_view message);
// su's own lines (shadow, util-linux and BSD variants) (extract_sudo_su.cpp).
bool extractSu(Event& event, std::string_view message);
// useradd, usermod, userdel, groupadd, groupdel, gpasswd, passwd, chpasswd, chage (extract_iam.cpp).
bool extractShadowUtils(Event& event, std::string_view message);
// The kernel's firewall packet lines: UFW, iptables/nftables LOG prefixes (extract_netfilter.cpp).
bool extractNetfilter(Event& event, std::string_view message);

} // namespace vigie::parse::detail
