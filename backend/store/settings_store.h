#pragma once
// Settings kept in the database (table `settings`, migration 0005) so that the desktop and
// headless `vigiectl serve` collectors honour the same values. Keys and values are plain text
// sent as parameters. Blocking; any thread with its own connection.
#include "store/pg_connection.h"

#include <optional>
#include <string>

namespace vigie::store {

// The value of `key`, or nullopt when it was never set (or was cleared).
std::optional<std::string> readSetting(PgConnection& connection, const std::string& key);
// Sets `key` to `value`, or removes it when `value` is nullopt.
void writeSetting(PgConnection& connection, const std::string& key, const std::optional<std::string>& value);

// Retention: the days kept before today (applyRetention's keep_days). Unset means keep
// everything: Vigie never deletes evidence unless an administrator chose a window, so an
// upgrade or a new database cannot silently lose history (a SOC must often keep 90 days or
// more, and only its administrator knows its obligations).
inline constexpr const char* retentionDaysKey = "retention.days";
inline constexpr int minRetentionDays = 1;
inline constexpr int maxRetentionDays = 3650;
// nullopt when unset; throws StoreError when the stored text is not a day count in range
// (somebody edited the table by hand), rather than guessing a window and dropping data.
std::optional<int> readRetentionDays(PgConnection& connection);
// Saves the window (nullopt: keep forever). Throws std::invalid_argument outside 1..3650.
void writeRetentionDays(PgConnection& connection, std::optional<int> days);

} // namespace vigie::store
