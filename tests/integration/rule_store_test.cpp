// Stored detection rules in a real PostgreSQL (`detection_rules`, migration 0008), as the Rule
// manager and `vigiectl serve` use them: the built-in rules are seeded once and an analyst's
// disable or edit survives every later start; an edit made on an older version is refused and
// changes nothing; a built-in cannot be removed, an imported rule can and comes back with its
// id; an import stores only the files that can run; the engine runs exactly the enabled texts.
#include "detect/stored_rules.h"
#include "store/migrator.h"
#include "store/rule_store.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace {

using namespace vigie;

const std::string kCustom =
    "title: Custom\nid: custom-1\nlevel: high\nlogsource: {product: linux, service: sshd}\n"
    "detection:\n  sel: {action: ssh_login}\n  condition: sel\n";

class RuleStoreTest : public ::testing::Test {
protected:
    void SetUp() override { store::applyMigrations(db_); }

    const store::StoredRule& builtin(const std::vector<store::StoredRule>& rules, const std::string& name)
    {
        const auto found =
            std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.name == name; });
        EXPECT_NE(found, rules.end()) << name;
        return *found;
    }

    test::TestDatabase database_{"rule_store"};
    store::PgConnection db_{database_.conninfo()};
    store::RuleStore rules_{db_};
};

TEST_F(RuleStoreTest, BuiltInRulesAreSeededOnceAndAnAnalystsChangesSurviveTheNextStart)
{
    EXPECT_EQ(detect::seedBuiltinRules(rules_), 3);
    EXPECT_EQ(detect::seedBuiltinRules(rules_), 0);
    auto all = rules_.list();
    ASSERT_EQ(all.size(), 3u);
    for (const auto& rule : all) {
        EXPECT_EQ(rule.origin, "builtin");
        EXPECT_TRUE(rule.enabled);
        EXPECT_FALSE(rule.rule_ids.empty());
    }
    // The brute-force file holds its two base rules and two chained correlations: four ids.
    EXPECT_EQ(builtin(all, "ssh_bruteforce_then_success.yml").rule_ids.size(), 4u);

    const auto sudo = builtin(all, "sudo_root_unusual_user.yml");
    rules_.setEnabled(sudo.id, false);
    const auto user = builtin(all, "local_user_created.yml");
    const std::string tuned = user.yaml + "\n# tuned by an analyst\n";
    rules_.updateText(user.id, tuned, user.rule_ids, user.version);

    EXPECT_EQ(detect::seedBuiltinRules(rules_), 0); // the next start
    all = rules_.list();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_FALSE(builtin(all, "sudo_root_unusual_user.yml").enabled);
    EXPECT_EQ(builtin(all, "local_user_created.yml").yaml, tuned);
    EXPECT_EQ(builtin(all, "local_user_created.yml").version, user.version + 1);
}

TEST_F(RuleStoreTest, AnEditOnAnOlderVersionIsRefusedAndChangesNothing)
{
    store::StoredRule rule;
    rule.name = "custom.yml";
    rule.yaml = kCustom;
    rule.rule_ids = {"custom-1"};
    const auto added = rules_.add(rule);
    EXPECT_EQ(added.version, 1);
    EXPECT_EQ(added.origin, "custom");
    EXPECT_EQ(added.rule_ids, std::vector<std::string>{"custom-1"});

    const auto first = rules_.updateText(added.id, kCustom + "# first\n", {"custom-1"}, 1);
    EXPECT_EQ(first.version, 2);
    try {
        rules_.updateText(added.id, kCustom + "# second, made on version 1\n", {"custom-1"}, 1);
        FAIL() << "a stale edit was accepted";
    } catch (const store::StaleRuleError& e) {
        EXPECT_NE(std::string(e.what()).find("changed meanwhile"), std::string::npos) << e.what();
    }
    EXPECT_EQ(rules_.find(added.id)->yaml, kCustom + "# first\n");
    EXPECT_EQ(rules_.find(added.id)->version, 2);
    // Enabling does not move the version: an editor open meanwhile can still save.
    rules_.setEnabled(added.id, false);
    EXPECT_EQ(rules_.updateText(added.id, kCustom, {"custom-1"}, 2).version, 3);
    EXPECT_THROW(rules_.updateText(added.id + 100, kCustom, {}, 1), store::StaleRuleError);
}

