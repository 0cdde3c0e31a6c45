#pragma once
// Where a listener binds and how it reads: "tcp://127.0.0.1:5514", "udp://[::1]:514",
// optionally "?format=rfc3164" to pin the parser.
#include "parse/record_parser.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::ingest {

struct ListenSpec {
    enum class Protocol { Tcp, Udp };
    Protocol protocol = Protocol::Tcp;
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;
    parse::Format format = parse::Format::Auto;

    // Parses the URI form; on failure returns nullopt and sets *error when given.
    static std::optional<ListenSpec> fromUri(std::string_view uri, std::string* error = nullptr);
    std::string toUri() const;
};

} // namespace vigie::ingest
