// The demo scenario and its feeder (demo_scenario.h): lines built with demo_lines.h; the feeder
// runs on its own thread, the scenario on whichever thread asks for lines.
#include "demo/demo_scenario.h"

#include "demo/demo_lines.h"
#include "ingest/asio.h"

#include <array>

namespace vigie::demo {
namespace {

constexpr std::array kWebPaths = {"/",      "/login", "/api/v1/items", "/api/v1/orders", "/static/app.js",
                                  "/health"};
constexpr std::array kDomains = {"updates.example.com", "api.example.net", "cdn.example.org",
                                 "mail.example.com"};
// Lines of background noise between two runs of the attack.
constexpr std::uint64_t kAttackPeriod = 600;
// The attack starts early so a new user sees it within seconds.
constexpr std::uint64_t kFirstAttackAt = 10;
// Attack stages (every other line during the attack): 2 guesses of a user that does not exist
// (2 lines each), the IDS noticing, 23 guesses of root — 25 failed passwords, enough for the
// brute-force detectors — then alice's success, her session, sudo, a new group and user, and
// a scan from the compromised host seen by the firewall.
constexpr std::uint64_t kInvalidUserStages = 4;
constexpr std::uint64_t kIdsStage = kInvalidUserStages;
constexpr std::uint64_t kRootGuesses = 23;
constexpr std::uint64_t kSuccessStage = kIdsStage + 1 + kRootGuesses;
constexpr std::uint64_t kAttackStages = kSuccessStage + 7;
constexpr std::uint64_t kAttackLength = kAttackStages * 2;
constexpr int kBastion = 3; // index in kServers

} // namespace

DemoScenario::DemoScenario(std::uint64_t seed) : random_(seed) {}

std::string DemoScenario::nextLine(Timestamp now)
{
    const std::uint64_t step = step_++;
    const bool in_attack = step >= kFirstAttackAt && (step - kFirstAttackAt) % kAttackPeriod < kAttackLength;
    // Interleave: during the attack every other line is the attacker's.
    if (in_attack && step % 2 == 0)
        return attackLine(now);
    return noiseLine(now);
}

std::string DemoScenario::noiseLine(Timestamp now)
{
    const auto pick = [this](std::size_t n) { return static_cast<std::size_t>(random_() % n); };
    const std::size_t server = pick(kServers.size());
    const std::string host = kServers[server];
    const int pid = 1000 + static_cast<int>(pick(30000));
    const auto ephemeral = [&] { return 32768 + static_cast<int>(pick(28000)); };
    const std::string client = "10.0.3." + std::to_string(1 + pick(200));
    switch (pick(15)) {
    case 0:
        return pri(kCron, 6) + bsdTime(now) + " " + host + " CRON[" + std::to_string(pid) +
               "]: (root) CMD (/usr/lib/php/sessionclean)";
    case 1:
        return sshdAccepted(now, kServers[kBastion], pid, "publickey", "deploy", kAdmin,
                            40000 + static_cast<int>(pick(20000)));
    case 2:
        return pri(kDaemon, 6) + bsdTime(now) + " " + host + " systemd[1]: Started Session " +
               std::to_string(100 + pick(900)) + " of user deploy.";
    case 3:
        return ufw(now, "BLOCK", "eth0", "198.51.100." + std::to_string(1 + pick(250)), kServerAddresses[0],
                   "TCP", 1024 + static_cast<int>(pick(60000)), pick(3) == 0 ? 3389 : 23);
    case 4:
        return pri(kUser, 6) + "1 " + isoTime(now) + " db-01 postgres " + std::to_string(pid) +
               " - [meta sequenceId=\"" + std::to_string(step_) + "\"] checkpoint complete: wrote " +
               std::to_string(pick(2000)) + " buffers";
    case 5:
        return eveFlow(now, {client, ephemeral(), kServerAddresses[server], 443}, "tls",
                       2000 + static_cast<int>(pick(200000)));
    case 6:
        return eveDns(now, {client, ephemeral(), "10.0.0.53", 53, "UDP"}, kDomains[pick(kDomains.size())]);
    case 7:
        // Rarely, one of the usual IDS alerts of the office network.
        if (pick(8) == 0)
            return pick(2) ? eveAlert(now, {client, ephemeral(), "198.51.100.80", 443}, kIpLookupTls, false)
                           : eveAlert(now, {client, ephemeral(), "198.51.100.7", 80}, kDottedQuadPost, false);
        return eveTls(now, {client, ephemeral(), "198.51.100.80", 443}, kDomains[pick(kDomains.size())]);
    default: {
        const int status = pick(20) == 0 ? 404 : 200;
        return pri(kLocal7, 6) + "1 " + isoTime(now) + " " + (pick(2) ? "web-01" : "web-02") + " nginx " +
               std::to_string(pid) + " access - " + client + " - - \"GET " +
               kWebPaths[pick(kWebPaths.size())] + " HTTP/1.1\" " + std::to_string(status) + " " +
               std::to_string(200 + pick(50000));
    }
    }
}

std::string DemoScenario::attackLine(Timestamp now)
{
    const std::uint64_t stage = attack_step_++ % kAttackStages;
    const char* bastion = kServers[kBastion];
    // Each connection attempt is a new sshd process, as with a real sshd.
    const auto pid = [](std::uint64_t connection) { return 4711 + static_cast<int>(connection) * 3; };
    const auto port = [](std::uint64_t connection) { return 51000 + static_cast<int>(connection) * 7; };
    // Guessing a user that does not exist: sshd names it first, then the failure.
    if (stage < kInvalidUserStages) {
        const std::uint64_t connection = stage / 2;
        if (stage % 2 == 0)
            return bsdHeader(now, kAuthpriv, 6, bastion, "sshd", pid(connection)) +
                   "Invalid user admin from " + kAttacker + " port " + std::to_string(port(connection));
        return sshdFailed(now, bastion, pid(connection), "admin", true, kAttacker, port(connection));
    }
    if (stage == kIdsStage) // the sensor in front of the bastion notices the burst
        return eveAlert(now, {kAttacker, port(2), kServerAddresses[kBastion], 22}, kSshScan, false);
    if (stage < kSuccessStage) // then root, again and again
        return sshdFailed(now, bastion, pid(stage), "root", false, kAttacker, port(stage));
    const std::uint64_t after = stage - kSuccessStage;
    if (after == 0)
        return sshdAccepted(now, bastion, pid(stage), "password", "alice", kAttacker, port(stage));
    if (after == 1)
        return bsdHeader(now, kAuthpriv, 6, bastion, "sshd", pid(kSuccessStage)) +
               "pam_unix(sshd:session): session opened for user alice(uid=1001) by (uid=0)";
    if (after == 2)
        return pri(kAuthpriv, 5) + bsdTime(now) + " " + bastion +
               " sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash";
    if (after == 3)
        return bsdHeader(now, kAuthpriv, 6, bastion, "groupadd", 4789) + "new group: name=support, GID=1002";
    if (after == 4)
        return bsdHeader(now, kAuthpriv, 6, bastion, "useradd", 4790) +
               "new user: name=support, UID=1002, GID=1002, home=/home/support, shell=/bin/bash, "
               "from=/dev/pts/0";
    // Then a scan of the internal network from the compromised host.
    return ufw(now, "BLOCK", "eth1", kServerAddresses[kBastion], "10.0.2." + std::to_string(10 + after),
               "TCP", 40001, after == 5 ? 445 : 3389);
}

DemoFeeder::DemoFeeder(std::string host, std::uint16_t port, double lines_per_second, std::uint64_t seed)
    : host_(std::move(host)), port_(port), lines_per_second_(lines_per_second), scenario_(seed)
{
}

DemoFeeder::~DemoFeeder()
{
    stop();
}

void DemoFeeder::start()
{
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void DemoFeeder::stop()
{
    stopping_ = true;
    if (thread_.joinable())
        thread_.join();
}

void DemoFeeder::run()
{
    namespace asio = boost::asio;
    asio::io_context io;
    const auto interval = std::chrono::duration<double>(1.0 / lines_per_second_);
    auto next = std::chrono::steady_clock::now();
    std::optional<asio::ip::tcp::socket> socket;
    std::string pending; // a line that could not be sent yet is sent after reconnecting
    while (!stopping_) {
        if (!socket) {
            boost::system::error_code error;
            asio::ip::tcp::socket fresh(io);
            fresh.connect({asio::ip::make_address(host_, error), port_}, error);
            if (error) {
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
                continue;
            }
            socket.emplace(std::move(fresh));
        }
        if (pending.empty())
            pending = scenario_.nextLine(nowTimestamp()) + "\n";
        boost::system::error_code error;
        asio::write(*socket, asio::buffer(pending), error);
        if (error) {
            socket.reset();
            continue;
        }
        pending.clear();
        sent_.fetch_add(1);
        next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(interval);
        std::this_thread::sleep_until(next);
    }
}

} // namespace vigie::demo
