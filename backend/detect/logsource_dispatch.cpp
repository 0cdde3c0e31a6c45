// Log source dispatch (logsource_dispatch.h): selectors of the mapping evaluated against one
// event's columns and fields. Any thread; the dispatch itself is read-only.
#include "detect/logsource_dispatch.h"

#include "detect/value_pattern.h"

#include <algorithm>
#include <map>

namespace vigie::detect {

namespace {

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

// Selectors read columns and fields only (decoded values would need a decoder per event).
std::optional<std::string_view> read(const FieldTarget& target, const Event& event)
{
    auto text = [](const std::string& value) -> std::optional<std::string_view> {
        if (value.empty())
            return std::nullopt;
        return std::string_view(value);
    };
    auto number = [](const auto& value) -> std::optional<std::string_view> {
        // Selectors on numeric columns only test existence: there is no buffer to format into.
        if (!value)
            return std::nullopt;
        return std::string_view();
    };
    switch (target.kind) {
    case FieldTarget::Kind::Fields:
        if (const std::string* value = event.field(target.key))
            return std::string_view(*value);
        return std::nullopt;
    case FieldTarget::Kind::Decoded:
        return std::nullopt;
    case FieldTarget::Kind::Column:
        break;
    }
    switch (target.column) {
    case Column::Host:
        return text(event.host);
    case Column::App:
        return text(event.app);
    case Column::Pid:
        return number(event.pid);
    case Column::Severity:
        return number(event.severity);
    case Column::Facility:
        return number(event.facility);
    case Column::Category:
        return text(event.category);
    case Column::Action:
        return text(event.action);
    case Column::Outcome:
        return text(event.outcome);
    case Column::UserName:
        return text(event.user_name);
    case Column::SourceIp:
        return text(event.source_ip);
    case Column::SourcePort:
        return number(event.source_port);
    case Column::DestIp:
        return text(event.dest_ip);
    case Column::DestPort:
        return number(event.dest_port);
    case Column::Process:
        return text(event.process);
    case Column::Format:
        return std::string_view(event.format);
    case Column::Message:
        return std::string_view(event.message);
    case Column::Raw:
        return std::string_view(event.raw);
    }
    return std::nullopt;
}

// The selectors of one app nearly all test the same key (fields.EventID): the last `fields`
// read is remembered for the selectors tested on one event, instead of a scan of its fields each.
struct FieldMemo {
    const std::string* key = nullptr;
    std::optional<std::string_view> value;

