// Rule text check for the editor: the loader, compiler and dispatch verdicts placed on lines.
// Any thread. The loader and compiler report reasons as text without positions, so each reason
// is placed by finding the key it names (selection, field, modifier, logsource...) among the
// marks of the same YAML parsed here; a reason naming nothing found falls back to the
// document's first line, which is still the right document.
#include "detect/rule_text_check.h"

#include "detect/field_mapping.h"
#include "detect/logsource_dispatch.h"
#include "detect/rule_set.h"
#include "detect/sigma_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <optional>
#include <regex>
#include <set>

namespace vigie::detect {

std::size_t RuleTextCheck::errorCount() const
{
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [](const auto& d) {
        return d.severity == RuleTextDiagnostic::Severity::Error;
    }));
}

namespace {

using Diagnostic = RuleTextDiagnostic;

struct Position {
    int line = 1;
    int column = 1;
};

Position at(const YAML::Node& node)
{
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? Position{} : Position{mark.line + 1, mark.column + 1};
}

std::string scalar(const YAML::Node& map, const char* key)
{
    const YAML::Node child = map[key];
    return child && child.IsScalar() ? child.Scalar() : std::string();
}

// The first map key below `node` (depth first, in text order) that `wanted` accepts.
template <class Predicate> std::optional<YAML::Node> findKey(const YAML::Node& node, const Predicate& wanted)
{
    if (node.IsMap()) {
        for (const auto& entry : node) {
            if (entry.first.IsScalar() && wanted(entry.first.Scalar()))
                return entry.first;
            if (auto found = findKey(entry.second, wanted))
                return found;
        }
    } else if (node.IsSequence()) {
        for (const auto& item : node)
            if (auto found = findKey(item, wanted))
                return found;
    }
    return std::nullopt;
}

// The key `name` of `map` itself (not below it).
std::optional<YAML::Node> ownKey(const YAML::Node& map, const std::string& name)
{
    if (!map || !map.IsMap())
        return std::nullopt;
    for (const auto& entry : map)
        if (entry.first.IsScalar() && entry.first.Scalar() == name)
            return entry.first;
    return std::nullopt;
}

// "Image|endswith|all" -> "Image"
std::string_view fieldOf(std::string_view key)
{
    return key.substr(0, key.find('|'));
}

bool hasModifier(std::string_view key, std::string_view modifier)
{
    for (std::size_t bar = key.find('|'); bar != std::string_view::npos;) {
        const std::size_t next = key.find('|', bar + 1);
        if (key.substr(bar + 1, next == std::string_view::npos ? next : next - bar - 1) == modifier)
            return true;
        bar = next;
    }
    return false;
}

// Where the condition text `condition` (one of the conditions) is written, plus `column` - 1
// characters when the reason gives a column inside it.
std::optional<Position> conditionPosition(const YAML::Node& detection, const std::string& condition,
                                          int column)
{
    const YAML::Node node = detection["condition"];
    if (!node)
        return std::nullopt;
    // Nodes are references: assigning one would overwrite the document, so keep an optional.
    std::optional<YAML::Node> value;
    if (node.IsSequence())
        for (const auto& item : node)
            if (item.IsScalar() && item.Scalar() == condition)
                value.emplace(item);
    if (!value)
        value.emplace(node);
    Position position = at(*value);
    // Only a one-line scalar keeps the condition's columns; quotes shift them by one.
    if (value->IsScalar() && column > 0 && value->Scalar().find('\n') == std::string::npos)
        position.column += column - 1 + (value->Tag() == "!" ? 1 : 0);
    return position;
}

std::optional<Position> inDetection(const YAML::Node& doc, const std::string& reason)
{
    const YAML::Node detection = doc["detection"];
    if (!detection || !detection.IsMap())
        return std::nullopt;
    std::smatch m;
    static const std::regex kModifier{R"(unknown modifier (\S+) \(field ([^)]*)\))"};
    if (std::regex_search(reason, m, kModifier)) {
        const std::string modifier = m[1], field = m[2];
        if (auto key = findKey(detection, [&](const std::string& k) {
                return fieldOf(k) == field && hasModifier(k, modifier);
            }))
            return at(*key);
    }
    // "condition 'TEXT', column N: ..." from the compiler, "... condition 'TEXT', ..." otherwise.
    static const std::regex kConditionColumn{R"(condition '(.*)', column (\d+))"};
    if (std::regex_search(reason, m, kConditionColumn))
        return conditionPosition(detection, m[1], std::stoi(m[2]));
    static const std::regex kCondition{R"(condition '(.*)')"};
    if (std::regex_search(reason, m, kCondition))
        return conditionPosition(detection, m[1], 0);
    std::optional<YAML::Node> found;
    std::optional<YAML::Node> scope;
    static const std::regex kSelection{R"(selection (\S+?)(:|\s|$))"};
    if (std::regex_search(reason, m, kSelection)) {
        found = ownKey(detection, m[1]);
        if (found)
            scope.emplace(detection[m[1].str()]);
    }
    if (!scope)
        scope.emplace(detection);
    static const std::regex kField{R"(field (\S*?)(:|\s|$))"};
    if (std::regex_search(reason, m, kField)) {
        const std::string field = m[1];
        if (auto key = findKey(*scope, [&](const std::string& k) { return fieldOf(k) == field; }))
            return at(*key);
    }
    if (found)
        return at(*found);
    for (const char* key : {"timeframe", "condition"})
        if (reason.find(key) != std::string::npos)
            if (auto node = ownKey(detection, key))
                return at(*node);
    return std::nullopt;
}

std::optional<Position> inCorrelation(const YAML::Node& doc, const std::string& reason)
{
    const YAML::Node body = doc["correlation"];
    if (!body)
        return std::nullopt;
    if (!body.IsMap())
        return at(*ownKey(doc, "correlation"));
    std::smatch m;
    static const std::regex kOperator{R"(correlation condition (\S+))"};
    if (std::regex_search(reason, m, kOperator))
        if (auto key = findKey(body["condition"], [&](const std::string& k) { return k == m[1]; }))
            return at(*key);
    // Each reason names the key at fault, by its own name or a word of it.
    static const std::array<std::pair<const char*, const char*>, 7> kWords{{{"timespan", "timespan"},
                                                                            {"condition", "condition"},
                                                                            {"field", "condition"},
                                                                            {"type", "type"},
                                                                            {"rules", "rules"},
                                                                            {"alias", "aliases"},
                                                                            {"group", "group-by"}}};
    for (const auto& [word, key] : kWords)
        if (reason.find(word) != std::string::npos)
            if (auto node = ownKey(body, key))
                return at(*node);
    return at(*ownKey(doc, "correlation"));
}

Position locate(const YAML::Node& doc, const std::string& reason)
{
    std::smatch m;
    static const std::regex kYamlMark{R"(line (\d+), column (\d+))"};
    if (reason.starts_with("YAML: ") && std::regex_search(reason, m, kYamlMark))
        return {std::stoi(m[1]), std::stoi(m[2])};
    if (!doc.IsMap())
        return at(doc);
    if (auto position = inCorrelation(doc, reason))
        return *position;
    if (auto position = inDetection(doc, reason))
        return *position;
    for (const char* key : {"logsource", "filter", "detection"})
        if (reason.find(key) != std::string::npos)
            if (auto node = ownKey(doc, key))
                return at(*node);
    return at(doc);
}

const LogsourceDispatch& builtInDispatch()
{
    // Built once per process: the mapping is embedded and immutable, the dispatch read-only.
    static const FieldMapping mapping = FieldMapping::builtIn();
    static const LogsourceDispatch dispatch(mapping);
    return dispatch;
}

class Checker {
public:
    explicit Checker(RuleTextCheck& out) : out_(out) {}

