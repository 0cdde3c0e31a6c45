// The query language against a real PostgreSQL: events stored by the ingest engine, found
// again by store::EventSearch with the rows each query should match, paged without loss,
// counted per bucket; hostile queries run for real; `vigiectl search` as an operator runs it.
#include "event/event_json.h"
#include "ingest/engine.h"
#include "query/time_text.h"
#include "store/event_search.h"
#include "store/pg_connection.h"
#include "support/child_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <thread>

namespace {

using namespace vigie;
using namespace std::chrono_literals;

constexpr int kEvents = 300;

// Event i of the data set, described by the values the queries below predict from i.
struct Spec {
    int i;
    Timestamp ts; // pairs of events share a timestamp: ties are broken by id
    std::string host, user, source_ip, dest_ip, message, origin;
    int dest_port, severity;
};

Timestamp baseTime()
{
    // Recent, so the engine keeps the event time; on a minute boundary for the histogram.
    static const Timestamp base = std::chrono::floor<std::chrono::minutes>(nowTimestamp()) - 1h;
    return base;
}

Spec spec(int i)
{
    Spec s;
    s.i = i;
    s.ts = baseTime() + std::chrono::seconds(i / 2) + std::chrono::microseconds(i / 2 + 1);
    s.host = "host-" + std::to_string(i % 5);
    s.user = i % 7 == 0 ? "" : i % 3 == 0 ? "admin" : i % 3 == 1 ? "adm_x" : "root";
    s.source_ip =
        i % 10 == 0 ? "192.168.1." + std::to_string(i % 250) : "10." + std::to_string(i % 4) + ".0.1";
    s.dest_ip = i % 2 ? "2001:db8::" + std::to_string(i % 9 + 1) : "172.16.0.1";
    s.dest_port = i == 1 ? 1 : i == 2 ? 1024 : (i * 7) % 3000;
    s.severity = i % 8;
    s.message = i % 4 == 0   ? "Failed login for user" + std::to_string(i)
                : i % 8 == 1 ? "progress 100% done"
                : i % 8 == 5 ? "progress 1000 done"
                             : "event number " + std::to_string(i);
    s.origin = i % 6 == 0 ? "10.9.9.9" : "";
    return s;
}

std::string jsonLine(const Spec& s)
{
    std::string line = "{\"@timestamp\":\"" + formatTimestamp(s.ts) + "\",\"host\":\"" + s.host +
                       "\",\"severity\":" + std::to_string(s.severity) + ",\"source\":{\"ip\":\"" +
                       s.source_ip + "\"},\"destination\":{\"ip\":\"" + s.dest_ip +
                       "\",\"port\":" + std::to_string(s.dest_port) + "},\"message\":\"" + s.message +
                       "\",\"seq\":\"" + std::to_string(s.i) + "\"";
    if (!s.user.empty())
        line += ",\"user\":{\"name\":\"" + s.user + "\"}";
    if (!s.origin.empty())
        line += ",\"sd\":{\"origin\":{\"ip\":\"" + s.origin + "\"}}";
    return line + "}";
}

void waitUntilStored(const ingest::Engine& engine, std::uint64_t expected_received)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    for (;;) {
        const auto s = engine.stats();
        if (s.received >= expected_received && s.stored + s.dropped == s.received)
            return;
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << ingest::formatSummary(s);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

// One database for the whole suite: loading it is the slow part.
class SearchTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        db_ = new test::TestDatabase("search");
        ingest::EngineConfig config;
        config.conninfo = db_->conninfo();
        ingest::Engine engine(config);
        engine.start();
        for (int i = 0; i < kEvents; ++i)
            engine.submit(jsonLine(spec(i)), parse::Format::Auto);
        // Hostile text stored for real: searching it must match it literally.
        engine.submit("{\"@timestamp\":\"" + formatTimestamp(baseTime() - 10min) +
                          "\",\"host\":\"a'b\",\"message\":\"x' OR '1'='1; DROP TABLE events; "
                          "--\",\"seq\":\"hostile\"}",
                      parse::Format::Auto);
        waitUntilStored(engine, kEvents + 1);
        engine.stop();
        ASSERT_EQ(engine.stats().stored, static_cast<std::uint64_t>(kEvents + 1));
    }
    static void TearDownTestSuite()
    {
        delete db_;
        db_ = nullptr;
    }

