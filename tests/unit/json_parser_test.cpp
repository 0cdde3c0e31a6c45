// JSON records through parse::parseRecord (parse/json_parser.h), on the real samples of
// ../shared/data: every line of the Suricata EVE files, the Zeek JSON logs (both layouts) and
// the Windows event files (OTRF, mdecrevoisier, the correlation event set), plus the nested
// evtx-dump events of the Sigma regression set, must parse as their kind; chosen real lines are
// compared field by field; hostile inputs must come back flagged, raw kept, without a crash.
//
// No 4624/4625 is in the shared samples: those two cases are written in the layout of the
// mdecrevoisier files (evtx converted to flat JSON), with the EventData of a real 4625.
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace vigie;
using namespace std::chrono;

const parse::Context kContext{Timestamp{sys_days{2026y / 11 / 22}}, "192.0.2.1"};

Event parse(std::string_view line)
{
    return parse::parseRecord(line, parse::Format::Auto, kContext);
}

std::string field(const Event& event, std::string_view key)
{
    const std::string* value = event.field(key);
    return value ? *value : std::string("<absent>");
}

Timestamp utc(int y, int mo, int d, int h, int mi, int s, int us)
{
    return Timestamp{sys_days{year{y} / mo / d}} + hours{h} + minutes{mi} + seconds{s} + microseconds{us};
}

// The line of `relative` (1-based) — tests name the sample line they check.
std::string sampleLine(const std::string& relative, std::size_t number)
{
    const auto lines = test::readLines(test::sharedData(relative));
    if (number - 1 < lines.size())
        return lines[number - 1];
    ADD_FAILURE() << relative << " has no line " << number;
    return {};
}

// The first line of `relative` containing `needle`.
std::string sampleWith(const std::string& relative, std::string_view needle)
{
    for (const auto& line : test::readLines(test::sharedData(relative)))
        if (line.find(needle) != std::string::npos)
            return line;
    ADD_FAILURE() << "no line with " << needle << " in " << relative;
    return {};
}

// ---------------------------------------------------------------------------------------------
// Every real line parses as its kind.

struct SampleSet {
    std::string folder;
    std::string format;
    std::vector<std::string> extensions;
};

// "SCRANTON_conn.log" / "conn.json" -> "conn".
std::string zeekLogOf(const std::filesystem::path& file)
{
    std::string stem = file.stem().string();
    if (stem.starts_with("SCRANTON_"))
        stem.erase(0, 9);
    return stem;
}

TEST(JsonParser, EveryRealSampleLineParsesAsItsKind)
{
    const std::vector<SampleSet> sets = {
        {"suricata", "suricata", {".jsonl", ".log"}},
        {"zeek/otrf_apt29_day1_SCRANTON", "zeek", {".log"}},
        {"zeek/otrf_lsass_campaign_01/json", "zeek", {".json"}},
        {"windows/otrf", "windows", {".json"}},
        {"windows/mdecrevoisier", "windows", {".jsonl"}},
        {"windows/correlation/event_sets", "windows", {".jsonl"}},
    };
    std::size_t total = 0;
    for (const SampleSet& set : sets) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(test::sharedData(set.folder)))
            for (const auto& extension : set.extensions)
                if (entry.path().extension() == extension)
                    files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        ASSERT_FALSE(files.empty()) << set.folder;
        for (const auto& file : files) {
            std::size_t count = 0;
            std::map<std::string, int> zeek_logs;
            for (const auto& line : test::readLines(file)) {
                if (line.empty())
                    continue;
                ++count;
                const Event event = parse(line);
                SCOPED_TRACE(file.filename().string() + ": " + line.substr(0, 160));
                ASSERT_FALSE(event.parse_error) << field(event, "parse_error");
                EXPECT_EQ(event.format, set.format);
                EXPECT_EQ(event.raw, line);
                EXPECT_NE(event.ts, kContext.received_at) << "time not read";
                EXPECT_FALSE(event.message.empty());
                EXPECT_FALSE(event.category.empty() && set.format != "windows");
                if (set.format == "zeek") {
                    EXPECT_EQ(field(event, "zeek.log"), zeekLogOf(file));
                }
                if (set.format == "windows") {
                    EXPECT_NE(field(event, "winlog.event_id"), "<absent>");
                    EXPECT_NE(event.host, kContext.peer_address);
                    EXPECT_FALSE(event.app.empty());
                }
            }
            EXPECT_GT(count, 0u) << file << " has no line to parse";
            std::printf("  %-70s %5zu lines\n", (set.folder + "/" + file.filename().string()).c_str(), count);
            total += count;
        }
    }
    std::printf("  %-70s %5zu lines\n", "total", total);
}

