// Log source dispatch (detect/logsource_dispatch.h) with the built-in mapping over every kind
// of shared sample, each parsed by parseRecord as Vigie stores it: Windows Security / Sysmon /
// System / OpenSSH / MSSQL (OTRF, mdecrevoisier, correlation set, the nested evtx-dump
// events of the Sigma regression set), Zeek and Suricata JSON, Linux syslog (loghub) and
// auditd. Each must land in the entries a Sigma rule for it names. Then every logsource of
// the rules under ../shared/data/sigma/rules* must resolve to at least one entry.
#include "detect/event_input.h"
#include "detect/logsource_dispatch.h"
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace {

using namespace vigie;
using namespace vigie::detect;
namespace fs = std::filesystem;

const parse::Context kContext{Timestamp{}, "192.0.2.1"};

class DispatchTest : public ::testing::Test {
protected:
    const FieldMapping mapping_ = FieldMapping::builtIn();
    const LogsourceDispatch dispatch_{mapping_};

    std::set<std::string> ids(const Event& event) const
    {
        std::set<std::string> out;
        for (const std::size_t index : dispatch_.entriesFor(event))
            out.insert(mapping_.entries()[index].id);
        return out;
    }
};

// What a Sigma rule author expects for a Windows event: the channel's service entry plus the
// category of its event id.
std::set<std::string> expectedWindows(const Event& event)
{
    const std::string id = event.field("EventID") ? *event.field("EventID") : "";
    std::set<std::string> out;
    static const std::map<std::string, std::string> kServices{{"security", "win_security"},
                                                              {"sysmon", "win_sysmon"},
                                                              {"system", "win_system"},
                                                              {"application", "win_application"},
                                                              {"taskscheduler", "win_taskscheduler"},
                                                              {"powershell", "win_powershell"},
                                                              {"openssh", "win_openssh"}};
    if (const auto found = kServices.find(event.app); found != kServices.end())
        out.insert(found->second);
    if (event.app == "security" && id == "4688")
        out.insert("win_process_creation");
    if (event.app == "powershell") {
        static const std::map<std::string, std::string> kPowershell{
            {"4104", "win_ps_script"}, {"4103", "win_ps_module"}, {"400", "win_ps_classic_start"}};
        if (const auto found = kPowershell.find(id); found != kPowershell.end())
            out.insert(found->second);
    }
    if (event.app == "sysmon") {
        static const std::map<std::string, std::vector<std::string>> kSysmon{
            {"1", {"win_process_creation"}},
            {"2", {"win_file_change"}},
            {"3", {"win_network_connection"}},
            {"5", {"win_process_termination"}},
            {"6", {"win_driver_load"}},
            {"7", {"win_image_load"}},
            {"8", {"win_create_remote_thread"}},
            {"9", {"win_raw_access_thread"}},
            {"10", {"win_process_access"}},
            {"11", {"win_file_event"}},
            {"13", {"win_registry_set", "win_registry_event"}},
            {"14", {"win_registry_rename", "win_registry_event"}},
            {"15", {"win_create_stream_hash"}},
            {"17", {"win_pipe_created"}},
            {"18", {"win_pipe_created"}},
            {"19", {"win_wmi_event"}},
            {"20", {"win_wmi_event"}},
            {"21", {"win_wmi_event"}},
            {"22", {"win_dns_query"}},
            {"23", {"win_file_delete"}},
            {"25", {"win_process_tampering"}},
            {"26", {"win_file_delete"}},
            {"255", {"win_sysmon_error"}}};
        if (const auto found = kSysmon.find(id); found != kSysmon.end())
            out.insert(found->second.begin(), found->second.end());
        if (id == "12") {
            out.insert("win_registry_event");
            const std::string* type = event.field("EventType");
            if (type && *type == "CreateKey")
                out.insert("win_registry_add");
            if (type && (*type == "DeleteKey" || *type == "DeleteValue"))
                out.insert("win_registry_delete");
        }
    }
    return out;
}

TEST_F(DispatchTest, EveryWindowsSampleGoesToItsChannelAndCategory)
{
    std::vector<fs::path> files;
    for (const char* dir : {"windows/otrf", "windows/mdecrevoisier", "windows/correlation/event_sets"})
        for (const auto& file : fs::directory_iterator(test::sharedData(dir)))
            files.push_back(file.path());
    for (const auto& file :
         fs::recursive_directory_iterator(test::sharedData("sigma/regression_dev/regression_data")))
        if (file.path().extension() == ".json")
            files.push_back(file.path());
    std::map<std::string, int> per_app;
    std::size_t count = 0;
    for (const fs::path& path : files) {
        SCOPED_TRACE(path.string());
        forEachEvent(path, [&](std::size_t line, Event&& event) {
            ASSERT_EQ(event.format, "windows") << line;
            EXPECT_EQ(ids(event), expectedWindows(event))
                << path.filename() << ":" << line << " app " << event.app << " EventID "
                << *event.field("EventID");
            ++per_app[event.app];
            ++count;
        });
    }
    EXPECT_GT(count, 1000u);
    EXPECT_GT(per_app["security"], 0);
    EXPECT_GT(per_app["sysmon"], 0);
    EXPECT_GT(per_app["taskscheduler"], 0);
    EXPECT_GT(per_app["openssh"], 0);
    EXPECT_GT(per_app["application"], 0); // MSSQL
    EXPECT_GT(per_app["system"], 0);
    for (const auto& [app, n] : per_app)
        std::cout << "windows app " << app << ": " << n << " events\n";
}

TEST_F(DispatchTest, ZeekLogsGoToTheirServiceAndNetworkCategories)
{
    std::size_t count = 0;
    std::set<std::string> logs;
    for (const char* dir : {"zeek/otrf_lsass_campaign_01/json", "zeek/otrf_apt29_day1_SCRANTON"}) {
        for (const auto& file : fs::directory_iterator(test::sharedData(dir))) {
            for (const std::string& line : test::readLines(file.path())) {
                if (line.empty())
                    continue;
                const Event event = parse::parseRecord(line, parse::Format::Auto, kContext);
                ASSERT_EQ(event.format, "zeek") << file.path();
                const std::string log = *event.field("zeek.log");
                logs.insert(log);
                const auto got = ids(event);
                std::set<std::string> expected;
                if (mapping_.entry("zeek_" + log))
                    expected.insert("zeek_" + log);
                if (log == "http")
                    expected.insert({"proxy", "webserver"});
                if (log == "dns")
                    expected.insert("dns");
                if (log == "conn")
                    expected.insert("firewall");
                EXPECT_EQ(got, expected) << file.path() << " log " << log;
                ++count;
            }
        }
    }
    EXPECT_GT(count, 100u);
    for (const char* log : {"conn", "dns", "http", "smb_files", "dce_rpc", "kerberos", "x509"})
        EXPECT_TRUE(logs.count(log)) << log;
}

TEST_F(DispatchTest, SuricataEventTypes)
{
    std::size_t http = 0;
    std::size_t dns = 0;
    for (const char* file : {"suricata/eve_doc_examples.jsonl", "suricata/beats_eve-small.log"}) {
        for (const std::string& line : test::readLines(test::sharedData(file))) {
            if (line.empty() || line[0] != '{')
                continue;
            const Event event = parse::parseRecord(line, parse::Format::Auto, kContext);
            ASSERT_EQ(event.format, "suricata");
            const std::string type = *event.field("suricata.event_type");
            std::set<std::string> expected;
            if (type == "http")
                expected = {"proxy", "webserver"}, ++http;
            else if (type == "dns")
                expected = {"dns"}, ++dns;
            else if (type == "flow")
                expected = {"firewall"};
            EXPECT_EQ(ids(event), expected) << type;
        }
    }
    std::cout << "suricata: " << http << " http, " << dns << " dns events\n";
}

TEST_F(DispatchTest, LinuxSyslogByProgram)
{
    std::map<std::string, std::size_t> seen;
    for (const char* file : {"loghub/OpenSSH/OpenSSH_2k.log", "loghub/Linux/Linux_2k.log"}) {
        for (const std::string& line : test::readLines(test::sharedData(file))) {
            const Event event = parse::parseRecord(line, parse::Format::Rfc3164, kContext);
            const auto got = ids(event);
            // Any syslog line is linux/syslog and `product: linux` material.
            EXPECT_TRUE(got.count("linux_syslog") && got.count("linux_any")) << line;
            for (const std::string& id : got)
                EXPECT_FALSE(id.starts_with("win_") || id.starts_with("zeek_")) << id << " " << line;
            if (event.app == "sshd") {
                EXPECT_TRUE(got.count("linux_sshd")) << line;
            }
            if (event.app == "sudo" && event.field("sudo.command")) {
                EXPECT_TRUE(got.count("linux_process_creation")) << line;
            }
            for (const std::string& id : got)
                ++seen[id];
        }
    }
    EXPECT_GT(seen["linux_sshd"], 1000u);
    EXPECT_GT(seen["linux_auth"], 0u);
    for (const auto& [id, n] : seen)
        std::cout << "loghub -> " << id << ": " << n << "\n";
}

TEST_F(DispatchTest, AuditdRecords)
{
    const auto lines =
        test::readLines(test::sharedData("linux/otrf_auditd/sh_arp_cache_2020-11-10074812.log"));
    for (const std::string& line : lines) {
        const Event event = parse::parseRecord(line, parse::Format::Auto, kContext);
        const auto got = ids(event);
        EXPECT_TRUE(got.count("linux_auditd")) << line;
        EXPECT_EQ(got.count("linux_process_creation"), line.starts_with("type=EXECVE ") ? 1u : 0u) << line;
    }
}

TEST_F(DispatchTest, RuleLogsourcesWildcardsAndReasons)
{
    auto entries = [&](Logsource logsource) {
        std::set<std::string> out;
        for (const std::size_t index : dispatch_.entriesForRule(logsource).entries)
            out.insert(mapping_.entries()[index].id);
        return out;
    };
    EXPECT_EQ(entries({"windows", "process_creation", ""}), std::set<std::string>{"win_process_creation"});
    EXPECT_EQ(entries({"Windows", "", "Security"}), std::set<std::string>{"win_security"});
    EXPECT_EQ(entries({"", "dns", ""}), std::set<std::string>{"dns"});
    const auto linux_any = entries({"linux", "", ""});
    EXPECT_TRUE(linux_any.count("linux_auditd") && linux_any.count("linux_process_creation") &&
                linux_any.count("linux_any"));
    EXPECT_FALSE(linux_any.count("win_security"));
    const RuleEntries none = dispatch_.entriesForRule({"macos", "process_creation", ""});
    EXPECT_TRUE(none.entries.empty());
    EXPECT_EQ(none.reason, "no mapping for logsource product=macos category=process_creation service=");
    EXPECT_TRUE(dispatch_.entriesForRule({}).entries.empty());
}

// The rule's `logsource:` block, read line by line (the rule files are SigmaHQ-formatted).
std::optional<Logsource> ruleLogsource(const fs::path& path)
{
    std::ifstream in(path);
    bool inside = false;
    bool found = false;
    Logsource out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.starts_with("logsource:")) {
            inside = found = true;
            continue;
        }
        if (!inside)
            continue;
        if (line.empty() || line[0] != ' ')
            break;
        const std::size_t begin = line.find_first_not_of(' ');
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key = line.substr(begin, colon - begin);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (const std::size_t comment = value.find(" #"); comment != std::string::npos)
            value.erase(comment);
        while (!value.empty() && value.back() == ' ')
            value.pop_back();
        if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"'))
            value = value.substr(1, value.size() - 2);
        if (key == "product")
            out.product = value;
        else if (key == "category")
            out.category = value;
        else if (key == "service")
            out.service = value;
    }
    if (!found)
        return std::nullopt;
    return out;
}

TEST_F(DispatchTest, EveryCorpusLogsourceHasAnEntry)
{
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> combinations;
    std::size_t rules = 0;
    for (const auto& dir : fs::directory_iterator(test::sharedData("sigma"))) {
        if (!dir.is_directory() || !dir.path().filename().string().starts_with("rules"))
            continue;
        for (const auto& file : fs::recursive_directory_iterator(dir.path()))
            if (file.path().extension() == ".yml")
                if (const auto logsource = ruleLogsource(file.path())) {
                    ++combinations[{logsource->product, logsource->category, logsource->service}];
                    ++rules;
                }
    }
    std::size_t unmapped = 0;
    for (const auto& [key, count] : combinations) {
        const auto& [product, category, service] = key;
        const RuleEntries found = dispatch_.entriesForRule({product, category, service});
        if (found.entries.empty()) {
            ++unmapped;
            std::cout << "UNMAPPED (" << count << " rules): " << found.reason << "\n";
        }
    }
    std::cout << rules << " rules, " << combinations.size() << " logsource combinations, "
              << combinations.size() - unmapped << " mapped, " << unmapped << " unmapped\n";
    EXPECT_GE(rules, 1664u);
    EXPECT_EQ(unmapped, 0u);
}

} // namespace
