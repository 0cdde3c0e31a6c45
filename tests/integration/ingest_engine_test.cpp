// The ingest engine end to end on real sockets and a real PostgreSQL: what goes in over TCP
// is stored exactly once, UDP loses nothing it does not count, bad lines are kept raw.
#include "ingest/engine.h"
#include "store/pg_connection.h"
#include "support/test_database.h"

#include "ingest/asio.h"
#include <gtest/gtest.h>

#include <thread>

namespace {

using namespace vigie;
namespace asio = boost::asio;

std::uint16_t portOf(const ingest::Engine& engine, ingest::ListenSpec::Protocol protocol)
{
    for (const auto& spec : engine.boundListeners())
        if (spec.protocol == protocol)
            return spec.port;
    return 0;
}

// Waits until the engine has stored everything it received (or fails after a minute).
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

std::string line(const char* transport, int n)
{
    return "<134>1 2026-11-22T10:00:00.000001Z host-" + std::to_string(n % 7) + " app " + std::to_string(n) +
           " - - " + transport + "-seq=" + std::to_string(n);
}

class IngestEngineTest : public ::testing::Test {
protected:
    test::TestDatabase db_{"ingest_engine"};
};

TEST_F(IngestEngineTest, TenThousandTcpLinesStoredExactlyOnceAndUdpLossIsCounted)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    config.listens = {*ingest::ListenSpec::fromUri("tcp://127.0.0.1:0"),
                      *ingest::ListenSpec::fromUri("udp://127.0.0.1:0")};
    config.parse_workers = 2;
    ingest::Engine engine(config);
    engine.start();
    const auto tcp_port = portOf(engine, ingest::ListenSpec::Protocol::Tcp);
    const auto udp_port = portOf(engine, ingest::ListenSpec::Protocol::Udp);
    ASSERT_NE(tcp_port, 0);
    ASSERT_NE(udp_port, 0);

    constexpr int kLines = 10000;
    asio::io_context io;
    // TCP: newline framing for the first half, RFC 6587 octet counting for the second.
    asio::ip::tcp::socket tcp(io);
    tcp.connect({asio::ip::make_address("127.0.0.1"), tcp_port});
    std::string stream;
    for (int n = 0; n < kLines; ++n) {
        const auto text = line("tcp", n);
        stream += n < kLines / 2 ? text + "\n" : std::to_string(text.size()) + " " + text;
    }
    asio::write(tcp, asio::buffer(stream));
    tcp.close();

    asio::ip::udp::socket udp(io, asio::ip::udp::v4());
    const asio::ip::udp::endpoint target(asio::ip::make_address("127.0.0.1"), udp_port);
    for (int n = 0; n < kLines; ++n) {
        udp.send_to(asio::buffer(line("udp", n)), target);
        if (n % 500 == 0) // a sender at a realistic pace, not a flood
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    waitUntilStored(engine, 2 * kLines);
    engine.stop();

    const auto stats = engine.stats();
    EXPECT_EQ(stats.received, 2u * kLines);
    EXPECT_EQ(stats.parse_errors, 0u);
    store::PgConnection check(db_.conninfo());
    const auto tcp_rows = check.exec("SELECT count(*), count(DISTINCT message), min(pid), max(pid) FROM "
                                     "events WHERE message LIKE 'tcp-seq=%'");
    EXPECT_EQ(tcp_rows.integer(0, 0), kLines) << "every TCP line stored";
    EXPECT_EQ(tcp_rows.integer(0, 1), kLines) << "no TCP line stored twice";
    EXPECT_EQ(tcp_rows.integer(0, 2), 0);
    EXPECT_EQ(tcp_rows.integer(0, 3), kLines - 1);
    const auto udp_rows =
        check.exec("SELECT count(*), count(DISTINCT message) FROM events WHERE message LIKE 'udp-seq=%'");
    EXPECT_EQ(udp_rows.integer(0, 0), udp_rows.integer(0, 1)) << "no UDP datagram stored twice";
    EXPECT_EQ(static_cast<std::uint64_t>(udp_rows.integer(0, 0)) + stats.dropped,
              static_cast<std::uint64_t>(kLines))
        << "every UDP datagram is stored or counted as dropped";
    EXPECT_EQ(static_cast<std::uint64_t>(check.exec("SELECT count(*) FROM events").integer(0, 0)),
              stats.stored);
}

TEST_F(IngestEngineTest, LinesThatDoNotParseAreStoredRawWithTheFlag)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    ingest::Engine engine(config);
    engine.start();
    const std::string garbage = "\x01\x02 this is not syslog at all \xff\xfe";
    engine.submit(garbage, parse::Format::Rfc5424, "192.0.2.10");
    engine.submit("<13>Nov 22 10:00:00 web-01 sshd[42]: hello", parse::Format::Auto, "192.0.2.10");
    waitUntilStored(engine, 2);
    engine.stop();
    EXPECT_EQ(engine.stats().parse_errors, 1u);

