#pragma once
// The rules the engine runs at start: the built-in rules seeded into `detection_rules` (when
// absent, so an analyst's disable or edit stays), then every enabled stored text. Used by the
// workstation session, the rule manager's worker and `vigiectl serve`. Any thread, with a
// connection of that thread.
#include "detect/rule_texts.h"
#include "store/rule_store.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace vigie::detect {

// Adds each built-in rule file not stored yet (keyed by file name); returns how many.
int seedBuiltinRules(store::RuleStore& rules);

// A stored text for the loader, labelled "NAME #ID" (unique, and readable in reports).
RuleText ruleTextOf(const store::StoredRule& rule);

// Applies the migrations, seeds the built-in rules, then builds the detection of every enabled stored text
// plus the rule files under `paths`. Throws store::StoreError.
std::shared_ptr<LiveDetection> loadStoredDetection(store::PgConnection& db,
                                                   const std::vector<std::filesystem::path>& paths = {});

// What importing rule files did with each file.
struct ImportedFile {
    std::string path;
    std::int64_t id = 0; // the stored rule; 0 when not stored
    std::string why_not; // when not stored: unsupported documents, already stored, unreadable
};

struct RuleImportResult {
    CheckReport report;              // every document of every file (labelled by path), in order
    std::vector<ImportedFile> files; // in path order
    std::size_t storedCount() const;
};

// Imports every file given and every *.yml / *.yaml below the folders given: a file is one
// stored text (named by its file name, origin 'imported') when each of its documents can run;
// otherwise it is reported, not stored. A text identical to a stored one is not stored again.
// Correlations may name rules of other files of the import or of the stored rules.
// Throws store::StoreError.
RuleImportResult importRuleFiles(store::RuleStore& rules, const std::vector<std::filesystem::path>& paths);

// For a collector (`vigiectl serve`): notices the changes analysts make to the stored rules
// from any desktop by polling RuleStore::changeStamp(), and builds the detection again. Keeps
// its own connection, reopened after a failure. One thread.
class StoredRulesWatch {
public:
    StoredRulesWatch(std::string conninfo, std::vector<std::filesystem::path> paths);
    ~StoredRulesWatch();

    // The detection of the stored rules now. Throws store::StoreError.
    std::shared_ptr<LiveDetection> load();
    // A new detection when the stored rules changed since the last load() or poll(), else
    // null. A database error is kept in *error and retried at the next poll.
    std::shared_ptr<LiveDetection> poll(std::string* error = nullptr);

private:
    store::PgConnection& connection();

    std::string conninfo_;
    std::vector<std::filesystem::path> paths_;
    std::unique_ptr<store::PgConnection> db_;
    std::string stamp_;
};

} // namespace vigie::detect
