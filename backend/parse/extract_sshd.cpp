// extractSshd: the OpenSSH server lines an analyst pivots on (logins, invalid users,
// disconnects, scanners), written for OpenSSH 5 to 9 wording. A user name is attacker-chosen
// text and may hold spaces or even " from 1.2.3.4", so the peer is always read from the end
// of the line. Pure, thread-safe (see extract_common.h).
#include "parse/extract_common.h"
#include "parse/syslog_common.h"

namespace vigie::parse::detail {

namespace {

struct Peer {
    std::string_view user;
    std::string_view host;
    std::string_view port;
    bool has_user = false;
    bool invalid_user = false;
};

// "[authenticating |invalid ]user USER HOST port N" or "HOST[ port N]".
bool parsePeer(std::string_view text, Peer& peer)
{
    std::string_view rest = text;
    if (consume(rest, "invalid user "))
        peer.invalid_user = true;
    else if (!consume(rest, "authenticating user ") && !consume(rest, "user "))
        return splitHostPort(rest, peer.host, peer.port);
    peer.has_user = true;
    std::string_view head = rest;
    const std::size_t port_at = rest.rfind(" port ");
    if (port_at != std::string_view::npos) {
        peer.port = rest.substr(port_at + 6);
        head = rest.substr(0, port_at);
        std::uint32_t ignored = 0;
        if (!parseUnsigned(peer.port, 65535, ignored))
            return false;
    }
    const std::size_t space = head.rfind(' ');
    if (space == std::string_view::npos)
        return false;
    peer.user = head.substr(0, space);
    peer.host = head.substr(space + 1);
    return !peer.host.empty();
}

void applyPeer(Event& event, const Peer& peer)
{
    if (peer.has_user)
        event.user_name.assign(peer.user);
    setSourceHost(event, peer.host);
    setSourcePort(event, peer.port);
    if (peer.invalid_user)
        addField(event, "ssh.invalid_user", "true");
}

// "METHOD for [invalid user ]USER from HOST port N ssh2[: KEYTYPE FINGERPRINT...]"
bool extractLogin(Event& event, std::string_view rest, bool accepted)
{
    const std::size_t for_at = rest.find(" for ");
    if (for_at == std::string_view::npos || for_at == 0)
        return false;
    const std::string_view method = rest.substr(0, for_at);
    if (method.find(' ') != std::string_view::npos)
        return false;
    const std::string_view tail = rest.substr(for_at + 5);
    const std::size_t from = tail.rfind(" from ");
    if (from == std::string_view::npos)
        return false;
    std::string_view user = tail.substr(0, from);
    std::string_view peer = tail.substr(from + 6);
    bool invalid = consume(user, "invalid user ");
    if (user == "invalid user") { // an empty user name
        invalid = true;
        user = {};
    }
    std::string_view key;
    const std::size_t colon = peer.find(": ");
    if (colon != std::string_view::npos) {
        key = peer.substr(colon + 2);
        peer = peer.substr(0, colon);
    }
    if (!consumeSuffix(peer, " ssh2"))
        consumeSuffix(peer, " ssh1");
    std::string_view host;
    std::string_view port;
    if (!splitHostPort(peer, host, port))
        return false;

    classify(event, "authentication", "ssh_login", accepted ? "success" : "failure");
    event.user_name.assign(user);
    setSourceHost(event, host);
    setSourcePort(event, port);
    addField(event, "ssh.method", method);
    if (invalid)
        addField(event, "ssh.invalid_user", "true");
    if (!key.empty()) {
        const std::string_view type = takeUntil(key, ' ');
        const std::string_view fingerprint = takeUntil(key, ' ');
        addField(event, "ssh.key_type", type);
        if (!fingerprint.empty())
            addField(event, "ssh.key_fingerprint", fingerprint);
    }
    return true;
}

// "Invalid user USER from HOST[ port N]"
bool extractInvalidUser(Event& event, std::string_view rest)
{
    const std::size_t from = rest.rfind(" from ");
    std::string_view host;
    std::string_view port;
    if (from == std::string_view::npos || !splitHostPort(rest.substr(from + 6), host, port))
        return false;
    classify(event, "authentication", "ssh_invalid_user", "failure");
    event.user_name.assign(rest.substr(0, from));
    setSourceHost(event, host);
    setSourcePort(event, port);
    return true;
}

// "HOST: CODE: REASON" (OpenSSH < 7) or "HOST port N:CODE: REASON".
bool extractReceivedDisconnect(Event& event, std::string_view rest)
{
    const bool preauth = consumeSuffix(rest, " [preauth]");
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos)
        return false;
    std::string_view host = rest.substr(0, space);
    rest.remove_prefix(space + 1);
    std::string_view port;
    if (!consumeSuffix(host, ":")) {
        if (!consume(rest, "port "))
            return false;
        port = takeUntil(rest, ':');
    }
    const std::string_view code = trimSpaces(takeUntil(rest, ':'));
    std::uint32_t ignored = 0;
    if (!parseUnsigned(code, 255, ignored))
        return false;
    classify(event, "network", "ssh_disconnect", "unknown");
    setSourceHost(event, host);
    setSourcePort(event, port);
    addField(event, "ssh.reason_code", code);
    addField(event, "ssh.reason", trimSpaces(rest));
    if (preauth)
        addField(event, "ssh.preauth", "true");
    return true;
}

// "Disconnected from ...", "Connection closed by ...", "Connection reset by ...".
bool extractPeerDisconnect(Event& event, std::string_view rest)
{
    const bool preauth = consumeSuffix(rest, " [preauth]");
    Peer peer;
    if (!parsePeer(rest, peer))
        return false;
    classify(event, "network", "ssh_disconnect", "unknown");
    applyPeer(event, peer);
    if (preauth)
        addField(event, "ssh.preauth", "true");
    return true;
}

void setMaxAuthExceeded(Event& event)
{
    classify(event, "authentication", "ssh_max_auth_exceeded", "failure");
}

// "Disconnecting: Too many authentication failures for USER [preauth]" (OpenSSH < 7) and
// "Disconnecting [authenticating|invalid] user USER HOST port N: Too many authentication failures".
bool extractDisconnecting(Event& event, std::string_view rest)
{
    consumeSuffix(rest, " [preauth]");
    if (consume(rest, ": Too many authentication failures for ")) {
        setMaxAuthExceeded(event);
        event.user_name.assign(rest);
        return true;
    }
    if (!consume(rest, " "))
        return false;
    const std::size_t reason = rest.rfind(": Too many authentication failures");
    Peer peer;
    if (reason == std::string_view::npos || !parsePeer(rest.substr(0, reason), peer))
        return false;
    setMaxAuthExceeded(event);
    applyPeer(event, peer);
    return true;
}

// "maximum authentication attempts exceeded for [invalid user ]USER from HOST port N ssh2"
bool extractMaxAttempts(Event& event, std::string_view rest)
{
    consumeSuffix(rest, " [preauth]");
    if (!consumeSuffix(rest, " ssh2"))
        consumeSuffix(rest, " ssh1");
    const std::size_t from = rest.rfind(" from ");
    std::string_view host;
    std::string_view port;
    if (from == std::string_view::npos || !splitHostPort(rest.substr(from + 6), host, port))
        return false;
    std::string_view user = rest.substr(0, from);
    const bool invalid = consume(user, "invalid user ");
    setMaxAuthExceeded(event);
    event.user_name.assign(user);
    setSourceHost(event, host);
    setSourcePort(event, port);
    if (invalid)
        addField(event, "ssh.invalid_user", "true");
    return true;
}

// A peer that never spoke SSH (port scanners, health checks): "HOST[ port N]".
bool extractNoIdentification(Event& event, std::string_view rest)
{
    std::string_view host;
    std::string_view port;
    if (!splitHostPort(rest, host, port))
        return false;
    classify(event, "network", "ssh_no_identification", "failure");
    setSourceHost(event, host);
    setSourcePort(event, port);
    return true;
}

// "NAME [IP] failed - POSSIBLE BREAK-IN ATTEMPT!" (or "failed." in newer releases).
bool extractReverseMapping(Event& event, std::string_view rest)
{
    const std::size_t open = rest.find(" [");
    if (open == std::string_view::npos)
        return false;
    const std::string_view name = rest.substr(0, open);
    std::string_view tail = rest.substr(open + 2);
    const std::string_view address = takeUntil(tail, ']');
    if (!isIpAddress(address) || !consume(tail, " failed"))
        return false;
    classify(event, "network", "ssh_reverse_mapping_failed", "failure");
    event.source_ip.assign(address);
    addField(event, "source.domain", name);
    return true;
}

// "IP maps to NAME, but this does not map back to the address - POSSIBLE BREAK-IN ATTEMPT!"
bool extractAddressMaps(Event& event, std::string_view rest)
{
    const std::size_t maps = rest.find(" maps to ");
    const std::size_t back = rest.find(", but this does not map back");
    if (maps == std::string_view::npos || back == std::string_view::npos || back <= maps + 9)
        return false;
    const std::string_view address = rest.substr(0, maps);
    const std::string_view name = rest.substr(maps + 9, back - maps - 9);
    if (!isIpAddress(address))
        return false;
    classify(event, "network", "ssh_reverse_mapping_failed", "failure");
    event.source_ip.assign(address);
    addField(event, "source.domain", name);
    return true;
}

// "HOST port N on HOST port N[ rdomain "..."]" (LogLevel VERBOSE).
bool extractConnectionFrom(Event& event, std::string_view rest)
{
    std::string_view source = takeUntil(rest, " on ");
    const std::string_view destination = takeUntil(rest, " rdomain");
    std::string_view host;
    std::string_view port;
    std::string_view dest_host;
    std::string_view dest_port;
    if (!splitHostPort(source, host, port) || !splitHostPort(destination, dest_host, dest_port))
        return false;
    classify(event, "network", "ssh_connection", "success");
    setSourceHost(event, host);
    setSourcePort(event, port);
    if (isIpAddress(dest_host))
        event.dest_ip.assign(dest_host);
    std::uint32_t value = 0;
    if (parseUnsigned(dest_port, 65535, value))
        event.dest_port = static_cast<std::int32_t>(value);
    return true;
}

// "HOST port N: no matching key exchange method found. Their offer: ... [preauth]"
bool extractUnableToNegotiate(Event& event, std::string_view rest)
{
    consumeSuffix(rest, " [preauth]");
    const std::string_view peer = takeUntil(rest, ": ");
    std::string_view host;
    std::string_view port;
    if (!splitHostPort(peer, host, port))
        return false;
    classify(event, "network", "ssh_negotiation_failed", "failure");
    setSourceHost(event, host);
    setSourcePort(event, port);
    addField(event, "ssh.reason", rest);
    return true;
}

// "N more authentication failure[s]; logname= ... rhost=H[  user=U]"
bool extractPamMore(Event& event, std::string_view rest)
{
    const std::string_view count = takeUntil(rest, " more authentication failure");
    std::uint32_t ignored = 0;
    if (!parseUnsigned(count, 1u << 30, ignored))
        return false;
    consume(rest, "s");
    if (!consume(rest, "; "))
        return false;
    return extractPamAuthFailure(event, "sshd", rest, count);
}

// "service(sshd) ignoring max retries; 6 > 3"
bool extractPamMaxRetries(Event& event, std::string_view rest)
{
    const std::string_view service = takeUntil(rest, ") ignoring max retries; ");
    const std::string_view retries = takeUntil(rest, " > ");
    std::uint32_t ignored = 0;
    if (!parseUnsigned(retries, 1u << 30, ignored) || !parseUnsigned(rest, 1u << 30, ignored))
        return false;
    classify(event, "authentication", "pam_max_retries_exceeded", "failure");
    addField(event, "pam.service", service);
    addField(event, "pam.retries", retries);
    addField(event, "pam.max_retries", rest);
    return true;
}

} // namespace

