// Reads the field-mapping YAML (design §4) with yaml-cpp, which stays private to this file.
// Every scalar is read as text (never as<bool>, which would turn `yes` into true): selector
// values compare with the stored text of events. Runs wherever the rule set is built; the
// result is immutable afterwards.
#include "detect/field_mapping.h"

#include "embedded_sigma_mapping.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

namespace vigie::detect {

namespace {

struct ColumnName {
    std::string_view name;
    Column column;
};

constexpr std::array<ColumnName, 17> kColumns{{
    {"host", Column::Host},
    {"app", Column::App},
    {"pid", Column::Pid},
    {"severity", Column::Severity},
    {"facility", Column::Facility},
    {"category", Column::Category},
    {"action", Column::Action},
    {"outcome", Column::Outcome},
    {"user_name", Column::UserName},
    {"source_ip", Column::SourceIp},
    {"source_port", Column::SourcePort},
    {"dest_ip", Column::DestIp},
    {"dest_port", Column::DestPort},
    {"process", Column::Process},
    {"format", Column::Format},
    {"message", Column::Message},
    {"raw", Column::Raw},
}};

// Errors carry the origin and the YAML position so that a user can fix their file.
[[noreturn]] void fail(std::string_view origin, const YAML::Node& node, const std::string& what)
{
    std::ostringstream out;
    out << origin;
    if (node.IsDefined() && node.Mark().line >= 0)
        out << ':' << node.Mark().line + 1;
    out << ": " << what;
    throw MappingError(out.str());
}

std::string scalar(std::string_view origin, const YAML::Node& node, std::string_view what)
{
    // An absent key is an invalid node: test it first, its other accessors throw.
    if (!node || !node.IsScalar())
        fail(origin, node, std::string(what) + " must be a single value");
    return node.Scalar();
}

// A scalar or a list of scalars.
std::vector<std::string> scalars(std::string_view origin, const YAML::Node& node, std::string_view what)
{
    std::vector<std::string> out;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            out.push_back(scalar(origin, item, what));
    } else {
        out.push_back(scalar(origin, node, what));
    }
    return out;
}

FieldTarget target(std::string_view origin, const YAML::Node& node)
{
    const std::string text = scalar(origin, node, "a target");
    auto parsed = parseTarget(text);
    if (!parsed)
        fail(origin, node, "unknown target \"" + text + "\" (a column, fields.<key> or decoded.<key>)");
    return std::move(*parsed);
}

std::vector<FieldTarget> targets(std::string_view origin, const YAML::Node& node)
{
    std::vector<FieldTarget> out;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node)
            out.push_back(target(origin, item));
    } else {
        out.push_back(target(origin, node));
    }
    if (out.empty())
        fail(origin, node, "empty target list");
    return out;
}

EventSelector selector(std::string_view origin, const YAML::Node& node)
{
    if (!node.IsMap() || node.size() == 0)
        fail(origin, node, "an events: selector must be a non-empty map");
    EventSelector out;
    for (const auto& item : node) {
        const std::string key = scalar(origin, item.first, "a selector key");
        const std::size_t bar = key.find('|');
        SelectorTerm term;
        auto parsed = parseTarget(std::string_view(key).substr(0, bar));
        if (!parsed)
            fail(origin, item.first, "unknown target \"" + key.substr(0, bar) + "\"");
        term.target = std::move(*parsed);
        if (bar != std::string::npos) {
            const std::string_view op = std::string_view(key).substr(bar + 1);
            if (op == "startswith")
                term.op = SelectorTerm::Op::StartsWith;
            else if (op == "contains")
                term.op = SelectorTerm::Op::Contains;
            else if (op == "exists")
                term.op = SelectorTerm::Op::Exists;
            else
                fail(origin, item.first, "unknown selector operator \"" + std::string(op) + "\"");
        }
        term.values = scalars(origin, item.second, "a selector value");
        if (term.op == SelectorTerm::Op::Exists &&
            (term.values.size() != 1 || (term.values[0] != "true" && term.values[0] != "false")))
            fail(origin, item.second, "|exists takes true or false");
        out.terms.push_back(std::move(term));
    }
    return out;
}