    // The seq values of the events `query` finds (with the optional range), in result order.
    std::vector<std::string> find(const std::string& query, query::TimeRange range = {})
    {
        store::PgConnection connection(db_->conninfo());
        store::EventSearch search(connection);
        query::SearchRequest request;
        request.query = query;
        request.range = range;
        request.limit = 10000;
        std::vector<std::string> seqs;
        for (const auto& event : search.page(request).events)
            seqs.push_back(event.field("seq") ? *event.field("seq") : "?");
        return seqs;
    }

    void expectMatches(const std::string& query, const std::function<bool(const Spec&)>& predicate,
                       query::TimeRange range = {})
    {
        std::set<std::string> expected;
        for (int i = 0; i < kEvents; ++i)
            if (predicate(spec(i)))
                expected.insert(std::to_string(i));
        auto found = find(query, range);
        // The stored hostile row has its own test; here it only shows where its fields are empty.
        std::erase(found, "hostile");
        const std::set<std::string> actual(found.begin(), found.end());
        EXPECT_EQ(actual.size(), found.size()) << query << ": a row twice";
        EXPECT_EQ(actual, expected) << query;
        EXPECT_FALSE(expected.empty()) << query << ": a test that cannot fail";
    }

    static test::TestDatabase* db_;
};

test::TestDatabase* SearchTest::db_ = nullptr;

TEST_F(SearchTest, DecodesEveryColumnExactly)
{
    store::PgConnection connection(db_->conninfo());
    store::EventSearch search(connection);
    query::SearchRequest request;
    request.query = "fields.seq:6";
    const auto page = search.page(request);
    ASSERT_EQ(page.events.size(), 1u);
    const auto& e = page.events[0];
    const auto s = spec(6);
    EXPECT_EQ(formatTimestamp(e.ts), formatTimestamp(s.ts)) << "to the microsecond";
    EXPECT_EQ(e.host, s.host);
    EXPECT_EQ(e.user_name, s.user);
    EXPECT_EQ(e.source_ip, s.source_ip);
    EXPECT_EQ(e.dest_ip, s.dest_ip);
    EXPECT_EQ(e.dest_port, s.dest_port);
    EXPECT_EQ(e.severity, s.severity);
    EXPECT_FALSE(e.pid);
    EXPECT_EQ(e.message, s.message);
    EXPECT_EQ(e.format, "json");
    ASSERT_TRUE(e.field("sd.origin.ip"));
    EXPECT_EQ(*e.field("sd.origin.ip"), "10.9.9.9");
    EXPECT_FALSE(e.parse_error);
    EXPECT_NE(e.raw.find("\"seq\":\"6\""), std::string::npos);
    EXPECT_GT(page.ids[0], 0);
}

TEST_F(SearchTest, TextFieldsWildcardsAndBooleans)
{
    expectMatches("host:host-1", [](const Spec& s) { return s.host == "host-1"; });
    expectMatches("host:HOST-1 or host:host-2", [](const Spec& s) { return s.host == "host-2"; });
    expectMatches("user_name:adm*", [](const Spec& s) { return s.user.starts_with("adm"); });
    expectMatches("user_name:adm_*", [](const Spec& s) { return s.user == "adm_x"; });
    expectMatches("user_name:r??t", [](const Spec& s) { return s.user == "root"; });
    expectMatches("not user_name:root", [](const Spec& s) { return s.user != "root"; });
    expectMatches("_exists_:user_name", [](const Spec& s) { return !s.user.empty(); });
    expectMatches("-user_name:*", [](const Spec& s) { return s.user.empty(); });
    expectMatches("parse_error:false host:host-3", [](const Spec& s) { return s.host == "host-3"; });
    EXPECT_TRUE(find("parse_error:true").empty());
}

