// The prefilter soundness gate (design §6): every rule of the shared Sigma corpus against every
// shared event (Windows, SigmaHQ regression events, Linux auditd/syslog, loghub, Zeek,
// Suricata), the Detector (literal prefilter + evaluation of the candidates only) must report
// exactly the rules the reference evaluator finds when it runs every rule of every mapping
// entry the event belongs to. Then the 68 SigmaHQ regression pairs through the Detector with
// the whole corpus loaded: each pair's rule fires on its events as SigmaHQ's CI expects.
#include "detect/detector.h"
#include "detect/event_input.h"
#include "detect/sigma_loader.h"
#include "sigma_regression_pairs.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <regex>
#include <set>

namespace {

using namespace vigie;
using namespace vigie::detect;
namespace fs = std::filesystem;

std::shared_ptr<const CompiledRuleSet> corpusSet()
{
    static const std::shared_ptr<const CompiledRuleSet> set = [] {
        LoadResult loaded;
        for (const char* folder :
             {"sigma/rules", "sigma/rules-emerging-threats", "sigma/rules-threat-hunting"})
            loadSigmaPath(test::sharedData(folder), loaded);
        RuleSetBuild build = RuleSetBuilder::build(loaded, FieldMapping::builtIn());
        for (const RuleStatus& status : build.report.rules)
            if (!status.ok)
                std::cout << "unsupported: " << status.file << " " << status.id << ": " << status.reason
                          << "\n";
        std::cout << "rules " << build.report.rules.size() << ", ok " << build.report.okCount()
                  << ", always-run (summed over entries) " << build.set->alwaysRunCount() << "\n";
        return build.set;
    }();
    return set;
}

// Every shared event file the parsers read (Zeek TSV logs and the Suricata schema excepted).
std::vector<fs::path> eventFiles()
{
    std::vector<fs::path> files;
    auto walk = [&](const char* folder, auto accept) {
        for (const auto& item : fs::recursive_directory_iterator(test::sharedData(folder)))
            if (item.is_regular_file() && accept(item.path()))
                files.push_back(item.path());
    };
    const auto ext = [](const fs::path& p) { return p.extension().string(); };
    walk("windows", [&](const fs::path& p) { return ext(p) == ".json" || ext(p) == ".jsonl"; });
    walk("linux", [](const fs::path&) { return true; });
    walk("loghub", [&](const fs::path& p) { return ext(p) == ".log"; });
    walk("zeek", [&](const fs::path& p) {
        return ext(p) == ".json" || (ext(p) == ".log" && p.filename().string().starts_with("SCRANTON_"));
    });
    walk("suricata", [&](const fs::path& p) { return p.filename() != "eve_schema.json"; });
    for (const auto& pair : test::sigmaRegressionPairs())
        files.push_back(pair.event_file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

// The reference: every rule of every entry the event belongs to, a fresh view per entry.
std::vector<std::uint32_t> referenceMatches(const CompiledRuleSet& set, const Event& event,
                                            std::size_t& checked)
{
    std::set<std::uint32_t> matched;
    for (std::size_t entry : set.dispatch().entriesFor(event)) {
        const EntryRules* rules = set.entryRules(entry);
        if (!rules)
            continue;
        const EventView view(event, set.mapping().entries()[entry]);
        for (std::size_t i = 0; i < rules->rules.size(); ++i) {
            ++checked;
            if (rules->programs[i]->matches(view))
                matched.insert(rules->rules[i]);
        }
    }
    return {matched.begin(), matched.end()};
}

TEST(DetectEquivalence, DetectorEqualsTheReferenceEvaluatorOnEverySharedEvent)
{
    const auto set = corpusSet();
    ASSERT_GT(set->size(), 1600u);
    Detector detector(set);
    std::size_t events = 0, checked = 0, matches = 0, mismatches = 0;
    std::vector<RuleMatch> found;
    for (const fs::path& file : eventFiles()) {
        forEachEvent(file, [&](std::size_t line, Event&& event) {
            ++events;
            found.clear();
            detector.match(event, found);
            std::vector<std::uint32_t> fast;
            for (const RuleMatch& m : found) {
                fast.push_back(m.rule);
                EXPECT_EQ(m.event_ts, event.ts);
            }
            std::sort(fast.begin(), fast.end());
            const auto slow = referenceMatches(*set, event, checked);
            matches += slow.size();
            if (fast != slow) {
                ++mismatches;
                std::string missed, extra;
                for (std::uint32_t r : slow)
                    if (!std::binary_search(fast.begin(), fast.end(), r))
                        missed += " " + set->rule(r).compiled->rule().id;
                for (std::uint32_t r : fast)
                    if (!std::binary_search(slow.begin(), slow.end(), r))
                        extra += " " + set->rule(r).compiled->rule().id;
                ADD_FAILURE() << file << ":" << line << " missed [" << missed << " ] extra [" << extra
                              << " ]";
            }
        });
    }
    const auto& c = detector.counters();
    std::cout << "events " << events << ", rule x event checks " << checked << ", matches " << matches
              << ", mismatches " << mismatches << "; detector evaluated " << c.candidates << " candidates ("
              << static_cast<double>(c.candidates) / static_cast<double>(std::max<std::size_t>(events, 1))
              << " per event)\n";
    EXPECT_GT(events, 5000u);
    EXPECT_GT(matches, 0u);
    EXPECT_EQ(mismatches, 0u);
}

TEST(DetectEquivalence, EveryRegressionPairFiresWithTheWholeCorpusLoaded)
{
    const auto set = corpusSet();
    Detector detector(set);
    std::size_t pairs = 0, fired = 0;
    for (const auto& pair : test::sigmaRegressionPairs()) {
        ++pairs;
        const std::string& rule_id = pair.rule_id;
        const int expected = pair.expected_matches.value_or(1);
        SCOPED_TRACE(pair.rule_path);
        int matches = 0;
        std::vector<RuleMatch> found;
        forEachEvent(pair.event_file, [&](std::size_t, Event&& event) {
            found.clear();
            detector.match(event, found);
            matches += std::any_of(found.begin(), found.end(), [&](const RuleMatch& m) {
                return set->rule(m.rule).compiled->rule().id == rule_id;
            });
        });
        EXPECT_GE(matches, expected) << pair.event_file.string() << ": rule " << rule_id;
        fired += matches >= expected;
    }
    std::cout << "regression pairs firing through the Detector: " << fired << " / " << pairs << "\n";
    EXPECT_EQ(pairs, 68u);
}

} // namespace