// The nested evtx-dump events of the Sigma regression set (one object per file there).
TEST(JsonParser, NestedEvtxDumpEventsReadAsWindows)
{
    std::size_t count = 0;
    for (const auto& pair : test::readLines(test::sharedData("sigma/regression_dev/pairs.jsonl"))) {
        if (pair.find("\"events_in_file\": 1,") == std::string::npos)
            continue;
        const std::string key = "\"event_file\": \"";
        const std::size_t start = pair.find(key) + key.size();
        const std::string relative = "sigma/" + pair.substr(start, pair.find('"', start) - start);
        std::string text;
        for (const auto& line : test::readLines(test::sharedData(relative)))
            text.append(line).push_back('\n');
        const Event event = parse::parseRecord(text, parse::Format::Json, kContext);
        SCOPED_TRACE(relative);
        ASSERT_FALSE(event.parse_error) << field(event, "parse_error");
        EXPECT_EQ(event.format, "windows");
        EXPECT_NE(field(event, "EventID"), "<absent>");
        EXPECT_NE(field(event, "Computer"), "<absent>");
        EXPECT_NE(event.ts, kContext.received_at);
        ++count;
    }
    std::printf("  sigma regression single-event files: %zu\n", count);
    EXPECT_GT(count, 20u);
}

// ---------------------------------------------------------------------------------------------
// Suricata EVE.

TEST(JsonParser, SuricataAlert)
{
    const Event e = parse(sampleLine("suricata/beats_eve-small.log", 2));
    EXPECT_EQ(e.format, "suricata");
    EXPECT_EQ(e.app, "suricata");
    EXPECT_EQ(e.ts, utc(2018, 7, 5, 19, 7, 20, 910626)); // -0400, no colon
    EXPECT_EQ(e.source_ip, "192.168.86.85");
    EXPECT_EQ(e.source_port, 55641);
    EXPECT_EQ(e.dest_ip, "192.168.156.70");
    EXPECT_EQ(e.dest_port, 443);
    EXPECT_EQ(e.category, "intrusion_detection");
    EXPECT_EQ(e.action, "allowed");
    EXPECT_EQ(e.message, "ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)");
    EXPECT_EQ(e.severity, 2);
    EXPECT_EQ(field(e, "suricata.event_type"), "alert");
    EXPECT_EQ(field(e, "alert.signature_id"), "2024833");
    EXPECT_EQ(field(e, "alert.category"), "Potential Corporate Privacy Violation");
    EXPECT_EQ(field(e, "flow_id"), "904992230150281");
    EXPECT_EQ(field(e, "tls.sni"), "l2.io");
    EXPECT_EQ(field(e, "tls.session_resumed"), "true");
    EXPECT_EQ(field(e, "flow.start"), "2018-07-05T15:07:19.659593-0400");
    EXPECT_EQ(field(e, "proto"), "TCP");
    // Columns are not stored twice.
    EXPECT_EQ(field(e, "src_ip"), "<absent>");
    EXPECT_EQ(field(e, "alert.signature"), "<absent>");
    EXPECT_EQ(field(e, "timestamp"), "<absent>");
}

TEST(JsonParser, SuricataDocAlertWithArrayAndSeverity2)
{
    const Event e = parse(sampleLine("suricata/eve_doc_examples.jsonl", 1));
    EXPECT_EQ(e.ts, utc(2017, 4, 7, 21, 24, 37, 251547)); // +0100
    EXPECT_EQ(e.severity, 3);
    EXPECT_EQ(e.message, "ET HUNTING GENERIC SUSPICIOUS POST to Dotted Quad with Fake Browser 1");
    EXPECT_EQ(field(e, "metadata.flowbits"), R"(["http.dottedquadhost"])");
    EXPECT_EQ(field(e, "pcap_cnt"), "53381");
}