    void describe(const std::vector<YAML::Node>& documents)
    {
        docs_ = &documents;
        for (const YAML::Node& doc : documents) {
            RuleTextDocument d;
            d.line = at(doc).line;
            if (doc.IsMap()) {
                d.kind =
                    doc["correlation"] ? RuleTextDocument::Kind::Correlation : RuleTextDocument::Kind::Rule;
                d.id = scalar(doc, "id");
                d.title = scalar(doc, "title");
                d.level = scalar(doc, "level");
                d.status = scalar(doc, "status");
                if (const YAML::Node logsource = doc["logsource"]; logsource && logsource.IsMap())
                    d.logsource = {scalar(logsource, "product"), scalar(logsource, "category"),
                                   scalar(logsource, "service")};
            }
            out_.documents.push_back(std::move(d));
        }
    }

    void invalid(std::size_t index, const std::string& reason)
    {
        add(index, Diagnostic::Severity::Error, Diagnostic::Kind::Invalid, locate(doc(index), reason), {},
            reason);
    }

    // RuleSetBuilder::build's verdict: a compiler refusal is an error, a missing mapping entry
    // only a warning (the rule is valid Sigma, Vigie cannot run it yet).
    void rule(const SigmaRule& rule)
    {
        const RuleAdmission admission = admitRule(rule, builtInDispatch());
        if (!admission.compiled.rule) {
            invalid(rule.doc_index, admission.reason());
            return;
        }
        RuleTextDocument& d = out_.documents[rule.doc_index];
        d.loaded = true;
        d.runnable = admission.runs();
        if (d.runnable)
            return;
        d.unsupported = admission.reason();
        add(rule.doc_index, Diagnostic::Severity::Warning, Diagnostic::Kind::Unsupported,
            locate(doc(rule.doc_index), d.unsupported), {}, d.unsupported);
    }