TEST_F(SearchTest, IntegersRangesAndComparisons)
{
    expectMatches("severity<=3", [](const Spec& s) { return s.severity <= 3; });
    expectMatches("severity:>5", [](const Spec& s) { return s.severity > 5; });
    expectMatches("severity=0", [](const Spec& s) { return s.severity == 0; });
    expectMatches("dest_port:[1 TO 1024]",
                  [](const Spec& s) { return s.dest_port >= 1 && s.dest_port <= 1024; });
    expectMatches("dest_port:{1 TO 1024}",
                  [](const Spec& s) { return s.dest_port > 1 && s.dest_port < 1024; });
    expectMatches("dest_port:[2000 TO *]", [](const Spec& s) { return s.dest_port >= 2000; });
    EXPECT_TRUE(find("severity:99999999999").empty()) << "out of range is unequal, not an SQL error";
}

TEST_F(SearchTest, AddressesAndCidr)
{
    expectMatches("source_ip:10.0.0.0/8", [](const Spec& s) { return s.source_ip.starts_with("10."); });
    expectMatches("source_ip:10.2.0.0/16", [](const Spec& s) { return s.source_ip.starts_with("10.2."); });
    expectMatches("source_ip:192.168.1.20", [](const Spec& s) { return s.source_ip == "192.168.1.20"; });
    expectMatches("dest_ip:2001:db8::/32", [](const Spec& s) { return s.i % 2 == 1; });
    expectMatches("dest_ip:\"2001:db8::3\"", [](const Spec& s) { return s.dest_ip == "2001:db8::3"; });
}

TEST_F(SearchTest, FreeTextMessageAndJsonFields)
{
    expectMatches("FAILED", [](const Spec& s) { return s.message.starts_with("Failed"); });
    expectMatches("\"login for\"", [](const Spec& s) { return s.message.starts_with("Failed login for"); });
    expectMatches("message:\"100%\"", [](const Spec& s) { return s.message == "progress 100% done"; });
    expectMatches("progress not 100%", [](const Spec& s) { return s.message == "progress 1000 done"; });
    expectMatches("fields.sd.origin.ip:10.9.9.9", [](const Spec& s) { return s.origin == "10.9.9.9"; });
    expectMatches("_exists_:fields.sd.origin.ip", [](const Spec& s) { return !s.origin.empty(); });
    expectMatches("fields.seq:1?", [](const Spec& s) { return s.i >= 10 && s.i <= 19; });
    // Numeric jsonb values compare as numbers ("30" < "290" as text would match far more).
    expectMatches("fields.seq>=290", [](const Spec& s) { return s.i >= 290; });
    expectMatches("fields.seq:{7 TO 12]", [](const Spec& s) { return s.i > 7 && s.i <= 12; });
    EXPECT_TRUE(find("fields.sd.origin:10.9.9.9").empty()) << "keys are flat, not paths";
}

TEST_F(SearchTest, TimeRangesAndTimestampQueries)
{
    query::TimeRange range{spec(100).ts, spec(200).ts};
    expectMatches(
        "", [](const Spec& s) { return s.i >= 100 && s.i < 200; }, range);
    expectMatches("ts>=" + formatTimestamp(spec(250).ts), [](const Spec& s) { return s.i >= 250; });
    expectMatches("ts:[" + formatTimestamp(spec(10).ts) + " TO " + formatTimestamp(spec(20).ts) + "}",
                  [](const Spec& s) { return s.i >= 10 && s.i < 20; });
    expectMatches("ts:\"" + formatTimestamp(spec(4).ts) + "\"", [](const Spec& s) { return s.i / 2 == 2; });
}

