#pragma once
// EventSearch: runs the query language (query/query.h) against the events table and decodes
// the rows back into Events, newest first. Borrows one PgConnection; like it, one thread.
#include "event/event.h"
#include "query/query.h"
#include "store/pg_connection.h"

#include <cstdint>
#include <vector>

namespace vigie::store {

struct SearchPage {
    std::vector<Event> events;
    std::vector<std::int64_t> ids; // ids[i] is the row id of events[i]
    // Where the next page starts (the last row's (ts, id)); nullopt when this page was short.
    std::optional<query::Cursor> next;
};

struct HistogramBucket {
    Timestamp start;
    std::int64_t count = 0;
};

class EventSearch {
public:
    // Sets the session's DateStyle to ISO so timestamps decode whatever the server default.
    explicit EventSearch(PgConnection& db);

    // Throws query::SyntaxError for a query that does not parse, SqlError/ConnectionError
    // from the server.
    SearchPage page(const query::SearchRequest& request);
    std::vector<HistogramBucket> histogram(const query::SearchRequest& request, std::chrono::seconds bucket);

private:
    PgConnection& db_;
};

// Decodes the text of a jsonb object of string values (the events.fields column). Keys come
// back in jsonb's order (by length, then bytes), not the order they were stored in.
EventFields decodeFields(std::string_view json);

} // namespace vigie::store
