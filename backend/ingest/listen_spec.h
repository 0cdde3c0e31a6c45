#pragma once
// Where a listener binds and how it reads: "tcp://127.0.0.1:5514", "udp://[::1]:514",
// "tls://0.0.0.0:6514?cert=/etc/vigie/server.pem&key=/etc/vigie/server.key[&ca=/etc/vigie/clients.pem]"
// (RFC 5425; with ca= clients must present a certificate signed by it), and optionally
// "format=rfc3164" to pin the parser and "name=firewalls" to name the source in the counters.
#include "parse/record_parser.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::ingest {

struct ListenSpec {
    enum class Protocol { Tcp, Udp, Tls };
    Protocol protocol = Protocol::Tcp;
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;
    parse::Format format = parse::Format::Auto;
    std::string name; // shown in the per-source counters; empty means the URI
    // TLS only: PEM files of the server's certificate (chain) and key, and the CA that client
    // certificates must chain to (empty: clients are not asked for one).
    std::string tls_certificate;
    std::string tls_private_key;
    std::string tls_client_ca;

    // The name the counters use: `name`, or the URI when none was given.
    std::string displayName() const { return name.empty() ? toUri() : name; }

    // Parses the URI form; on failure returns nullopt and sets *error when given.
    static std::optional<ListenSpec> fromUri(std::string_view uri, std::string* error = nullptr);
    std::string toUri() const;
};

} // namespace vigie::ingest