TEST_F(SearchTest, KeysetPagingReturnsEveryRowOnceNewestFirst)
{
    store::PgConnection connection(db_->conninfo());
    store::EventSearch search(connection);
    query::SearchRequest request;
    request.query = "host:host-1 or host:host-2 or host:host-3";
    request.limit = 17;
    std::vector<std::int64_t> ids;
    std::vector<Timestamp> times;
    std::set<std::string> seqs;
    for (int pages = 0; pages < 100; ++pages) {
        const auto page = search.page(request);
        for (std::size_t k = 0; k < page.events.size(); ++k) {
            ids.push_back(page.ids[k]);
            times.push_back(page.events[k].ts);
            EXPECT_TRUE(seqs.insert(*page.events[k].field("seq")).second) << "a row twice";
        }
        if (!page.next)
            break;
        request.after = page.next;
    }
    std::size_t expected = 0;
    for (int i = 0; i < kEvents; ++i)
        expected += spec(i).host == "host-1" || spec(i).host == "host-2" || spec(i).host == "host-3";
    EXPECT_EQ(seqs.size(), expected) << "none missing";
    for (std::size_t k = 1; k < times.size(); ++k)
        EXPECT_TRUE(times[k] < times[k - 1] || (times[k] == times[k - 1] && ids[k] < ids[k - 1])) << k;
}

TEST_F(SearchTest, HistogramCountsPerBucket)
{
    store::PgConnection connection(db_->conninfo());
    store::EventSearch search(connection);
    query::SearchRequest request;
    request.range = {baseTime(), baseTime() + 5min};
    auto buckets = search.histogram(request, 60s);
    // Event i is at base + i/2 seconds: 120 events in each of the first two minutes, 60 after.
    ASSERT_EQ(buckets.size(), 3u);
    EXPECT_EQ(buckets[0].start, baseTime());
    EXPECT_EQ(buckets[0].count, 120);
    EXPECT_EQ(buckets[1].start, baseTime() + 1min);
    EXPECT_EQ(buckets[1].count, 120);
    EXPECT_EQ(buckets[2].count, 60);
    request.query = "host:host-0";
    buckets = search.histogram(request, 60s);
    ASSERT_EQ(buckets.size(), 3u);
    EXPECT_EQ(buckets[0].count + buckets[1].count + buckets[2].count, kEvents / 5);
}

