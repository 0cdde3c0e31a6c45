#include "demo/demo_scenario.h"

#include "ingest/asio.h"

#include <array>
#include <cstdio>
#include <ctime>

namespace vigie::demo {
namespace {

constexpr const char* kAttacker = "203.0.113.45"; // TEST-NET-3: documentation addresses only
constexpr const char* kAdmin = "10.0.4.21";
constexpr std::array kServers = {"web-01", "web-02", "db-01", "bastion-01"};
constexpr std::array kWebPaths = {"/",      "/login", "/api/v1/items", "/api/v1/orders", "/static/app.js",
                                  "/health"};
// Lines of background noise between two runs of the attack.
constexpr std::uint64_t kAttackPeriod = 600;
// The attack starts early so a new user sees it within seconds.
constexpr std::uint64_t kFirstAttackAt = 40;
constexpr std::uint64_t kAttackLength = 32; // every other line: 16 attack stages

// "Nov 22 06:05:01" in local time, as RFC 3164 senders write it.
std::string bsdTime(Timestamp now)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(now));
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%b %e %H:%M:%S", &local);
    return text;
}

// "2026-11-22T06:05:01.123456Z", as RFC 5424 senders write it.
std::string isoTime(Timestamp now)
{
    const auto day = std::chrono::floor<std::chrono::days>(now);
    const std::chrono::year_month_day ymd(day);
    const std::chrono::hh_mm_ss time(now - day);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
    return text;
}

// <PRI> for a facility and severity.
std::string pri(int facility, int severity)
{
    return "<" + std::to_string(facility * 8 + severity) + ">";
}

constexpr int kKern = 0, kUser = 1, kAuthpriv = 10, kCron = 9, kLocal7 = 23, kDaemon = 3;

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
    const std::string host = kServers[pick(kServers.size())];
    const int pid = 1000 + static_cast<int>(pick(30000));
    switch (pick(10)) {
    case 0:
        return pri(kCron, 6) + bsdTime(now) + " " + host + " CRON[" + std::to_string(pid) +
               "]: (root) CMD (/usr/lib/php/sessionclean)";
    case 1:
        return pri(kAuthpriv, 6) + bsdTime(now) + " bastion-01 sshd[" + std::to_string(pid) +
               "]: Accepted publickey for deploy from " + kAdmin + " port " +
               std::to_string(40000 + pick(20000)) + " ssh2: ED25519 SHA256:9mXq3Jf0bQ2kC1vV5yYwT7rLhP4sN8dZ6eA0gU3iKoM";
    case 2:
        return pri(kDaemon, 6) + bsdTime(now) + " " + host + " systemd[1]: Started Session " +
               std::to_string(100 + pick(900)) + " of user deploy.";
    case 3:
        return pri(kKern, 4) + bsdTime(now) + " fw-01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100." +
               std::to_string(1 + pick(250)) +
               " DST=10.0.1.5 PROTO=TCP SPT=" + std::to_string(1024 + pick(60000)) + " DPT=23";
    case 4:
        return pri(kUser, 6) + "1 " + isoTime(now) + " db-01 postgres " + std::to_string(pid) +
               " - [meta sequenceId=\"" + std::to_string(step_) + "\"] checkpoint complete: wrote " +
               std::to_string(pick(2000)) + " buffers";
    default: {
        const int status = pick(20) == 0 ? 404 : 200;
        return pri(kLocal7, 6) + "1 " + isoTime(now) + " " + (pick(2) ? "web-01" : "web-02") + " nginx " +
               std::to_string(pid) + " access - 10.0.3." + std::to_string(1 + pick(200)) + " - - \"GET " +
               kWebPaths[pick(kWebPaths.size())] + " HTTP/1.1\" " + std::to_string(status) + " " +
               std::to_string(200 + pick(50000));
    }
    }
}

std::string DemoScenario::attackLine(Timestamp now)
{
    const std::uint64_t stage = attack_step_++ % (kAttackLength / 2);
    // Each connection attempt is a new sshd process, as with a real sshd.
    const auto sshd = [&](std::uint64_t connection) {
        return pri(kAuthpriv, 6) + bsdTime(now) + " bastion-01 sshd[" + std::to_string(4711 + connection * 3) + "]: ";
    };
    const auto port = [&](std::uint64_t connection) { return std::to_string(51000 + connection * 7); };
    if (stage < 4) { // guessing a user that does not exist: sshd names it first, then the failure
        const std::uint64_t connection = stage / 2;
        return sshd(connection) +
               (stage % 2 == 0 ? std::string("Invalid user admin from ") + kAttacker + " port " + port(connection)
                               : std::string("Failed password for invalid user admin from ") + kAttacker + " port " +
                                     port(connection) + " ssh2");
    }
    if (stage < 9) // then root, five times
        return sshd(stage) + "Failed password for root from " + kAttacker + " port " + port(stage) + " ssh2";
    if (stage == 9)
        return sshd(9) + "Accepted password for alice from " + kAttacker + " port " + port(9) + " ssh2";
    if (stage == 10)
        return sshd(9) + "pam_unix(sshd:session): session opened for user alice(uid=1001) by (uid=0)";
    if (stage == 11)
        return pri(kAuthpriv, 5) + bsdTime(now) +
               " bastion-01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash";
    if (stage == 12)
        return pri(kAuthpriv, 6) + bsdTime(now) + " bastion-01 groupadd[4789]: new group: name=support, GID=1002";
    if (stage == 13)
        return pri(kAuthpriv, 6) + bsdTime(now) +
               " bastion-01 useradd[4790]: new user: name=support, UID=1002, GID=1002, home=/home/support, "
               "shell=/bin/bash, from=/dev/pts/0";
    // Then a scan of the internal network from the compromised host.
    return pri(kKern, 4) + bsdTime(now) + " fw-01 kernel: [UFW BLOCK] IN=eth1 OUT= SRC=10.0.1.9 DST=10.0.2." +
           std::to_string(10 + stage) + " PROTO=TCP SPT=40001 DPT=" + (stage == 14 ? "445" : "3389");
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
