#include "store/rollup_builder.h"

#include <algorithm>

namespace vigie::store {
namespace {

std::optional<std::string> textOrNull(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional(text);
}

} // namespace

void RollupBuilder::add(const Event& event)
{
    const auto minute = std::chrono::floor<std::chrono::minutes>(event.ts);
    Key key{std::chrono::duration_cast<std::chrono::seconds>(minute.time_since_epoch()).count(),
            event.host,
            event.category,
            event.action,
            event.outcome,
            event.severity};
    ++counts_[std::move(key)];
    // A batch is mostly one or two hours: the common case is the last hour noted.
    const auto hour =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::floor<std::chrono::hours>(event.ts).time_since_epoch())
            .count();
    if (hours_.empty() || hours_.back() != hour) {
        const auto at = std::lower_bound(hours_.begin(), hours_.end(), hour);
        if (at == hours_.end() || *at != hour)
            hours_.insert(at, hour);
    }
}

std::optional<std::string> RollupBuilder::touchedHoursParameter() const
{
    std::vector<std::optional<std::string>> hours;
    hours.reserve(hours_.size());
    for (const auto hour : hours_)
        hours.emplace_back(std::to_string(hour));
    return arrayLiteral(hours);
}

std::string_view RollupBuilder::upsertStatement()
{
    // to_timestamp of whole seconds is exact; the key constraint is NULLS NOT DISTINCT, so a
    // row whose dimensions are NULL is found and added to like any other.
    return "INSERT INTO event_counts_1m (minute, host, category, action, outcome, severity, count) "
           "SELECT to_timestamp(m), h, c, a, o, s, n "
           "FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], "
           "$7::bigint[]) AS r(m, h, c, a, o, s, n) "
           "ON CONFLICT ON CONSTRAINT event_counts_1m_key "
           "DO UPDATE SET count = event_counts_1m.count + EXCLUDED.count";
}

std::vector<std::optional<std::string>> RollupBuilder::upsertParameters() const
{
    std::vector<std::vector<std::optional<std::string>>> columns(7);
    for (auto& column : columns)
        column.reserve(counts_.size());
    for (const auto& [key, count] : counts_) {
        columns[0].emplace_back(std::to_string(key.minute));
        columns[1].push_back(textOrNull(key.host));
        columns[2].push_back(textOrNull(key.category));
        columns[3].push_back(textOrNull(key.action));
        columns[4].push_back(textOrNull(key.outcome));
        columns[5].push_back(key.severity ? std::optional(std::to_string(*key.severity)) : std::nullopt);
        columns[6].emplace_back(std::to_string(count));
    }
    std::vector<std::optional<std::string>> params;
    params.reserve(columns.size());
    for (const auto& column : columns)
        params.emplace_back(arrayLiteral(column));
    return params;
}

std::string RollupBuilder::arrayLiteral(const std::vector<std::optional<std::string>>& values)
{
    // Every element is double-quoted (so "NULL", commas, braces and spaces stay text) with
    // backslash and quote escaped; only a missing value is the bare word NULL.
    std::string literal = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            literal += ',';
        if (!values[i]) {
            literal += "NULL";
            continue;
        }
        literal += '"';
        for (const char c : *values[i]) {
            if (c == '"' || c == '\\')
                literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    literal += '}';
    return literal;
}

} // namespace vigie::store