TEST_F(SearchTest, HostileQueriesNeverReachSqlAndMatchLiterally)
{
    // Terms whose text is data: they find nothing, or only the row that holds that text.
    const std::vector<std::string> literal = {"host:\"x' OR '1'='1\"",
                                              "host:x'",
                                              "\"'; DROP TABLE events; --\"",
                                              "message:\"x' OR 1=1 --\"",
                                              "fields.a'b:c",
                                              "fields.a;b:c",
                                              "fields.$1:x",
                                              "$1",
                                              "host:$1::text",
                                              "user_name:%",
                                              "user_name:_",
                                              "user_name:\\\\",
                                              "message:\\'",
                                              "\\'",
                                              "'",
                                              "''",
                                              "\"\\\"\"",
                                              "$$ x $$",
                                              "E'\\x41'",
                                              "U&'\\0041'",
                                              "/* x */",
                                              "héllo wörld",
                                              "用户:root",
                                              "message:\"emoji 😀 ' ;\"",
                                              "\xe2\x80\x8b",
                                              "user_name:Ω*",
                                              "host:[' TO ;]",
                                              "fields.k:\"v\\\"' OR 1=1 --\"",
                                              "_exists_:fields.x'",
                                              "host:a;DROP"};
    // Anything at all: a syntax error or a query that runs; never an SQL error.
    const std::vector<std::string> structural = {"'; DROP TABLE events; --",
                                                 "host:x' OR '1'='1",
                                                 "x' OR 1=1 --",
                                                 "\" OR \"\"=\"",
                                                 "host:a); DELETE FROM events; --",
                                                 "fields.\"a'b\":c",
                                                 "severity:1;DROP",
                                                 "severity<=3) OR (1=1",
                                                 "source_ip:10.0.0.1'--",
                                                 "ts>2026-01-01'; DROP TABLE x;--",
                                                 "(",
                                                 ")",
                                                 "host:a UNION SELECT 1",
                                                 "host:a' || pg_read_file('/etc/passwd') || '",
                                                 "\xc0\xaf",
                                                 "\xff\xfe",
                                                 std::string("host:a\0' OR 1=1", 15),
                                                 std::string(1 << 20, 'x'),
                                                 std::string(100, '(') + "a" + std::string(100, ')'),
                                                 "*",
                                                 "?",
                                                 "**",
                                                 "dest_port:['1' TO '2']",
                                                 "-- x",
                                                 "!!!",
                                                 "source_ip:\"10.0.0.0/8' OR '1'='1\"",
                                                 "ts:[* TO *]",
                                                 "severity:[1 TO 99999999999999]",
                                                 "pid:-9223372036854775808",
                                                 "fields.:x",
                                                 "_exists_:*"};
    store::PgConnection connection(db_->conninfo());
    store::EventSearch search(connection);
    auto run = [&](const std::string& text, bool must_be_literal) {
        query::SearchRequest request;
        request.query = text;
        request.limit = 10000;
        try {
            const auto page = search.page(request);
            for (const auto& event : page.events) {
                if (must_be_literal) {
                    const auto* seq = event.field("seq");
                    EXPECT_EQ(seq ? *seq : std::string("<no seq>"), "hostile") << text;
                }
            }
        } catch (const query::SyntaxError& e) {
            // A term whose text is data must parse: it searches that text.
            if (must_be_literal)
                ADD_FAILURE() << text << ": " << e.what();
        } catch (const std::exception& e) {
            ADD_FAILURE() << text.substr(0, 80) << ": " << e.what();
        }
    };
    for (const auto& text : literal)
        run(text, true);
    for (const auto& text : structural)
        run(text, false);
    // The payload stored as data is found literally, and only it.
    EXPECT_EQ(find("host:\"a'b\""), (std::vector<std::string>{"hostile"}));
    EXPECT_EQ(find("\"x' OR '1'='1; DROP TABLE events; --\""), (std::vector<std::string>{"hostile"}));
    EXPECT_EQ(find("message:\"'1'='1;\""), (std::vector<std::string>{"hostile"}));
    store::PgConnection check(db_->conninfo());
    EXPECT_EQ(check.exec("SELECT count(*) FROM events").integer(0, 0), kEvents + 1) << "nothing was dropped";
}

TEST_F(SearchTest, VigiectlSearchPrintsJsonLinesNewestFirst)
{
    test::ChildProcess search({VIGIECTL_PATH, "search", "--database", db_->conninfo(), "--from", "-2h",
                               "--limit", "5", "host:host-4"});
    search.closeInput();
    EXPECT_EQ(search.wait(), 0);
    std::vector<std::string> lines;
    std::string out = search.output();
    for (std::size_t at; (at = out.find('\n')) != std::string::npos; out.erase(0, at + 1))
        lines.push_back(out.substr(0, at));
    ASSERT_EQ(lines.size(), 5u) << search.output();
    // Newest host-4 events: the highest i with i % 5 == 4.
    EXPECT_NE(lines[0].find("\"seq\":\"299\""), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find("\"seq\":\"294\""), std::string::npos) << lines[1];
    EXPECT_NE(lines[0].find("\"host\":\"host-4\""), std::string::npos);

    test::ChildProcess recent(
        {VIGIECTL_PATH, "search", "--database", db_->conninfo(), "--from", "-30m", "host:host-4"});
    recent.closeInput();
    EXPECT_EQ(recent.wait(), 0);
    EXPECT_EQ(recent.output(), "") << "the data set is an hour old";

    test::ChildProcess bad({VIGIECTL_PATH, "search", "--database", db_->conninfo(), "host:a and (app:b"});
    bad.closeInput();
    const auto first = bad.readErrorLine();
    const auto echoed = bad.readErrorLine();
    const auto caret = bad.readErrorLine();
    EXPECT_EQ(bad.wait(), 2);
    EXPECT_NE(first.find("unbalanced parenthesis"), std::string::npos) << first;
    EXPECT_EQ(echoed, "  host:a and (app:b");
    EXPECT_EQ(caret, "  " + std::string(11, ' ') + "^");
}

} // namespace
