// The query language's entry points (query.h): parse, compile, and wrap the filter into the
// page and histogram statements.
#include "query/query.h"

#include "event/event_json.h"
#include "query/parser.h"
#include "query/rollup_routes.h"
#include "query/sql_compiler.h"

namespace vigie::query {
namespace {

// Appends " AND <column> >= from AND <column> < to" for the bounds that are set.
void appendRange(SqlCompiler& compiler, const TimeRange& range, std::string_view column = "ts")
{
    if (range.from) {
        compiler.sql(" AND ");
        compiler.sql(column);
        compiler.sql(" >= ");
        compiler.param(formatTimestamp(*range.from));
        compiler.sql("::timestamptz");
    }
    if (range.to) {
        compiler.sql(" AND ");
        compiler.sql(column);
        compiler.sql(" < ");
        compiler.param(formatTimestamp(*range.to));
        compiler.sql("::timestamptz");
    }
}

} // namespace

// True when every condition of the query is on a dimension of the per-minute rollups
// (event_counts_1m), whose columns carry the same names as in events: such a histogram can
// sum minutes instead of counting events.
bool minuteRollupsAnswer(const Node* node)
{
    if (!node)
        return true; // the empty query: every event
    switch (node->kind) {
    case Node::Kind::And:
    case Node::Kind::Or:
    case Node::Kind::Not:
        for (const auto& child : node->children)
            if (!minuteRollupsAnswer(child.get()))
                return false;
        return true;
    case Node::Kind::Compare:
    case Node::Kind::Range:
    case Node::Kind::Exists: {
        // _exists_:name names its field in the value.
        const std::string& field = node->kind == Node::Kind::Exists ? node->value.text : node->field;
        for (const std::string_view dimension : {"host", "category", "action", "outcome", "severity"})
            if (field == dimension)
                return true;
        return false;
    }
    case Node::Kind::FreeText:
        return false;
    }
    return false;
}

namespace {

// The one field every condition of the query is on, when there is exactly one (free text
// searches `message`); empty otherwise.
void collectFields(const Node* node, std::vector<std::string>& fields)
{
    switch (node->kind) {
    case Node::Kind::And:
    case Node::Kind::Or:
    case Node::Kind::Not:
        for (const auto& child : node->children)
            collectFields(child.get(), fields);
        return;
    case Node::Kind::Exists:
        fields.push_back(node->value.text);
        return;
    case Node::Kind::Compare:
    case Node::Kind::Range:
        fields.push_back(node->field);
        return;
    case Node::Kind::FreeText:
        fields.emplace_back("message");
        return;
    }
}

// True when the hourly counts of an address field, kept per network, answer this condition:
// presence, or a CIDR block no narrower than those networks (each network then lies wholly
// inside or outside it). Single addresses, ranges and comparisons need the events.
bool networksAnswer(const Node* node)
{
    switch (node->kind) {
    case Node::Kind::And:
    case Node::Kind::Or:
    case Node::Kind::Not:
        for (const auto& child : node->children)
            if (!networksAnswer(child.get()))
                return false;
        return true;
    case Node::Kind::Exists:
        return true;
    case Node::Kind::Compare: {
        if (node->op != ":")
            return false;
        if (node->value.isStar())
            return true;
        const auto& text = node->value.text;
        const auto slash = text.find('/');
        if (slash == std::string::npos || slash + 1 >= text.size() || text.size() - slash > 4)
            return false;
        int prefix = 0;
        for (std::size_t i = slash + 1; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9')
                return false;
            prefix = prefix * 10 + (text[i] - '0');
        }
        const bool v6 = text.find(':') < slash;
        return prefix <= (v6 ? kHourlyRollupPrefixV6 : kHourlyRollupPrefixV4);
    }
    case Node::Kind::Range:
    case Node::Kind::FreeText:
        return false;
    }
    return false;
}

} // namespace

std::optional<std::string> singleHourlyField(const Node* node)
{
    if (!node)
        return std::nullopt;
    std::vector<std::string> fields;
    collectFields(node, fields);
    for (const auto& field : fields)
        if (field != fields.front())
            return std::nullopt;
    for (const auto known : hourlyRollupFields())
        if (fields.front() == known && (!isHourlyRollupNetworkField(known) || networksAnswer(node)))
            return fields.front();
    return std::nullopt;
}

Timestamp floorHour(Timestamp t)
{
    return std::chrono::floor<std::chrono::hours>(t);
}

Timestamp ceilHour(Timestamp t)
{
    return std::chrono::ceil<std::chrono::hours>(t);
}

void appendHourlyUnion(SqlCompiler& compiler, const Node* tree, const std::string& field,
                       std::string_view group_column, Timestamp from, Timestamp whole_from,
                       Timestamp whole_to, std::optional<Timestamp> to)
{
    auto bound = [&](std::string_view before, Timestamp t, std::string_view after) {
        compiler.sql(before);
        compiler.param(formatTimestamp(t));
        compiler.sql("::timestamptz");
        compiler.sql(after);
    };
    const std::string group = group_column.empty() ? std::string() : ", " + std::string(group_column);
    // The field name is one of hourlyRollupFields(): fixed vocabulary, written as a literal so
    // the planner matches the table's partial index for it.
    compiler.sql("SELECT r.hour AS t, r.count AS n" +
                 (group.empty() ? std::string() : ", r." + std::string(group_column) + " AS g") +
                 " FROM event_field_counts_1h r WHERE r.field = '" + field + "' AND ");
    compiler.compile(tree);
    bound(" AND r.hour >= ", whole_from, "");
    bound(" AND r.hour < ", whole_to,
          " AND NOT EXISTS (SELECT 1 FROM event_field_rollup_pending p WHERE p.hour = r.hour)");
    // The partial hours at both ends...
    compiler.sql(" UNION ALL SELECT ts, 1" + group + " FROM events WHERE ");
    compiler.compile(tree);
    bound(" AND ts >= ", from, "");
    bound(" AND ts < ", whole_from, "");
    compiler.sql(" UNION ALL SELECT ts, 1" + group + " FROM events WHERE ");
    compiler.compile(tree);
    bound(" AND ts >= ", whole_to, "");
    if (to)
        bound(" AND ts < ", *to, "");
    // ...and each pending hour, as its own range scan: OFFSET 0 keeps the planner from turning
    // the few pending hours into a filter over every partition.
    compiler.sql(group.empty()
                     ? " UNION ALL SELECT e.ts, 1 FROM event_field_rollup_pending p CROSS JOIN "
                       "LATERAL (SELECT ts FROM events WHERE "
                     : " UNION ALL SELECT e.ts, 1, e.g FROM event_field_rollup_pending p CROSS JOIN "
                       "LATERAL (SELECT ts" +
                           group + " AS g FROM events WHERE ");
    compiler.compile(tree);
    compiler.sql(" AND ts >= p.hour AND ts < p.hour + interval '1 hour' OFFSET 0) e WHERE");
    bound(" p.hour >= ", whole_from, "");
    bound(" AND p.hour < ", whole_to, "");
}

const std::vector<std::string_view>& hourlyRollupFields()
{
    static const std::vector<std::string_view> fields = {
        "host",    "app",       "severity",  "facility", "category",  "action", "outcome",
        "user_name", "source_ip", "dest_ip", "dest_port", "process", "format"};
    return fields;
}

bool isHourlyRollupNetworkField(std::string_view field)
{
    return field == "source_ip" || field == "dest_ip";
}

SqlWithParams compileFilter(std::string_view query, Placeholders style, int first_param)
{
    const auto tree = parseQuery(query);
    SqlCompiler compiler(style, first_param);
    compiler.compile(tree.get());
    return compiler.take();
}

const std::vector<std::string_view>& eventColumns()
{
    static const std::vector<std::string_view> columns = {
        "id",       "ts",     "received_at", "host",      "app",       "pid",         "severity", "facility",
        "category", "action", "outcome",     "user_name", "source_ip", "source_port", "dest_ip",  "dest_port",
        "process",  "format", "message",     "fields",    "raw",       "parse_error"};
    return columns;
}

const std::vector<std::string_view>& knownFields()
{
    static const std::vector<std::string_view> fields = {
        "ts",        "received_at", "host",    "app",       "pid",       "severity",    "facility",
        "category",  "action",      "outcome", "user_name", "source_ip", "source_port", "dest_ip",
        "dest_port", "process",     "format",  "message",   "raw",       "parse_error", "fields."};
    return fields;
}

SqlWithParams buildEventPage(const SearchRequest& request, Placeholders style)
{
    const auto tree = parseQuery(request.query);
    SqlCompiler compiler(style, 1);
    compiler.sql("SELECT ");
    bool first = true;
    for (const auto column : eventColumns()) {
        compiler.sql(first ? "" : ", ");
        first = false;
        compiler.sql(column);
    }
    compiler.sql(" FROM events WHERE ");
    compiler.compile(tree.get());
    appendRange(compiler, request.range);
    if (request.after) {
        // Row comparison walks the (ts, id) index: backwards for newest first, ties by id.
        compiler.sql(request.oldest_first ? " AND (ts, id) > (" : " AND (ts, id) < (");
        compiler.param(formatTimestamp(request.after->ts));
        compiler.sql("::timestamptz, ");
        compiler.param(std::to_string(request.after->id));
        compiler.sql("::bigint)");
    }
    compiler.sql(request.oldest_first ? " ORDER BY ts, id LIMIT " : " ORDER BY ts DESC, id DESC LIMIT ");
    compiler.sql(std::to_string(request.limit));
    return compiler.take();
}

// The range defaults to the 24 hours before `to` (or now): a histogram over all of history
// would scan every partition for a chart nobody can read.
SqlWithParams buildHistogram(const SearchRequest& request, std::chrono::seconds bucket, Placeholders style)
{
    if (bucket.count() <= 0)
        throw std::invalid_argument("histogram bucket must be positive");
    const auto tree = parseQuery(request.query);
    TimeRange range = request.range;
    if (!range.from)
        range.from = (range.to ? *range.to : nowTimestamp()) - std::chrono::hours(24);
    SqlCompiler compiler(style, 1);
    // Buckets are aligned on the Unix epoch, so the same bucket size always gives the same
    // boundaries whatever the range; empty buckets are absent (the caller fills zeros).
    compiler.sql("SELECT date_bin(");
    compiler.param(std::to_string(bucket.count()) + " seconds");
    compiler.sql("::interval");
    // Whole-hour buckets of a query on one field over at least an hour: hourly counts.
    const auto whole_from = ceilHour(*range.from);
    const auto whole_to = floorHour(range.to ? *range.to : nowTimestamp());
    if (const auto field = singleHourlyField(tree.get());
        field && bucket.count() % 3600 == 0 && whole_from < whole_to) {
        // The histogram of a single-field query over whole hours: the hourly counts.
        compiler.sql(", t, ");
        compiler.param("1970-01-01T00:00:00Z");
        compiler.sql("::timestamptz) AS bucket_start, sum(n)::bigint AS count FROM (");
        appendHourlyUnion(compiler, tree.get(), *field, {}, *range.from, whole_from, whole_to, range.to);
        compiler.sql(") x GROUP BY 1 ORDER BY 1");
        return compiler.take();
    }
    // Whole-minute buckets of a query on rollup dimensions only are summed from the rollups:
    // thousands of rows instead of millions (docs/PERFORMANCE.md). The range then holds to the
    // minute, which a chart of minute-or-wider bars cannot show anyway.
    const bool from_rollups = bucket.count() % 60 == 0 && minuteRollupsAnswer(tree.get());
    const std::string_view time_column = from_rollups ? "minute" : "ts";
    compiler.sql(", ");
    compiler.sql(time_column);
    compiler.sql(", ");
    compiler.param("1970-01-01T00:00:00Z");
    compiler.sql(
        from_rollups
            ? "::timestamptz) AS bucket_start, sum(count)::bigint AS count FROM event_counts_1m WHERE "
            : "::timestamptz) AS bucket_start, count(*) AS count FROM events WHERE ");
    compiler.compile(tree.get());
    appendRange(compiler, range, time_column);
    compiler.sql(" GROUP BY 1 ORDER BY 1");
    return compiler.take();
}

} // namespace vigie::query