std::string optionalScalar(std::string_view origin, const YAML::Node& node, std::string_view what)
{
    return node ? scalar(origin, node, what) : std::string();
}

MappingEntry readEntry(std::string_view origin, const YAML::Node& node,
                       const std::vector<FieldTarget>& keywords)
{
    if (!node.IsMap())
        fail(origin, node, "a logsources: entry must be a map");
    MappingEntry out;
    if (!node["id"])
        fail(origin, node, "a logsources: entry needs an id");
    out.id = scalar(origin, node["id"], "id");
    const std::string where = "entry " + out.id + ": ";
    const YAML::Node source = node["logsource"];
    if (!source || !source.IsMap())
        fail(origin, node, where + "logsource: must be a map");
    out.logsource.product = optionalScalar(origin, source["product"], "product");
    out.logsource.category = optionalScalar(origin, source["category"], "category");
    out.logsource.service = optionalScalar(origin, source["service"], "service");
    if (out.logsource == Logsource{})
        fail(origin, source, where + "logsource: names no product, category or service");
    const YAML::Node events = node["events"];
    if (!events || !events.IsSequence() || events.size() == 0)
        fail(origin, node, where + "events: must be a non-empty list of selectors");
    for (const YAML::Node& item : events)
        out.events.push_back(selector(origin, item));
    if (const YAML::Node fields = node["fields"]) {
        if (!fields.IsMap())
            fail(origin, fields, where + "fields: must be a map");
        for (const auto& item : fields)
            out.fields[scalar(origin, item.first, "a field name")] = targets(origin, item.second);
    }
    out.keywords = node["keywords"] ? targets(origin, node["keywords"]) : keywords;
    const std::string decode = optionalScalar(origin, node["decode"], "decode");
    if (decode == "auditd")
        out.decode = Decode::Auditd;
    else if (decode == "kv")
        out.decode = Decode::Kv;
    else if (!decode.empty())
        fail(origin, node["decode"], where + "decode: must be auditd or kv");
    return out;
}

void valueMaps(std::string_view origin, const YAML::Node& node, std::vector<MappingEntry>& entries)
{
    if (!node.IsMap())
        fail(origin, node, "value_maps: must be a map of entry ids");
    for (const auto& per_entry : node) {
        const std::string id = scalar(origin, per_entry.first, "an entry id");
        auto found =
            std::find_if(entries.begin(), entries.end(), [&](const MappingEntry& e) { return e.id == id; });
        if (found == entries.end())
            fail(origin, per_entry.first, "value_maps: no entry " + id);
        for (const auto& per_field : per_entry.second) {
            auto& map = found->value_maps[scalar(origin, per_field.first, "a field name")];
            if (!per_field.second.IsMap())
                fail(origin, per_field.second, "value_maps: values must be a map");
            for (const auto& pair : per_field.second)
                map[scalar(origin, pair.first, "a value")] = scalar(origin, pair.second, "a value");
        }
    }
}

} // namespace

std::optional<FieldTarget> parseTarget(std::string_view text)
{
    FieldTarget out;
    if (text.starts_with("fields.") && text.size() > 7) {
        out.kind = FieldTarget::Kind::Fields;
        out.key.assign(text.substr(7));
        return out;
    }
    if (text.starts_with("decoded.") && text.size() > 8) {
        out.kind = FieldTarget::Kind::Decoded;
        out.key.assign(text.substr(8));
        return out;
    }
    for (const ColumnName& column : kColumns)
        if (column.name == text) {
            out.kind = FieldTarget::Kind::Column;
            out.column = column.column;
            return out;
        }
    return std::nullopt;
}

std::string targetName(const FieldTarget& target)
{
    switch (target.kind) {
    case FieldTarget::Kind::Fields:
        return "fields." + target.key;
    case FieldTarget::Kind::Decoded:
        return "decoded." + target.key;
    case FieldTarget::Kind::Column:
        break;
    }
    return std::string(kColumns[static_cast<std::size_t>(target.column)].name);
}

