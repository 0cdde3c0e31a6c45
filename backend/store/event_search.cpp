// EventSearch (event_search.h).
#include "store/event_search.h"

#include "store/result_values.h"

#include <simdjson.h>

#include <charconv>

namespace vigie::store {
namespace {

template <typename Int> std::optional<Int> optionalInt(const PgResult& result, int row, int column)
{
    if (result.isNull(row, column))
        return std::nullopt;
    return static_cast<Int>(result.integer(row, column));
}

std::string textAt(const PgResult& result, int row, int column)
{
    return result.isNull(row, column) ? std::string() : std::string(result.text(row, column));
}

// inet prints single hosts without a prefix ("10.0.0.1"); events only hold hosts.
std::string addressAt(const PgResult& result, int row, int column)
{
    auto text = textAt(result, row, column);
    const auto slash = text.find('/');
    if (slash != std::string::npos && (text.substr(slash) == "/32" || text.substr(slash) == "/128"))
        text.resize(slash);
    return text;
}

} // namespace

EventFields decodeFields(std::string_view json)
{
    EventFields fields;
    simdjson::dom::parser parser;
    simdjson::dom::object object;
    if (parser.parse(json.data(), json.size()).get(object) != simdjson::SUCCESS)
        throw StoreError("unexpected fields value from the server");
    for (const auto [key, value] : object) {
        std::string_view text;
        if (value.get_string().get(text) == simdjson::SUCCESS)
            fields.emplace_back(std::string(key), std::string(text));
        else // not written by Vigie, but keep it readable rather than drop it
            fields.emplace_back(std::string(key), simdjson::minify(value));
    }
    return fields;
}

EventSearch::EventSearch(PgConnection& db) : db_(db)
{
    db_.exec("SET DateStyle TO ISO");
}

SearchPage EventSearch::page(const query::SearchRequest& request)
{
    const auto statement = query::buildEventPage(request, query::Placeholders::Dollar);
    const auto result = db_.exec(statement.sql, statement.params);
    SearchPage page;
    page.events.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row) {
        // Columns in eventColumns() order.
        Event e;
        page.ids.push_back(result.integer(row, 0));
        e.ts = timestampAt(result, row, 1);
        e.received_at = timestampAt(result, row, 2);
        e.host = textAt(result, row, 3);
        e.app = textAt(result, row, 4);
        e.pid = optionalInt<int32_t>(result, row, 5);
        e.severity = optionalInt<int16_t>(result, row, 6);
        e.facility = optionalInt<int16_t>(result, row, 7);
        e.category = textAt(result, row, 8);
        e.action = textAt(result, row, 9);
        e.outcome = textAt(result, row, 10);
        e.user_name = textAt(result, row, 11);
        e.source_ip = addressAt(result, row, 12);
        e.source_port = optionalInt<int32_t>(result, row, 13);
        e.dest_ip = addressAt(result, row, 14);
        e.dest_port = optionalInt<int32_t>(result, row, 15);
        e.process = textAt(result, row, 16);
        e.format = textAt(result, row, 17);
        e.message = textAt(result, row, 18);
        e.fields = decodeFields(result.text(row, 19));
        e.raw = textAt(result, row, 20);
        e.parse_error = result.text(row, 21) == "t";
        page.events.push_back(std::move(e));
    }
    if (!page.events.empty() && page.events.size() == request.limit)
        page.next = query::Cursor{page.events.back().ts, page.ids.back()};
    return page;
}

std::vector<HistogramBucket> EventSearch::histogram(const query::SearchRequest& request,
                                                    std::chrono::seconds bucket)
{
    const auto statement = query::buildHistogram(request, bucket, query::Placeholders::Dollar);
    const auto result = db_.exec(statement.sql, statement.params);
    std::vector<HistogramBucket> buckets;
    for (int row = 0; row < result.rows(); ++row)
        buckets.push_back({timestampAt(result, row, 0), result.integer(row, 1)});
    return buckets;
}

} // namespace vigie::store
