#pragma once
// The analysts' query language (DESIGN §6), Lucene/KQL style:
//   host:web-01 and outcome:failure and not user_name:root
//   source_ip:10.0.0.0/8   severity<=3   dest_port:[1 TO 1024]   message:"Failed password"
//   user_name:adm*   _exists_:user_name   fields.sd.origin.ip:10.0.0.1   free text
// compiled to a SQL WHERE clause whose values all travel as bind parameters: user text never
// becomes SQL. Pure functions, safe from any thread.
#include "event/event.h"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::query {

// A query that does not parse: where (0-based byte offset) and what was expected there.
class SyntaxError : public std::runtime_error {
public:
    SyntaxError(std::size_t position, std::string expected, const std::string& message)
        : std::runtime_error(message), position_(position), expected_(std::move(expected))
    {
    }
    std::size_t position() const { return position_; }
    const std::string& expected() const { return expected_; }

private:
    std::size_t position_;
    std::string expected_;
};

// How bind parameters are written: $1, $2… for libpq; ? (in order of appearance) for QtSql.
enum class Placeholders { Dollar, Question };

struct SqlWithParams {
    std::string sql;
    std::vector<std::optional<std::string>> params; // text values; nullopt is SQL NULL
};

// Compiles a filter to a boolean SQL expression over the events table's columns (alias-free).
// An empty or blank query compiles to "TRUE". With Dollar placeholders numbering starts at
// `first_param`. Throws SyntaxError.
SqlWithParams compileFilter(std::string_view query, Placeholders style = Placeholders::Dollar, int first_param = 1);

struct TimeRange {
    std::optional<Timestamp> from; // inclusive
    std::optional<Timestamp> to;   // exclusive
};

// Where a page of results continues: the (ts, id) of the last row already shown.
struct Cursor {
    Timestamp ts;
    std::int64_t id;
};

struct SearchRequest {
    std::string query;
    TimeRange range;
    std::size_t limit = 100;
    std::optional<Cursor> after; // keyset pagination, newest first
    bool oldest_first = false;   // the other way (a retro-hunt reads history in time order)
};

// The columns every event query returns, in this order (id first, then the Event's fields in
// the order of the events table).
const std::vector<std::string_view>& eventColumns();

// SELECT <eventColumns> FROM events WHERE <filter> AND <range> AND <cursor>
// ORDER BY ts DESC, id DESC LIMIT <limit> (ascending with oldest_first). Throws SyntaxError.
SqlWithParams buildEventPage(const SearchRequest& request, Placeholders style = Placeholders::Dollar);

// Counts of matching events per time bucket over the range: rows (bucket_start, count),
// oldest first. Throws SyntaxError.
SqlWithParams buildHistogram(const SearchRequest& request, std::chrono::seconds bucket,
                             Placeholders style = Placeholders::Dollar);

// The fields counted per hour and value in event_field_counts_1h (migration 0006), whose
// columns carry these names: the histogram of a query on one of them alone reads those counts.
const std::vector<std::string_view>& hourlyRollupFields();
// Addresses are counted per network of these prefix lengths, so a histogram reads the hourly
// counts of source_ip or dest_ip only for CIDR blocks at least that wide.
constexpr int kHourlyRollupPrefixV4 = 24;
constexpr int kHourlyRollupPrefixV6 = 64;
bool isHourlyRollupNetworkField(std::string_view field);

// Field names the language knows (columns, then "fields." for the jsonb keys), for completion.
const std::vector<std::string_view>& knownFields();

} // namespace vigie::query