FieldMapping FieldMapping::parse(std::string_view yaml, std::string_view origin)
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        throw MappingError(std::string(origin) + ": " + e.what());
    }
    if (!root.IsMap())
        throw MappingError(std::string(origin) + ": not a mapping file (expected version:, logsources:)");
    try {
        FieldMapping out;
        std::vector<FieldTarget> keywords{FieldTarget{FieldTarget::Kind::Column, Column::Message, {}}};
        if (const YAML::Node defaults = root["defaults"]; defaults && defaults["keywords"])
            keywords = targets(origin, defaults["keywords"]);
        if (const YAML::Node placeholders = root["placeholders"]) {
            if (!placeholders.IsMap())
                fail(origin, placeholders, "placeholders: must be a map of value lists");
            for (const auto& item : placeholders)
                out.placeholders_[scalar(origin, item.first, "a placeholder name")] =
                    scalars(origin, item.second, "a placeholder value");
        }
        if (const YAML::Node logsources = root["logsources"]) {
            if (!logsources.IsSequence())
                fail(origin, logsources, "logsources: must be a list");
            for (const YAML::Node& item : logsources) {
                MappingEntry parsed = readEntry(origin, item, keywords);
                if (out.indexOf(parsed.id))
                    fail(origin, item, "duplicate entry id " + parsed.id);
                out.entries_.push_back(std::move(parsed));
            }
        }
        if (const YAML::Node maps = root["value_maps"])
            valueMaps(origin, maps, out.entries_);
        return out;
    } catch (const YAML::Exception& e) {
        throw MappingError(std::string(origin) + ": " + e.what());
    }
}

FieldMapping FieldMapping::builtIn()
{
    return parse(resources::sigmaMapping(), "built-in sigma_mapping.yml");
}

FieldMapping FieldMapping::load(const std::optional<std::filesystem::path>& user_file)
{
    FieldMapping mapping = builtIn();
    if (!user_file)
        return mapping;
    std::ifstream in(*user_file, std::ios::binary);
    if (!in)
        throw MappingError(user_file->string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    mapping.merge(parse(text.str(), user_file->string()));
    return mapping;
}

void FieldMapping::merge(FieldMapping&& over)
{
    for (MappingEntry& replacement : over.entries_) {
        if (const auto index = indexOf(replacement.id))
            entries_[*index] = std::move(replacement);
        else
            entries_.push_back(std::move(replacement));
    }
    for (auto& [name, values] : over.placeholders_)
        placeholders_[name] = std::move(values);
}

const MappingEntry* FieldMapping::entry(std::string_view id) const
{
    const auto index = indexOf(id);
    return index ? &entries_[*index] : nullptr;
}

std::optional<std::size_t> FieldMapping::indexOf(std::string_view id) const
{
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].id == id)
            return i;
    return std::nullopt;
}

std::vector<FieldTarget> FieldMapping::resolve(const MappingEntry& entry, std::string_view sigma_field) const
{
    if (const auto found = entry.fields.find(sigma_field); found != entry.fields.end())
        return found->second;
    std::vector<FieldTarget> out{
        FieldTarget{FieldTarget::Kind::Fields, Column::Host, std::string(sigma_field)}};
    if (entry.decode != Decode::None)
        out.push_back(FieldTarget{FieldTarget::Kind::Decoded, Column::Host, std::string(sigma_field)});
    return out;
}

std::vector<std::string> FieldMapping::ruleValues(const MappingEntry& entry, std::string_view sigma_field,
                                                  std::string_view value) const
{
    std::vector<std::string> out{std::string(value)};
    if (const auto map = entry.value_maps.find(sigma_field); map != entry.value_maps.end())
        if (const auto found = map->second.find(value); found != map->second.end() && found->second != value)
            out.push_back(found->second);
    return out;
}

const std::vector<std::string>* FieldMapping::placeholder(std::string_view name) const
{
    const auto found = placeholders_.find(name);
    return found == placeholders_.end() ? nullptr : &found->second;
}

} // namespace vigie::detect
