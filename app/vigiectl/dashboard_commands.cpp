// vigiectl dashboards list|import|export: the dashboards stored in a database (those every
// desktop on it shows as tabs), moved between databases as JSON format v1 files
// (docs/DASHBOARDS.md) without opening the desktop. Runs on the main thread, one connection.
#include "commands.h"
#include "options.h"

#include "dashboard/dashboard_spec.h"
#include "store/dashboard_store.h"
#include "store/migrator.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace vigie::cli {
namespace {

constexpr const char* kImportedSuffix = " (imported)";

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// One line per dashboard in tab order: id, uid, version, builtin key (- for the analysts' own), name.
int list(const Options& options)
{
    store::PgConnection db(options.get("database").value_or(""));
    store::applyMigrations(db); // as every vigiectl command on a database does
    for (const auto& dashboard : store::DashboardStore(db).list())
        std::printf("%lld\t%s\tv%d\t%s\t%s\n", static_cast<long long>(dashboard.id), dashboard.uid.c_str(),
                    dashboard.version, dashboard.builtin.empty() ? "-" : dashboard.builtin.c_str(),
                    dashboard.name.c_str());
    return 0;
}

// The copy of an import whose uid (or name) is taken: a new uid, the analysts' own.
store::StoredDashboard addCopy(store::DashboardStore& store, dashboard::DashboardSpec spec)
{
    spec.uid.clear();
    spec.builtin.clear();
    spec.name += kImportedSuffix;
    return store.add(std::move(spec));
}

// Stores one file; prints what happened. Throws DashboardFormatError (with the JSON path) or
// StoreError.
void importOne(store::DashboardStore& store, const std::string& path, bool replace)
{
    dashboard::DashboardSpec spec = dashboard::readDashboard(readFile(path));
    const auto known = spec.uid.empty() ? std::nullopt : store.findByUid(spec.uid);
    if (known && replace) {
        const auto stored = store.update(known->summary.id, std::move(spec), known->summary.version);
        std::printf("replaced  %s  %s  %s\n", path.c_str(), stored.summary.uid.c_str(),
                    stored.summary.name.c_str());
        return;
    }
    if (known) {
        const auto stored = addCopy(store, std::move(spec));
        std::printf("copied  %s  %s  %s  (uid %s is stored already; --replace replaces it)\n", path.c_str(),
                    stored.summary.uid.c_str(), stored.summary.name.c_str(), known->summary.uid.c_str());
        return;
    }
    try {
        const auto stored = store.add(spec);
        std::printf("imported  %s  %s  %s\n", path.c_str(), stored.summary.uid.c_str(),
                    stored.summary.name.c_str());
    } catch (const store::DashboardConflictError&) {
        // Its name (or shipped key) belongs to another dashboard: keep both.
        const auto stored = addCopy(store, std::move(spec));
        std::printf("copied  %s  %s  %s  (the name was taken)\n", path.c_str(), stored.summary.uid.c_str(),
                    stored.summary.name.c_str());
    }
}

// Each FILE in turn; a file that cannot be read or stored is reported ("FILE: tiles[2].query:
// ...") and the others still go in. Exit 1 when any failed.
int importFiles(Arguments args)
{
    const bool replace = takeFlag(args, "--replace");
    const Options options = parseOptions(args, {"database"});
    if (options.positional.empty())
        throw std::invalid_argument("give at least one dashboard FILE (JSON)");
    store::PgConnection db(options.get("database").value_or(""));
    store::applyMigrations(db); // as every vigiectl command on a database does
    store::DashboardStore store(db);
    int failed = 0;
    for (const auto& path : options.positional) {
        try {
            importOne(store, path, replace);
        } catch (const dashboard::DashboardFormatError& e) {
            ++failed;
            std::cerr << "vigiectl dashboards import: " << path << ": "
                      << (e.path().empty() ? std::string("(whole file)") : e.path()) << ": " << e.problem()
                      << "\n";
        } catch (const std::exception& e) {
            ++failed;
            std::cerr << "vigiectl dashboards import: " << path << ": " << e.what() << "\n";
        }
    }
    const auto total = options.positional.size();
    std::printf("stored %zu of %zu files\n", total - static_cast<std::size_t>(failed), total);
    return failed == 0 ? 0 : 1;
}

// The canonical JSON of the dashboard named NAME or with uid UID, to stdout or -o FILE.
int exportOne(Arguments args)
{
    // -o FILE is the usual spelling for an output file; parseOptions knows --output.
    for (auto& arg : args)
        if (arg == "-o")
            arg = "--output";
    const Options options = parseOptions(args, {"database", "output"});
    if (options.positional.size() != 1)
        throw std::invalid_argument("give exactly one dashboard NAME or UID");
    const std::string& wanted = options.positional.front();
    store::PgConnection db(options.get("database").value_or(""));
    store::applyMigrations(db); // as every vigiectl command on a database does
    store::DashboardStore store(db);
    std::optional<store::StoredDashboard> found;
    for (const auto& summary : store.list())
        if (summary.name == wanted || summary.uid == wanted)
            found = store.find(summary.id);
    if (!found)
        throw std::runtime_error("no dashboard is named or has the uid '" + wanted +
                                 "' (vigiectl dashboards list shows them)");
    const std::string text = dashboard::writeDashboard(found->spec);
    const auto output = options.get("output");
    if (!output) {
        std::cout << text;
        return 0;
    }
    std::ofstream out(*output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
        throw std::runtime_error(*output + ": cannot be written");
    return 0;
}

} // namespace

int dashboards(const Arguments& args)
{
    if (args.empty())
        return guarded("dashboards", []() -> int {
            throw std::invalid_argument("give list, import or export (see vigiectl --help)");
        });
    const std::string sub = args.front();
    const Arguments rest(args.begin() + 1, args.end());
    if (sub == "list")
        return guarded("dashboards list", [&] { return list(parseOptions(rest, {"database"})); });
    if (sub == "import")
        return guarded("dashboards import", [&] { return importFiles(rest); });
    if (sub == "export")
        return guarded("dashboards export", [&] { return exportOne(rest); });
    return guarded("dashboards",
                   [&]() -> int { throw std::invalid_argument("unknown dashboards command '" + sub + "'"); });
}

} // namespace vigie::cli
