// DashboardStore: parameterised statements over `dashboards`, definitions in the canonical
// format v1 text. One thread (see the header).
#include "store/dashboard_store.h"

#include "embedded_dashboards.h"
#include "store/settings_store.h"

namespace vigie::store {
namespace {

constexpr const char* kColumns = "id, position, uid::text, name, coalesce(builtin, ''), version, "
                                 "(extract(epoch FROM updated_at) * 1000000)::bigint, definition::text";

DashboardSummary summaryOf(const PgResult& result, int row)
{
    DashboardSummary summary;
    summary.id = result.integer(row, 0);
    summary.position = static_cast<int>(result.integer(row, 1));
    summary.uid = result.text(row, 2);
    summary.name = result.text(row, 3);
    summary.builtin = result.text(row, 4);
    summary.version = static_cast<int>(result.integer(row, 5));
    summary.updated_at = Timestamp(std::chrono::microseconds(result.integer(row, 6)));
    return summary;
}

// jsonb keeps neither key order nor spacing: the definition is read back into a spec, whose
// canonical text is what exports and comparisons use.
StoredDashboard dashboardOf(const PgResult& result, int row)
{
    return {summaryOf(result, row), dashboard::readDashboard(result.text(row, 7))};
}

// Called from a catch block. 23505 names the violated constraint (dashboards_name_key...).
[[noreturn]] void rethrowConflict(const SqlError& error, const dashboard::DashboardSpec& spec)
{
    if (error.sqlstate() != "23505")
        throw; // called from the handler: rethrows the original exception
    const std::string what = error.what();
    if (what.find("dashboards_uid_key") != std::string::npos)
        throw DashboardConflictError("a dashboard with the identifier " + spec.uid +
                                     " is already stored: import it as a copy or replace it");
    if (what.find("dashboards_builtin_key") != std::string::npos)
        throw DashboardConflictError("the shipped dashboard " + spec.builtin + " is already stored");
    throw DashboardConflictError("a dashboard named \"" + spec.name +
                                 "\" already exists: choose another name");
}

std::string idText(std::int64_t number)
{
    return std::to_string(number);
}

} // namespace

std::string seededSettingKey(const std::string& builtin)
{
    return "dashboards.seeded." + builtin;
}

std::vector<DashboardSummary> DashboardStore::list()
{
    const auto result =
        db_.exec(std::string("SELECT ") + kColumns + " FROM dashboards ORDER BY position, id");
    std::vector<DashboardSummary> summaries;
    summaries.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row)
        summaries.push_back(summaryOf(result, row));
    return summaries;
}

std::optional<StoredDashboard> DashboardStore::findWhere(const std::string& where, const std::string& value)
{
    const auto result =
        db_.exec(std::string("SELECT ") + kColumns + " FROM dashboards WHERE " + where, {value});
    if (result.rows() == 0)
        return std::nullopt;
    return dashboardOf(result, 0);
}

std::optional<StoredDashboard> DashboardStore::find(std::int64_t id)
{
    return findWhere("id = $1", idText(id));
}

std::optional<StoredDashboard> DashboardStore::findByUid(const std::string& uid)
{
    return findWhere("uid::text = lower($1)", uid);
}

StoredDashboard DashboardStore::insertRow(dashboard::DashboardSpec spec, std::optional<std::int64_t> id,
                                          std::optional<int> position, int version)
{
    if (spec.uid.empty())
        spec.uid = std::string(db_.exec("SELECT gen_random_uuid()::text").text(0, 0));
    dashboard::validate(spec);
    try {
        // An explicit id (restore) does not advance the identity; it only handed out ids above it.
        const auto result = db_.exec(
            std::string("INSERT INTO dashboards (id, position, uid, name, builtin, definition, version) "
                        "OVERRIDING SYSTEM VALUE VALUES ("
                        "coalesce($1::bigint, nextval(pg_get_serial_sequence('dashboards', 'id'))), "
                        "coalesce($2::integer, (SELECT coalesce(max(position), -1) + 1 FROM dashboards)), "
                        "$3::uuid, $4, NULLIF($5, ''), $6::jsonb, $7::integer) RETURNING ") +
                kColumns,
            {id ? std::optional(idText(*id)) : std::nullopt,
             position ? std::optional(std::to_string(*position)) : std::nullopt, spec.uid, spec.name,
             spec.builtin, dashboard::writeDashboard(spec), std::to_string(version)});
        return dashboardOf(result, 0);
    } catch (const SqlError& error) {
        rethrowConflict(error, spec);
    }
}

