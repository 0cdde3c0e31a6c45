// Firewall packet lines (parse/extract_netfilter.cpp) through parse::parseRecord, as in production.
// The shared samples (../shared/data) hold no UFW or iptables line, so the rows are written after
// the kernel's nf_log format (net/netfilter/nf_log_syslog.c: "IN= OUT= MAC= SRC= DST= LEN= ...
// PROTO= SPT= DPT="), UFW's documented prefixes ("[UFW BLOCK]", "[UFW ALLOW]", "[UFW AUDIT]",
// "[UFW LIMIT BLOCK]") and common iptables LOG prefixes, and the lines the demo sends.
#include "demo/demo_lines.h"
#include "parse/record_parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace {

using namespace vigie;

Event parseLine(std::string_view line)
{
    return parse::parseRecord(line, parse::Format::Auto, parse::Context{nowTimestamp(), "192.0.2.254"});
}

std::string field(const Event& event, std::string_view key)
{
    const std::string* value = event.field(key);
    return value ? *value : std::string("<none>");
}

struct Case {
    const char* name;
    const char* line;
    const char* action;
    const char* source_ip;
    const char* dest_ip;
    std::optional<int> source_port;
    std::optional<int> dest_port;
    const char* transport;
};

class NetfilterCases : public ::testing::TestWithParam<Case> {};

