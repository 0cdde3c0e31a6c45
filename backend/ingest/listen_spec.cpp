#include "ingest/listen_spec.h"

#include <arpa/inet.h>

#include <utility>
#include <vector>

namespace vigie::ingest {

namespace {

bool fail(std::string* error, std::string message)
{
    if (error)
        *error = std::move(message);
    return false;
}

bool isIpv4(const std::string& text)
{
    in_addr addr{};
    return inet_pton(AF_INET, text.c_str(), &addr) == 1;
}

bool isIpv6(const std::string& text)
{
    in6_addr addr{};
    return inet_pton(AF_INET6, text.c_str(), &addr) == 1;
}

bool parseInto(std::string_view uri, ListenSpec& spec, std::string* error)
{
    const std::string quoted = "'" + std::string(uri) + "'";
    const std::size_t scheme_end = uri.find("://");
    if (scheme_end == std::string_view::npos)
        return fail(error,
                    "listen address " + quoted + " must look like tcp://ADDRESS:PORT or udp://ADDRESS:PORT");
    const std::string_view scheme = uri.substr(0, scheme_end);
    if (scheme == "tcp")
        spec.protocol = ListenSpec::Protocol::Tcp;
    else if (scheme == "udp")
        spec.protocol = ListenSpec::Protocol::Udp;
    else if (scheme == "tls")
        spec.protocol = ListenSpec::Protocol::Tls;
    else
        return fail(error, "unsupported scheme '" + std::string(scheme) + "' in " + quoted +
                               " (expected tcp, udp or tls)");

    std::string_view rest = uri.substr(scheme_end + 3);
    std::string_view query;
    if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }

    std::string_view host;
    std::string_view port_text;
    if (!rest.empty() && rest.front() == '[') {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos)
            return fail(error, "missing ']' after the IPv6 address in " + quoted);
        host = rest.substr(1, close - 1);
        if (close + 1 >= rest.size() || rest[close + 1] != ':')
            return fail(error, "missing port in " + quoted + " (e.g. tcp://[::1]:6514)");
        port_text = rest.substr(close + 2);
        if (!isIpv6(std::string(host)))
            return fail(error, "'" + std::string(host) + "' is not an IPv6 address in " + quoted);
    } else {
        const std::size_t colon = rest.rfind(':');
        if (colon == std::string_view::npos)
            return fail(error, "missing port in " + quoted + " (e.g. tcp://127.0.0.1:5514)");
        host = rest.substr(0, colon);
        port_text = rest.substr(colon + 1);
        if (host.find(':') != std::string_view::npos)
            return fail(error, "an IPv6 address must be written in brackets in " + quoted +
                                   " (e.g. tcp://[::1]:6514)");
        if (host.empty())
            return fail(error, "missing address in " + quoted + " (use 0.0.0.0 or [::] for all interfaces)");
        if (!isIpv4(std::string(host)))
            return fail(error, "'" + std::string(host) + "' is not an IPv4 address in " + quoted +
                                   " (listen addresses are IP literals, not host names)");
    }
    spec.address.assign(host);

    if (port_text.empty() || port_text.size() > 5)
        return fail(error,
                    "invalid port '" + std::string(port_text) + "' in " + quoted + " (expected 0-65535)");
    unsigned port = 0;
    for (char c : port_text) {
        if (c < '0' || c > '9')
            return fail(error,
                        "invalid port '" + std::string(port_text) + "' in " + quoted + " (expected 0-65535)");
        port = port * 10 + static_cast<unsigned>(c - '0');
    }
    if (port > 65535)
        return fail(error,
                    "invalid port '" + std::string(port_text) + "' in " + quoted + " (expected 0-65535)");
    spec.port = static_cast<std::uint16_t>(port);

    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const std::size_t eq = item.find('=');
        const std::string_view key = item.substr(0, eq);
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1);
        if (key == "format") {
            const auto format = parse::formatFromName(value);
            if (!format)
                return fail(error, "unknown format '" + std::string(value) + "' in " + quoted +
                                       " (expected auto, rfc5424, rfc3164, cef, leef or json)");
            spec.format = *format;
        } else if (key == "name") {
            spec.name.assign(value);
        } else if (key == "cert" || key == "key" || key == "ca") {
            if (spec.protocol != ListenSpec::Protocol::Tls)
                return fail(error, "option '" + std::string(key) + "' in " + quoted + " is only for tls://");
            (key == "cert" ? spec.tls_certificate : key == "key" ? spec.tls_private_key : spec.tls_client_ca)
                .assign(value);
        } else {
            return fail(error, "unknown option '" + std::string(key) + "' in " + quoted +
                                   " (supported: format, name, and cert, key, ca for tls)");
        }
    }
    if (spec.protocol == ListenSpec::Protocol::Tls && (spec.tls_certificate.empty() || spec.tls_private_key.empty()))
        return fail(error, "a tls:// listener needs cert= and key= (PEM files) in " + quoted);
    return true;
}

} // namespace

std::optional<ListenSpec> ListenSpec::fromUri(std::string_view uri, std::string* error)
{
    ListenSpec spec;
    if (!parseInto(uri, spec, error))
        return std::nullopt;
    return spec;
}

std::string ListenSpec::toUri() const
{
    std::string uri = protocol == Protocol::Tcp ? "tcp://" : protocol == Protocol::Udp ? "udp://" : "tls://";
    if (address.find(':') != std::string::npos)
        uri.append("[").append(address).append("]");
    else
        uri.append(address);
    uri.append(":").append(std::to_string(port));
    std::vector<std::pair<std::string_view, std::string>> options;
    if (format != parse::Format::Auto)
        options.emplace_back("format", parse::formatName(format));
    if (!name.empty())
        options.emplace_back("name", name);
    if (!tls_certificate.empty())
        options.emplace_back("cert", tls_certificate);
    if (!tls_private_key.empty())
        options.emplace_back("key", tls_private_key);
    if (!tls_client_ca.empty())
        options.emplace_back("ca", tls_client_ca);
    char separator = '?';
    for (const auto& [key, value] : options) {
        uri.push_back(separator);
        uri.append(key).append("=").append(value);
        separator = '&';
    }
    return uri;
}

} // namespace vigie::ingest