TEST(JsonParser, SuricataProtocolEvents)
{
    const std::string file = "suricata/beats_eve-small.log";
    const Event ssh = parse(sampleLine(file, 1));
    EXPECT_EQ(ssh.action, "ssh");
    EXPECT_EQ(ssh.message, "ssh client OpenSSH_7.6 -> server libssh_0.7.0");
    EXPECT_EQ(field(ssh, "ssh.client.software_version"), "OpenSSH_7.6");

    const Event http = parse(sampleLine(file, 3));
    EXPECT_EQ(http.category, "web");
    EXPECT_EQ(http.message, "GET 192.168.86.28/dd.xml 200");
    EXPECT_EQ(field(http, "http.url"), "/dd.xml"); // "\/" unescaped
    EXPECT_EQ(field(http, "http.hostname"), "192.168.86.28");

    const Event file_info = parse(sampleLine(file, 4));
    EXPECT_EQ(file_info.category, "file");
    EXPECT_EQ(file_info.message, "file /ssdp/device-desc.xml 1071 bytes via http");
    EXPECT_EQ(field(file_info, "fileinfo.filename"), "/ssdp/device-desc.xml");

    const Event dns = parse(sampleLine(file, 5));
    EXPECT_EQ(dns.action, "dns_answer");
    EXPECT_EQ(dns.message, "dns answer clients.l.google.com A 172.217.13.110 NOERROR");
    EXPECT_EQ(field(dns, "dns.rrname"), "clients.l.google.com");
    EXPECT_EQ(dns.source_port, 53);

    const Event stats = parse(sampleLine(file, 6));
    EXPECT_EQ(stats.action, "stats");
    EXPECT_EQ(field(stats, "stats.decoder.ipv4"), "425873");
    EXPECT_TRUE(stats.source_ip.empty());

    const Event tls = parse(sampleLine(file, 7));
    EXPECT_EQ(tls.message, "tls p33-btmmdns.icloud.com. TLS 1.2");

    const Event flow = parse(sampleLine(file, 8));
    EXPECT_EQ(flow.action, "flow");
    EXPECT_EQ(flow.source_ip, "fe80:0000:0000:0000:fada:0cff:fedc:87f1");
    EXPECT_EQ(flow.message, "flow UDP [fe80:0000:0000:0000:fada:0cff:fedc:87f1]:546 -> "
                            "[ff02:0000:0000:0000:0000:0000:0001:0002]:547 state new (timeout)");
    EXPECT_EQ(flow.severity, 6);

    const Event anomaly = parse(sampleLine("suricata/eve_doc_examples.jsonl", 3));
    EXPECT_EQ(anomaly.action, "anomaly");
    EXPECT_EQ(anomaly.severity, 4);
    EXPECT_EQ(anomaly.message, "anomaly applayer UNABLE_TO_MATCH_RESPONSE_TO_REQUEST");
}

// ---------------------------------------------------------------------------------------------
// Zeek.

TEST(JsonParser, ZeekConnShipperLayout)
{
    const Event e = parse(sampleLine("zeek/otrf_apt29_day1_SCRANTON/SCRANTON_conn.log", 1));
    EXPECT_EQ(e.format, "zeek");
    EXPECT_EQ(e.app, "zeek");
    EXPECT_EQ(e.host, "simplerockbuild.simplerock.lan");
    EXPECT_EQ(e.ts, utc(2020, 4, 30, 0, 6, 38, 899710));
    EXPECT_EQ(e.source_ip, "10.0.1.4");
    EXPECT_EQ(e.source_port, 64842);
    EXPECT_EQ(e.dest_ip, "10.0.0.4");
    EXPECT_EQ(e.dest_port, 53);
    EXPECT_EQ(e.category, "network");
    EXPECT_EQ(e.action, "connection");
    EXPECT_EQ(e.message, "udp 10.0.1.4:64842 -> 10.0.0.4:53 dns (SF)");
    EXPECT_EQ(field(e, "zeek.log"), "conn");
    EXPECT_EQ(field(e, "uid"), "Cw1Hz43UWS4qXFei8f");
    EXPECT_EQ(field(e, "duration"), "0.0015780925750732422");
    EXPECT_EQ(field(e, "id_orig_h"), "<absent>");
    EXPECT_EQ(field(e, "@stream"), "<absent>");
}