    std::optional<std::string_view> read(const FieldTarget& target, const Event& event)
    {
        if (target.kind != FieldTarget::Kind::Fields)
            return detect::read(target, event);
        if (!key || *key != target.key) {
            key = &target.key;
            value = detect::read(target, event);
        }
        return value;
    }
};

bool termHolds(const SelectorTerm& term, const Event& event, FieldMemo& memo)
{
    const auto value = memo.read(term.target, event);
    if (term.op == SelectorTerm::Op::Exists)
        return value.has_value() == (term.values.front() == "true");
    if (!value)
        return false;
    for (const std::string& wanted : term.values) {
        switch (term.op) {
        case SelectorTerm::Op::Equals:
            if (*value == wanted)
                return true;
            break;
        case SelectorTerm::Op::StartsWith:
            if (value->starts_with(wanted))
                return true;
            break;
        case SelectorTerm::Op::Contains:
            // Not std::string_view::find, which stops at every occurrence of the first byte:
            // `message|contains: " msg=audit("` is tested on every event's message.
            if (containsLiteral(*value, wanted, true))
                return true;
            break;
        case SelectorTerm::Op::Exists:
            break;
        }
    }
    return false;
}

// The selector's `column: value(s)` equality term, if any: what the selector is indexed by.
const SelectorTerm* columnTerm(const EventSelector& selector, Column column)
{
    for (const SelectorTerm& term : selector.terms)
        if (term.op == SelectorTerm::Op::Equals && term.target.kind == FieldTarget::Kind::Column &&
            term.target.column == column)
            return &term;
    return nullptr;
}

} // namespace

bool logsourceMatches(const Logsource& rule, const Logsource& entry)
{
    auto keyMatches = [](const std::string& wanted, const std::string& have) {
        return wanted.empty() || equalNoCase(wanted, have);
    };
    return keyMatches(rule.product, entry.product) && keyMatches(rule.category, entry.category) &&
           keyMatches(rule.service, entry.service);
}

std::string describeLogsource(const Logsource& logsource)
{
    return "product=" + logsource.product + " category=" + logsource.category +
           " service=" + logsource.service;
}

LogsourceDispatch::LogsourceDispatch(const FieldMapping& mapping) : mapping_(mapping)
{
    const auto& entries = mapping.entries();
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (const EventSelector& selector : entries[i].events) {
            const Candidate candidate{static_cast<std::uint32_t>(i), &selector};
            if (const SelectorTerm* app = columnTerm(selector, Column::App)) {
                for (const std::string& name : app->values)
                    by_app_[name].add(candidate);
            } else if (const SelectorTerm* format = columnTerm(selector, Column::Format)) {
                for (const std::string& name : format->values)
                    by_format_[name].add(candidate);
            } else {
                any_app_.add(candidate);
            }
        }
    for (auto& [name, bucket] : by_app_)
        bucket.index();
    for (auto& [name, bucket] : by_format_)
        bucket.index();
    any_app_.index();
}

void LogsourceDispatch::Bucket::index()
{
    auto fieldTerm = [](const EventSelector& selector, const std::string& key) -> const SelectorTerm* {
        for (const SelectorTerm& term : selector.terms)
            if (term.op == SelectorTerm::Op::Equals && term.target.kind == FieldTarget::Kind::Fields &&
                term.target.key == key)
                return &term;
        return nullptr;
    };
    std::map<std::string, std::size_t> counts;
    for (const Candidate& candidate : rest)
        for (const SelectorTerm& term : candidate.selector->terms)
            if (term.op == SelectorTerm::Op::Equals && term.target.kind == FieldTarget::Kind::Fields)
                ++counts[term.target.key];
    const auto best = std::max_element(counts.begin(), counts.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best == counts.end() || best->second < 2)
        return;
    key = best->first;
    std::vector<Candidate> others;
    for (const Candidate& candidate : rest) {
        if (const SelectorTerm* term = fieldTerm(*candidate.selector, key)) {
            for (const std::string& value : term->values)
                by_value[value].push_back(candidate);
        } else {
            others.push_back(candidate);
        }
    }
    rest = std::move(others);
}

void LogsourceDispatch::collect(const std::vector<Candidate>& candidates, const Event& event,
                                std::vector<std::size_t>& out) const
{
    FieldMemo memo;
    auto holds = [&](const EventSelector& selector) {
        return std::all_of(selector.terms.begin(), selector.terms.end(),
                           [&](const SelectorTerm& term) { return termHolds(term, event, memo); });
    };
    for (const Candidate& candidate : candidates)
        if ((out.empty() || std::find(out.begin(), out.end(), candidate.entry) == out.end()) &&
            holds(*candidate.selector))
            out.push_back(candidate.entry);
}

void LogsourceDispatch::collect(const Bucket& bucket, const Event& event, std::vector<std::size_t>& out) const
{
    collect(bucket.rest, event, out);
    if (bucket.key.empty())
        return;
    if (const std::string* value = event.field(bucket.key))
        if (const auto found = bucket.by_value.find(std::string_view(*value)); found != bucket.by_value.end())
            collect(found->second, event, out);
}

void LogsourceDispatch::entriesFor(const Event& event, std::vector<std::size_t>& out) const
{
    out.clear();
    if (const auto found = by_app_.find(std::string_view(event.app)); found != by_app_.end())
        collect(found->second, event, out);
    if (const auto found = by_format_.find(std::string_view(event.format)); found != by_format_.end())
        collect(found->second, event, out);
    collect(any_app_, event, out);
    std::sort(out.begin(), out.end());
}

std::vector<std::size_t> LogsourceDispatch::entriesFor(const Event& event) const
{
    std::vector<std::size_t> out;
    entriesFor(event, out);
    return out;
}

RuleEntries LogsourceDispatch::entriesForRule(const Logsource& logsource) const
{
    RuleEntries out;
    const auto& entries = mapping_.entries();
    if (logsource != Logsource{})
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (logsourceMatches(logsource, entries[i].logsource))
                out.entries.push_back(i);
    if (out.entries.empty())
        out.reason = "no mapping for logsource " + describeLogsource(logsource);
    return out;
}

} // namespace vigie::detect
