// The Sigma field mapping (detect/field_mapping.h): the embedded built-in file loads, names
// resolve to the targets a rule's values are compared with (list order = first present wins,
// unmapped names fall back to fields.<name>), value_maps add the event's spelling of a rule
// value, and a user file replaces entries by id. Bad files are refused with the place at fault.
#include "detect/field_mapping.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

using namespace vigie::detect;

FieldTarget fieldsKey(std::string key)
{
    return FieldTarget{FieldTarget::Kind::Fields, Column::Host, std::move(key)};
}

FieldTarget decoded(std::string key)
{
    return FieldTarget{FieldTarget::Kind::Decoded, Column::Host, std::move(key)};
}

FieldTarget column(Column c)
{
    return FieldTarget{FieldTarget::Kind::Column, c, {}};
}

TEST(FieldMapping, BuiltInLoadsWithEveryEntryUsable)
{
    const FieldMapping mapping = FieldMapping::builtIn();
    ASSERT_GT(mapping.entries().size(), 40u);
    for (const MappingEntry& entry : mapping.entries()) {
        SCOPED_TRACE(entry.id);
        EXPECT_FALSE(entry.events.empty());
        EXPECT_FALSE(entry.keywords.empty()); // defaults.keywords: [message]
    }
    const MappingEntry* process = mapping.entry("win_process_creation");
    ASSERT_NE(process, nullptr);
    EXPECT_EQ(process->logsource, (Logsource{"windows", "process_creation", ""}));
    EXPECT_EQ(process->keywords, std::vector<FieldTarget>{column(Column::Message)});
}

TEST(FieldMapping, ListTargetsKeepTheirOrder)
{
    const FieldMapping mapping = FieldMapping::builtIn();
    const MappingEntry& process = *mapping.entry("win_process_creation");
    // Sysmon 1 names the child ProcessId, Security 4688 NewProcessId (its ProcessId is the parent).
    EXPECT_EQ(mapping.resolve(process, "ProcessId"),
              (std::vector<FieldTarget>{fieldsKey("NewProcessId"), fieldsKey("ProcessId")}));
    EXPECT_EQ(mapping.resolve(process, "ParentProcessId"),
              (std::vector<FieldTarget>{fieldsKey("ParentProcessId"), fieldsKey("ProcessId")}));
    const MappingEntry& linux_process = *mapping.entry("linux_process_creation");
    EXPECT_EQ(mapping.resolve(linux_process, "CommandLine"),
              (std::vector<FieldTarget>{fieldsKey("CommandLine"), decoded("auditd.cmdline"),
                                        fieldsKey("sudo.command")}));
    const MappingEntry& zeek = *mapping.entry("zeek_dns");
    EXPECT_EQ(mapping.resolve(zeek, "id.orig_h"), std::vector<FieldTarget>{column(Column::SourceIp)});
    EXPECT_EQ(mapping.resolve(zeek, "id.resp_p"), std::vector<FieldTarget>{column(Column::DestPort)});
}

TEST(FieldMapping, UnmappedNamesFallBackToFieldsThenDecoded)
{
    const FieldMapping mapping = FieldMapping::builtIn();
    EXPECT_EQ(mapping.resolve(*mapping.entry("win_process_creation"), "CommandLine"),
              std::vector<FieldTarget>{fieldsKey("CommandLine")});
    EXPECT_EQ(mapping.resolve(*mapping.entry("win_security"), "TargetUserName"),
              std::vector<FieldTarget>{fieldsKey("TargetUserName")});
    // auditd entries decode their message: `exe` lives there.
    EXPECT_EQ(mapping.resolve(*mapping.entry("linux_auditd"), "exe"),
              (std::vector<FieldTarget>{fieldsKey("exe"), decoded("exe")}));
    EXPECT_EQ(mapping.resolve(*mapping.entry("fortigate_event"), "cfgpath"),
              (std::vector<FieldTarget>{fieldsKey("cfgpath"), decoded("cfgpath")}));
}

TEST(FieldMapping, ValueMapsAddTheEventSpelling)
{
    const FieldMapping mapping = FieldMapping::builtIn();
    const MappingEntry& process = *mapping.entry("win_process_creation");
    // Sysmon writes "High", Security 4688's MandatoryLabel the SID: a rule value matches both.
    EXPECT_EQ(mapping.ruleValues(process, "IntegrityLevel", "High"),
              (std::vector<std::string>{"High", "S-1-16-12288"}));
    EXPECT_EQ(mapping.ruleValues(process, "IntegrityLevel", "Untrusted"),
              std::vector<std::string>{"Untrusted"});
    EXPECT_EQ(mapping.ruleValues(process, "Image", "High"), std::vector<std::string>{"High"});
}

