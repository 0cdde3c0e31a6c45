#pragma once
// Backup and restore of a Vigie database with PostgreSQL's own pg_dump and pg_restore
// (custom format: compressed, restorable table by table, readable by any later server).
// Restore refuses a database that already holds events or sources unless forced, and brings
// the restored schema up to date. Blocking (minutes for a large database): call off the GUI
// thread; `progress` is called on the calling thread with each line the tools print. A stop
// requested on `stop` (from any thread) kills the tool and throws OperationCancelled.
#include "store/pg_connection.h"

#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>

namespace vigie::store {

using ProgressLine = std::function<void(std::string_view line)>;

// The operation was cancelled through its stop token: a backup left no file, a restore left
// the target as it was (its single transaction rolled back with the killed tool).
class OperationCancelled : public StoreError {
public:
    using StoreError::StoreError;
};

// What a database holds, for the summaries and the non-empty check.
struct DatabaseContents {
    bool has_schema = false; // the events table exists
    long long events = 0;
    long long sources = 0;
    long long partitions = 0;
    long long rollup_rows = 0;
};
DatabaseContents databaseContents(PgConnection& connection);

// Writes the whole database `conninfo` to `file` (replaced if present). The dump goes to
// `file` + ".partial" first and takes the name only when complete, so a failed or cancelled
// backup never leaves a truncated file under `file` nor destroys the previous one. Throws
// StoreError with pg_dump's last lines when it fails.
void backupDatabase(const std::string& conninfo, const std::filesystem::path& file,
                    const ProgressLine& progress, std::stop_token stop = {});

// Restores `file` into `conninfo` in one transaction. Throws StoreError, without touching the
// target, when it holds events or sources and `force` is false; with `force` the objects of
// the backup replace the target's.
void restoreDatabase(const std::string& conninfo, const std::filesystem::path& file, bool force,
                     const ProgressLine& progress, std::stop_token stop = {});

} // namespace vigie::store