TEST_P(NetfilterCases, FillsTheNetworkColumns)
{
    const Case& c = GetParam();
    const Event event = parseLine(c.line);
    ASSERT_FALSE(event.parse_error) << c.line;
    EXPECT_EQ(event.category, "network");
    EXPECT_EQ(event.action, c.action);
    EXPECT_EQ(event.process, "kernel");
    EXPECT_EQ(event.source_ip, c.source_ip);
    EXPECT_EQ(event.dest_ip, c.dest_ip);
    EXPECT_EQ(event.source_port, c.source_port);
    EXPECT_EQ(event.dest_port, c.dest_port);
    EXPECT_EQ(field(event, "network.transport"), c.transport);
    EXPECT_EQ(event.message, std::string_view(c.line).substr(std::string_view(c.line).find("kernel: ") + 8))
        << "the message is left as it was";
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, NetfilterCases,
    ::testing::Values(
        Case{"ufw_block_tcp",
             "<4>Nov 22 06:05:01 fw-01 kernel: [UFW BLOCK] IN=eth0 OUT= "
             "MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 "
             "SRC=203.0.113.9 DST=10.0.0.5 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=4242 DF PROTO=TCP SPT=51234 "
             "DPT=22 "
             "WINDOW=64240 RES=0x00 SYN URGP=0",
             "blocked", "203.0.113.9", "10.0.0.5", 51234, 22, "tcp"},
        Case{"ufw_allow_udp_with_uptime",
             "<4>Nov 22 06:05:02 fw-01 kernel: [ 8123.456789] [UFW ALLOW] IN=eth1 OUT= MAC=52:54:00:12:34:56 "
             "SRC=10.0.4.21 DST=10.0.0.53 LEN=72 TOS=0x00 PREC=0x00 TTL=64 ID=1 PROTO=UDP SPT=40000 DPT=53 "
             "LEN=52",
             "allowed", "10.0.4.21", "10.0.0.53", 40000, 53, "udp"},
        Case{"ufw_audit_outbound",
             "<4>Nov 22 06:05:03 web-01 kernel: [UFW AUDIT] IN= OUT=eth0 SRC=10.0.1.5 DST=198.51.100.80 "
             "LEN=60 "
             "TOS=0x00 PREC=0x00 TTL=64 ID=7 DF PROTO=TCP SPT=44000 DPT=443 WINDOW=64240 RES=0x00 SYN URGP=0",
             "audit", "10.0.1.5", "198.51.100.80", 44000, 443, "tcp"},
        Case{"ufw_limit_block",
             "<4>Nov 22 06:05:04 bastion-01 kernel: [UFW LIMIT BLOCK] IN=eth0 OUT= SRC=198.51.100.23 "
             "DST=10.0.1.9 LEN=60 PROTO=TCP SPT=39000 DPT=22 SYN",
             "blocked", "198.51.100.23", "10.0.1.9", 39000, 22, "tcp"},
        Case{"iptables_dropped_prefix",
             "<4>Nov 22 06:05:05 gw kernel: IPTables-Dropped: IN=eth0 OUT= MAC=00:11:22:33:44:55 "
             "SRC=192.0.2.77 "
             "DST=10.0.0.1 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=40123 DPT=3389 "
             "WINDOW=1024 "
             "RES=0x00 SYN URGP=0",
             "blocked", "192.0.2.77", "10.0.0.1", 40123, 3389, "tcp"},
        Case{"iptables_reject_icmp_no_ports",
             "<4>Nov 22 06:05:06 gw kernel: iptables REJECT: IN=eth0 OUT= SRC=192.0.2.15 DST=10.0.0.1 LEN=84 "
             "TOS=0x00 PREC=0x00 TTL=56 ID=0 DF PROTO=ICMP TYPE=8 CODE=0 ID=17 SEQ=1",
             "blocked", "192.0.2.15", "10.0.0.1", std::nullopt, std::nullopt, "icmp"},
        Case{"ip6tables_accept",
             "<4>Nov 22 06:05:07 gw kernel: ACCEPT-SSH IN=eth0 OUT= SRC=2001:db8::7 DST=2001:db8::1 LEN=80 "
             "TC=0 HOPLIMIT=64 FLOWLBL=0 PROTO=TCP SPT=50000 DPT=22 WINDOW=64800 RES=0x00 SYN URGP=0",
             "allowed", "2001:db8::7", "2001:db8::1", 50000, 22, "tcp"},
        Case{"bare_log_rule_is_audit",
             "<4>Nov 22 06:05:08 gw kernel: IN=eth0 OUT= SRC=192.0.2.130 DST=10.0.0.1 LEN=40 PROTO=UDP "
             "SPT=123 "
             "DPT=123 LEN=20",
             "audit", "192.0.2.130", "10.0.0.1", 123, 123, "udp"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(Netfilter, TheUfwPrefixIsKeptAsAField)
{
    const Event event = parseLine("<4>Nov 22 06:05:01 fw-01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 "
                                  "DST=10.0.0.5 PROTO=TCP SPT=1 DPT=23");
    EXPECT_EQ(field(event, "netfilter.prefix"), "[UFW BLOCK]");
    EXPECT_EQ(field(event, "netfilter.in"), "eth0");
    EXPECT_EQ(field(event, "netfilter.out"), "<none>") << "empty interfaces are not stored";
}

TEST(Netfilter, OtherKernelLinesAndOtherProgramsAreLeftAlone)
{
    for (const char* line : {
             "<4>Nov 22 06:05:01 fw-01 kernel: e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex",
             "<4>Nov 22 06:05:01 fw-01 kernel: [ 1.234] usb 1-1: new high-speed USB device",
             "<4>Nov 22 06:05:01 fw-01 kernel: IN=eth0 SRC=192.0.2.1 DST=10.0.0.1 PROTO=TCP", // no OUT=
             "<4>Nov 22 06:05:01 fw-01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=not-an-ip DST=10.0.0.1 PROTO=TCP",
             "<4>Nov 22 06:05:01 fw-01 logger: [UFW BLOCK] IN=eth0 OUT= SRC=192.0.2.1 DST=10.0.0.1 PROTO=TCP",
         }) {
        const Event event = parseLine(line);
        EXPECT_TRUE(event.category.empty()) << line;
        EXPECT_TRUE(event.source_ip.empty()) << line;
    }
}

TEST(Netfilter, TheDemoFirewallLinesExtract)
{
    const Timestamp now = nowTimestamp();
    const Event event =
        parseLine(demo::ufw(now, "BLOCK", "eth0", "198.51.100.7", "10.0.1.5", "TCP", 40000, 23));
    EXPECT_EQ(event.category, "network");
    EXPECT_EQ(event.action, "blocked");
    EXPECT_EQ(event.host, "fw-01");
    EXPECT_EQ(event.dest_port, 23);
}

} // namespace
