// EventView (detect/event_view.h): what a Sigma rule reads from real events through the
// built-in mapping — Security 4688 and Sysmon 1 seen as windows/process_creation with one
// vocabulary, auditd values decoded from the message, Zeek's connection tuple from columns,
// integers as decimal text, absent vs empty values, keyword texts, and reuse across events.
#include "detect/event_view.h"
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

using namespace vigie;
using namespace vigie::detect;

const parse::Context kContext{Timestamp{}, "192.0.2.1"};

Event parse(std::string_view record)
{
    return parse::parseRecord(record, parse::Format::Auto, kContext);
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string get(const FieldLookup& view, std::string_view field)
{
    const auto value = view.value(field);
    return value ? std::string(*value) : std::string("<absent>");
}

// The first line of an OTRF file holding `event_id`.
Event otrfEvent(const std::string& file, std::string_view event_id)
{
    for (const std::string& line : test::readLines(test::sharedData("windows/otrf/" + file)))
        if (line.find("\"EventID\":" + std::string(event_id) + ",") != std::string::npos)
            return parse(line);
    ADD_FAILURE() << "no " << event_id << " in " << file;
    return {};
}

class EventViewTest : public ::testing::Test {
protected:
    const FieldMapping mapping_ = FieldMapping::builtIn();
    const MappingEntry& entry(std::string_view id) { return *mapping_.entry(id); }
};

TEST_F(EventViewTest, Security4688ReadsAsProcessCreation)
{
    const Event event = otrfEvent("cmd_sharpview_pcre_net_2020-10-2920232423.json", "4688");
    ASSERT_EQ(event.app, "security");
    EventView view(event, entry("win_process_creation"));
    EXPECT_EQ(get(view, "Image"), "C:\\ProgramData\\SharpView.exe");
    EXPECT_EQ(get(view, "ParentImage"), "C:\\Windows\\System32\\cmd.exe");
    EXPECT_EQ(get(view, "CommandLine"), "SharpView.exe  Get-ObjectAcl -SamAccountName \"Domain Admins\"");
    EXPECT_EQ(get(view, "User"), "pgustavo");
    EXPECT_EQ(get(view, "ProcessId"), "0xea8");        // NewProcessId
    EXPECT_EQ(get(view, "ParentProcessId"), "0x1e7c"); // 4688's ProcessId is the creator
    EXPECT_EQ(get(view, "IntegrityLevel"), "S-1-16-12288");
    EXPECT_EQ(get(view, "EventID"), "4688");
    EXPECT_EQ(get(view, "OriginalFileName"), "<absent>");
    // The same event as windows/security: no renaming there.
    view.select(entry("win_security"));
    EXPECT_EQ(get(view, "ProcessId"), "0x1e7c");
    EXPECT_EQ(get(view, "NewProcessName"), "C:\\ProgramData\\SharpView.exe");
    // Keywords search the message (here Windows' rendered text).
    ASSERT_TRUE(view.keywordText(0));
    EXPECT_NE(view.keywordText(0)->find("A new process has been created."), std::string_view::npos);
    EXPECT_FALSE(view.keywordText(1));
}

TEST_F(EventViewTest, SysmonProcessCreationFromTheRegressionSet)
{
    const auto path = test::sharedData("sigma/regression_dev/regression_data/rules/windows/process_creation/"
                                       "proc_creation_win_bitsadmin_download_direct_ip");
    std::filesystem::path json;
    for (const auto& file : std::filesystem::directory_iterator(path))
        if (file.path().extension() == ".json")
            json = file.path();
    ASSERT_FALSE(json.empty());
    const std::string text = readFile(json);
    const Event event = parse(text.substr(0, text.find("\n}\n") + 2)); // the first object
    ASSERT_EQ(event.app, "sysmon");
    EventView view(event, entry("win_process_creation"));
    EXPECT_NE(get(view, "Image"), "<absent>");
    EXPECT_NE(get(view, "CommandLine").find("bitsadmin"), std::string::npos) << get(view, "CommandLine");
    EXPECT_EQ(get(view, "EventID"), "1");
    EXPECT_EQ(get(view, "ProcessId"), *event.field("ProcessId"));
}

TEST_F(EventViewTest, AuditdValuesComeFromTheMessage)
{
    const auto lines =
        test::readLines(test::sharedData("linux/otrf_auditd/sh_arp_cache_2020-11-10074812.log"));
    const Event syscall = parse(lines[0]);
    EXPECT_TRUE(syscall.parse_error); // no auditd parser: stored as a raw line
    EventView view(syscall, entry("linux_auditd"));
    EXPECT_EQ(get(view, "type"), "SYSCALL");
    EXPECT_EQ(get(view, "SYSCALL"), "execve");
    EXPECT_EQ(get(view, "exe"), "/usr/sbin/arp");
    EXPECT_EQ(get(view, "comm"), "arp");
    EXPECT_EQ(get(view, "a0"), "558e251634a0");

    const Event execve = parse(lines[1]);
    view.reset(execve, entry("linux_process_creation"));
    EXPECT_EQ(get(view, "CommandLine"), "arp -a");
    EXPECT_EQ(get(view, "Image"), "<absent>");
    view.select(entry("linux_auditd"));
    EXPECT_EQ(get(view, "a1"), "-a");
    // A Windows entry does not decode: auditd names are absent there.
    view.select(entry("win_security"));
    EXPECT_EQ(get(view, "a1"), "<absent>");
}

TEST_F(EventViewTest, ZeekTupleFromColumnsAndIntegersAsText)
{
    const auto lines = test::readLines(test::sharedData("zeek/otrf_lsass_campaign_01/json/dns.json"));
    Event event = parse(lines[0]);
    ASSERT_EQ(event.format, "zeek");
    EventView view(event, entry("zeek_dns"));
    EXPECT_EQ(get(view, "id.orig_h"), "192.168.1.41");
    EXPECT_EQ(get(view, "id.orig_p"), "52605");
    EXPECT_EQ(get(view, "id.resp_h"), "192.168.1.4");
    EXPECT_EQ(get(view, "id.resp_p"), "53");
    EXPECT_EQ(get(view, "rcode_name"), "SERVFAIL");
    EXPECT_EQ(get(view, "trans_id"), "58519");
    // Two integer views at once stay valid: each column has its own buffer.
    const auto source = view.value("id.orig_p");
    const auto dest = view.value("id.resp_p");
    EXPECT_EQ(*source, "52605");
    EXPECT_EQ(*dest, "53");
}

TEST_F(EventViewTest, EmptyIsPresentAbsentIsNot)
{
    Event event;
    event.format = "windows";
    event.app = "security";
    event.fields = {{"EventID", "4624"}, {"TargetDomainName", ""}, {"Dup", "first"}, {"Dup", "second"}};
    EventView view(event, entry("win_security"));
    EXPECT_EQ(view.value("TargetDomainName"), std::optional<std::string_view>(""));
    EXPECT_EQ(view.value("Nope"), std::nullopt);
    EXPECT_EQ(get(view, "Dup"), "first");

    // Reused for another event: nothing of the first one leaks.
    Event other;
    other.fields = {{"Other", "1"}};
    view.reset(other, entry("win_security"));
    EXPECT_EQ(view.value("EventID"), std::nullopt);
    EXPECT_EQ(get(view, "Other"), "1");
}

TEST_F(EventViewTest, ManyFieldsGrowTheTable)
{
    Event event;
    for (int i = 0; i < 500; ++i)
        event.fields.emplace_back("k" + std::to_string(i), std::to_string(i * 7));
    EventView view(event, entry("win_security"));
    for (int i = 0; i < 500; ++i)
        ASSERT_EQ(get(view, "k" + std::to_string(i)), std::to_string(i * 7));
    EXPECT_EQ(view.value("k500"), std::nullopt);
}

TEST_F(EventViewTest, ColumnTargets)
{
    FieldMapping mapping = FieldMapping::parse(
        "logsources:\n"
        "  - id: t\n"
        "    logsource: {product: t}\n"
        "    events: [{app: t}]\n"
        "    fields: {h: host, p: pid, s: severity, u: [fields.user, user_name], r: raw}\n"
        "    keywords: [message, fields.extra, raw]\n",
        "test");
    Event event;
    event.host = "web01";
    event.pid = 4242;
    event.severity = 3;
    event.user_name = "alice";
    event.message = "hello";
    event.raw = "<11>hello";
    EventView view(event, *mapping.entry("t"));
    EXPECT_EQ(get(view, "h"), "web01");
    EXPECT_EQ(get(view, "p"), "4242");
    EXPECT_EQ(get(view, "s"), "3");
    EXPECT_EQ(get(view, "u"), "alice");
    EXPECT_EQ(get(view, "r"), "<11>hello");
    EXPECT_EQ(view.keywordText(0), std::optional<std::string_view>("hello"));
    EXPECT_EQ(view.keywordText(1), std::optional<std::string_view>("")); // absent: nothing to find
    EXPECT_EQ(view.keywordText(2), std::optional<std::string_view>("<11>hello"));
    EXPECT_EQ(view.keywordText(3), std::nullopt);
}

} // namespace