TEST_F(RuleStoreTest, BuiltInsAreDisabledNotRemovedAndARemovedRuleComesBackWithItsId)
{
    detect::seedBuiltinRules(rules_);
    const auto sudo = builtin(rules_.list(), "sudo_root_unusual_user.yml");
    EXPECT_THROW(rules_.remove(sudo.id), store::StoreError);
    EXPECT_EQ(rules_.list().size(), 3u);

    store::StoredRule rule;
    rule.name = "it's \"quoted\"; DROP TABLE detection_rules; --";
    rule.yaml = kCustom;
    rule.origin = store::kRuleOriginImported;
    rule.enabled = false;
    const auto added = rules_.add(rule);
    EXPECT_EQ(added.name, rule.name);
    const auto removed = rules_.remove(added.id);
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->yaml, kCustom);
    EXPECT_FALSE(rules_.find(added.id));
    EXPECT_FALSE(rules_.remove(added.id));

    const auto back = rules_.restore(*removed);
    EXPECT_EQ(back.id, added.id);
    EXPECT_EQ(back.name, rule.name);
    EXPECT_EQ(back.origin, "imported");
    EXPECT_FALSE(back.enabled);
    EXPECT_EQ(rules_.list().size(), 4u);
}

TEST_F(RuleStoreTest, AnImportStoresTheFilesThatCanRunAndReportsTheOthers)
{
    const auto dir = std::filesystem::temp_directory_path() / ("vigie-rule-import-" + database_.name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "sub");
    std::ofstream(dir / "good.yml") << kCustom;
    std::ofstream(dir / "sub" / "broken.yaml")
        << "title: Broken\nid: broken-1\nlogsource: {product: linux}\n"
           "detection:\n  sel: {a|nosuchmodifier: x}\n  condition: sel\n";
    // A correlation in one file naming a rule of another file of the same import.
    std::ofstream(dir / "sub" / "corr.yml")
        << "title: Many customs\nid: corr-1\ncorrelation:\n  type: event_count\n"
           "  rules: [custom-1]\n  group-by: [host]\n  timespan: 5m\n"
           "  condition: {gte: 3}\n";
    std::ofstream(dir / "notes.txt") << "not a rule";

    const auto result = detect::importRuleFiles(rules_, {dir});
    ASSERT_EQ(result.files.size(), 3u);
    EXPECT_EQ(result.storedCount(), 2u);
    ASSERT_EQ(result.report.rules.size(), 3u);
    EXPECT_EQ(result.report.okCount(), 2u);
    const auto broken = std::find_if(result.files.begin(), result.files.end(),
                                     [](const auto& f) { return f.path.ends_with("broken.yaml"); });
    ASSERT_NE(broken, result.files.end());
    EXPECT_EQ(broken->id, 0);
    EXPECT_NE(broken->why_not.find("unknown modifier nosuchmodifier"), std::string::npos) << broken->why_not;

    const auto stored = rules_.list();
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_EQ(stored[0].name, "good.yml");
    EXPECT_EQ(stored[0].origin, "imported");
    EXPECT_EQ(stored[0].rule_ids, std::vector<std::string>{"custom-1"});

    // The same files again: nothing is stored twice.
    const auto again = detect::importRuleFiles(rules_, {dir});
    EXPECT_EQ(again.storedCount(), 0u);
    EXPECT_EQ(rules_.list().size(), 2u);
    std::filesystem::remove_all(dir);
}

TEST_F(RuleStoreTest, TheEngineRunsTheEnabledStoredTexts)
{
    const auto all_builtins = detect::loadStoredDetection(db_);
    const std::size_t builtin_rules = all_builtins->ruleCount();
    EXPECT_EQ(builtin_rules, 4u); // three files: two base rules of the brute force, sudo, useradd
    EXPECT_EQ(all_builtins->report().unsupportedCount(), 0u);

    rules_.setEnabled(builtin(rules_.list(), "sudo_root_unusual_user.yml").id, false);
    store::StoredRule custom;
    custom.name = "custom.yml";
    custom.yaml = kCustom;
    rules_.add(custom);
    const auto detection = detect::loadStoredDetection(db_);
    EXPECT_EQ(detection->ruleCount(), builtin_rules); // one off, one on
    const auto& loaded = detection->loaded().rules;
    EXPECT_TRUE(std::none_of(loaded.begin(), loaded.end(),
                             [](const auto& r) { return r.title.starts_with("Sudo to root"); }));
    EXPECT_TRUE(std::any_of(loaded.begin(), loaded.end(), [](const auto& r) { return r.id == "custom-1"; }));

    // A collector notices the change (and only a change).
    detect::StoredRulesWatch watch(database_.conninfo(), {});
    watch.load();
    EXPECT_EQ(watch.poll(), nullptr);
    rules_.setEnabled(rules_.list().back().id, false);
    const auto reloaded = watch.poll();
    ASSERT_NE(reloaded, nullptr);
    EXPECT_EQ(reloaded->ruleCount(), builtin_rules - 1);
    EXPECT_EQ(watch.poll(), nullptr);
}

} // namespace