    // A correlation's rules usually sit in the same file; one that does not must be loaded with
    // it, which the analyst should know before saving.
    void correlation(const SigmaCorrelation& correlation, const std::set<std::string>& known)
    {
        RuleTextDocument& d = out_.documents[correlation.doc_index];
        d.loaded = d.runnable = true;
        const YAML::Node rules = doc(correlation.doc_index)["correlation"]["rules"];
        for (const std::string& reference : correlation.rules) {
            if (known.contains(reference))
                continue;
            Position position = at(rules);
            if (rules.IsSequence())
                for (const auto& item : rules)
                    if (item.IsScalar() && item.Scalar() == reference)
                        position = at(item);
            add(correlation.doc_index, Diagnostic::Severity::Warning, Diagnostic::Kind::UnresolvedReference,
                position, reference,
                "correlation refers to rule " + reference + ", which is not in this text");
        }
    }

    void editorial(std::size_t index)
    {
        const YAML::Node& node = doc(index);
        if (!node.IsMap())
            return;
        const RuleTextDocument& d = out_.documents[index];
        for (const char* key : {"id", "title", "level"})
            if (scalar(node, key).empty())
                add(index, Diagnostic::Severity::Warning, Diagnostic::Kind::MissingKey, at(node), key,
                    std::string("no ") + key);
        static const std::set<std::string> kLevels{"informational", "low", "medium", "high", "critical"};
        if (!d.level.empty() && !kLevels.contains(d.level))
            add(index, Diagnostic::Severity::Warning, Diagnostic::Kind::UnknownLevel, at(node["level"]),
                d.level, "unknown level " + d.level + " (informational, low, medium, high or critical)");
        static const std::set<std::string> kStatuses{"stable", "test", "experimental", "deprecated",
                                                     "unsupported"};
        if (!d.status.empty() && !kStatuses.contains(d.status))
            add(index, Diagnostic::Severity::Warning, Diagnostic::Kind::UnknownStatus, at(node["status"]),
                d.status,
                "unknown status " + d.status + " (stable, test, experimental, deprecated or unsupported)");
    }

private:
    const YAML::Node& doc(std::size_t index) const { return (*docs_)[index]; }

    void add(std::size_t index, Diagnostic::Severity severity, Diagnostic::Kind kind, Position position,
             std::string subject, std::string message)
    {
        out_.diagnostics.push_back(
            {severity, kind, position.line, position.column, index, std::move(subject), std::move(message)});
    }

    RuleTextCheck& out_;
    const std::vector<YAML::Node>* docs_ = nullptr;
};

} // namespace

RuleTextCheck checkRuleText(std::string_view yaml)
{
    RuleTextCheck out;
    std::vector<YAML::Node> documents;
    try {
        for (const YAML::Node& doc : YAML::LoadAll(std::string(yaml)))
            if (doc && !doc.IsNull()) // skipped by the loader too: doc_index counts the others
                documents.push_back(doc);
    } catch (const YAML::Exception& error) {
        const Position position =
            error.mark.is_null() ? Position{} : Position{error.mark.line + 1, error.mark.column + 1};
        out.diagnostics.push_back({Diagnostic::Severity::Error,
                                   Diagnostic::Kind::YamlSyntax,
                                   position.line,
                                   position.column,
                                   0,
                                   {},
                                   error.msg});
        return out;
    }
    Checker checker(out);
    checker.describe(documents);

    LoadResult loaded;
    loadSigmaText(yaml, {}, loaded);
    for (const LoadIssue& issue : loaded.issues)
        checker.invalid(issue.doc_index, issue.reason);
    std::set<std::string> known;
    for (const SigmaRule& rule : loaded.rules) {
        checker.rule(rule);
        known.insert({rule.id, rule.name});
    }
    for (const SigmaCorrelation& correlation : loaded.correlations)
        known.insert({correlation.id, correlation.name});
    known.erase(std::string());
    for (const SigmaCorrelation& correlation : loaded.correlations)
        checker.correlation(correlation, known);
    for (std::size_t i = 0; i < documents.size(); ++i)
        checker.editorial(i);
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    return out;
}

} // namespace vigie::detect
