// `vigiectl rules import|list` as an operator runs them on a collector: the files that can run
// are stored (and then run by every engine on the database), the report is the one of `rules
// check` plus the files left out and why; `rules list` shows the built-in rules and the import.
// A running `vigiectl serve` picks up a rule stored meanwhile (by a desktop or an import) within
// its polling interval, and judges the events received after that with it.
#include "store/alert_store.h"
#include "store/pg_connection.h"
#include "store/rule_store.h"
#include "support/child_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using namespace vigie;

TEST(VigiectlRulesImport, StoresWhatCanRunAndReportsEachDocument)
{
    test::TestDatabase db("vigiectl_rules_import");
    const auto dir = std::filesystem::temp_directory_path() / ("vigie-rules-import-" + db.name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "good.yml") << "title: Good\nid: good-1\nlogsource: {product: linux, service: sshd}\n"
                                       "detection:\n  sel: {action: ssh_login}\n  condition: sel\n";
    std::ofstream(dir / "broken.yml") << "title: Broken\nid: broken-1\nlogsource: {product: linux}\n"
                                         "detection:\n  sel: {a|nosuchmodifier: x}\n  condition: sel\n";

    test::ChildProcess import({VIGIECTL_PATH, "rules", "import", "--database", db.conninfo(), dir.string()});
    EXPECT_EQ(import.wait(), 0);
    const std::string& out = import.output();
    EXPECT_NE(out.find("ok  " + (dir / "good.yml").string() + "  good-1  Good\n"), std::string::npos) << out;
    EXPECT_NE(out.find("unsupported: unknown modifier nosuchmodifier"), std::string::npos) << out;
    EXPECT_NE(out.find("total 2: ok 1, unsupported 1 (50.0 % ok)\n"), std::string::npos) << out;
    EXPECT_NE(out.find("not stored: " + (dir / "broken.yml").string()), std::string::npos) << out;
    EXPECT_NE(out.find("stored 1 of 2 files\n"), std::string::npos) << out;

    store::PgConnection connection(db.conninfo());
    const auto stored = store::RuleStore(connection).list();
    ASSERT_EQ(stored.size(), 1u); // the built-in rules are seeded by whoever runs the engine
    EXPECT_EQ(stored[0].name, "good.yml");
    EXPECT_EQ(stored[0].origin, "imported");

    test::ChildProcess list({VIGIECTL_PATH, "rules", "list", "--database", db.conninfo()});
    EXPECT_EQ(list.wait(), 0);
    EXPECT_NE(list.output().find("\ton\timported\tv1\tgood.yml\tgood-1\n"), std::string::npos)
        << list.output();
    EXPECT_NE(list.output().find("\ton\tbuiltin\tv1\tsudo_root_unusual_user.yml\t"), std::string::npos)
        << list.output();

    test::ChildProcess usage({VIGIECTL_PATH, "rules", "import", "--database", db.conninfo()});
    EXPECT_EQ(usage.wait(), 2);
    std::filesystem::remove_all(dir);
}

long long countEvents(const std::string& conninfo)
{
    store::PgConnection db(conninfo);
    return db.exec("SELECT count(*) FROM events").integer(0, 0);
}

void sendLine(int port, const std::string& line)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string framed = line + "\n";
    EXPECT_EQ(::send(fd, framed.data(), framed.size(), MSG_NOSIGNAL), static_cast<ssize_t>(framed.size()));
    ::close(fd);
}

// The next line of serve's standard error about detection (the retention scheduler has its say
// in between, on its own thread).
std::string nextDetectionLine(test::ChildProcess& serve)
{
    for (int i = 0; i < 10; ++i) {
        const std::string line = serve.readErrorLine();
        if (line.empty() || line.find("retention") == std::string::npos)
            return line;
    }
    return {};
}

void waitEvents(const std::string& conninfo, long long count)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (countEvents(conninfo) < count && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_EQ(countEvents(conninfo), count);
}

TEST(VigiectlRulesImport, ServePicksUpARuleStoredWhileItRuns)
{
    test::TestDatabase db("vigiectl_serve_reload");
    test::ChildProcess serve(
        {VIGIECTL_PATH, "serve", "--database", db.conninfo(), "--listen", "tcp://127.0.0.1:0"});
    const std::string listening = serve.readErrorLine();
    std::smatch port;
    ASSERT_TRUE(std::regex_search(listening, port, std::regex("tcp://127\\.0\\.0\\.1:(\\d+)"))) << listening;
    EXPECT_EQ(nextDetectionLine(serve), "vigiectl serve: detection: 4 rules"); // the built-in ones, seeded
    const std::string failure = "<38>Nov 22 08:00:00 bastion-01 sshd[1234]: Failed password for invalid user "
                                "admin from 203.0.113.7 port 4242 ssh2";
    sendLine(std::stoi(port[1]), failure);
    waitEvents(db.conninfo(), 1);

    store::PgConnection connection(db.conninfo());
    store::StoredRule rule;
    rule.name = "custom.yml";
    rule.yaml = "title: Custom SSH failure\nid: custom-ssh\nlogsource: {product: linux, service: sshd}\n"
                "detection:\n  sel: {action: ssh_login, outcome: failure}\n  condition: sel\n";
    store::RuleStore(connection).add(rule);
    EXPECT_EQ(nextDetectionLine(serve), "vigiectl serve: the stored rules changed: 5 rules from now on");
    sendLine(std::stoi(port[1]), failure);
    waitEvents(db.conninfo(), 2);

    serve.signal(SIGINT);
    EXPECT_EQ(serve.wait(), 0);
    EXPECT_EQ(serve.output(), "received=2 stored=2 parse_errors=0 dropped=0 alerts=1\n");
    const auto alerts = store::AlertStore(connection).list(true, 10);
    ASSERT_EQ(alerts.size(), 1u);
    EXPECT_EQ(alerts[0].record.rule_id, "custom-ssh");
    EXPECT_EQ(alerts[0].record.count, 1);
}

} // namespace