    store::PgConnection check(db_.conninfo());
    const auto rows = check.exec(
        "SELECT raw, fields->>'raw_b64', fields ? 'parse_error', host FROM events WHERE parse_error");
    ASSERT_EQ(rows.rows(), 1);
    EXPECT_NE(rows.text(0, 0).find("this is not syslog at all"), std::string_view::npos);
    // The exact bytes survive even though PostgreSQL text cannot hold them.
    EXPECT_EQ(rows.text(0, 1), "AQIgdGhpcyBpcyBub3Qgc3lzbG9nIGF0IGFsbCD//g==");
    EXPECT_EQ(rows.text(0, 2), "t");
    EXPECT_EQ(rows.text(0, 3), "192.0.2.10") << "the sender's address stands in for the missing host";
    EXPECT_EQ(check
                  .exec("SELECT count(*) FROM events WHERE NOT parse_error AND host = 'web-01' AND app = "
                        "'sshd' AND pid = 42")
                  .integer(0, 0),
              1);
}

TEST_F(IngestEngineTest, ImplausibleTimestampsKeepTheOriginalAndUseTheReceiveTime)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    ingest::Engine engine(config);
    engine.start();
    engine.submit("<13>1 1970-01-02T00:00:00Z old-host app - - - from a sender with a dead clock",
                  parse::Format::Auto);
    waitUntilStored(engine, 1);
    engine.stop();
    store::PgConnection check(db_.conninfo());
    const auto rows = check.exec(
        "SELECT fields->>'original_ts', abs(extract(epoch FROM ts - received_at)) < 1 FROM events");
    ASSERT_EQ(rows.rows(), 1);
    EXPECT_EQ(rows.text(0, 0), "1970-01-02T00:00:00.000000Z");
    EXPECT_EQ(rows.text(0, 1), "t");
}

TEST_F(IngestEngineTest, EventsLandInTheirDailyPartition)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    ingest::Engine engine(config);
    engine.start();
    const auto yesterday = std::chrono::floor<std::chrono::days>(nowTimestamp()) - std::chrono::days(1);
    const std::chrono::year_month_day ymd(yesterday);
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d-%02u-%02uT12:00:00Z", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    engine.submit(std::string("<13>1 ") + stamp + " h a - - - yesterday's event", parse::Format::Auto);
    waitUntilStored(engine, 1);
    engine.stop();
    store::PgConnection check(db_.conninfo());
    char partition[32];
    std::snprintf(partition, sizeof partition, "events_%04d%02u%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    const auto rows = check.exec("SELECT tableoid::regclass::text FROM events");
    ASSERT_EQ(rows.rows(), 1);
    EXPECT_EQ(rows.text(0, 0), partition);
    // Today and the two days ahead exist before any event needs them.
    EXPECT_GE(
        check.exec("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass").integer(0, 0), 4);
}

TEST(IngestEngineErrors, AnUnreachableServerIsReportedClearly)
{
    ingest::EngineConfig config;
    config.conninfo = "host=127.0.0.1 port=1 dbname=vigie connect_timeout=2";
    ingest::Engine engine(config);
    try {
        engine.start();
        FAIL() << "start() should have failed";
    } catch (const store::ConnectionError& e) {
        EXPECT_NE(std::string(e.what()).find("127.0.0.1"), std::string::npos) << e.what();
    }
}

TEST(IngestEngineErrors, ARefusedLoginIsReportedClearly)
{
    test::TestDatabase db("refused_login");
    ingest::EngineConfig config;
    config.conninfo = db.conninfo() + " user=no_such_analyst";
    ingest::Engine engine(config);
    try {
        engine.start();
        FAIL() << "start() should have failed";
    } catch (const store::ConnectionError& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_analyst"), std::string::npos) << e.what();
    }
}

TEST_F(IngestEngineTest, ListenersComeAndGoWhileRunningAndEachSourceCountsItsOwn)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    ingest::Engine engine(config);
    engine.start();
    auto spec = *ingest::ListenSpec::fromUri("tcp://127.0.0.1:0?name=firewalls");
    const auto bound = engine.addListener(spec);
    EXPECT_THROW(engine.addListener(spec), std::runtime_error) << "names are unique";

    asio::io_context io;
    asio::ip::tcp::socket tcp(io);
    tcp.connect({asio::ip::make_address("127.0.0.1"), bound.port});
    std::string lines;
    for (int n = 0; n < 300; ++n)
        lines += line("tcp", n) + "\n";
    lines += "definitely not syslog\n";
    asio::write(tcp, asio::buffer(lines));
    tcp.close();

    const auto feed = engine.openFeed("import: auth.log", parse::Format::Auto);
    for (int n = 0; n < 200; ++n)
        engine.submit(feed, "<13>Nov 22 10:00:00 web-01 app[1]: feed line " + std::to_string(n));
    engine.closeFeed(feed);
    waitUntilStored(engine, 501);

    EXPECT_TRUE(engine.removeListener("firewalls"));
    EXPECT_FALSE(engine.removeListener("firewalls"));
    EXPECT_TRUE(engine.boundListeners().empty());
    asio::ip::tcp::socket refused(io);
    boost::system::error_code error;
    refused.connect({asio::ip::make_address("127.0.0.1"), bound.port}, error);
    EXPECT_TRUE(error) << "a removed listener no longer accepts connections";

    const auto stats = engine.stats();
    ASSERT_EQ(stats.sources.size(), 2u);
    EXPECT_EQ(stats.sources[0].name, "firewalls");
    EXPECT_EQ(stats.sources[0].kind, "tcp");
    EXPECT_EQ(stats.sources[0].received, 301u);
    EXPECT_EQ(stats.sources[0].parsed, 301u);
    EXPECT_EQ(stats.sources[0].parse_errors, 1u);
    EXPECT_EQ(stats.sources[0].stored, 301u);
    EXPECT_FALSE(stats.sources[0].active);
    EXPECT_EQ(stats.sources[1].name, "import: auth.log");
    EXPECT_EQ(stats.sources[1].kind, "feed");
    EXPECT_EQ(stats.sources[1].stored, 200u);
    EXPECT_GE(stats.sources[1].lag_seconds, 0.0);
    EXPECT_EQ(engine.feedStats(feed).stored, 200u);
    EXPECT_EQ(stats.received, 501u);
    EXPECT_EQ(stats.stored, 501u);
    engine.stop();
}

