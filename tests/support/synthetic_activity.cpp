// Synthetic activity generator (see the header). Test code, one thread.
#include "support/synthetic_activity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>

namespace vigie::test {
namespace {

using anomaly::ActivityRow;
using anomaly::UnixSeconds;

constexpr UnixSeconds kStart = 1767571200; // Monday 2026-01-05 00:00 UTC
constexpr UnixSeconds kDay = 86400;
constexpr UnixSeconds kWeek = 7 * kDay;

std::string numbered(std::string_view prefix, int n)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*s-%02d", static_cast<int>(prefix.size()), prefix.data(), n);
    return buf;
}

// Activity level of an hour: office hours ×4 on weekdays, nights ×0.3, weekends ×0.5, and the
// Monday 09:00 login rush ×6 on top of office hours (a learned peak, not an anomaly).
double profile(UnixSeconds t)
{
    const UnixSeconds in_week = (t - kStart) % kWeek;
    const int day = static_cast<int>(in_week / kDay);
    const int hour = static_cast<int>((in_week % kDay) / 3600);
    if (hour >= 22 || hour < 6)
        return 0.3;
    if (day >= 5)
        return 0.5;
    if (hour >= 8 && hour < 18)
        return day == 0 && hour == 9 ? 24.0 : 4.0;
    return 1.0;
}

// A process row: key1 the process, key2 the server.
ActivityRow processRow(UnixSeconds t, std::string process, std::string server)
{
    ActivityRow row;
    row.time = t;
    row.key1 = std::move(process);
    row.key2 = std::move(server);
    return row;
}

bool officeHours(UnixSeconds t)
{
    const UnixSeconds in_week = (t - kStart) % kWeek;
    const UnixSeconds hour = (in_week % kDay) / 3600;
    return in_week / kDay < 5 && hour >= 8 && hour < 18;
}

class Generator {
public:
    Generator(const SyntheticOptions& options, SyntheticActivity& out)
        : o_(options), out_(out), rng_(options.seed * 0x9E3779B97F4A7C15ULL + 17)
    {
    }