bool extractSshd(Event& event, std::string_view m)
{
    // First byte first: most sshd lines are rejected or routed after one compare.
    switch (m.front()) {
    case 'A':
        if (consume(m, "Accepted "))
            return extractLogin(event, m, true);
        if (consume(m, "Address "))
            return extractAddressMaps(event, m);
        return false;
    case 'F':
        return consume(m, "Failed ") && extractLogin(event, m, false);
    case 'I':
        return consume(m, "Invalid user ") && extractInvalidUser(event, m);
    case 'i':
        if (!consume(m, "input_userauth_request: invalid user "))
            return false;
        // Follows "Invalid user U from IP" on the same connection: a separate action, so
        // that counting invalid users does not count them twice.
        consumeSuffix(m, " [preauth]");
        classify(event, "authentication", "ssh_userauth_request", "failure");
        event.user_name.assign(m);
        addField(event, "ssh.invalid_user", "true");
        return true;
    case 'R':
        return consume(m, "Received disconnect from ") && extractReceivedDisconnect(event, m);
    case 'D':
        if (consume(m, "Disconnected from "))
            return extractPeerDisconnect(event, m);
        if (consume(m, "Disconnecting"))
            return extractDisconnecting(event, m);
        if (consume(m, "Did not receive identification string from "))
            return extractNoIdentification(event, m);
        return false;
    case 'C':
        if (consume(m, "Connection closed by ") || consume(m, "Connection reset by "))
            return extractPeerDisconnect(event, m);
        if (consume(m, "Connection from "))
            return extractConnectionFrom(event, m);
        return false;
    case 'e':
        if (!consume(m, "error: "))
            return false;
        if (consume(m, "Received disconnect from "))
            return extractReceivedDisconnect(event, m);
        if (consume(m, "maximum authentication attempts exceeded for "))
            return extractMaxAttempts(event, m);
        return false;
    case 'r':
        return consume(m, "reverse mapping checking getaddrinfo for ") && extractReverseMapping(event, m);
    case 'P':
        if (consume(m, "PAM service("))
            return extractPamMaxRetries(event, m);
        return consume(m, "PAM ") && extractPamMore(event, m);
    case 'U':
        return consume(m, "Unable to negotiate with ") && extractUnableToNegotiate(event, m);
    default:
        return false;
    }
}

} // namespace vigie::parse::detail
