#pragma once
// Backup and restore of a Vigie database with PostgreSQL's own pg_dump and pg_restore
// (custom format: compressed, restorable table by table, readable by any later server).
// Restore refuses a database that already holds events or sources unless forced, and brings
// the restored schema up to date. Blocking (minutes for a large database): call off the GUI
// thread; `progress` is called on the calling thread with each line the tools print.
#include "store/pg_connection.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace vigie::store {

using ProgressLine = std::function<void(std::string_view line)>;

// What a database holds, for the summaries and the non-empty check.
struct DatabaseContents {
    bool has_schema = false; // the events table exists
    long long events = 0;
    long long sources = 0;
    long long partitions = 0;
    long long rollup_rows = 0;
};
DatabaseContents databaseContents(PgConnection& connection);

// Writes the whole database `conninfo` to `file` (replaced if present). Throws StoreError
// with pg_dump's last lines when it fails.
void backupDatabase(const std::string& conninfo, const std::filesystem::path& file,
                    const ProgressLine& progress);

// Restores `file` into `conninfo` in one transaction. Throws StoreError, without touching the
// target, when it holds events or sources and `force` is false; with `force` the objects of
// the backup replace the target's.
void restoreDatabase(const std::string& conninfo, const std::filesystem::path& file, bool force,
                     const ProgressLine& progress);

} // namespace vigie::store