TEST(JsonParser, ZeekStandardLayout)
{
    const Event conn = parse(sampleLine("zeek/otrf_lsass_campaign_01/json/conn.json", 1));
    EXPECT_EQ(conn.ts, utc(2023, 8, 16, 4, 53, 42, 36086));
    EXPECT_EQ(conn.source_ip, "192.168.1.41");
    EXPECT_EQ(conn.source_port, 52605);
    EXPECT_EQ(conn.dest_ip, "192.168.1.4");
    EXPECT_EQ(conn.dest_port, 53);
    EXPECT_EQ(conn.message, "udp 192.168.1.41:52605 -> 192.168.1.4:53 dns (SHR)");
    EXPECT_EQ(conn.host, kContext.peer_address); // no sensor name in this layout
    EXPECT_EQ(field(conn, "id.orig_h"), "<absent>");
    EXPECT_EQ(field(conn, "local_orig"), "true");

    const Event krb = parse(sampleLine("zeek/otrf_lsass_campaign_01/json/kerberos.json", 1));
    EXPECT_EQ(field(krb, "zeek.log"), "kerberos");
    EXPECT_EQ(krb.category, "authentication");
    EXPECT_EQ(krb.outcome, "failure");
    EXPECT_EQ(krb.message, "kerberos -> krbtgt/PANDALAB.COM: KDC_ERR_PREAUTH_REQUIRED");

    const Event x509 = parse(sampleLine("zeek/otrf_lsass_campaign_01/json/x509.json", 1));
    EXPECT_EQ(field(x509, "zeek.log"), "x509");
    EXPECT_EQ(field(x509, "certificate.key_length"), "2048");
}

TEST(JsonParser, ZeekDnsArraysKeptAsJsonText)
{
    const Event e = parse(sampleLine("zeek/otrf_apt29_day1_SCRANTON/SCRANTON_dns.log", 1));
    EXPECT_EQ(e.message, "dns query newyork.dmevals.local A NOERROR");
    EXPECT_EQ(field(e, "query"), "newyork.dmevals.local");
    EXPECT_EQ(field(e, "answers"), R"(["10.0.0.4"])");
    EXPECT_EQ(field(e, "TTLs"), "[3600.0]"); // numbers as written
    EXPECT_EQ(field(e, "AA"), "true");

    const Event http = parse(sampleLine("zeek/otrf_apt29_day1_SCRANTON/SCRANTON_http.log", 1));
    EXPECT_EQ(http.message, "OPTIONS 192.168.0.4/ 403");
    EXPECT_EQ(field(http, "tags"), "[]");
    EXPECT_EQ(field(http, "client_header_names"), R"(["CONNECTION","USER-AGENT","TRANSLATE","HOST"])");

    const Event notice = parse(sampleLine("zeek/otrf_apt29_day1_SCRANTON/SCRANTON_notice.log", 1));
    EXPECT_EQ(notice.category, "intrusion_detection");
    EXPECT_EQ(notice.severity, 4);
    EXPECT_EQ(notice.message,
              "SSL::Invalid_Server_Cert: SSL certificate validation failed with (self signed certificate)");
}

// ---------------------------------------------------------------------------------------------
// Windows.

TEST(JsonParser, Kerberos4771FromEvtxLayout)
{
    const Event e = parse(sampleLine("windows/mdecrevoisier/Kerberos_4771_bruteforce_valid_user.jsonl", 1));
    EXPECT_EQ(e.format, "windows");
    EXPECT_EQ(e.app, "security");
    EXPECT_EQ(e.host, "rootdc1.offsec.lan");
    EXPECT_EQ(e.ts, utc(2021, 12, 2, 14, 54, 21, 232643));
    EXPECT_EQ(e.category, "authentication");
    EXPECT_EQ(e.action, "kerberos_preauth_failed");
    EXPECT_EQ(e.outcome, "failure");
    EXPECT_EQ(e.user_name, "admin-hacker");
    EXPECT_EQ(e.source_ip, "10.23.123.11"); // from ::ffff:10.23.123.11
    EXPECT_EQ(e.source_port, 47506);
    EXPECT_EQ(e.pid, 596);
    EXPECT_EQ(field(e, "IpAddress"), "::ffff:10.23.123.11");
    EXPECT_EQ(field(e, "Status"), "0x00000018");
    EXPECT_EQ(field(e, "winlog.channel"), "Security");
    EXPECT_EQ(field(e, "winlog.event_id"), "4771");
    EXPECT_EQ(field(e, "EventID"), "4771");
    EXPECT_EQ(e.message, "Security 4771 kerberos_preauth_failed admin-hacker from 10.23.123.11");

    const Event tgt = parse(sampleWith(
        "windows/mdecrevoisier/Kerberos_4768_4771_bruteforce_nonexisting_users.jsonl", "\"EventID\": 4768"));
    EXPECT_EQ(tgt.action, "kerberos_tgt_request");
    EXPECT_EQ(tgt.outcome, "failure"); // Status 0x6: unknown principal
}

