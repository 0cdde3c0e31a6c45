// Demo history (demo_history.h): lines in the live scenario's words, parsed as the engine would
// parse them, stamped inside the past hours, stored one day per batch. Worker thread only.
#include "demo/demo_history.h"

#include "demo/demo_lines.h"
#include "parse/record_parser.h"
#include "store/event_writer.h"
#include "store/settings_store.h"

#include <algorithm>
#include <array>
#include <ctime>

namespace vigie::demo {
namespace {

using std::chrono::hours;
using std::chrono::microseconds;

// Seasonal events in an ordinary weekday hour; ×4 in office hours, ×0.3 at night, ×0.5 on
// weekends: about 130,000 events over fourteen days.
constexpr double kBaseHourly = 220;

constexpr std::array kUsers = {"alice", "bob", "carol"}; // they work from 10.0.4.0/24, always
constexpr std::array kAdmins = {"deploy", "ansible"};
constexpr std::array kWebPaths = {"/",      "/login", "/api/v1/items", "/api/v1/orders", "/static/app.js",
                                  "/health"};
constexpr std::array kDomains = {"updates.example.com", "api.example.net", "cdn.example.org",
                                 "mail.example.com"};
// The Internet's usual background: a few scanners, the ports they always try.
constexpr std::array kScanners = {"198.51.100.7", "198.51.100.23", "198.51.100.61", "198.51.100.140",
                                  "192.0.2.15",   "192.0.2.77",    "192.0.2.130",   "203.0.113.9",
                                  "203.0.113.88", "198.51.100.201"};
constexpr std::array kUsualPorts = {23, 23, 23, 23, 22, 22, 3389, 3389, 445, 445, 1433, 5900};
constexpr std::array kGuessedUsers = {"test", "oracle", "ubuntu", "admin", "pi", "postgres"};

double seasonalFactor(Timestamp hour)
{
    const std::time_t seconds =
        std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(hour));
    std::tm local{};
    localtime_r(&seconds, &local);
    double factor = 1.0;
    if (local.tm_hour >= 8 && local.tm_hour < 18)
        factor = 4.0;
    else if (local.tm_hour >= 22 || local.tm_hour < 6)
        factor = 0.3;
    if (local.tm_wday == 0 || local.tm_wday == 6)
        factor *= 0.5;
    return factor;
}

} // namespace

DemoHistory::DemoHistory(Timestamp end, std::chrono::days days, std::uint64_t seed)
    : end_(end), hour_(std::chrono::floor<hours>(end - days)), random_(seed)
{
}

