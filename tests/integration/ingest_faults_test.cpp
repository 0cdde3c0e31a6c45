// Nothing is lost and nothing is stored twice when things break: PostgreSQL killed and
// restarted in the middle of a TCP send, and a collector killed while the database is down.
// Each test runs the real `vigiectl serve` against a PostgreSQL cluster of its own.
#include "ingest/asio.h"
#include "store/event_spool.h"
#include "store/pg_connection.h"
#include "support/child_process.h"
#include "support/scratch_cluster.h"

#include <gtest/gtest.h>

#include <csignal>
#include <regex>
#include <thread>

namespace {

using namespace vigie;
using namespace std::chrono_literals;
namespace asio = boost::asio;

// Starts `vigiectl serve` and returns the TCP port it listens on.
std::uint16_t startServe(test::ChildProcess& serve)
{
    const std::string line = serve.readErrorLine();
    std::smatch port;
    if (!std::regex_search(line, port, std::regex("tcp://127\\.0\\.0\\.1:(\\d+)")))
        throw std::runtime_error("vigiectl serve did not start: " + line);
    return static_cast<std::uint16_t>(std::stoi(port[1]));
}

long long countEvents(const std::string& conninfo, const char* what = "count(*)")
{
    try {
        store::PgConnection db(conninfo);
        return db.exec(std::string("SELECT ") + what + " FROM events").integer(0, 0);
    } catch (const store::StoreError&) {
        return -1; // the server is down
    }
}

// Waits until the events table holds `expected` rows (or fails after `limit`).
void waitForRows(const std::string& conninfo, long long expected, std::chrono::seconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    long long rows = 0;
    while ((rows = countEvents(conninfo)) != expected) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << rows << " of " << expected << " rows stored";
        std::this_thread::sleep_for(200ms);
    }
}

std::string line(int n)
{
    return "<38>1 2026-11-22T10:00:00Z bastion-01 sshd " + std::to_string(n) + " - - fault-seq=" + std::to_string(n) + "\n";
}

std::vector<std::string> serveCommand(const test::ScratchCluster& cluster, const std::filesystem::path& spool)
{
    return {VIGIECTL_PATH, "serve", "--database", cluster.conninfo(), "--listen", "tcp://127.0.0.1:0",
            "--spool", spool.string()};
}

TEST(IngestFaults, PostgresKilledAndRestartedDuringATcpSendLosesNothingAndDuplicatesNothing)
{
    test::ScratchCluster cluster;
    cluster.start();
    test::ScratchDirectory spool;
    test::ChildProcess serve(serveCommand(cluster, spool.path()));
    const auto port = startServe(serve);

    constexpr int kLines = 200000;
    std::thread sender([port] {
        asio::io_context io;
        asio::ip::tcp::socket socket(io);
        socket.connect({asio::ip::make_address("127.0.0.1"), port});
        std::string chunk;
        for (int n = 0; n < kLines; ++n) {
            chunk += line(n);
            if (n % 4000 == 3999) { // about 40,000 lines a second: the send spans the outage
                asio::write(socket, asio::buffer(chunk));
                chunk.clear();
                std::this_thread::sleep_for(100ms);
            }
        }
        asio::write(socket, asio::buffer(chunk));
    });
    std::this_thread::sleep_for(1500ms);
    cluster.kill();
    std::this_thread::sleep_for(2s);
    cluster.restart();
    sender.join();

    waitForRows(cluster.conninfo(), kLines, 180s);
    EXPECT_EQ(countEvents(cluster.conninfo(), "count(DISTINCT message)"), kLines) << "no line stored twice";
    serve.signal(SIGINT);
    EXPECT_EQ(serve.wait(), 0);
    EXPECT_EQ(serve.output(), "received=200000 stored=200000 parse_errors=0 dropped=0 alerts=0\n");
    // The outage really happened in the middle: batches went through the spool.
    std::smatch spooled;
    for (std::string text; !(text = serve.readErrorLine()).empty();)
        if (std::regex_search(text, spooled, std::regex(" spooled=(\\d+)")))
            break;
    ASSERT_FALSE(spooled.empty());
    EXPECT_GT(std::stoll(spooled[1]), 0);
}

TEST(IngestFaults, LinesSpooledWhileTheDatabaseIsDownAreStoredAfterTheCollectorIsKilledAndRestarted)
{
    test::ScratchCluster cluster;
    cluster.start();
    test::ScratchDirectory spool;
    constexpr int kLines = 5000;
    {
        test::ChildProcess serve(serveCommand(cluster, spool.path()));
        const auto port = startServe(serve);
        cluster.stop();
        asio::io_context io;
        asio::ip::tcp::socket socket(io);
        socket.connect({asio::ip::make_address("127.0.0.1"), port});
        std::string lines;
        for (int n = 0; n < kLines; ++n)
            lines += line(n);
        asio::write(socket, asio::buffer(lines));
        socket.close();
        // The collector writes everything to its spool within a flush interval or two; wait
        // until the spool file stops growing, then kill it without any chance to clean up.
        const auto spool_file = spool.path() / "spool.dat";
        std::uintmax_t last_size = 0;
        for (int stable = 0; stable < 5;) {
            std::this_thread::sleep_for(200ms);
            const auto size = std::filesystem::exists(spool_file) ? std::filesystem::file_size(spool_file) : 0;
            stable = size > 0 && size == last_size ? stable + 1 : 0;
            last_size = size;
        }
        serve.signal(SIGKILL);
        serve.wait();
    }
    {
        store::EventSpool left(spool.path(), 1ull << 30);
        EXPECT_EQ(left.pendingEvents(), static_cast<std::uint64_t>(kLines)) << "everything reached the spool";
    }
    cluster.start();
    test::ChildProcess again(serveCommand(cluster, spool.path()));
    startServe(again);
    waitForRows(cluster.conninfo(), kLines, 60s);
    again.signal(SIGINT);
    EXPECT_EQ(again.wait(), 0);
    EXPECT_EQ(countEvents(cluster.conninfo(), "count(DISTINCT message)"), kLines);
    store::EventSpool drained(spool.path(), 1ull << 30);
    EXPECT_EQ(drained.pendingEvents(), 0u);
}

} // namespace