TEST(JsonParser, ExplicitLogon4648OfThePasswordSpray)
{
    const Event e = parse(sampleLine("windows/correlation/event_sets/deepbluecli_password-spray.jsonl", 2));
    EXPECT_EQ(e.action, "explicit_credentials_logon");
    EXPECT_EQ(e.user_name, "Administrator");
    EXPECT_EQ(e.source_ip, "172.16.144.128");
    EXPECT_EQ(e.source_port, 445);
    EXPECT_EQ(field(e, "Computer"), "DESKTOP-JR78RLP");
    EXPECT_EQ(field(e, "IpAddress"), "172.16.144.128");
    EXPECT_EQ(field(e, "TargetUserName"), "Administrator");
}

// The mdecrevoisier layout with the EventData of a real failed network logon.
constexpr const char* k4625 =
    R"({"Provider_Name": "Microsoft-Windows-Security-Auditing", "EventID": 4625, "Version": 0, "Level": 0, )"
    R"("Task": 12544, "Keywords": "0x8010000000000000", "TimeCreated": "2021-05-20T12:49:51.628172Z", )"
    R"("EventRecordID": 1234, "Execution_ProcessID": "656", "Channel": "Security", "Computer": "fs01.offsec.lan", )"
    R"("SubjectUserSid": "S-1-0-0", "SubjectUserName": "-", "SubjectDomainName": "-", "SubjectLogonId": "0x0", )"
    R"("TargetUserSid": "S-1-0-0", "TargetUserName": "administrator", "TargetDomainName": "OFFSEC", )"
    R"("Status": "0xc000006d", "FailureReason": "%%2313", "SubStatus": "0xc000006a", "LogonType": "3", )"
    R"("LogonProcessName": "NtLmSsp ", "AuthenticationPackageName": "NTLM", "WorkstationName": "KALI", )"
    R"("TransmittedServices": "-", "LmPackageName": "-", "KeyLength": "0", "ProcessId": "0x0", )"
    R"("ProcessName": "-", "IpAddress": "10.23.23.9", "IpPort": "0"})";

TEST(JsonParser, FailedLogon4625)
{
    const Event e = parse(k4625);
    EXPECT_EQ(e.category, "authentication");
    EXPECT_EQ(e.action, "logon");
    EXPECT_EQ(e.outcome, "failure");
    EXPECT_EQ(e.user_name, "administrator");
    EXPECT_EQ(e.source_ip, "10.23.23.9");
    EXPECT_EQ(e.source_port, 0);
    EXPECT_EQ(e.severity, 6);
    EXPECT_EQ(field(e, "LogonProcessName"), "NtLmSsp "); // trailing space kept
    EXPECT_EQ(field(e, "LogonType"), "3");

    std::string success = k4625;
    success.replace(success.find("4625"), 4, "4624");
    success.replace(success.find("0x8010"), 6, "0x8020");
    const Event ok = parse(success);
    EXPECT_EQ(ok.outcome, "success");
    std::string no_ip = k4625;
    no_ip.replace(no_ip.find("10.23.23.9"), 10, "-");
    const Event local = parse(no_ip);
    EXPECT_TRUE(local.source_ip.empty());
    EXPECT_FALSE(local.source_port.has_value());
    EXPECT_EQ(field(local, "IpAddress"), "-");
}