std::string DemoHistory::seasonalLine(Timestamp ts)
{
    const auto pick = [this](std::size_t n) { return static_cast<std::size_t>(random_() % n); };
    const auto ephemeral = [&] { return 32768 + static_cast<int>(pick(28000)); };
    const std::size_t server = pick(kServers.size());
    const int pid = 1000 + static_cast<int>(pick(30000));
    const std::string client = "10.0.3." + std::to_string(1 + pick(200));
    const std::string office = "10.0.4." + std::to_string(10 + pick(40));
    const std::size_t roll = pick(100);
    if (roll < 30)
        return pri(kLocal7, 6) + "1 " + isoTime(ts) + " " + kServers[pick(2)] + " nginx " +
               std::to_string(pid) + " access - " + client + " - - \"GET " +
               kWebPaths[pick(kWebPaths.size())] + " HTTP/1.1\" " + (pick(20) == 0 ? "404 " : "200 ") +
               std::to_string(200 + pick(50000));
    if (roll < 44)
        return eveFlow(ts, {client, ephemeral(), kServerAddresses[server], 443}, "tls",
                       2000 + static_cast<int>(pick(200000)));
    if (roll < 54)
        return eveDns(ts, {client, ephemeral(), "10.0.0.53", 53, "UDP"}, kDomains[pick(kDomains.size())]);
    if (roll < 60)
        return eveTls(ts, {client, ephemeral(), "198.51.100.80", 443}, kDomains[pick(kDomains.size())]);
    if (roll < 65)
        return bsdHeader(ts, kCron, 6, kServers[server], "CRON", pid) +
               "(root) CMD (/usr/lib/php/sessionclean)";
    if (roll < 70)
        return bsdHeader(ts, kDaemon, 6, kServers[server], "systemd", 1) + "Started Session " +
               std::to_string(100 + pick(900)) + " of user deploy.";
    if (roll < 74)
        return pri(kUser, 6) + "1 " + isoTime(ts) + " db-01 postgres " + std::to_string(pid) +
               " - - checkpoint complete: wrote " + std::to_string(pick(2000)) + " buffers";
    if (roll < 77) // the administrators' automation
        return sshdAccepted(ts, kServers[server], pid, "publickey", kAdmins[pick(kAdmins.size())], kAdmin,
                            ephemeral());
    if (roll < 81) // the staff, from the office network only
        return sshdAccepted(ts, pick(2) ? "bastion-01" : kServers[server], pid, "publickey",
                            kUsers[pick(kUsers.size())], office, ephemeral());
    if (roll < 84)
        return bsdHeader(ts, kAuthpriv, 6, kServers[server], "sshd", pid) +
               "pam_unix(sshd:session): session opened for user " + kUsers[pick(kUsers.size())] + "(uid=100" +
               std::to_string(1 + pick(3)) + ") by (uid=0)";
    if (roll < 88)
        return bsdHeader(ts, kAuthpriv, 5, kServers[server], "sudo", 0) + "  " +
               kAdmins[pick(kAdmins.size())] +
               " : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx";
    if (roll < 89)
        return bsdHeader(ts, kAuthpriv, 5, "db-01", "su", pid) + "(to postgres) root on pts/1";
    if (roll < 92) // the office reaching the bastion through the firewall
        return ufw(ts, "ALLOW", "eth1", office, kServerAddresses[3], "TCP", ephemeral(), 22);
    return eveFlow(ts, {office, ephemeral(), "10.0.0.53", 53, "UDP"}, "dns",
                   200 + static_cast<int>(pick(800)));
}

