#include "store/migrator.h"

#include "embedded_migrations.h"

namespace vigie::store {

int applyMigrations(PgConnection& connection)
{
    // Session-level lock: held across the per-migration transactions below, and taken first so
    // that two processes starting together do not race on creating the bookkeeping table.
    connection.execScript("SELECT pg_advisory_lock(hashtext('vigie.schema_migrations'))");
    int applied = 0;
    try {
        connection.execScript("CREATE TABLE IF NOT EXISTS schema_migrations ("
                              " version integer PRIMARY KEY,"
                              " name text NOT NULL,"
                              " applied_at timestamptz NOT NULL DEFAULT now())");
        for (const auto& migration : resources::migrations()) {
            const auto done = connection.exec("SELECT 1 FROM schema_migrations WHERE version = $1",
                                              {std::to_string(migration.version)});
            if (done.rows() > 0)
                continue;
            connection.execScript("BEGIN");
            try {
                connection.execScript(migration.sql);
                connection.exec("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                                {std::to_string(migration.version), std::string(migration.name)});
                connection.execScript("COMMIT");
            } catch (const SqlError& e) {
                connection.execScript("ROLLBACK");
                throw SqlError("migration " + std::string(migration.name) + " failed: " + e.what(),
                               e.sqlstate());
            }
            ++applied;
        }
    } catch (...) {
        if (connection.healthy())
            connection.execScript("SELECT pg_advisory_unlock(hashtext('vigie.schema_migrations'))");
        throw;
    }
    connection.execScript("SELECT pg_advisory_unlock(hashtext('vigie.schema_migrations'))");
    return applied;
}

bool mayMigrate(PgConnection& connection)
{
    return connection
               .exec("SELECT rolsuper OR has_schema_privilege('public', 'CREATE') FROM pg_roles "
                     "WHERE rolname = current_user")
               .text(0, 0) == "t";
}

bool isUpToDate(PgConnection& connection)
{
    if (connection.exec("SELECT to_regclass('schema_migrations') IS NOT NULL").text(0, 0) != "t")
        return false;
    std::string known = "{"; // the versions this program knows, as an integer[] literal
    for (const auto& migration : resources::migrations())
        known += (known.size() > 1 ? "," : "") + std::to_string(migration.version);
    known += "}";
    return connection
               .exec("SELECT count(*) = cardinality($1::integer[]) FROM schema_migrations "
                     "WHERE version = ANY ($1::integer[])",
                     {known})
               .text(0, 0) == "t";
}

} // namespace vigie::store
