#pragma once
// Decodes the key=value text of a `message` that Vigie stores without a parser of its own:
// auditd records ("type=SYSCALL msg=audit(…): arch=c000003e syscall=59 … comm=\"arp\"") and
// FortiGate logs (`devid="FG…" action="Add" cfgpath="firewall.policy"`). Quotes are stripped;
// auditd's hex-encoded strings (EXECVE a0.., proctitle, name, cwd…) are decoded; derived values:
// `auditd.cmdline` (EXECVE a0..aN joined by spaces, or PROCTITLE's arguments) and `SYSCALL`
// (the x86_64 syscall name when the record has only the number). Reused per event by one
// thread; views stay valid until the next decode() or until the message changes.
#include "detect/field_mapping.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::detect {

class KvDecoder {
public:
    void decode(std::string_view message, Decode dialect);
    // The first value of `key`, nullopt when the message has none.
    std::optional<std::string_view> value(std::string_view key) const;
    std::size_t size() const { return pairs_.size(); }

private:
    struct Pair {
        std::string_view key;
        std::uint32_t begin = 0; // into message_, or into owned_ when owned
        std::uint32_t size = 0;
        bool owned = false;
    };
    void scan(std::string_view text, std::size_t offset, bool auditd);
    void add(std::string_view key, std::string_view value, std::size_t offset, bool quoted, bool auditd);
    void addOwned(std::string_view key, std::string_view value);
    std::string_view text(const Pair& pair) const;
    void derive();

    std::string_view message_;
    std::string_view type_; // auditd record type
    std::string owned_;
    std::vector<Pair> pairs_;
};

} // namespace vigie::detect
