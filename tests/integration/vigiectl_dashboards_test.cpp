// `vigiectl dashboards list|import|export` as an administrator moves dashboards between
// databases: export then import into a fresh database then export again gives the same bytes;
// importing a uid that is stored already makes a copy, or replaces it with --replace; a bad file
// is refused with the JSON path of its problem while the good ones go in.
#include "store/dashboard_store.h"
#include "store/migrator.h"
#include "store/pg_connection.h"
#include "support/child_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using namespace vigie;

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs vigiectl; returns its exit code, standard output in `out`, standard error in `err`.
int vigiectl(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr)
{
    args.insert(args.begin(), VIGIECTL_PATH);
    test::ChildProcess child(std::move(args));
    std::string errors;
    for (std::string line = child.readErrorLine(); !line.empty(); line = child.readErrorLine())
        errors += line + "\n";
    const int code = child.wait();
    if (out)
        *out = child.output();
    if (err)
        *err = errors;
    return code;
}

class VigiectlDashboards : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = std::filesystem::temp_directory_path() / ("vigie-dashboards-" + source_.name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        store::PgConnection db(source_.conninfo());
        store::applyMigrations(db);
        store::DashboardStore(db).seedBuiltins(); // as the desktop does at its first start
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    test::TestDatabase source_{"vigiectl_dashboards_a"};
    test::TestDatabase target_{"vigiectl_dashboards_b"};
    std::filesystem::path dir_;
};

TEST_F(VigiectlDashboards, ExportImportExportGivesTheSameBytes)
{
    std::string listed;
    ASSERT_EQ(vigiectl({"dashboards", "list", "--database", source_.conninfo()}, &listed), 0);
    EXPECT_NE(listed.find("\tsoc-overview\tSOC overview\n"), std::string::npos) << listed;
    EXPECT_NE(listed.find("\tnetwork-ids\tNetwork and IDS\n"), std::string::npos) << listed;

    const auto first = dir_ / "soc.json";
    ASSERT_EQ(vigiectl({"dashboards", "export", "--database", source_.conninfo(), "SOC overview", "-o",
                        first.string()}),
              0);
    std::string imported;
    ASSERT_EQ(vigiectl({"dashboards", "import", "--database", target_.conninfo(), first.string()}, &imported),
              0);
    EXPECT_NE(
        imported.find("imported  " + first.string() + "  6f1d2c1e-3b0a-4c52-9a7e-1d5b0c9e4a01  SOC overview"),
        std::string::npos)
        << imported;
    // Exported by uid this time, to standard output.
    std::string second;
    ASSERT_EQ(vigiectl({"dashboards", "export", "--database", target_.conninfo(),
                        "6f1d2c1e-3b0a-4c52-9a7e-1d5b0c9e4a01"},
                       &second),
              0);
    EXPECT_EQ(second, readFile(first));
    EXPECT_EQ(second.back(), '\n');
}

TEST_F(VigiectlDashboards, AKnownUidIsCopiedOrReplaced)
{
    const auto file = dir_ / "network.json";
    ASSERT_EQ(vigiectl({"dashboards", "export", "--database", source_.conninfo(), "Network and IDS", "-o",
                        file.string()}),
              0);
    // Back into the database it came from: a copy, the analysts' own, with a new uid.
    std::string out;
    ASSERT_EQ(vigiectl({"dashboards", "import", "--database", source_.conninfo(), file.string()}, &out), 0);
    EXPECT_NE(out.find("copied  "), std::string::npos) << out;
    store::PgConnection db(source_.conninfo());
    store::DashboardStore store(db);
    std::optional<store::DashboardSummary> copy;
    for (const auto& summary : store.list())
        if (summary.name == "Network and IDS (imported)")
            copy = summary;
    ASSERT_TRUE(copy.has_value());
    EXPECT_NE(copy->uid, "6f1d2c1e-3b0a-4c52-9a7e-1d5b0c9e4a03");
    EXPECT_TRUE(copy->builtin.empty());

    // --replace: the stored one takes the file's definition (here: a new name), keeps its uid.
    std::string text = readFile(file);
    const std::string name = "\"name\": \"Network and IDS\"";
    ASSERT_NE(text.find(name), std::string::npos) << text;
    text.replace(text.find(name), name.size(), "\"name\": \"Network (edited)\"");
    std::ofstream(file, std::ios::trunc) << text;
    ASSERT_EQ(vigiectl({"dashboards", "import", "--database", source_.conninfo(), "--replace", file.string()},
                       &out),
              0);
    EXPECT_NE(out.find("replaced  "), std::string::npos) << out;
    const auto replaced = store.findByUid("6f1d2c1e-3b0a-4c52-9a7e-1d5b0c9e4a03");
    ASSERT_TRUE(replaced.has_value());
    EXPECT_EQ(replaced->summary.name, "Network (edited)");
    EXPECT_EQ(replaced->summary.builtin, "network-ids");
    EXPECT_EQ(replaced->summary.version, 2);
}

TEST_F(VigiectlDashboards, ABadFileIsReportedWithItsJsonPathAndTheOthersGoIn)
{
    const auto good = dir_ / "good.json";
    ASSERT_EQ(vigiectl({"dashboards", "export", "--database", source_.conninfo(), "SOC overview", "-o",
                        good.string()}),
              0);
    std::string text = readFile(good);
    const std::string kind = "\"kind\": \"heatmap\"";
    ASSERT_NE(text.find(kind), std::string::npos);
    text.replace(text.find(kind), kind.size(), "\"kind\": \"median\"");
    const auto bad = dir_ / "bad.json";
    std::ofstream(bad) << text;

    std::string out, err;
    EXPECT_EQ(
        vigiectl({"dashboards", "import", "--database", target_.conninfo(), bad.string(), good.string()},
                 &out, &err),
        1);
    EXPECT_NE(err.find("vigiectl dashboards import: " + bad.string() + ": tiles["), std::string::npos) << err;
    EXPECT_NE(err.find("].aggregation.kind: "), std::string::npos) << err;
    EXPECT_NE(out.find("stored 1 of 2 files\n"), std::string::npos) << out;

    EXPECT_EQ(vigiectl({"dashboards", "export", "--database", target_.conninfo(), "No such dashboard"},
                       nullptr, &err),
              1);
    EXPECT_NE(err.find("no dashboard is named or has the uid 'No such dashboard'"), std::string::npos) << err;
}

} // namespace