    void run()
    {
        out_.start = kStart;
        out_.score_from = kStart + o_.learn_weeks * kWeek;
        out_.first_window = kStart / out_.window_seconds;
        windows_ = static_cast<std::int64_t>(o_.weeks) * kWeek / out_.window_seconds;
        out_.counts.resize(static_cast<std::size_t>(windows_));
        out_.logins.resize(out_.counts.size());
        out_.auth.resize(out_.counts.size());
        out_.processes.resize(out_.counts.size());
        rates();
        logins();
        bruteForces();
        processes();
    }

private:
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng_); }
    int integer(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng_); }
    bool chance(double p) { return uniform(0, 1) < p; }
    std::int64_t poisson(double mean)
    {
        return mean <= 0 ? 0 : std::poisson_distribution<std::int64_t>(mean)(rng_);
    }
    std::size_t windowOf(UnixSeconds t) const
    {
        return static_cast<std::size_t>((t - kStart) / out_.window_seconds);
    }
    UnixSeconds windowStart(std::int64_t w) const { return kStart + w * out_.window_seconds; }
    // A random moment of the scored weeks, leaving `tail` seconds before the end.
    UnixSeconds scoredTime(UnixSeconds tail)
    {
        return static_cast<UnixSeconds>(uniform(static_cast<double>(out_.score_from),
                                                static_cast<double>(kStart + o_.weeks * kWeek - tail)));
    }
    void add(std::vector<std::vector<ActivityRow>>& stream, ActivityRow row)
    {
        stream[windowOf(row.time)].push_back(std::move(row));
    }

    // Failed logins per host: base × profile (× growth), Poisson or negative binomial (gamma
    // mixed Poisson with shape 5, i.e. variance λ + λ²/5), plus the injected anomalies.
    void rates()
    {
        struct Host {
            std::string name;
            double base = 1;
            bool overdispersed = false;
            bool growing = false;
            std::vector<std::pair<UnixSeconds, UnixSeconds>> busy; // injections, to keep them apart
        };
        std::vector<Host> hosts;
        for (int i = 0; i < o_.hosts; ++i)
            hosts.push_back({numbered("host", i + 1), uniform(1, 8), i % 10 == 3, i % 10 == 7, {}});

        // multiplier[host][window] and addition[host][window] from the injections.
        std::vector<std::vector<double>> factor(hosts.size(),
                                                std::vector<double>(static_cast<std::size_t>(windows_), 1.0));
        std::vector<std::map<std::int64_t, std::int64_t>> extra(hosts.size());
        auto freeHost = [&](UnixSeconds from, UnixSeconds to) -> std::size_t {
            for (;;) {
                const auto h = static_cast<std::size_t>(integer(0, o_.hosts - 1));
                const bool clash =
                    std::any_of(hosts[h].busy.begin(), hosts[h].busy.end(),
                                [&](const auto& b) { return from < b.second + kDay && b.first < to + kDay; });
                if (clash)
                    continue;
                hosts[h].busy.emplace_back(from, to);
                return h;
            }
        };
        for (int i = 0; i < 40; ++i) { // spikes: +max(20, ×5…×15 λ) for 1–3 windows
            const auto w0 = static_cast<std::int64_t>(windowOf(scoredTime(kDay)));
            const int length = integer(1, 3);
            const auto h = freeHost(windowStart(w0), windowStart(w0 + length));
            const double times = uniform(5, 15);
            for (int k = 0; k < length; ++k) {
                const double lambda = hosts[h].base * profile(windowStart(w0 + k));
                extra[h][w0 + k] = static_cast<std::int64_t>(std::max(20.0, times * lambda));
            }
            out_.injections.push_back(
                {InjectionKind::Spike, hosts[h].name, windowStart(w0), windowStart(w0 + length)});
        }
        // Level shifts (×3) and subtle ones (×1.6) for one to two days, starting in office hours
        // (a shift that starts at night shows only hours later, beyond any tolerance).
        auto shift = [&](InjectionKind kind, double times) {
            UnixSeconds t0 = 0;
            do {
                t0 = scoredTime(3 * kDay);
            } while (!officeHours(t0) || !officeHours(t0 + 7200));
            const auto w0 = static_cast<std::int64_t>(windowOf(t0));
            const auto length =
                static_cast<std::int64_t>(uniform(1, 2) * static_cast<double>(kDay)) / out_.window_seconds;
            const auto h = freeHost(windowStart(w0), windowStart(w0 + length));
            for (std::int64_t k = 0; k < length; ++k)
                factor[h][static_cast<std::size_t>(w0 + k)] = times;
            out_.injections.push_back({kind, hosts[h].name, windowStart(w0), windowStart(w0 + length)});
        };
        for (int i = 0; i < 10; ++i)
            shift(InjectionKind::LevelShift, 3.0);
        for (int i = 0; i < 5; ++i)
            shift(InjectionKind::SubtleShift, 1.6);

        for (std::int64_t w = 0; w < windows_; ++w) {
            const UnixSeconds t = windowStart(w);
            const double days = static_cast<double>(t - kStart) / kDay;
            auto& row = out_.counts[static_cast<std::size_t>(w)];
            for (std::size_t h = 0; h < hosts.size(); ++h) {
                double lambda = hosts[h].base * profile(t) * factor[h][static_cast<std::size_t>(w)];
                if (hosts[h].growing)
                    lambda *= std::pow(1.01, days);
                if (hosts[h].overdispersed)
                    lambda = std::gamma_distribution<double>(5.0, lambda / 5.0)(rng_);
                std::int64_t x = poisson(lambda);
                if (const auto it = extra[h].find(w); it != extra[h].end())
                    x += it->second;
                if (x > 0)
                    row.push_back({hosts[h].name, x});
            }
        }
        // New hosts that start loud: a burst of 60–200 for 1–3 windows with no history.
        for (int i = 0; i < 5; ++i) {
            const auto w0 = static_cast<std::int64_t>(windowOf(scoredTime(kDay)));
            const int length = integer(1, 3);
            const std::string name = numbered("new", i + 1);
            for (int k = 0; k < length; ++k)
                out_.counts[static_cast<std::size_t>(w0 + k)].push_back({name, integer(60, 200)});
            out_.injections.push_back(
                {InjectionKind::NewEntity, name, windowStart(w0), windowStart(w0 + length)});
        }
    }

    // Users log in on their usual servers (1–3) during office hours, rarely at weekends; each
    // login is also an authentication success from the user's address, sometimes after a typo.
    void logins()
    {
        constexpr int kUsers = 40;
        constexpr int kServers = 20;
        std::vector<std::set<int>> usual(kUsers);
        for (int u = 0; u < kUsers; ++u) {
            usual[u].insert(u % kServers); // every server has someone
            for (int extra = integer(0, 2); extra > 0; --extra)
                usual[u].insert(integer(0, kServers - 1));
        }
        auto user = [](int u) { return numbered("user", u + 1); };
        auto server = [](int s) { return numbered("srv", s + 1); };
        auto address = [](int u) { return "10.0.1." + std::to_string(u + 10); };
        auto login = [&](int u, int s, UnixSeconds t) {
            add(out_.logins, {t, user(u), server(s), true, user(u), server(s)});
            add(out_.auth, {t, address(u), "", true, user(u), server(s)});
        };
        for (UnixSeconds hour = kStart; hour < kStart + o_.weeks * kWeek; hour += 3600) {
            const double p = officeHours(hour) ? 0.3 : (profile(hour) >= 1.0 ? 0.05 : 0.01);
            for (int u = 0; u < kUsers; ++u)
                for (int s : usual[u]) {
                    if (!chance(p))
                        continue;
                    const UnixSeconds t = hour + integer(60, 3500);
                    for (int typo = chance(0.2) ? integer(1, 3) : 0; typo > 0; --typo)
                        add(out_.auth, {t - 10 * typo, address(u), "", false, user(u), server(s)});
                    login(u, s, t);
                }
        }
        auto unusual = [&](int& u, int& s) {
            do {
                u = integer(0, kUsers - 1);
                s = integer(0, kServers - 1);
            } while (usual[u].count(s) != 0);
            usual[u].insert(s); // taken: decoys and injections never share a pair
        };
        // Decoy: a pair seen once while learning comes back in the scored weeks.
        for (int i = 0; i < 5; ++i) {
            int u = 0, s = 0;
            unusual(u, s);
            login(u, s, kStart + integer(7, 13) * kDay + integer(8 * 3600, 17 * 3600));
            for (int k = 0; k < 3; ++k)
                login(u, s, scoredTime(kDay));
        }
        // Decoy: five failures (a forgotten password), then the login.
        for (int i = 0; i < 10; ++i) {
            const int u = integer(0, kUsers - 1);
            const UnixSeconds t = scoredTime(kDay);
            for (int k = 5; k > 0; --k)
                add(out_.auth, {t - 20 * k, address(u), "", false, user(u), server(u % kServers)});
            login(u, u % kServers, t);
        }
        // Injected: 30 first logins of a user on a server they never used.
        for (int i = 0; i < 30; ++i) {
            int u = 0, s = 0;
            unusual(u, s);
            const UnixSeconds t0 = scoredTime(kDay);
            login(u, s, t0);
            if (chance(0.5))
                login(u, s, t0 + integer(3600, 20 * 3600));
            out_.injections.push_back({InjectionKind::NewPair, user(u) + '|' + server(s), t0, t0});
        }
    }

    // Scanners hammer without success (decoys); attackers fail 25–200 times then get in.
    void bruteForces()
    {
        for (int i = 0; i < 20; ++i) {
            const std::string ip = "198.51.100." + std::to_string(i + 1);
            const UnixSeconds t = static_cast<UnixSeconds>(uniform(
                static_cast<double>(kStart + kDay), static_cast<double>(kStart + o_.weeks * kWeek - kDay)));
            const int n = integer(30, 300);
            const UnixSeconds span = integer(600, 1800);
            for (int k = 0; k < n; ++k)
                add(out_.auth, {t + span * k / n, ip, "", false, "root", "srv-01"});
        }
        for (int i = 0; i < 15; ++i) {
            const std::string ip = "203.0.113." + std::to_string(i + 1);
            const UnixSeconds t = scoredTime(kDay);
            const int n = integer(25, 200);
            const UnixSeconds span = integer(120, 900);
            for (int k = 0; k < n; ++k)
                add(out_.auth, {t + span * k / n, ip, "", false, "admin", "srv-02"});
            const UnixSeconds success = t + span + integer(30, 600);
            const std::string victim = numbered("user", integer(1, 40));
            add(out_.auth, {success, ip, "", true, victim, numbered("srv", integer(1, 20))});
            out_.injections.push_back({InjectionKind::BruteForce, ip, success, success});
        }
    }

    // Each server runs a few common processes every hour, logrotate daily and, on five of
    // them, a weekly backup (several rows a run, so it is not rare once learned).
    void processes()
    {
        constexpr int kServers = 20;
        static constexpr std::array<std::string_view, 8> common{"sshd",     "cron", "bash",    "systemd",
                                                                "rsyslogd", "sudo", "python3", "nginx"};
        auto server = [](int s) { return numbered("srv", s + 1); };
        for (UnixSeconds hour = kStart; hour < kStart + o_.weeks * kWeek; hour += 3600) {
            const bool midnight = (hour - kStart) % kDay == 0;
            const bool sunday_two = (hour - kStart) % kWeek == 6 * kDay + 2 * 3600;
            for (int s = 0; s < kServers; ++s) {
                for (int k = integer(2, 5); k > 0; --k)
                    add(out_.processes,
                        processRow(hour + integer(0, 3599),
                                   std::string(common[static_cast<std::size_t>(integer(0, 7))]), server(s)));
                if (midnight)
                    add(out_.processes, processRow(hour + 60, "logrotate", server(s)));
                if (sunday_two && s < 5)
                    for (int k = 0; k < 5; ++k)
                        add(out_.processes, processRow(hour + 60 * k, "pg_dump", server(s)));
            }
        }
        static constexpr std::array<std::string_view, 8> never{"xmrig", "nc",       "socat",  "chisel",
                                                               "ncat",  "mimikatz", "ligolo", "frpc"};
        static constexpr std::array<std::string_view, 7> once{"tcpdump", "gdb",  "strace", "nmap",
                                                              "rsync",   "tmux", "screen"};
        std::set<std::pair<std::string, std::string>> used;
        auto inject = [&](std::string_view value, UnixSeconds seeded_at) {
            std::string host;
            do {
                host = server(integer(0, kServers - 1));
            } while (!used.emplace(std::string(value), host).second);
            if (seeded_at != 0)
                add(out_.processes, processRow(seeded_at, std::string(value), host));
            const UnixSeconds t0 = scoredTime(kDay);
            add(out_.processes, processRow(t0, std::string(value), host));
            out_.injections.push_back({InjectionKind::RareValue, std::string(value) + '|' + host, t0, t0});
        };
        for (std::string_view value : never)
            inject(value, 0);
        for (std::string_view value : once)
            inject(value, kStart + integer(0, 6) * kDay + integer(0, kDay - 1));
    }

    const SyntheticOptions& o_;
    SyntheticActivity& out_;
    std::mt19937_64 rng_;
    std::int64_t windows_ = 0;
};

} // namespace

std::string_view injectionName(InjectionKind kind)
{
    switch (kind) {
    case InjectionKind::Spike:
        return "spike";
    case InjectionKind::LevelShift:
        return "level shift";
    case InjectionKind::SubtleShift:
        return "subtle shift";
    case InjectionKind::NewEntity:
        return "new entity";
    case InjectionKind::NewPair:
        return "new pair";
    case InjectionKind::BruteForce:
        return "brute force";
    case InjectionKind::RareValue:
        return "rare value";
    }
    return "?";
}

SyntheticActivity makeSyntheticActivity(const SyntheticOptions& options)
{
    SyntheticActivity out;
    Generator(options, out).run();
    return out;
}

} // namespace vigie::test
