#pragma once
// DashboardStore: the `dashboards` table (migration 0009) — each dashboard's JSON definition
// (format v1, dashboard/dashboard_spec.h) with copies of its uid, name and builtin key, and an
// optimistic `version`. Seeds the shipped dashboards (resources/dashboards) once each. Every
// value travels as a parameter. Borrows one PgConnection; like it, one thread.
#include "dashboard/dashboard_spec.h"
#include "event/event.h"
#include "store/pg_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::store {

// What the tab bar needs, without reading the definitions.
struct DashboardSummary {
    std::int64_t id = 0;
    int position = 0;
    std::string uid;
    std::string name;
    std::string builtin; // "" for the analyst's own
    int version = 1;
    Timestamp updated_at{};
};

struct StoredDashboard {
    DashboardSummary summary;
    dashboard::DashboardSpec spec; // its uid, name and builtin match the summary
};

// A save or rename made on an older version than the stored one (someone saved meanwhile), or
// on a dashboard that is gone: nothing was changed.
class StaleDashboardError : public StoreError {
public:
    using StoreError::StoreError;
};

// Another dashboard already has this name (or uid): nothing was changed.
class DashboardConflictError : public StoreError {
public:
    using StoreError::StoreError;
};

// The settings key remembering that a shipped dashboard was seeded once.
std::string seededSettingKey(const std::string& builtin);

class DashboardStore {
public:
    explicit DashboardStore(PgConnection& db) : db_(db) {}

    // Every dashboard in tab order (position, then id).
    std::vector<DashboardSummary> list();
    // Throws dashboard::DashboardFormatError when the stored definition cannot be read (made by
    // a newer Vigie sharing the database).
    std::optional<StoredDashboard> find(std::int64_t id);
    std::optional<StoredDashboard> findByUid(const std::string& uid);

    // Stores a new dashboard after the last tab; a spec without uid gets a new one. Throws
    // DashboardConflictError when the name or uid is taken, DashboardFormatError when invalid.
    StoredDashboard add(dashboard::DashboardSpec spec);
    // Replaces the definition of `id` if its version is still `expected_version`; the stored
    // uid and builtin key are kept whatever the spec says. Throws StaleDashboardError.
    StoredDashboard update(std::int64_t id, dashboard::DashboardSpec spec, int expected_version);
    // update() with only the name changed.
    StoredDashboard rename(std::int64_t id, const std::string& name, int expected_version);
    // Removes the row and returns it as it was, for undo; nullopt when it was already gone.
    std::optional<StoredDashboard> remove(std::int64_t id);
    // Puts back a removed dashboard with the id, position, uid and builtin key it had (undo of
    // remove). Throws DashboardConflictError when its name or uid was taken meanwhile.
    StoredDashboard restore(const StoredDashboard& dashboard);

    // Adds each shipped dashboard never seeded in this database (see migration 0009); returns
    // how many were added. A shipped dashboard the analysts deleted stays deleted.
    int seedBuiltins();
    // "Restore shipped dashboards": adds back each shipped dashboard that is missing, seeded or
    // not; returns how many were added. One whose name an analyst took gets " (shipped)".
    int restoreBuiltins();

private:
    std::optional<StoredDashboard> findWhere(const std::string& where, const std::string& value);
    // Inserts `spec` (given a uid when it has none); id and position are chosen when nullopt.
    StoredDashboard insertRow(dashboard::DashboardSpec spec, std::optional<std::int64_t> id,
                              std::optional<int> position, int version);
    // Adds a shipped dashboard unless one with its builtin key is stored; true when added.
    bool insertShipped(dashboard::DashboardSpec spec);

    PgConnection& db_;
};

} // namespace vigie::store