StoredDashboard DashboardStore::add(dashboard::DashboardSpec spec)
{
    return insertRow(std::move(spec), std::nullopt, std::nullopt, 1);
}

StoredDashboard DashboardStore::update(std::int64_t id, dashboard::DashboardSpec spec, int expected_version)
{
    const auto current = find(id);
    if (!current)
        throw StaleDashboardError("the dashboard is no longer stored: someone removed it meanwhile");
    spec.uid = current->summary.uid;
    spec.builtin = current->summary.builtin;
    dashboard::validate(spec);
    PgResult result = [&] {
        try {
            return db_.exec(
                std::string("UPDATE dashboards SET name = $2, definition = $3::jsonb, "
                            "version = version + 1, updated_at = now(), updated_by = current_user "
                            "WHERE id = $1 AND version = $4 RETURNING ") +
                    kColumns,
                {idText(id), spec.name, dashboard::writeDashboard(spec), std::to_string(expected_version)});
        } catch (const SqlError& error) {
            rethrowConflict(error, spec);
        }
    }();
    if (result.rows() == 1)
        return dashboardOf(result, 0);
    const auto now = find(id);
    if (!now)
        throw StaleDashboardError("the dashboard is no longer stored: someone removed it meanwhile");
    throw StaleDashboardError("the dashboard \"" + now->summary.name + "\" was changed meanwhile (version " +
                              std::to_string(now->summary.version) + ", the edit was made on version " +
                              std::to_string(expected_version) + "): reload it and apply the edit again");
}

StoredDashboard DashboardStore::rename(std::int64_t id, const std::string& name, int expected_version)
{
    const auto current = find(id);
    if (!current)
        throw StaleDashboardError("the dashboard is no longer stored: someone removed it meanwhile");
    auto spec = current->spec;
    spec.name = name;
    return update(id, std::move(spec), expected_version);
}

std::optional<StoredDashboard> DashboardStore::remove(std::int64_t id)
{
    const auto result =
        db_.exec(std::string("DELETE FROM dashboards WHERE id = $1 RETURNING ") + kColumns, {idText(id)});
    if (result.rows() == 0)
        return std::nullopt;
    return dashboardOf(result, 0);
}

StoredDashboard DashboardStore::restore(const StoredDashboard& dashboard)
{
    auto spec = dashboard.spec;
    spec.uid = dashboard.summary.uid;
    spec.builtin = dashboard.summary.builtin;
    // A new version: an editor still holding the removed one must reload.
    return insertRow(std::move(spec), dashboard.summary.id, dashboard.summary.position,
                     dashboard.summary.version + 1);
}

bool DashboardStore::insertShipped(dashboard::DashboardSpec spec)
{
    if (db_.exec("SELECT 1 FROM dashboards WHERE builtin = $1", {spec.builtin}).rows() > 0)
        return false;
    if (db_.exec("SELECT 1 FROM dashboards WHERE name = $1", {spec.name}).rows() > 0)
        spec.name += " (shipped)";
    if (db_.exec("SELECT 1 FROM dashboards WHERE uid::text = lower($1)", {spec.uid}).rows() > 0)
        spec.uid.clear(); // an imported copy holds it: the shipped one gets a new identity
    try {
        insertRow(std::move(spec), std::nullopt, std::nullopt, 1);
        return true;
    } catch (const DashboardConflictError&) {
        return false; // another desktop seeded it at the same moment
    }
}

int DashboardStore::seedBuiltins()
{
    int added = 0;
    for (const auto& file : resources::shippedDashboards()) {
        const auto spec = dashboard::readDashboard(file.text);
        const auto key = seededSettingKey(spec.builtin);
        if (readSetting(db_, key))
            continue;
        added += insertShipped(spec) ? 1 : 0;
        writeSetting(db_, key, "seeded");
    }
    return added;
}

int DashboardStore::restoreBuiltins()
{
    int added = 0;
    for (const auto& file : resources::shippedDashboards()) {
        const auto spec = dashboard::readDashboard(file.text);
        added += insertShipped(spec) ? 1 : 0;
        writeSetting(db_, seededSettingKey(spec.builtin), "seeded");
    }
    return added;
}

} // namespace vigie::store
