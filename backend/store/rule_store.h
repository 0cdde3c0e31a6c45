#pragma once
// RuleStore: the `detection_rules` table (migration 0008) — the Sigma texts the engine runs,
// one row per text as imported or edited, each enabled or not. Every value travels as a
// parameter. Borrows one PgConnection; like it, one thread. Knows nothing of Sigma: callers
// give the ids of a text's documents (detect::sigmaIdsOf) and check texts before storing.
#include "event/event.h"
#include "store/pg_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::store {

// 'builtin': shipped with Vigie; 'imported': from files; 'custom': written in the rule editor.
inline constexpr const char* kRuleOriginBuiltin = "builtin";
inline constexpr const char* kRuleOriginImported = "imported";
inline constexpr const char* kRuleOriginCustom = "custom";

struct StoredRule {
    std::int64_t id = 0; // 0 until stored
    std::string name;    // file name or title
    std::string yaml;    // one or more Sigma documents, exactly as imported or edited
    bool enabled = true;
    std::string origin = kRuleOriginCustom;
    std::vector<std::string> rule_ids; // Sigma ids of its documents
    Timestamp updated_at{};
    int version = 1; // bumped by each change of the text (not by enabling or disabling)
};

// An edit made on an older version of the text than the stored one (someone else saved
// meanwhile), or on a rule that is gone: nothing was changed.
class StaleRuleError : public StoreError {
public:
    using StoreError::StoreError;
};

class RuleStore {
public:
    explicit RuleStore(PgConnection& db) : db_(db) {}

    // Every stored text, in id order (the order they were added).
    std::vector<StoredRule> list();
    std::optional<StoredRule> find(std::int64_t id);
    // The enabled texts, in id order: what the engine runs.
    std::vector<StoredRule> enabledRules();

    // Stores a new text (rule.id and version ignored); returns the row as stored.
    StoredRule add(const StoredRule& rule);
    // Puts back a removed row with the id, name, origin and enabled state it had (undo of
    // remove); the text is a new version. Throws SqlError when that id is taken again.
    StoredRule restore(const StoredRule& rule);
    // Replaces the text of `id` if its version is still `expected_version`; throws
    // StaleRuleError otherwise (or when the rule is gone).
    StoredRule updateText(std::int64_t id, const std::string& yaml, const std::vector<std::string>& rule_ids,
                          int expected_version);
    // Throws StaleRuleError when the rule is gone.
    StoredRule setEnabled(std::int64_t id, bool enabled);
    // Removes the row and returns it as it was, for undo; nullopt when it was already gone.
    // A built-in rule cannot be removed (it would come back at the next start): StoreError
    // saying to disable it instead.
    std::optional<StoredRule> remove(std::int64_t id);

    // Adds a built-in text under `name` unless a built-in of that name is stored, whatever
    // the analyst did to it (disabled or edited); true when it was added.
    bool seedBuiltin(const std::string& name, const std::string& yaml,
                     const std::vector<std::string>& rule_ids);

    // Changes whenever a row is added, edited, enabled, disabled or removed: lets a collector
    // poll cheaply for changes made by analysts elsewhere.
    std::string changeStamp();

private:
    std::vector<StoredRule> query(const std::string& where,
                                  const std::vector<std::optional<std::string>>& params);
    StoredRule single(const std::string& sql, const std::vector<std::optional<std::string>>& params);

    PgConnection& db_;
};

} // namespace vigie::store
