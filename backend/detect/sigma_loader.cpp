// Sigma YAML loader (yaml-cpp): documents -> SigmaRule / SigmaCorrelation / LoadIssue.
// Any thread. Every scalar is read as text (never as<bool>(), which would turn `yes` into true).
#include "detect/sigma_loader.h"

#include "detect/sigma_modifiers.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace vigie::detect {

namespace {

// A document that cannot be used: the reason travels up to a LoadIssue.
struct Unsupported {
    std::string reason;
};

bool isQuoted(const YAML::Node& node)
{
    return node.Tag() == "!";
}

SigmaValue scalarValue(const YAML::Node& node)
{
    SigmaValue value;
    if (!node.IsDefined() || node.IsNull()) {
        value.kind = SigmaValue::Kind::Null;
        return value;
    }
    if (!node.IsScalar())
        throw Unsupported{"a value is a " + std::string(node.IsMap() ? "map" : "list") +
                          ", expected a scalar"};
    value.text = node.Scalar();
    value.quoted = isQuoted(node);
    if (value.quoted)
        return value;
    static const std::regex kInteger{R"([-+]?(0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+))"};
    static const std::regex kFloat{R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)"};
    const std::string& t = value.text;
    if (t == "null" || t == "Null" || t == "NULL" || t == "~" || t.empty())
        value.kind = SigmaValue::Kind::Null;
    else if (t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE")
        value.kind = SigmaValue::Kind::Bool;
    else if (std::regex_match(t, kInteger))
        value.kind = SigmaValue::Kind::Integer;
    else if (std::regex_match(t, kFloat))
        value.kind = SigmaValue::Kind::Float;
    return value;
}

std::string text(const YAML::Node& node, const char* key)
{
    const YAML::Node child = node[key];
    return child && child.IsScalar() ? child.Scalar() : std::string();
}

// A scalar or a list of scalars as strings.
std::vector<std::string> textList(const YAML::Node& node)
{
    std::vector<std::string> out;
    if (!node || node.IsNull())
        return out;
    if (node.IsScalar()) {
        out.push_back(node.Scalar());
        return out;
    }
    if (!node.IsSequence())
        throw Unsupported{"expected a list of strings"};
    for (const auto& item : node) {
        if (!item.IsScalar())
            throw Unsupported{"expected a list of strings"};
        out.push_back(item.Scalar());
    }
    return out;
}

SelectionItem parseItem(const std::string& key, const YAML::Node& value)
{
    SelectionItem item;
    std::stringstream parts(key);
    std::string part;
    std::getline(parts, item.field, '|');
    while (std::getline(parts, part, '|')) {
        if (!isKnownModifier(part))
            throw Unsupported{"unknown modifier " + part + " (field " + item.field + ")"};
        item.modifiers.push_back(part);
    }
    item.has_field = !item.field.empty();
    if (value.IsSequence()) {
        for (const auto& v : value)
            item.values.push_back(scalarValue(v));
        if (item.values.empty())
            throw Unsupported{"field " + item.field + " has an empty value list"};
    } else {
        item.values.push_back(scalarValue(value));
    }
    return item;
}

std::vector<SelectionItem> parseMap(const YAML::Node& map)
{
    std::vector<SelectionItem> items;
    for (const auto& entry : map)
        items.push_back(parseItem(entry.first.Scalar(), entry.second));
    return items;
}

Detection parseDetection(const std::string& name, const YAML::Node& node)
{
    Detection detection;
    if (node.IsMap()) {
        detection.branches.push_back(parseMap(node));
        return detection;
    }
    SelectionItem keywords;
    keywords.has_field = false;
    if (node.IsSequence()) {
        for (const auto& element : node) {
            if (element.IsMap())
                detection.branches.push_back(parseMap(element));
            else if (element.IsScalar() || element.IsNull())
                keywords.values.push_back(scalarValue(element));
            else
                throw Unsupported{"selection " + name + " holds a nested list"};
        }
    } else if (node.IsScalar()) {
        keywords.values.push_back(scalarValue(node));
    } else {
        throw Unsupported{"selection " + name + " is empty"};
    }
    if (!keywords.values.empty())
        detection.branches.push_back({std::move(keywords)});
    if (detection.branches.empty())
        throw Unsupported{"selection " + name + " is empty"};
    return detection;
}

long long timespanSeconds(const std::string& text)
{
    static const std::regex kTimespan{R"(([0-9]+)\s*([smhdwMy]))"};
    std::smatch match;
    if (!std::regex_match(text, match, kTimespan))
        throw Unsupported{"bad timespan '" + text + "'"};
    const long long count = std::stoll(match[1]);
    switch (match[2].str()[0]) {
    case 's':
        return count;
    case 'm':
        return count * 60;
    case 'h':
        return count * 3600;
    case 'd':
        return count * 86400;
    case 'w':
        return count * 7 * 86400;
    case 'M':
        return count * 30 * 86400;
    default:
        return count * 365 * 86400;
    }
}

// Vigie's own `vigie:` key (sigma_rule.h). A key Vigie does not know is refused rather than
// ignored: a typo would otherwise silently keep the default window.
VigieOptions parseVigie(const YAML::Node& doc, bool base_rule)
{
    VigieOptions options;
    const YAML::Node node = doc["vigie"];
    if (!node || node.IsNull())
        return options;
    if (!node.IsMap())
        throw Unsupported{"vigie: must be a map (suppress, suppress_by)"};
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        if (key == "suppress") {
            if (!entry.second.IsScalar())
                throw Unsupported{"vigie.suppress must be a duration such as 30m"};
            options.suppress_seconds = timespanSeconds(entry.second.Scalar());
        } else if (key == "suppress_by") {
            if (!base_rule)
                throw Unsupported{
                    "vigie.suppress_by does not apply to a correlation (its alerts follow group-by)"};
            options.suppress_by = textList(entry.second);
            if (options.suppress_by.empty())
                throw Unsupported{"vigie.suppress_by names no field"};
        } else {
            throw Unsupported{"unknown key vigie." + key};
        }
    }
    return options;
}

SigmaRule parseRule(const YAML::Node& doc)
{
    SigmaRule rule;
    rule.id = text(doc, "id");
    rule.name = text(doc, "name");
    rule.title = text(doc, "title");
    rule.description = text(doc, "description");
    rule.status = text(doc, "status");
    rule.level = text(doc, "level");
    if (doc["tags"])
        rule.tags = textList(doc["tags"]);
    const YAML::Node logsource = doc["logsource"];
    if (!logsource || !logsource.IsMap())
        throw Unsupported{"no logsource"};
    rule.logsource = {text(logsource, "product"), text(logsource, "category"), text(logsource, "service")};
    const YAML::Node detection = doc["detection"];
    if (!detection || !detection.IsMap())
        throw Unsupported{"no detection"};
    for (const auto& entry : detection) {
        const std::string key = entry.first.Scalar();
        if (key == "condition")
            rule.conditions = textList(entry.second);
        else if (key == "timeframe")
            throw Unsupported{"obsolete aggregation (timeframe), use a correlation rule"};
        else
            rule.detections.emplace_back(key, parseDetection(key, entry.second));
    }
    if (rule.conditions.empty())
        throw Unsupported{"no condition"};
    rule.vigie = parseVigie(doc, true);
    for (const std::string& condition : rule.conditions) {
        if (condition.find('|') != std::string::npos)
            throw Unsupported{"obsolete aggregation in condition '" + condition +
                              "', use a correlation rule"};
    }
    return rule;
}

SigmaCorrelation parseCorrelation(const YAML::Node& doc)
{
    using T = SigmaCorrelation::Type;
    SigmaCorrelation c;
    c.id = text(doc, "id");
    c.name = text(doc, "name");
    c.title = text(doc, "title");
    c.level = text(doc, "level");
    c.status = text(doc, "status");
    const YAML::Node body = doc["correlation"];
    if (!body.IsMap())
        throw Unsupported{"correlation is not a map"};
    const std::string type = text(body, "type");
    static const std::map<std::string, T> kTypes{{"event_count", T::EventCount},
                                                 {"value_count", T::ValueCount},
                                                 {"temporal", T::Temporal},
                                                 {"temporal_ordered", T::TemporalOrdered}};
    const auto found = kTypes.find(type);
    if (found == kTypes.end())
        throw Unsupported{type.empty() ? "correlation without type"
                                       : "correlation type " + type + " is not supported yet"};
    c.type = found->second;
    c.rules = textList(body["rules"]);
    if (c.rules.empty())
        throw Unsupported{"correlation without rules"};
    c.group_by = textList(body["group-by"]);
    c.timespan_text = text(body, "timespan");
    if (c.timespan_text.empty())
        throw Unsupported{"correlation without timespan"};
    c.timespan_seconds = timespanSeconds(c.timespan_text);
    const YAML::Node condition = body["condition"];
    if (condition && condition.IsMap()) {
        for (const auto& entry : condition) {
            const std::string key = entry.first.Scalar();
            if (key == "field") {
                const auto fields = textList(entry.second);
                if (fields.size() != 1)
                    throw Unsupported{"correlation condition field must be one field"};
                c.condition_field = fields.front();
                continue;
            }
            static const std::set<std::string> kOps{"gt", "gte", "lt", "lte", "eq", "neq"};
            if (!kOps.contains(key))
                throw Unsupported{"unknown correlation condition " + key};
            const SigmaValue bound = scalarValue(entry.second);
            if (bound.kind != SigmaValue::Kind::Integer && bound.kind != SigmaValue::Kind::Float)
                throw Unsupported{"correlation condition " + key + " needs a number"};
            c.condition.push_back({key, std::stod(bound.text)});
        }
    } else if (condition) {
        throw Unsupported{"correlation condition is not a map"};
    }
    if ((c.type == T::EventCount || c.type == T::ValueCount) && c.condition.empty())
        throw Unsupported{"correlation " + type + " needs a condition"};
    if (c.type == T::ValueCount && c.condition_field.empty())
        throw Unsupported{"value_count needs condition.field"};
    if (const YAML::Node aliases = body["aliases"]; aliases && aliases.IsMap())
        for (const auto& alias : aliases) {
            if (!alias.second.IsMap())
                throw Unsupported{"alias " + alias.first.Scalar() + " is not a map"};
            for (const auto& mapping : alias.second)
                c.aliases[alias.first.Scalar()][mapping.first.Scalar()] = mapping.second.Scalar();
        }
    const std::string generate =
        text(body, "generate").empty() ? text(doc, "generate") : text(body, "generate");
    c.generate = generate == "true" || generate == "True" || generate == "TRUE";
    c.vigie = parseVigie(doc, false);
    return c;
}

void loadDocument(const YAML::Node& doc, const std::string& file, std::size_t index, LoadResult& into)
{
    LoadIssue issue{file, index, {}, {}, {}};
    try {
        if (!doc.IsMap())
            throw Unsupported{"document is not a map"};
        issue.id = text(doc, "id");
        issue.title = text(doc, "title");
        if (doc["correlation"]) {
            SigmaCorrelation correlation = parseCorrelation(doc);
            correlation.file = file;
            correlation.doc_index = index;
            into.correlations.push_back(std::move(correlation));
        } else if (doc["filter"] && !doc["detection"]) {
            throw Unsupported{"meta-filter documents (filter:) are not supported yet"};
        } else {
            SigmaRule rule = parseRule(doc);
            rule.file = file;
            rule.doc_index = index;
            into.rules.push_back(std::move(rule));
        }
    } catch (const Unsupported& unsupported) {
        issue.reason = unsupported.reason;
        into.issues.push_back(std::move(issue));
    } catch (const YAML::Exception& error) {
        issue.reason = std::string("YAML: ") + error.what();
        into.issues.push_back(std::move(issue));
    }
}

} // namespace

