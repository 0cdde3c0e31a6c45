// The hourly field counts behind long-range histograms of single-field queries: a histogram
// must count exactly what a plain count over `events` counts, before the hours are recounted,
// after, and after a late event reopens a recounted hour; retention takes the counts along.
#include "event/event_json.h"
#include "query/query.h"
#include "store/event_search.h"
#include "store/event_writer.h"
#include "store/field_rollups.h"
#include "store/pg_connection.h"
#include "store/retention.h"
#include "support/event_series.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace vigie;
using namespace std::chrono_literals;

// Ten hours of events three days ago, starting on an hour.
Timestamp start()
{
    static const Timestamp t =
        std::chrono::floor<std::chrono::days>(nowTimestamp()) - std::chrono::days(3) + 5h;
    return t;
}

Event eventAt(Timestamp ts, int i)
{
    Event e;
    e.ts = ts;
    e.received_at = nowTimestamp();
    e.host = "host-" + std::to_string(i % 4);
    e.app = i % 3 ? "sshd" : "sudo";
    e.user_name = i % 5 == 0 ? "" : i % 5 == 1 ? "alice" : i % 5 == 2 ? "albert" : "bob";
    e.source_ip = i % 2 ? "10.1." + std::to_string(i % 7) + ".9" : "192.168.0." + std::to_string(i % 250);
    e.dest_port = i % 3 == 0 ? 22 : i % 3 == 1 ? 3389 : 8443;
    e.severity = static_cast<int16_t>(i % 8);
    e.format = "rfc5424";
    e.message = "event " + std::to_string(i);
    e.raw = e.message;
    return e;
}

std::vector<Event> history(int count, Timestamp from, std::chrono::seconds spacing, int first_index)
{
    return test::eventSeries(count, from, spacing, first_index, eventAt);
}

const std::vector<std::string> kQueries = {
    "user_name:alice",
    "not user_name:alice",
    "_exists_:user_name",
    "user_name:al*",
    "source_ip:10.1.0.0/16",
    "not source_ip:10.1.0.0/16",
    "dest_port:[1 TO 1024]",
    "dest_port:22 or dest_port:3389",
    "severity<=3",
    "app:sudo",
    "host:host-2 or host:host-3",
    "user_name:nobody",
    "source_ip:10.1.3.9",
    "source_ip:192.168.0.0/24",
};

using Counts = std::map<Timestamp, std::int64_t>;

Counts histogram(store::PgConnection& db, const std::string& query, query::TimeRange range,
                 std::chrono::seconds bucket)
{
    store::EventSearch search(db);
    query::SearchRequest request;
    request.query = query;
    request.range = range;
    Counts counts;
    for (const auto& b : search.histogram(request, bucket))
        counts[b.start] = b.count;
    return counts;
}

// The same counts the plain way: every matching event of the range, binned here.
Counts expected(store::PgConnection& db, const std::string& query, query::TimeRange range,
                std::chrono::seconds bucket)
{
    auto filter = query::compileFilter(query, query::Placeholders::Dollar, 3);
    filter.params.insert(filter.params.begin(), {std::optional(formatTimestamp(*range.from)),
                                                 std::optional(formatTimestamp(*range.to))});
    const auto rows = db.exec("SELECT extract(epoch FROM ts)::bigint FROM events WHERE ts >= $1::timestamptz "
                              "AND ts < $2::timestamptz AND " +
                                  filter.sql,
                              filter.params);
    Counts counts;
    for (int r = 0; r < rows.rows(); ++r) {
        const auto seconds = std::stoll(std::string(rows.text(r, 0)));
        counts[Timestamp(std::chrono::seconds(seconds - seconds % bucket.count()))]++;
    }
    return counts;
}

void expectExact(store::PgConnection& db, const std::string& phase)
{
    // Range edges in the middle of hours: the partial hours come from events.
    const query::TimeRange range{start() + 20min, start() + 9h + 35min};
    for (const auto bucket : {std::chrono::seconds(3600), std::chrono::seconds(7200)})
        for (const auto& q : kQueries)
            EXPECT_EQ(histogram(db, q, range, bucket), expected(db, q, range, bucket))
                << phase << ": " << q << " per " << bucket.count() << " s";
}

TEST(FieldRollups, SingleFieldHistogramsStayExactBeforeAndAfterRecountAndWithLateEvents)
{
    test::TestDatabase db("field_rollups");
    store::EventWriter writer(db.conninfo());
    auto first = history(3000, start(), 12s, 0); // ten hours, 300 an hour
    ASSERT_TRUE(writer.write(first, "history-1"));
    store::PgConnection check(db.conninfo());
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_field_rollup_pending"), 10);
    expectExact(check, "all hours pending");

    // A recent batch marks its hour but is not quiet yet: only the old hours are recounted.
    auto recent = history(10, nowTimestamp() - 1min, 1s, 5000);
    ASSERT_TRUE(writer.write(recent, "recent-1"));
    EXPECT_EQ(store::compactPendingHours(check, {.quiet = std::chrono::seconds(0), .budget = {}}), 11);
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_field_rollup_pending"), 0);
    // Each recounted hour has, for every field, one row per value (NULL included).
    EXPECT_EQ(test::scalar(check, "SELECT sum(count) FROM event_field_counts_1h WHERE field = 'user_name'"), 3010);
    EXPECT_EQ(test::scalar(check, "SELECT sum(count) FROM event_field_counts_1h WHERE field = 'dest_port'"), 3010);
    // Addresses are counted per /24: 10.1.0.9 .. 10.1.6.9 are seven networks, 192.168.0.x one.
    EXPECT_EQ(test::scalar(check,
                     "SELECT count(DISTINCT source_ip) FROM event_field_counts_1h WHERE field = 'source_ip'"),
              8);
    expectExact(check, "all hours recounted");

    // A late event for a recounted hour reopens it; the histogram counts it from events.
    auto late = history(7, start() + 3h + 10min, 1s, 7000);
    ASSERT_TRUE(writer.write(late, "late-1"));
    EXPECT_EQ(test::scalar(check, "SELECT count(*) FROM event_field_rollup_pending"), 1);
    expectExact(check, "one hour reopened");
    EXPECT_EQ(store::compactPendingHours(check, {.quiet = std::chrono::seconds(0), .budget = {}}), 1);
    expectExact(check, "reopened hour recounted");

    // Hours touched lately wait for the quiet period.
    auto later = history(3, start() + 4h, 1s, 8000);
    ASSERT_TRUE(writer.write(later, "late-2"));
    EXPECT_EQ(store::compactPendingHours(check, {.quiet = std::chrono::seconds(3600), .budget = {}}), 0);

    // Retention takes the hourly counts and the pending marks of the dropped days along.
    store::applyRetention(check, 1, nowTimestamp(), false);
    EXPECT_EQ(
        test::scalar(check, "SELECT count(*) FROM event_field_counts_1h WHERE hour < now() - interval '2 days'"),
        0);
    EXPECT_EQ(
        test::scalar(check,
               "SELECT count(*) FROM event_field_rollup_pending WHERE hour < now() - interval '2 days'"),
        0);
}

} // namespace