TEST(JsonParser, SysmonProcessCreationKeepsWindowsNames)
{
    const std::string file = "windows/otrf/cmd_sharpview_pcre_net_2020-10-2920232423.json";
    const Event e = parse(sampleWith(file, "\"EventID\":1,"));
    EXPECT_EQ(e.app, "sysmon");
    EXPECT_EQ(e.host, "WORKSTATION5.theshire.local");
    EXPECT_EQ(e.category, "process");
    EXPECT_EQ(e.action, "process_start");
    EXPECT_EQ(e.process, R"(C:\ProgramData\SharpView.exe)");
    EXPECT_EQ(e.user_name, "pgustavo");
    EXPECT_EQ(e.severity, 6);
    EXPECT_EQ(e.ts, utc(2020, 10, 29, 8, 23, 20, 534000));
    EXPECT_EQ(field(e, "Image"), R"(C:\ProgramData\SharpView.exe)");
    EXPECT_EQ(field(e, "CommandLine"), R"(SharpView.exe  Get-ObjectAcl -SamAccountName "Domain Admins")");
    EXPECT_EQ(field(e, "ParentImage"), R"(C:\Windows\System32\cmd.exe)");
    EXPECT_EQ(field(e, "User"), R"(THESHIRE\pgustavo)");
    EXPECT_EQ(field(e, "Hostname"), "WORKSTATION5.theshire.local");
    EXPECT_EQ(field(e, "Computer"), "WORKSTATION5.theshire.local"); // evtx name added
    EXPECT_EQ(field(e, "winlog.channel"), "Microsoft-Windows-Sysmon/Operational");
    EXPECT_TRUE(e.message.starts_with("Process Create:\r\n"));
    EXPECT_EQ(field(e, "Message"), "<absent>");

    const Event net = parse(sampleWith(file, "\"EventID\":3,"));
    EXPECT_EQ(net.category, "network");
    EXPECT_EQ(net.source_ip, "172.18.39.5");
    EXPECT_EQ(net.source_port, 50450);
    EXPECT_EQ(net.dest_ip, "172.18.38.5");
    EXPECT_EQ(net.dest_port, 389);
    EXPECT_EQ(field(net, "DestinationPort"), "389");

    const Event proc = parse(sampleWith(file, "\"EventID\":4688"));
    EXPECT_EQ(proc.action, "process_start");
    EXPECT_EQ(proc.process, R"(C:\ProgramData\SharpView.exe)");
    EXPECT_EQ(proc.user_name, "pgustavo");
    EXPECT_EQ(proc.outcome, "success");
    EXPECT_EQ(field(proc, "NewProcessName"), R"(C:\ProgramData\SharpView.exe)");
    EXPECT_EQ(field(proc, "Image"), R"(C:\ProgramData\SharpView.exe)");
    EXPECT_EQ(field(proc, "ParentImage"), R"(C:\Windows\System32\cmd.exe)");
}

TEST(JsonParser, WindowsWithoutMessageGetsASummary)
{
    const Event ssh =
        parse(sampleLine("windows/mdecrevoisier/OpenSSH_4_bruteforce_nonexisting_users_sshd_log.jsonl", 1));
    EXPECT_EQ(ssh.app, "openssh");
    EXPECT_EQ(ssh.message, "Invalid user hacker from 10.23.23.9 port 60096");
    const Event sql =
        parse(sampleLine("windows/mdecrevoisier/SQLServer_33205_failed_login_SA_wrong_password.jsonl", 1));
    EXPECT_EQ(sql.app, "application");
    EXPECT_EQ(sql.message, "Application 33205");
}

TEST(JsonParser, ZonelessLocalTimeCreatedYieldsToSysmonUtcTime)
{
    // OTRF wrote TimeCreated in the sender's local time (EDT here) without saying so.
    const Event e = parse(sampleWith("windows/otrf/psh_input_capture_promptforcreds_2020-10-2001320841.json",
                                     R"("UtcTime":"2020-10-20 05:31:50.076")"));
    EXPECT_EQ(e.ts, utc(2020, 10, 20, 5, 31, 50, 76000));
    EXPECT_EQ(field(e, "TimeCreated"), "2020-10-20 01:31:50.082");
}

TEST(JsonParser, NestedEvtxDumpRenamedToFlatNames)
{
    const Event e = parse::parseRecord(
        R"({"Event": {"#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
        "System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}}, "EventID": 1, "Level": 4,
          "TimeCreated": {"#attributes": {"SystemTime": "2025-11-27T07:40:10.165324Z"}},
          "Execution": {"#attributes": {"ProcessID": 3544, "ThreadID": 4272}}, "Correlation": null,
          "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "swachchhanda"},
        "EventData": {"Image": "C:\\Windows\\System32\\cmd.exe", "CommandLine": "cmd /c whoami", "User": "swachchhanda\\xodih"}}})",
        parse::Format::Auto, kContext);
    ASSERT_FALSE(e.parse_error) << field(e, "parse_error");
    EXPECT_EQ(e.format, "windows");
    EXPECT_EQ(e.app, "sysmon");
    EXPECT_EQ(e.host, "swachchhanda");
    EXPECT_EQ(e.ts, utc(2025, 11, 27, 7, 40, 10, 165324));
    EXPECT_EQ(e.pid, 3544);
    EXPECT_EQ(e.action, "process_start");
    EXPECT_EQ(e.user_name, "xodih");
    EXPECT_EQ(field(e, "Provider_Name"), "Microsoft-Windows-Sysmon");
    EXPECT_EQ(field(e, "Execution_ThreadID"), "4272");
    EXPECT_EQ(field(e, "CommandLine"), "cmd /c whoami");
    EXPECT_EQ(field(e, "Image"), R"(C:\Windows\System32\cmd.exe)");
    EXPECT_EQ(field(e, "#attributes.xmlns"), "<absent>");
    EXPECT_EQ(field(e, "xmlns"), "<absent>");
}

