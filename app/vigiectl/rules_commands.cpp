// vigiectl rules check|test|hunt|import|list: which Sigma rules Vigie can run, which events of a
// file they match, what they find in stored history, and the rules stored in the database
// (those every engine on it runs).
#include "commands.h"
#include "options.h"

#include "detect/event_input.h"
#include "detect/live_detection.h"
#include "detect/retro_hunt.h"
#include "detect/sigma_loader.h"
#include "detect/stored_rules.h"
#include "event/event_json.h"
#include "store/migrator.h"
#include "store/rule_store.h"

#include <cstdio>

namespace vigie::cli {
namespace {

detect::LoadResult loadRules(const std::vector<std::string>& paths)
{
    if (paths.empty())
        throw std::invalid_argument("give at least one rule FILE or folder");
    detect::LoadResult loaded;
    for (const auto& path : paths)
        detect::loadSigmaPath(path, loaded);
    detect::resolveCorrelations(loaded);
    return loaded;
}

detect::FieldMapping mappingOption(const Options& options)
{
    const auto file = options.get("mapping");
    return detect::FieldMapping::load(file ? std::optional<std::filesystem::path>(*file) : std::nullopt);
}

// One line per document: "ok  FILE  ID  TITLE" or "unsupported: REASON  FILE  ID", then a
// total.
void printReport(const detect::CheckReport& report)
{
    for (const auto& rule : report.rules) {
        if (rule.ok)
            std::printf("ok  %s  %s  %s\n", rule.file.c_str(), rule.id.c_str(), rule.title.c_str());
        else
            std::printf("unsupported: %s  %s  %s\n", rule.reason.c_str(), rule.file.c_str(), rule.id.c_str());
    }
    const std::size_t total = report.rules.size();
    const std::size_t ok = report.okCount();
    std::printf("total %zu: ok %zu, unsupported %zu (%.1f %% ok)\n", total, ok, total - ok,
                total ? 100.0 * static_cast<double>(ok) / static_cast<double>(total) : 100.0);
}

// The report of printReport. Exit 0 even when some cannot run (that is the report), 2 on bad
// usage.
int check(const Options& options)
{
    auto loaded = loadRules(options.positional);
    const auto correlations = loaded.correlations;
    const detect::LiveDetection detection(std::move(loaded), mappingOption(options));
    auto report = detection.report();
    for (const auto& correlation : correlations) {
        detect::RuleStatus status{correlation.file, correlation.doc_index, correlation.id, {}, true, {}};
        status.title = correlation.title + " (correlation)";
        report.rules.push_back(std::move(status));
    }
    printReport(report);
    return 0;
}

// Stores the files that can run in `detection_rules` (every engine on the database picks them
// up: the desktop at once, `vigiectl serve` within seconds); prints the report of `rules
// check`, then one line per file not stored and a summary. Exit 0, 2 on bad usage.
int importRules(const Options& options)
{
    if (options.positional.empty())
        throw std::invalid_argument("give at least one rule FILE or folder");
    store::PgConnection db(options.get("database").value_or(""));
    store::applyMigrations(db);
    store::RuleStore rules(db);
    std::vector<std::filesystem::path> paths(options.positional.begin(), options.positional.end());
    const auto result = detect::importRuleFiles(rules, paths);
    printReport(result.report);
    for (const auto& file : result.files)
        if (file.id == 0)
            std::printf("not stored: %s  %s\n", file.path.c_str(), file.why_not.c_str());
    std::printf("stored %zu of %zu files\n", result.storedCount(), result.files.size());
    return 0;
}

// One line per stored text: "ID<TAB>on|off<TAB>ORIGIN<TAB>vVERSION<TAB>NAME<TAB>IDS".
int listRules(const Options& options)
{
    store::PgConnection db(options.get("database").value_or(""));
    store::applyMigrations(db);
    store::RuleStore rules(db);
    detect::seedBuiltinRules(rules);
    for (const auto& rule : rules.list()) {
        std::string ids;
        for (const auto& id : rule.rule_ids)
            ids += (ids.empty() ? "" : ",") + id;
        std::printf("%lld\t%s\t%s\tv%d\t%s\t%s\n", static_cast<long long>(rule.id),
                    rule.enabled ? "on" : "off", rule.origin.c_str(), rule.version, rule.name.c_str(),
                    ids.c_str());
    }
    return 0;
}

std::string groupText(const detect::CorrelationAlert& alert)
{
    std::string text;
    for (const auto& [name, value] : alert.group)
        text += (text.empty() ? "" : " ") + name + "=" + value;
    return text;
}

void printFired(const std::vector<detect::CorrelationAlert>& fired)
{
    for (const auto& alert : fired)
        std::printf("corr\t%s\t%s\t%s\t%s\n", alert.id.c_str(), groupText(alert).c_str(),
                    formatTimestamp(alert.window_start).c_str(), formatTimestamp(alert.window_end).c_str());
}

// For each event the rules match: "LINE<TAB>ID[,ID...]"; each correlation firing:
// "corr<TAB>ID<TAB>GROUP<TAB>WINDOW START<TAB>WINDOW END"; then a summary on stderr.
int test(const Options& options)
{
    const auto events = options.get("events");
    if (!events)
        throw std::invalid_argument("give the events with --events FILE");
    auto detection =
        std::make_shared<detect::LiveDetection>(loadRules(options.all("rules")), mappingOption(options));
    detect::LiveDetection::Worker worker(detection);
    std::vector<std::size_t> rules;
    std::vector<detect::CorrelationAlert> fired;
    std::size_t read = 0, matched = 0, firings = 0;
    detect::forEachEvent(*events, [&](std::size_t line, Event&& event) {
        ++read;
        rules.clear();
        fired.clear();
        worker.match(event, rules, fired);
        if (!rules.empty()) {
            ++matched;
            std::string ids;
            for (const auto index : rules) {
                const auto& rule = detection->loaded().rules[index];
                ids += (ids.empty() ? "" : ",") + (rule.id.empty() ? rule.title : rule.id);
            }
            std::printf("%zu\t%s\n", line, ids.c_str());
        }
        firings += fired.size();
        printFired(fired);
    });
    fired.clear();
    detection->advance(Timestamp::max(), fired); // windows only the end of the file closes
    firings += fired.size();
    printFired(fired);
    std::fprintf(
        stderr,
        "vigiectl rules test: %zu events, %zu matched, %zu correlation firings; %zu rules ran, %zu cannot\n",
        read, matched, firings, detection->report().okCount(), detection->report().unsupportedCount());
    return 0;
}

// The enabled stored rules plus --rules over stored history; progress on stderr, then a summary.
int hunt(const Options& options)
{
    const auto from = options.get("from");
    if (!from)
        throw std::invalid_argument("give the start of the range with --from T");
    const Timestamp now = nowTimestamp();
    query::TimeRange range{timeOption(*from, now), timeOption(options.get("to").value_or("-0s"), now)};
    store::PgConnection db(options.get("database").value_or(""));
    const auto detection = detect::loadStoredDetection(db, rulePaths(options));
    int last_percent = -1;
    const auto result = detect::runRetroHunt(db, detection, range, [&](const detect::RetroHuntProgress& p) {
        const int percent = static_cast<int>(p.fraction * 100);
        if (percent / 10 != last_percent / 10)
            std::fprintf(stderr, "vigiectl rules hunt: %3d %%  %llu events, %llu hits\n", percent,
                         static_cast<unsigned long long>(p.events),
                         static_cast<unsigned long long>(p.alerts));
        last_percent = percent;
    });
    std::printf("events=%llu alerts=%llu\n", static_cast<unsigned long long>(result.events),
                static_cast<unsigned long long>(result.alerts));
    return 0;
}

} // namespace

int rules(const Arguments& args)
{
    if (args.empty())
        return guarded("rules", []() -> int {
            throw std::invalid_argument("give check, test, hunt, import or list (see vigiectl --help)");
        });
    const std::string sub = args.front();
    const Arguments rest(args.begin() + 1, args.end());
    if (sub == "check")
        return guarded("rules check", [&] { return check(parseOptions(rest, {"mapping"})); });
    if (sub == "hunt")
        return guarded("rules hunt", [&] {
            return hunt(parseOptions(rest, {"database", "from", "to", "rules"}));
        });
    if (sub == "import")
        return guarded("rules import", [&] { return importRules(parseOptions(rest, {"database"})); });
    if (sub == "list")
        return guarded("rules list", [&] { return listRules(parseOptions(rest, {"database"})); });
    if (sub == "test")
        return guarded("rules test", [&] {
            return test(parseOptions(rest, {"rules", "events", "mapping"}));
        });
    return guarded("rules",
                   [&]() -> int { throw std::invalid_argument("unknown rules command '" + sub + "'"); });
}

} // namespace vigie::cli
