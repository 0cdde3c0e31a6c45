#include "store/settings_store.h"

#include <charconv>
#include <stdexcept>

namespace vigie::store {

std::optional<std::string> readSetting(PgConnection& connection, const std::string& key)
{
    const auto rows = connection.exec("SELECT value FROM settings WHERE key = $1", {key});
    if (rows.rows() == 0)
        return std::nullopt;
    return std::string(rows.text(0, 0));
}

void writeSetting(PgConnection& connection, const std::string& key, const std::optional<std::string>& value)
{
    if (!value) {
        connection.exec("DELETE FROM settings WHERE key = $1", {key});
        return;
    }
    connection.exec("INSERT INTO settings (key, value) VALUES ($1, $2) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
                    {key, *value});
}

std::optional<int> readRetentionDays(PgConnection& connection)
{
    const auto text = readSetting(connection, retentionDaysKey);
    if (!text)
        return std::nullopt;
    int days = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), days);
    if (error != std::errc() || end != text->data() + text->size() || days < minRetentionDays ||
        days > maxRetentionDays)
        throw StoreError("the setting " + std::string(retentionDaysKey) + " holds '" + *text +
                         "', not a number of days between 1 and 3650; retention is not applied");
    return days;
}

void writeRetentionDays(PgConnection& connection, std::optional<int> days)
{
    if (days && (*days < minRetentionDays || *days > maxRetentionDays))
        throw std::invalid_argument("retention must keep between 1 and 3650 days");
    writeSetting(connection, retentionDaysKey, days ? std::optional(std::to_string(*days)) : std::nullopt);
}

} // namespace vigie::store