// ---------------------------------------------------------------------------------------------
// Generic JSON.

TEST(JsonParser, GenericObjectFlattenedWithEcsColumns)
{
    const Event e = parse(
        R"({"@timestamp":"2024-01-02T03:04:05.5+01:00","host":{"name":"web-01"},"message":"disk \"full\"\u00e9\/",)"
        R"("log":{"level":"error"},"source":{"ip":"10.0.0.5","port":1234},"destination":{"ip":"not-an-ip"},)"
        R"("user":{"name":"alice"},"tags":["a", "b\n", {"k": [1, 2.50, null, true]}],"n":null,"ok":false,)"
        R"("pi":3.140,"big":123456789012345678901234567890,"empty":{},"e":"","deep":{"x":{"y":{"z":-1e-3}}}})");
    ASSERT_FALSE(e.parse_error) << field(e, "parse_error");
    EXPECT_EQ(e.format, "json");
    EXPECT_EQ(e.ts, utc(2024, 1, 2, 2, 4, 5, 500000));
    EXPECT_EQ(e.host, "web-01");
    EXPECT_EQ(e.message, "disk \"full\"\xC3\xA9/");
    EXPECT_EQ(e.severity, 3);
    EXPECT_EQ(e.source_ip, "10.0.0.5");
    EXPECT_EQ(e.source_port, 1234);
    EXPECT_TRUE(e.dest_ip.empty());
    EXPECT_EQ(e.user_name, "alice");
    EXPECT_EQ(field(e, "host.name"), "web-01");
    EXPECT_EQ(field(e, "destination.ip"), "not-an-ip");
    EXPECT_EQ(field(e, "tags"), R"(["a","b\n",{"k":[1,2.50,null,true]}])");
    EXPECT_EQ(field(e, "n"), "<absent>");
    EXPECT_EQ(field(e, "ok"), "false");
    EXPECT_EQ(field(e, "pi"), "3.140");
    EXPECT_EQ(field(e, "big"), "123456789012345678901234567890");
    EXPECT_EQ(field(e, "e"), "");
    EXPECT_EQ(field(e, "deep.x.y.z"), "-1e-3");
    EXPECT_EQ(field(e, "message"), "<absent>");
}

TEST(JsonParser, GenericEpochTimesAndDefaults)
{
    EXPECT_EQ(parse(R"({"ts": 1700000000})").ts, utc(2023, 11, 14, 22, 13, 20, 0));
    EXPECT_EQ(parse(R"({"time": 1700000000123})").ts, utc(2023, 11, 14, 22, 13, 20, 123000));
    const Event bare = parse(R"({"a": 1})");
    EXPECT_FALSE(bare.parse_error);
    EXPECT_EQ(bare.ts, kContext.received_at);
    EXPECT_EQ(bare.host, kContext.peer_address);
    EXPECT_EQ(field(bare, "a"), "1");
}

TEST(JsonParser, NothingLeaksFromOneRecordToTheNext)
{
    const Event big = parse(sampleLine("suricata/beats_eve-small.log", 6));
    const Event small = parse(R"({"only":"one"})");
    ASSERT_EQ(small.fields.size(), 1u);
    EXPECT_EQ(small.fields[0], (std::pair<std::string, std::string>{"only", "one"}));
    EXPECT_GT(big.fields.size(), 100u);
}

TEST(JsonParser, ParsesOnManyThreadsAtOnce)
{
    const auto lines = test::readLines(
        test::sharedData("windows/otrf/psh_windows_vault_web_credentials_2020-10-2819191483.json"));
    ASSERT_GT(lines.size(), 10u);
    std::vector<std::thread> threads;
    std::vector<int> errors(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                for (const auto& line : lines)
                    errors[static_cast<std::size_t>(t)] += parse(line).parse_error ? 1 : 0;
        });
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(errors, std::vector<int>(4, 0));
}

// ---------------------------------------------------------------------------------------------
// Hostile input: flagged, raw kept, reason with a column.

