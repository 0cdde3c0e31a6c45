// auditd and FortiGate key=value decoding (detect/kv_decoder.h) on the real auditd records of
// ../shared/data/linux/otrf_auditd: quotes stripped, hex-encoded strings decoded (EXECVE
// arguments, proctitle) while numeric SYSCALL arguments stay as written, the command line
// derived from EXECVE / PROCTITLE, and the syscall name from its x86_64 number.
#include "detect/kv_decoder.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

namespace {

using namespace vigie::detect;

std::vector<std::string> auditdLines()
{
    return vigie::test::readLines(
        vigie::test::sharedData("linux/otrf_auditd/sh_arp_cache_2020-11-10074812.log"));
}

std::string get(const KvDecoder& decoder, std::string_view key)
{
    const auto value = decoder.value(key);
    return value ? std::string(*value) : std::string("<absent>");
}

TEST(KvDecoder, RealSyscallRecord)
{
    const auto lines = auditdLines();
    ASSERT_EQ(lines.size(), 12u);
    KvDecoder decoder;
    decoder.decode(lines[0], Decode::Auditd);
    EXPECT_EQ(get(decoder, "type"), "SYSCALL");
    EXPECT_EQ(get(decoder, "syscall"), "59");
    EXPECT_EQ(get(decoder, "SYSCALL"), "execve"); // derived from arch c000003e + 59
    EXPECT_EQ(get(decoder, "comm"), "arp");
    EXPECT_EQ(get(decoder, "exe"), "/usr/sbin/arp");
    EXPECT_EQ(get(decoder, "a0"), "558e251634a0"); // a pointer, not a hex-encoded string
    EXPECT_EQ(get(decoder, "a3"), "8");
    EXPECT_EQ(get(decoder, "key"), "(null)");
    EXPECT_EQ(get(decoder, "euid"), "1000");
    EXPECT_EQ(get(decoder, "auditd.cmdline"), "<absent>");
}

TEST(KvDecoder, RealExecveAndProctitleGiveTheCommandLine)
{
    const auto lines = auditdLines();
    KvDecoder decoder;
    decoder.decode(lines[1], Decode::Auditd); // type=EXECVE … argc=2 a0="arp" a1="-a"
    EXPECT_EQ(get(decoder, "type"), "EXECVE");
    EXPECT_EQ(get(decoder, "argc"), "2");
    EXPECT_EQ(get(decoder, "a0"), "arp");
    EXPECT_EQ(get(decoder, "a1"), "-a");
    EXPECT_EQ(get(decoder, "auditd.cmdline"), "arp -a");

    decoder.decode(lines[7], Decode::Auditd); // a2="^?"
    EXPECT_EQ(get(decoder, "auditd.cmdline"), "grep -v ^?");

    decoder.decode(lines[5], Decode::Auditd); // proctitle=617270002D61
    EXPECT_EQ(get(decoder, "proctitle"), "arp -a");
    EXPECT_EQ(get(decoder, "auditd.cmdline"), "arp -a");

    decoder.decode(lines[3], Decode::Auditd); // PATH
    EXPECT_EQ(get(decoder, "name"), "/usr/sbin/arp");
    EXPECT_EQ(get(decoder, "nametype"), "NORMAL");
    EXPECT_EQ(get(decoder, "mode"), "0100755");
}

TEST(KvDecoder, HexEncodedExecveArgumentsAreDecoded)
{
    KvDecoder decoder;
    // auditd hex-encodes an argument holding a space or a quote.
    decoder.decode(
        R"(type=EXECVE msg=audit(1604994496.155:92735): argc=3 a0="sh" a1="-c" a2=6563686F202268692220)",
        Decode::Auditd);
    EXPECT_EQ(get(decoder, "a2"), "echo \"hi\"");
    EXPECT_EQ(get(decoder, "auditd.cmdline"), "sh -c echo \"hi\"");
}

TEST(KvDecoder, EnrichedRecordsKeepTheirSyscallName)
{
    KvDecoder decoder;
    decoder.decode("type=SYSCALL msg=audit(1.1:2): arch=c000003e syscall=135 a0=40000 comm=\"x\"\x1d"
                   "ARCH=x86_64 SYSCALL=personality AUID=\"wardog\"",
                   Decode::Auditd);
    EXPECT_EQ(get(decoder, "SYSCALL"), "personality");
    EXPECT_EQ(get(decoder, "AUID"), "wardog");
    EXPECT_EQ(get(decoder, "a0"), "40000");
}

TEST(KvDecoder, UserRecordsNestTheirPairs)
{
    KvDecoder decoder;
    decoder.decode("type=USER_CMD msg=audit(1604994496.155:92736): pid=1 uid=0 auid=1000 ses=1 "
                   "msg='cwd=\"/root\" cmd=6C73202D6C terminal=pts/0 res=success'",
                   Decode::Auditd);
    EXPECT_EQ(get(decoder, "cwd"), "/root");
    EXPECT_EQ(get(decoder, "cmd"), "ls -l");
    EXPECT_EQ(get(decoder, "res"), "success");
}

TEST(KvDecoder, OnlyRealAuditdRecordsDecode)
{
    KvDecoder decoder;
    decoder.decode("bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls", Decode::Auditd);
    EXPECT_EQ(decoder.size(), 0u);
    decoder.decode("type=EXECVE a0=\"x\"", Decode::None);
    EXPECT_EQ(decoder.size(), 0u);
}

TEST(KvDecoder, FortigatePairs)
{
    KvDecoder decoder;
    decoder.decode(
        R"(date=2024-01-10 time=10:00:00 devname="FW01" devid="FGT60F0000000001" logid="0100044547" )"
        R"x(type="event" subtype="system" level="information" user="admin" ui="GUI(10.0.0.5)" )x"
        R"(action="Add" cfgtid=1 cfgpath="firewall.policy" cfgobj="7" msg="Add firewall.policy 7")",
        Decode::Kv);
    EXPECT_EQ(get(decoder, "devid"), "FGT60F0000000001");
    EXPECT_EQ(get(decoder, "action"), "Add");
    EXPECT_EQ(get(decoder, "cfgpath"), "firewall.policy");
    EXPECT_EQ(get(decoder, "msg"), "Add firewall.policy 7");
    EXPECT_EQ(get(decoder, "cfgtid"), "1");
    EXPECT_EQ(get(decoder, "date"), "2024-01-10");
    // Hex-looking values are not auditd's encoding here.
    decoder.decode("devid=\"FG\" cfgobj=4142", Decode::Kv);
    EXPECT_EQ(get(decoder, "cfgobj"), "4142");
}

} // namespace
