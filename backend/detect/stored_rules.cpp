// Built-in seeding and the detection of the stored rules (stored_rules.h). Any thread.
#include "detect/stored_rules.h"

#include "detect/sigma_loader.h"
#include "embedded_builtin_rules.h"
#include "store/migrator.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace vigie::detect {

int seedBuiltinRules(store::RuleStore& rules)
{
    int added = 0;
    for (const auto& file : resources::builtinSigmaRules()) {
        const std::string yaml(file.text);
        added += rules.seedBuiltin(std::string(file.name), yaml, sigmaIdsOf(yaml)) ? 1 : 0;
    }
    return added;
}

RuleText ruleTextOf(const store::StoredRule& rule)
{
    return {rule.name + " #" + std::to_string(rule.id), rule.yaml};
}

namespace {

// Applies the migrations (at start the table may not exist yet; a no-op when up to date) and
// seeds the built-in rules.
void prepare(store::PgConnection& db)
{
    store::applyMigrations(db);
    store::RuleStore rules(db);
    seedBuiltinRules(rules);
}

std::shared_ptr<LiveDetection> enabledDetection(store::PgConnection& db,
                                                const std::vector<std::filesystem::path>& paths)
{
    std::vector<RuleText> texts;
    for (const auto& rule : store::RuleStore(db).enabledRules())
        texts.push_back(ruleTextOf(rule));
    return detectionFromTexts(texts, paths);
}

} // namespace

std::shared_ptr<LiveDetection> loadStoredDetection(store::PgConnection& db,
                                                   const std::vector<std::filesystem::path>& paths)
{
    prepare(db);
    return enabledDetection(db, paths);
}

std::size_t RuleImportResult::storedCount() const
{
    return static_cast<std::size_t>(
        std::count_if(files.begin(), files.end(), [](const ImportedFile& f) { return f.id != 0; }));
}

namespace {

// The files an import reads: those given, and the Sigma files below the folders given (as
// loadSigmaPath finds them), each once.
std::vector<std::filesystem::path> ruleFiles(const std::vector<std::filesystem::path>& paths)
{
    std::vector<std::filesystem::path> unique;
    for (const auto& path : paths)
        for (auto& file : sigmaFiles(path))
            if (std::find(unique.begin(), unique.end(), file) == unique.end())
                unique.push_back(std::move(file));
    return unique;
}

std::optional<std::string> readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace

RuleImportResult importRuleFiles(store::RuleStore& rules, const std::vector<std::filesystem::path>& paths)
{
    const auto stored = rules.list();
    std::vector<RuleText> context;
    std::map<std::string, std::int64_t> stored_texts;
    for (const auto& rule : stored) {
        context.push_back(ruleTextOf(rule));
        stored_texts.emplace(rule.yaml, rule.id);
    }
    RuleImportResult result;
    std::vector<RuleText> texts;
    std::vector<std::size_t> text_file; // texts[i] is files[text_file[i]]
    for (const auto& file : ruleFiles(paths)) {
        result.files.push_back({file.string(), 0, {}});
        if (auto yaml = readText(file)) {
            texts.push_back({file.string(), std::move(*yaml)});
            text_file.push_back(result.files.size() - 1);
        } else {
            result.files.back().why_not = "cannot read the file";
        }
    }
    auto check = checkRuleTexts(texts, context);
    // Unreadable files are reported too, in path order with the rest.
    for (const auto& file : result.files)
        if (!file.why_not.empty())
            check.report.rules.push_back({file.path, 0, {}, {}, false, file.why_not});
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < result.files.size(); ++i)
        order.emplace(result.files[i].path, i);
    std::stable_sort(
        check.report.rules.begin(), check.report.rules.end(),
        [&](const RuleStatus& a, const RuleStatus& b) { return order.at(a.file) < order.at(b.file); });
    result.report = std::move(check.report);

    for (std::size_t i = 0; i < texts.size(); ++i) {
        ImportedFile& file = result.files[text_file[i]];
        const TextVerdict& verdict = check.verdicts[i];
        if (!verdict.ok()) {
            file.why_not = verdict.documents == 0 ? verdict.reason
                                                  : std::to_string(verdict.unsupported) + " of " +
                                                        std::to_string(verdict.documents) +
                                                        " documents cannot run: " + verdict.reason;
            continue;
        }
        if (const auto same = stored_texts.find(texts[i].yaml); same != stored_texts.end()) {
            file.why_not = "already stored as rule #" + std::to_string(same->second);
            continue;
        }
        store::StoredRule rule;
        rule.name = std::filesystem::path(file.path).filename().string();
        rule.yaml = texts[i].yaml;
        rule.origin = store::kRuleOriginImported;
        rule.rule_ids = verdict.ids;
        file.id = rules.add(rule).id;
        stored_texts.emplace(rule.yaml, file.id);
    }
    return result;
}

StoredRulesWatch::StoredRulesWatch(std::string conninfo, std::vector<std::filesystem::path> paths)
    : conninfo_(std::move(conninfo)), paths_(std::move(paths))
{
}

StoredRulesWatch::~StoredRulesWatch() = default;

store::PgConnection& StoredRulesWatch::connection()
{
    if (!db_ || !db_->healthy())
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    return *db_;
}

std::shared_ptr<LiveDetection> StoredRulesWatch::load()
{
    prepare(connection());
    // The stamp is read before the rules: a change made while building is seen at the next poll.
    stamp_ = store::RuleStore(connection()).changeStamp();
    return enabledDetection(connection(), paths_);
}

std::shared_ptr<LiveDetection> StoredRulesWatch::poll(std::string* error)
{
    try {
        if (store::RuleStore(connection()).changeStamp() == stamp_)
            return nullptr;
        return load();
    } catch (const store::StoreError& e) {
        db_.reset();
        if (error)
            *error = e.what();
        return nullptr;
    }
}

} // namespace vigie::detect