TEST(FieldMapping, TargetNamesRoundTrip)
{
    for (const char* text : {"host", "source_port", "raw", "fields.zeek.log", "decoded.auditd.cmdline"}) {
        const auto target = parseTarget(text);
        ASSERT_TRUE(target) << text;
        EXPECT_EQ(targetName(*target), text);
    }
    EXPECT_FALSE(parseTarget("hostname"));
    EXPECT_FALSE(parseTarget("fields."));
}

TEST(FieldMapping, UserFileReplacesEntriesByIdAndAddsNewOnes)
{
    const auto path = std::filesystem::temp_directory_path() / "vigie_field_mapping_test.yml";
    {
        std::ofstream out(path);
        out << "version: 1\n"
               "placeholders: {Workstations: [ws01, ws02]}\n"
               "logsources:\n"
               "  - id: win_security\n"
               "    logsource: {product: windows, service: security}\n"
               "    events: [{app: security, host|startswith: dc}]\n"
               "    fields: {User: [fields.TargetUserName, user_name]}\n"
               "    keywords: [message, raw]\n"
               "  - id: acme_vpn\n"
               "    logsource: {product: acme, service: vpn}\n"
               "    events: [{app: acme-vpn}]\n";
    }
    const FieldMapping builtin = FieldMapping::builtIn();
    const FieldMapping mapping = FieldMapping::load(path);
    std::filesystem::remove(path);

    EXPECT_EQ(mapping.entries().size(), builtin.entries().size() + 1);
    EXPECT_EQ(mapping.indexOf("win_security"), builtin.indexOf("win_security")); // replaced in place
    const MappingEntry& security = *mapping.entry("win_security");
    ASSERT_EQ(security.events.size(), 1u);
    ASSERT_EQ(security.events[0].terms.size(), 2u);
    EXPECT_EQ(security.events[0].terms[1].op, SelectorTerm::Op::StartsWith);
    EXPECT_EQ(mapping.resolve(security, "User"),
              (std::vector<FieldTarget>{fieldsKey("TargetUserName"), column(Column::UserName)}));
    EXPECT_EQ(security.keywords, (std::vector<FieldTarget>{column(Column::Message), column(Column::Raw)}));
    EXPECT_EQ(mapping.entries().back().id, "acme_vpn");
    ASSERT_NE(mapping.placeholder("Workstations"), nullptr);
    EXPECT_EQ(*mapping.placeholder("Workstations"), (std::vector<std::string>{"ws01", "ws02"}));
    EXPECT_EQ(mapping.placeholder("Servers"), nullptr);
    // Untouched built-in entries are still there.
    EXPECT_NE(mapping.entry("win_process_creation"), nullptr);
}

TEST(FieldMapping, BadFilesAreRefusedWithTheReason)
{
    auto error = [](const std::string& yaml) -> std::string {
        try {
            FieldMapping::parse(yaml, "user.yml");
        } catch (const MappingError& e) {
            return e.what();
        }
        return "accepted";
    };
    EXPECT_NE(error("logsources: [{id: x, logsource: {product: p}, events: [{hostname: a}]}]")
                  .find("unknown target \"hostname\""),
              std::string::npos);
    EXPECT_NE(error("logsources: [{id: x, logsource: {product: p}, events: [{app|regex: a}]}]")
                  .find("unknown selector operator"),
              std::string::npos);
    EXPECT_NE(error("logsources: [{id: x, logsource: {product: p}}]").find("entry x: events:"),
              std::string::npos);
    EXPECT_NE(error("logsources: [{id: x, logsource: {}, events: [{app: a}]}]").find("names no product"),
              std::string::npos);
    EXPECT_NE(error("logsources:\n  - {id: x, logsource: {product: p}, events: [{app: a}]}\n"
                    "  - {id: x, logsource: {product: q}, events: [{app: b}]}\n")
                  .find("user.yml:3: duplicate entry id x"),
              std::string::npos);
    EXPECT_NE(error("logsources: [{id: x, logsource: {product: p}, events: [{app: a}], decode: xml}]")
                  .find("decode:"),
              std::string::npos);
    EXPECT_NE(error("value_maps: {nope: {A: {b: c}}}").find("no entry nope"), std::string::npos);
    EXPECT_NE(error("logsources: [unclosed").find("user.yml"), std::string::npos);
    EXPECT_THROW(FieldMapping::load(std::filesystem::path("/nonexistent/mapping.yml")), MappingError);
}

} // namespace
