// vigiectl as an operator runs it: serve until SIGINT, import files, parse standard input.
#include "store/pg_connection.h"
#include "support/child_process.h"
#include "support/shared_data.h"
#include "support/test_database.h"

#include "ingest/asio.h"
#include <gtest/gtest.h>
#include <simdjson.h>

#include <csignal>
#include <regex>
#include <thread>

namespace {

using namespace vigie;

long long countEvents(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    return db.exec("SELECT count(*) FROM events").integer(0, 0);
}

TEST(Vigiectl, ServeStoresWhatItReceivedAndPrintsTheSummaryOnSigint)
{
    test::TestDatabase db("vigiectl_serve");
    test::ChildProcess serve(
        {VIGIECTL_PATH, "serve", "--database", db.conninfo(), "--listen", "tcp://127.0.0.1:0"});
    const std::string listening = serve.readErrorLine();
    std::smatch port;
    ASSERT_TRUE(std::regex_search(listening, port, std::regex("tcp://127\\.0\\.0\\.1:(\\d+)"))) << listening;

    constexpr int kLines = 2000;
    namespace asio = boost::asio;
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(port[1]))});
    std::string lines;
    for (int n = 0; n < kLines; ++n)
        lines += "<38>Nov 22 10:00:00 bastion-01 sshd[" + std::to_string(n) +
                 "]: Failed password for root from 203.0.113.45 port 5" + std::to_string(n) + " ssh2\n";
    asio::write(socket, asio::buffer(lines));
    socket.close();
    // Stop as soon as the first rows are in: serve must flush the rest before it exits.
    while (countEvents(db.conninfo()) == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    serve.signal(SIGINT);
    EXPECT_EQ(serve.wait(), 0);
    EXPECT_EQ(serve.output(), "received=2000 stored=2000 parse_errors=0 dropped=0 alerts=0\n");
    EXPECT_EQ(countEvents(db.conninfo()), kLines);
}

TEST(Vigiectl, ImportStoresEveryLineOfARealLogFile)
{
    test::TestDatabase db("vigiectl_import");
    const auto file = test::sharedData("loghub/OpenSSH/OpenSSH_2k.log");
    test::ChildProcess import({VIGIECTL_PATH, "import", "--database", db.conninfo(), file.string()});
    EXPECT_EQ(import.wait(), 0);
    EXPECT_EQ(import.output(), "received=2000 stored=2000 parse_errors=0 dropped=0 alerts=0\n");
    store::PgConnection check(db.conninfo());
    // Spot-check one known line (line 2 of the sample).
    const auto rows = check.exec("SELECT host, app, pid FROM events WHERE message = $1",
                                 {std::string("Invalid user webmaster from 173.234.31.186")});
    ASSERT_GE(rows.rows(), 1);
    EXPECT_EQ(rows.text(0, 0), "LabSZ");
    EXPECT_EQ(rows.text(0, 1), "sshd");
    EXPECT_EQ(rows.text(0, 2), "24200");
}

TEST(Vigiectl, ImportOfAMissingFileSaysSoAndFails)
{
    test::TestDatabase db("vigiectl_import_missing");
    test::ChildProcess import(
        {VIGIECTL_PATH, "import", "--database", db.conninfo(), "/nonexistent/auth.log"});
    const auto message = import.readErrorLine();
    EXPECT_NE(import.wait(), 0);
    EXPECT_NE(message.find("cannot read /nonexistent/auth.log"), std::string::npos) << message;
}

TEST(Vigiectl, ParsePrintsOneJsonEventPerLine)
{
    test::ChildProcess parse({VIGIECTL_PATH, "parse"});
    parse.writeInput("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                     "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] An application event\n"
                     "not syslog\n");
    EXPECT_EQ(parse.wait(), 0);
    simdjson::dom::parser json;
    std::istringstream lines(parse.output());
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    const auto event = json.parse(first).value();
    EXPECT_EQ(std::string_view(event["host"].get_string().value()), "mymachine.example.com");
    EXPECT_EQ(std::string_view(event["app"].get_string().value()), "evntslog");
    EXPECT_EQ(std::string_view(event["ts"].get_string().value()), "2003-10-11T22:14:15.003000Z");
    EXPECT_EQ(int64_t(event["severity"].get_int64().value()), 5);
    EXPECT_EQ(int64_t(event["facility"].get_int64().value()), 20);
    EXPECT_EQ(std::string_view(event["message"].get_string().value()), "An application event");
    EXPECT_FALSE(bool(event["parse_error"].get_bool().value()));
    const auto bad = json.parse(second).value();
    EXPECT_TRUE(bool(bad["parse_error"].get_bool().value()));
    EXPECT_EQ(std::string_view(bad["raw"].get_string().value()), "not syslog");
}

} // namespace