struct Hostile {
    std::string name;
    std::string input;
    std::string reason; // must appear in fields["parse_error"]
    long column = -1;   // checked when >= 0
};

TEST(JsonParser, HostileInputIsFlaggedNotFatal)
{
    const std::string alert = sampleLine("suricata/beats_eve-small.log", 2);
    std::string deep_object;
    for (int i = 0; i < 200; ++i)
        deep_object += R"({"a":)";
    deep_object += "1" + std::string(200, '}');
    const std::vector<Hostile> cases = {
        {"truncated", alert.substr(0, alert.size() / 2), "invalid JSON"},
        {"array at top level", "[1,2]", "not an object", 0},
        {"missing value", R"({"a":})", "unexpected character", 5},
        {"trailing comma", R"({"a":1,})", "unexpected character", 7},
        {"second object", R"({"a":1}{"b":2})", "trailing content", 7},
        {"trailing garbage", R"({"a":1} x)", "invalid JSON"},
        {"unclosed string", R"({"a":"abc})", "unclosed string", 5},
        {"bad escape", R"({"a":"\q"})", "escape"},
        {"leading zero", R"({"a":01})", "bad number", 5},
        {"bad literal", R"({"a":tru})", "literal", 5},
        {"bad nested literal", R"({"a":[nul]})", "literal"},
        {"raw control character", "{\"a\":\"x\ty\"}", "control character", 7},
        {"NUL outside strings", std::string("{\"a\":1\0}", 8), "NUL", 6},
        {"NUL inside a string", std::string("{\"a\":\"x\0y\"}", 11), "NUL", 7},
        {"invalid UTF-8", "{\"a\":\"caf\xC3\x28\"}", "UTF-8", 9},
        {"overlong UTF-8", "{\"a\":\"\xC0\xAF\"}", "UTF-8", 6},
        {"1 MB of [", std::string(1 << 20, '['), "not an object", 0},
        {"1 MB of [ inside an object", R"({"a":)" + std::string(1 << 20, '['), "invalid JSON"},
        {"deep object nesting", deep_object, "nested deeper"},
        {"deep array nesting", R"({"a":)" + std::string(300, '[') + std::string(300, ']') + "}",
         "nested deeper"},
        {"only a brace", "{", "invalid JSON"},
        {"key without colon", R"({"a" 1})", "unexpected character", 5},
        {"number key", R"({1:2})", "invalid JSON"},
    };
    for (const Hostile& c : cases) {
        SCOPED_TRACE(c.name);
        const Event e = parse::parseRecord(c.input, parse::Format::Json, kContext);
        EXPECT_TRUE(e.parse_error);
        EXPECT_EQ(e.format, "json");
        const std::string reason = field(e, "parse_error");
        EXPECT_NE(reason.find(c.reason), std::string::npos) << reason;
        if (c.column >= 0) {
            EXPECT_NE(reason.find("[col " + std::to_string(c.column) + "]"), std::string::npos) << reason;
        }
        EXPECT_EQ(e.ts, kContext.received_at);
        // raw keeps the exact bytes (repaired for text, original in raw_b64 when needed).
        if (e.raw != c.input) {
            EXPECT_NE(field(e, "raw_b64"), "<absent>");
        }
    }
}

TEST(JsonParser, AutoSendsBracesToJsonOnly)
{
    const Event e = parse("  {\"message\":\"hi\"}\r\n");
    EXPECT_FALSE(e.parse_error);
    EXPECT_EQ(e.format, "json");
    EXPECT_EQ(e.message, "hi");
    EXPECT_EQ(e.raw, "  {\"message\":\"hi\"}\r\n");
    const Event col = parse("  {\"a\":}");
    EXPECT_NE(field(col, "parse_error").find("[col 7]"), std::string::npos) << field(col, "parse_error");
}

TEST(JsonParser, AnEpochTooLargeForMicrosecondsNeitherOverflowsNorLosesTheRecord)
{
    // Found by fuzz_json: sixteen digits of seconds overflowed the integer path.
    const auto event = parse::parseRecord(R"({"ts": 16921692161647.502576, "uid": "C1", "id.orig_h": "10.0.0.1"})",
                                          parse::Format::Auto, parse::Context{nowTimestamp(), "192.0.2.1"});
    EXPECT_FALSE(event.parse_error);
    EXPECT_EQ(event.source_ip, "10.0.0.1");
}

} // namespace
