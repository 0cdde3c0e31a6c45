#pragma once
// Reading typed values out of a PgResult that the store's own statements produced: timestamps as
// PostgreSQL prints them in UTC, and NULL-able texts. Shared by the event search and the dashboard
// aggregates. Any thread.
#include "query/time_text.h"
#include "store/pg_connection.h"
#include "store/store_error.h"

#include <optional>
#include <string>

namespace vigie::store {

inline Timestamp timestampAt(const PgResult& result, int row, int column)
{
    const auto parsed = query::parseIsoTimestamp(result.text(row, column));
    if (!parsed)
        throw StoreError("unexpected timestamp from the server: " + std::string(result.text(row, column)));
    return parsed->ts;
}

inline std::optional<std::string> optionalText(const PgResult& result, int row, int column)
{
    if (result.isNull(row, column))
        return std::nullopt;
    return std::string(result.text(row, column));
}

} // namespace vigie::store