TEST_F(IngestEngineTest, UdpBeyondTheMemoryCapIsDroppedAndCountedNeverSilently)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    config.memory_cap_bytes = 4096; // a few records: a burst must overflow it
    config.listens = {*ingest::ListenSpec::fromUri("udp://127.0.0.1:0")};
    ingest::Engine engine(config);
    engine.start();
    const auto port = portOf(engine, ingest::ListenSpec::Protocol::Udp);
    asio::io_context io;
    asio::ip::udp::socket udp(io, asio::ip::udp::v4());
    const asio::ip::udp::endpoint target(asio::ip::make_address("127.0.0.1"), port);
    constexpr int kDatagrams = 20000;
    for (int n = 0; n < kDatagrams; ++n)
        udp.send_to(asio::buffer(line("udp", n)), target);
    // The kernel may drop some before they reach us; wait until nothing more arrives.
    std::uint64_t last = 0;
    for (int stable = 0; stable < 3;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const auto now = engine.stats().received;
        stable = now == last ? stable + 1 : 0;
        last = now;
    }
    engine.stop();
    const auto stats = engine.stats();
    EXPECT_GT(stats.dropped, 0u) << "the burst exceeded the cap";
    EXPECT_EQ(stats.stored + stats.dropped, stats.received) << "every datagram is stored or counted";
    store::PgConnection check(db_.conninfo());
    EXPECT_EQ(static_cast<std::uint64_t>(check.exec("SELECT count(*) FROM events").integer(0, 0)), stats.stored);
}

TEST_F(IngestEngineTest, OversizeGarbageAndInvalidUtf8AreStoredRawAndCountedNeverACrash)
{
    ingest::EngineConfig config;
    config.conninfo = db_.conninfo();
    config.listens = {*ingest::ListenSpec::fromUri("tcp://127.0.0.1:0")};
    ingest::Engine engine(config);
    engine.start();
    asio::io_context io;
    asio::ip::tcp::socket tcp(io);
    tcp.connect({asio::ip::make_address("127.0.0.1"), portOf(engine, ingest::ListenSpec::Protocol::Tcp)});
    std::string stream = "<13>Nov 22 10:00:00 web-01 app: " + std::string(200 * 1024, 'A') + "\n"; // oversize
    // Binary noise (no LF or NUL, which would end the frame): control bytes and stray UTF-8.
    std::string garbage(4096, '\x01');
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>(i % 3 == 0 ? 0x80 + (i * 37) % 128 : 1 + (i * 13) % 9);
    stream += garbage + "\n";
    stream += "<13>Nov 22 10:00:00 web-01 app: caf\xc3 invalid \xff\xfe utf-8\n";
    stream += "12 <13>truncat"; // a frame cut short by the connection closing
    asio::write(tcp, asio::buffer(stream));
    tcp.close();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (engine.stats().stored < 4 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    engine.stop();
    const auto stats = engine.stats();
    EXPECT_EQ(stats.dropped, 0u);
    EXPECT_EQ(stats.stored, stats.received);
    ASSERT_EQ(stats.sources.size(), 1u);
    EXPECT_GE(stats.sources[0].truncated, 1u);
    store::PgConnection check(db_.conninfo());
    EXPECT_EQ(check.exec("SELECT count(*) FROM events WHERE fields->>'truncated' = 'true' AND length(raw) = 65536")
                  .integer(0, 0),
              1)
        << "the oversize record is kept, cut at the limit, and says so";
    EXPECT_EQ(check.exec("SELECT count(*) FROM events WHERE fields ? 'raw_b64'").integer(0, 0), 2)
        << "garbage and invalid UTF-8 keep their exact bytes";
    EXPECT_EQ(check.exec("SELECT count(*) FROM events WHERE raw LIKE '%truncat'").integer(0, 0), 1)
        << "a frame cut short by the connection is kept too";
}

} // namespace
