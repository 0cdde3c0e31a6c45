// RuleStore: parameterised statements over `detection_rules`. One thread (see the header).
#include "store/rule_store.h"

namespace vigie::store {
namespace {

// Sigma ids are UUIDs or simple names: they travel joined by newlines, which none contains,
// and become text[] in SQL (string_to_array), so no array literal is built by hand.
std::string joinIds(const std::vector<std::string>& ids)
{
    std::string joined;
    for (const auto& id : ids)
        joined += (joined.empty() ? "" : "\n") + id;
    return joined;
}

std::vector<std::string> splitIds(std::string_view joined)
{
    std::vector<std::string> ids;
    while (!joined.empty()) {
        const auto end = joined.find('\n');
        ids.emplace_back(joined.substr(0, end));
        joined = end == std::string_view::npos ? std::string_view() : joined.substr(end + 1);
    }
    return ids;
}

constexpr const char* kColumns = "id, name, yaml, enabled, origin, array_to_string(rule_ids, E'\\n'), "
                                 "(extract(epoch FROM updated_at) * 1000000)::bigint, version";

StoredRule rowOf(const PgResult& result, int row)
{
    StoredRule rule;
    rule.id = result.integer(row, 0);
    rule.name = result.text(row, 1);
    rule.yaml = result.text(row, 2);
    rule.enabled = result.text(row, 3) == "t";
    rule.origin = result.text(row, 4);
    rule.rule_ids = splitIds(result.text(row, 5));
    rule.updated_at = Timestamp(std::chrono::microseconds(result.integer(row, 6)));
    rule.version = static_cast<int>(result.integer(row, 7));
    return rule;
}

} // namespace

std::vector<StoredRule> RuleStore::query(const std::string& where,
                                         const std::vector<std::optional<std::string>>& params)
{
    const auto result = db_.exec(
        std::string("SELECT ") + kColumns + " FROM detection_rules " + where + " ORDER BY id", params);
    std::vector<StoredRule> rules;
    rules.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row)
        rules.push_back(rowOf(result, row));
    return rules;
}

StoredRule RuleStore::single(const std::string& sql, const std::vector<std::optional<std::string>>& params)
{
    const auto result = db_.exec(sql + " RETURNING " + kColumns, params);
    if (result.rows() != 1)
        throw StaleRuleError("the rule is no longer stored: someone removed it meanwhile");
    return rowOf(result, 0);
}

std::vector<StoredRule> RuleStore::list()
{
    return query({}, {});
}

std::optional<StoredRule> RuleStore::find(std::int64_t id)
{
    auto rules = query("WHERE id = $1", {std::to_string(id)});
    return rules.empty() ? std::nullopt : std::optional(std::move(rules.front()));
}

std::vector<StoredRule> RuleStore::enabledRules()
{
    return query("WHERE enabled", {});
}

StoredRule RuleStore::add(const StoredRule& rule)
{
    return single(
        "INSERT INTO detection_rules (name, yaml, enabled, origin, rule_ids) "
        "VALUES ($1, $2, $3, $4, string_to_array($5, E'\\n'))",
        {rule.name, rule.yaml, rule.enabled ? "true" : "false", rule.origin, joinIds(rule.rule_ids)});
}

StoredRule RuleStore::restore(const StoredRule& rule)
{
    // Explicit ids do not advance the sequence; it only ever handed out ids above this one.
    return single("INSERT INTO detection_rules (id, name, yaml, enabled, origin, rule_ids) "
                  "VALUES ($1, $2, $3, $4, $5, string_to_array($6, E'\\n'))",
                  {std::to_string(rule.id), rule.name, rule.yaml, rule.enabled ? "true" : "false",
                   rule.origin, joinIds(rule.rule_ids)});
}

StoredRule RuleStore::updateText(std::int64_t id, const std::string& yaml,
                                 const std::vector<std::string>& rule_ids, int expected_version)
{
    const auto result =
        db_.exec(std::string("UPDATE detection_rules SET yaml = $2, "
                             "rule_ids = string_to_array($3, E'\\n'), version = version + 1, "
                             "updated_at = now() WHERE id = $1 AND version = $4 RETURNING ") +
                     kColumns,
                 {std::to_string(id), yaml, joinIds(rule_ids), std::to_string(expected_version)});
    if (result.rows() == 1)
        return rowOf(result, 0);
    const auto current = find(id);
    if (!current)
        throw StaleRuleError("the rule is no longer stored: someone removed it meanwhile");
    throw StaleRuleError("the rule was changed meanwhile (version " + std::to_string(current->version) +
                         ", the edit was made on version " + std::to_string(expected_version) +
                         "): reload it and apply the edit again");
}

StoredRule RuleStore::setEnabled(std::int64_t id, bool enabled)
{
    return single("UPDATE detection_rules SET enabled = $2, updated_at = now() WHERE id = $1",
                  {std::to_string(id), enabled ? "true" : "false"});
}

std::optional<StoredRule> RuleStore::remove(std::int64_t id)
{
    const auto current = find(id);
    if (current && current->origin == kRuleOriginBuiltin)
        throw StoreError(
            "built-in rules cannot be removed (they come back at the next start): disable it instead");
    const auto result =
        db_.exec(std::string("DELETE FROM detection_rules WHERE id = $1 AND origin <> 'builtin' "
                             "RETURNING ") +
                     kColumns,
                 {std::to_string(id)});
    return result.rows() == 1 ? std::optional(rowOf(result, 0)) : std::nullopt;
}

bool RuleStore::seedBuiltin(const std::string& name, const std::string& yaml,
                            const std::vector<std::string>& rule_ids)
{
    const auto result = db_.exec("INSERT INTO detection_rules (name, yaml, origin, rule_ids) "
                                 "VALUES ($1, $2, 'builtin', string_to_array($3, E'\\n')) "
                                 "ON CONFLICT (name) WHERE origin = 'builtin' DO NOTHING RETURNING id",
                                 {name, yaml, joinIds(rule_ids)});
    return result.rows() == 1;
}

std::string RuleStore::changeStamp()
{
    // A removal lowers the count; any other change moves max(updated_at).
    const auto result =
        db_.exec("SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') FROM detection_rules");
    return std::string(result.text(0, 0));
}

} // namespace vigie::store
