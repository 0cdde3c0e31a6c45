#pragma once
// The field mapping of design §4: which stored events make up a Sigma log source (`events:`
// selectors, used by logsource_dispatch.h) and where a Sigma field name lives in them (a
// column, a `fields` key, a value decoded from the message). Read from the built-in YAML
// embedded at build time (resources/detect/sigma_mapping.yml), optionally merged with a user
// file whose entries replace the built-in ones with the same id. Immutable once loaded: shared
// read-only by every detection thread.
#include "detect/field_lookup.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigie::detect {

// A mapping file that cannot be read or does not follow §4; what() names the file and the
// entry or YAML line at fault.
class MappingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The events table's columns a target can name.
enum class Column : std::uint8_t {
    Host,
    App,
    Pid,
    Severity,
    Facility,
    Category,
    Action,
    Outcome,
    UserName,
    SourceIp,
    SourcePort,
    DestIp,
    DestPort,
    Process,
    Format,
    Message,
    Raw,
};

// Where a value lives in an Event: a column, fields[key], or the key=value pair `key` decoded
// from the message (kv_decoder.h).
struct FieldTarget {
    enum class Kind : std::uint8_t { Column, Fields, Decoded };
    Kind kind = Kind::Fields;
    Column column = Column::Host; // when kind == Column
    std::string key;              // when kind == Fields or Decoded
    bool operator==(const FieldTarget&) const = default;
};

// "host" -> column, "fields.X" -> fields[X], "decoded.X" -> decoded X; nullopt otherwise.
std::optional<FieldTarget> parseTarget(std::string_view text);
// The inverse of parseTarget, for messages.
std::string targetName(const FieldTarget& target);

// One condition of an `events:` selector: `target[|op]: value or [values]`.
struct SelectorTerm {
    enum class Op : std::uint8_t { Equals, StartsWith, Contains, Exists };
    FieldTarget target;
    Op op = Op::Equals;
    std::vector<std::string> values; // any of them; for Exists: "true" or "false"
};

// All terms must hold.
struct EventSelector {
    std::vector<SelectorTerm> terms;
};

// Lets the per-event lookups find a name given as a string_view without building a string.
struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
};
// Sigma name -> targets, the first one present wins.
using FieldTargets = std::unordered_map<std::string, std::vector<FieldTarget>, NameHash, std::equal_to<>>;

// How a mapping entry decodes `message` into decoded.* values.
enum class Decode : std::uint8_t { None, Auditd, Kv };

struct MappingEntry {
    std::string id;
    Logsource logsource;
    std::vector<EventSelector> events; // any of them
    FieldTargets fields;
    std::vector<FieldTarget> keywords; // what keyword selections search, in order
    Decode decode = Decode::None;
    // Sigma name -> (rule value -> extra event value it also matches).
    std::unordered_map<std::string, std::map<std::string, std::string, std::less<>>, NameHash,
                       std::equal_to<>>
        value_maps;
};

class FieldMapping {
public:
    // The built-in mapping. Throws MappingError only if the embedded file is broken (a build bug).
    static FieldMapping builtIn();
    // The built-in mapping with `user_file` merged over it (entries replaced by id, new ones
    // appended, placeholders replaced by name). Throws MappingError.
    static FieldMapping load(const std::optional<std::filesystem::path>& user_file);
    // Parses mapping YAML; `origin` names it in errors. Throws MappingError.
    static FieldMapping parse(std::string_view yaml, std::string_view origin);

    // Replaces entries with the same id, appends the others; placeholders likewise by name.
    void merge(FieldMapping&& over);

    const std::vector<MappingEntry>& entries() const { return entries_; }
    const MappingEntry* entry(std::string_view id) const;
    std::optional<std::size_t> indexOf(std::string_view id) const;

    // Where `sigma_field` lives for `entry`, in order: the entry's list, else fields.<name>
    // (then decoded.<name> when the entry decodes its message).
    std::vector<FieldTarget> resolve(const MappingEntry& entry, std::string_view sigma_field) const;
    // The values a rule value stands for: itself, then the value_maps translation if any.
    std::vector<std::string> ruleValues(const MappingEntry& entry, std::string_view sigma_field,
                                        std::string_view value) const;
    // The values of `expand`'s %name%; nullptr when the mapping defines none.
    const std::vector<std::string>* placeholder(std::string_view name) const;

private:
    std::vector<MappingEntry> entries_;
    std::map<std::string, std::vector<std::string>, std::less<>> placeholders_;
};

} // namespace vigie::detect