void loadSigmaText(std::string_view text, const std::string& file, LoadResult& into)
{
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(std::string(text));
    } catch (const YAML::Exception& error) {
        ++into.documents;
        into.issues.push_back({file, 0, {}, {}, std::string("YAML: ") + error.what()});
        return;
    }
    std::size_t index = 0;
    for (const YAML::Node& doc : documents) {
        if (!doc || doc.IsNull())
            continue; // an empty document (a trailing ---) is nothing to load
        ++into.documents;
        loadDocument(doc, file, index++, into);
    }
}

void loadSigmaFile(const std::filesystem::path& path, LoadResult& into)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ++into.documents;
        into.issues.push_back({path.string(), 0, {}, {}, "cannot read the file"});
        return;
    }
    std::ostringstream content;
    content << in.rdbuf();
    loadSigmaText(content.str(), path.string(), into);
}

std::vector<std::filesystem::path> sigmaFiles(const std::filesystem::path& path)
{
    if (!std::filesystem::is_directory(path))
        return {path};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".yml" || extension == ".yaml"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

void loadSigmaPath(const std::filesystem::path& path, LoadResult& into)
{
    for (const auto& file : sigmaFiles(path))
        loadSigmaFile(file, into);
}

void resolveCorrelations(LoadResult& result)
{
    // Removing a correlation can break one that chains to it: repeat until stable.
    for (bool changed = true; changed;) {
        changed = false;
        std::map<std::string, SigmaCorrelation::Ref> known;
        for (std::size_t i = 0; i < result.rules.size(); ++i) {
            for (const std::string* key : {&result.rules[i].name, &result.rules[i].id})
                if (!key->empty())
                    known[*key] = {false, i};
        }
        for (std::size_t i = 0; i < result.correlations.size(); ++i) {
            for (const std::string* key : {&result.correlations[i].name, &result.correlations[i].id})
                if (!key->empty())
                    known[*key] = {true, i};
        }
        for (std::size_t i = 0; i < result.correlations.size(); ++i) {
            SigmaCorrelation& c = result.correlations[i];
            c.resolved.clear();
            std::string missing;
            for (const std::string& reference : c.rules) {
                const auto found = known.find(reference);
                if (found == known.end() || (found->second.is_correlation && found->second.index == i)) {
                    missing = reference;
                    break;
                }
                c.resolved.push_back(found->second);
            }
            if (missing.empty())
                continue;
            result.issues.push_back(
                {c.file, c.doc_index, c.id, c.title, "correlation refers to unknown rule " + missing});
            result.correlations.erase(result.correlations.begin() + static_cast<std::ptrdiff_t>(i));
            changed = true;
            break;
        }
    }
}

} // namespace vigie::detect