void DemoHistory::steadyLines(Timestamp hour, std::vector<std::pair<Timestamp, std::string>>& lines)
{
    const auto pick = [this](std::size_t n) { return static_cast<std::size_t>(random_() % n); };
    const auto at = [&] { return hour + microseconds(static_cast<std::int64_t>(pick(3'600'000'000ull))); };
    const auto scanner = [&] { return kScanners[pick(kScanners.size())]; };
    const auto port = [&] { return 32768 + static_cast<int>(pick(28000)); };
    // Blocked by the firewall, whatever the hour: 8 to 16.
    for (std::size_t n = 8 + pick(9); n > 0; --n) {
        const Timestamp ts = at();
        lines.emplace_back(ts, ufw(ts, "BLOCK", "eth0", scanner(),
                                   kServerAddresses[pick(kServerAddresses.size())], "TCP", port(),
                                   kUsualPorts[pick(kUsualPorts.size())]));
    }
    // A few failed logins on bastion-01: 1 to 5, sometimes a user sshd does not know.
    for (std::size_t n = 1 + pick(5); n > 0; --n) {
        const Timestamp ts = at();
        const char* user = kGuessedUsers[pick(kGuessedUsers.size())];
        const int pid = 2000 + static_cast<int>(pick(30000));
        if (pick(3) == 0)
            lines.emplace_back(ts, bsdHeader(ts, kAuthpriv, 6, "bastion-01", "sshd", pid) + "Invalid user " +
                                       user + " from " + scanner() + " port " + std::to_string(port()));
        else
            lines.emplace_back(ts, sshdFailed(ts, "bastion-01", pid, user, true, scanner(), port()));
    }
    // Elsewhere failures are rare: a colleague mistyping su's password on db-01.
    if (pick(8) == 0) {
        const Timestamp ts = at();
        lines.emplace_back(ts,
                           bsdHeader(ts, kAuthpriv, 5, "db-01", "su", 5000 + static_cast<int>(pick(1000))) +
                               "FAILED SU (to postgres) " + kUsers[pick(kUsers.size())] + " on pts/2");
    }
    // Now and then alice mistypes her password, from the office.
    if (seasonalFactor(hour) >= 4.0 && pick(25) == 0) {
        const Timestamp ts = at();
        lines.emplace_back(ts, sshdFailed(ts, "bastion-01", 3000 + static_cast<int>(pick(1000)), "alice",
                                          false, "10.0.4." + std::to_string(10 + pick(40)), port()));
    }
    // About one IDS alert an hour; the inline sensor drops one in five.
    if (pick(4) != 0) {
        const Timestamp ts = at();
        const std::size_t which = pick(4);
        const std::string client = "10.0.3." + std::to_string(1 + pick(200));
        if (which < 2)
            lines.emplace_back(
                ts, eveAlert(ts, {scanner(), port(), kServerAddresses[3], 22}, kSshScan, pick(5) == 0));
        else if (which == 2)
            lines.emplace_back(ts, eveAlert(ts, {client, port(), "198.51.100.80", 443}, kIpLookupTls, false));
        else
            lines.emplace_back(
                ts, eveAlert(ts, {client, port(), "198.51.100.7", 80}, kDottedQuadPost, pick(5) == 0));
    }
}

bool DemoHistory::nextHour(std::vector<Event>& out)
{
    if (hour_ >= end_)
        return false;
    const Timestamp hour = hour_;
    hour_ += hours(1);
    const auto limit = std::min<std::int64_t>(3'600'000'000ll,
                                              std::chrono::duration_cast<microseconds>(end_ - hour).count());
    std::vector<std::pair<Timestamp, std::string>> lines;
    steadyLines(hour, lines);
    const double jitter = 0.85 + 0.3 * static_cast<double>(random_() % 1000) / 1000.0;
    const auto seasonal = static_cast<std::size_t>(kBaseHourly * seasonalFactor(hour) * jitter);
    for (std::size_t n = 0; n < seasonal; ++n) {
        const Timestamp ts = hour + microseconds(static_cast<std::int64_t>(random_() % 3'600'000'000ull));
        lines.emplace_back(ts, seasonalLine(ts));
    }
    std::sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [ts, line] : lines) {
        if (ts >= hour + microseconds(limit))
            break; // the current hour stops at `end`
        Event event = parse::parseRecord(line, parse::Format::Auto, parse::Context{ts, "127.0.0.1"});
        // A BSD stamp has no year and no zone: the generated instant is the truth.
        event.ts = ts;
        out.push_back(std::move(event));
    }
    return true;
}

SeedResult seedDemoHistory(const std::string& conninfo, Timestamp end)
{
    SeedResult result;
    store::EventWriter writer(conninfo);
    writer.connect(); // brings the schema up to date first
    store::PgConnection db(conninfo);
    if (store::readSetting(db, demoHistoryKey))
        return result;
    if (db.exec("SELECT 1 FROM events LIMIT 1").rows() > 0) {
        store::writeSetting(db, demoHistoryKey, "skipped: the database already held events");
        return result;
    }
    DemoHistory history(end);
    std::vector<Event> batch;
    int day = 0;
    bool more = true;
    while (more) {
        more = history.nextHour(batch);
        // One batch a day (about 10,000 events): large COPYs, and the ids never collide.
        if ((!more || batch.size() >= 10'000) && !batch.empty()) {
            result.events += batch.size();
            writer.write(batch, "demo-history-" + std::to_string(end.time_since_epoch().count()) + "-" +
                                    std::to_string(day++));
            batch.clear();
        }
    }
    // Every hour is complete: recount them all now, so long-range tiles read rollups at once.
    result.hours_recounted = writer.compactFieldRollups(
        store::CompactionLimits{std::chrono::seconds(0), std::chrono::milliseconds(0)});
    store::writeSetting(db, demoHistoryKey, std::to_string(result.events) + " events");
    result.seeded = true;
    return result;
}

} // namespace vigie::demo
