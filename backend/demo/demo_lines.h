#pragma once
// The demo's cast and the shapes of its log lines, shared by the live scenario (demo_scenario.h)
// and the seeded history (demo_history.h) so that both speak about the same hosts, users and
// addresses in exactly the same words: what the history teaches the anomaly detectors is what
// the live feed then departs from. Each function returns one line without a newline, stamped
// `ts`. Pure functions, any thread.
#include "event/event.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::demo {

// Addresses from the documentation ranges (RFC 5737) outside, RFC 1918 inside.
inline constexpr const char* kAttacker = "203.0.113.45";
inline constexpr const char* kAdmin = "10.0.4.21"; // alice's and deploy's workstation network 10.0.4.0/24
inline constexpr std::array<const char*, 4> kServers = {"web-01", "web-02", "db-01", "bastion-01"};
// The servers' addresses, in the order of kServers.
inline constexpr std::array<const char*, 4> kServerAddresses = {"10.0.1.5", "10.0.1.6", "10.0.2.7",
                                                                "10.0.1.9"};
inline constexpr const char* kFirewall = "fw-01";
inline constexpr const char* kSensor = "ids-01"; // the Suricata sensor

// Syslog facilities used by the demo.
inline constexpr int kKern = 0, kUser = 1, kDaemon = 3, kCron = 9, kAuthpriv = 10, kLocal7 = 23;

// "Nov 22 06:05:01" in local time, as RFC 3164 senders write it.
std::string bsdTime(Timestamp ts);
// "2026-11-22T06:05:01.123456Z", as RFC 5424 senders and Suricata write it.
std::string isoTime(Timestamp ts);
// "<PRI>" for a facility and severity.
std::string pri(int facility, int severity);

// The start of a BSD syslog line: "<PRI>Nov 22 06:05:01 HOST APP[PID]: ".
std::string bsdHeader(Timestamp ts, int facility, int severity, std::string_view host, std::string_view app,
                      int pid);

// sshd on `host`: "Accepted METHOD for USER from IP port N ssh2..." / "Failed password for [invalid user]
// USER...".
std::string sshdAccepted(Timestamp ts, std::string_view host, int pid, std::string_view method,
                         std::string_view user, std::string_view ip, int port);
std::string sshdFailed(Timestamp ts, std::string_view host, int pid, std::string_view user, bool invalid_user,
                       std::string_view ip, int port);

// A UFW kernel line from the firewall: `verdict` is "BLOCK", "ALLOW" or "AUDIT".
std::string ufw(Timestamp ts, std::string_view verdict, std::string_view in_iface, std::string_view src,
                std::string_view dst, std::string_view proto, int sport, int dport);

// One Suricata EVE JSON record from the sensor.
struct Flow {
    std::string_view src;
    int sport = 0;
    std::string_view dst;
    int dport = 0;
    std::string_view proto = "TCP";
};
struct Signature {
    std::int64_t id;
    std::string_view text;
    std::string_view category;
    int severity; // Suricata priority, 1 (highest) .. 3
};
std::string eveAlert(Timestamp ts, const Flow& flow, const Signature& signature, bool blocked);
std::string eveFlow(Timestamp ts, const Flow& flow, std::string_view app_proto, int bytes);
std::string eveDns(Timestamp ts, const Flow& flow, std::string_view rrname);
std::string eveTls(Timestamp ts, const Flow& flow, std::string_view sni);

// Signatures seen in the demo: the first two come from the shared Suricata samples (Elastic
// beats' eve-small.log, Suricata's EVE documentation); the SSH scan is the ET Open rule that
// fires on the attacker's burst.
inline constexpr Signature kIpLookupTls{2024833, "ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)",
                                        "Potential Corporate Privacy Violation", 1};
inline constexpr Signature kDottedQuadPost{
    2018358, "ET HUNTING GENERIC SUSPICIOUS POST to Dotted Quad with Fake Browser 1",
    "Potentially Bad Traffic", 2};
inline constexpr Signature kSshScan{2001219, "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2};

} // namespace vigie::demo
