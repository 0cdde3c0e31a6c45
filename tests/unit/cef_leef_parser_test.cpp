// CEF and LEEF parsing (parse/cef_leef_parser.h through parse::parseRecord) against the public
// vectors in ../shared/data/cef_leef/cef_leef_vectors.jsonl, one GoogleTest case per vector, plus
// targeted cases for what the vectors do not pin down: syslog envelopes, column mapping,
// severity mapping, device times, LEEF delimiters and header errors.
//
// How the vectors' names map to ours (see `expected_naming` in each vector):
//  - axosyslog: cef_version, device_vendor, device_product, device_version,
//    device_event_class_id, event_name, agent_severity -> fields cef.version, cef.device_vendor,
//    cef.device_product, cef.device_version, cef.signature_id, cef.name, cef.severity;
//    leef_version, vendor_name, product_name, product_version, event_id, leef_delimiter ->
//    leef.version, leef.vendor, leef.product, leef.product_version, leef.event_id,
//    leef.delimiter; any other key (or the keys of `extensions` with separate_extensions, which
//    only changes the output's shape) -> cef.<key> / leef.<key>. axosyslog lists the complete
//    output, so the cef./leef. fields must be exactly those.
//  - Logstash: header version, device_vendor, device_product, device_version, signature_id,
//    name, severity -> cef.<same>; extensions -> cef.<key>; expected_is_subset: only the listed
//    keys are checked. syslog_prefix -> cef.prefix (text before "CEF:" that is not a syslog
//    header Vigie can read).
// Valid vectors are parsed with the format pinned (a listener with format=cef / format=leef), and
// also with Format::Auto when the line starts with the format's tag. Invalid vectors must come
// back flagged, with the raw text kept, under Format::Auto and under the pinned format.
#include "event/event_json.h"
#include "parse/record_parser.h"
#include "support/scoped_tz.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace {

using namespace vigie;
using test::ScopedTz;
using namespace std::chrono;

Timestamp utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return time_point_cast<microseconds>(sys_days{year{y} / month{mo} / day{d}}) + hours(h) + minutes(mi) +
           seconds(s) + milliseconds(ms);
}

const std::string kPeer = "192.0.2.99";
const Timestamp kReceived = utc(2024, 2, 1, 12, 0, 0);

parse::Context context()
{
    return {kReceived, kPeer};
}

// The fields whose key starts with `prefix`.
std::map<std::string, std::string> fieldsWithPrefix(const Event& e, const std::string& prefix)
{
    std::map<std::string, std::string> out;
    for (const auto& [k, v] : e.fields)
        if (k.starts_with(prefix))
            out[k] = v;
    return out;
}

// ---------------------------------------------------------------------------------------------
// The vectors.

struct Vector {
    std::string id;
    std::string name; // id and upstream test name, for the test case's name
    std::string json;
};

void PrintTo(const Vector& v, std::ostream* os)
{
    *os << v.id;
}

std::vector<Vector> loadVectors()
{
    std::vector<Vector> out;
    try {
        simdjson::dom::parser parser;
        for (const auto& line : test::readLines(test::sharedData("cef_leef/cef_leef_vectors.jsonl"))) {
            if (line.empty())
                continue;
            simdjson::dom::element doc = parser.parse(line);
            std::string name = std::string(doc["id"].get_string().value()) + "_" +
                               std::string(doc["test"].get_string().value());
            for (char& c : name)
                if (!std::isalnum(static_cast<unsigned char>(c)))
                    c = '_';
            out.push_back({std::string(doc["id"].get_string().value()), name, line});
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cannot load CEF/LEEF vectors: %s\n", e.what());
    }
    return out;
}

// What Vigie deliberately does not do, with the reason.
const std::map<std::string, std::string> kSkips = {
    {"cefleef-s008", "parser_options.pair_separator='@' is a per-source option of axosyslog; Vigie reads "
                     "CEF as the ArcSight spec writes it (pairs separated by spaces), so the whole "
                     "extension would be one value of foo"},
    {"cefleef-s021", "parser_options.pair_separator='@' (axosyslog option) with an empty LEEF 2.0 delimiter "
                     "field; Vigie uses the delimiter the record names (empty: tab), no per-source override"},
};

const std::map<std::string, std::string> kAxosyslogHeader = {
    {"cef_version", "cef.version"},
    {"device_vendor", "cef.device_vendor"},
    {"device_product", "cef.device_product"},
    {"device_version", "cef.device_version"},
    {"device_event_class_id", "cef.signature_id"},
    {"event_name", "cef.name"},
    {"agent_severity", "cef.severity"},
    {"leef_version", "leef.version"},
    {"vendor_name", "leef.vendor"},
    {"product_name", "leef.product"},
    {"product_version", "leef.product_version"},
    {"event_id", "leef.event_id"},
    {"leef_delimiter", "leef.delimiter"},
};

struct Tally {
    int passed = 0, skipped = 0, failed = 0;
};
Tally& tally()
{
    static Tally t;
    return t;
}

class SummaryPrinter : public ::testing::Environment {
public:
    void TearDown() override
    {
        std::printf("\nCEF/LEEF vectors (passed / skipped / failed): %d / %d / %d\n", tally().passed,
                    tally().skipped, tally().failed);
    }
};
[[maybe_unused]] ::testing::Environment* const kSummary =
    ::testing::AddGlobalTestEnvironment(new SummaryPrinter);

class CefLeefVector : public ::testing::TestWithParam<Vector> {
protected:
    void SetUp() override
    {
        doc_ = parser_.parse(GetParam().json);
        if (const auto skip = kSkips.find(GetParam().id); skip != kSkips.end()) {
            ++tally().skipped;
            skipped_ = true;
            GTEST_SKIP() << skip->second;
        }
    }
    void TearDown() override
    {
        if (!skipped_)
            (HasFailure() ? tally().failed : tally().passed) += 1;
    }

    ScopedTz tz_{"UTC"};
    simdjson::dom::parser parser_;
    simdjson::dom::element doc_;
    bool skipped_ = false;
};

// The expected fields, in our naming.
std::map<std::string, std::string> expectedFields(simdjson::dom::element doc, const std::string& prefix)
{
    std::map<std::string, std::string> want;
    simdjson::dom::object expected = doc["expected"].get_object().value();
    const bool logstash = doc["source"].get_string().value() == "logstash-plugins/logstash-codec-cef";
    auto addExtensions = [&](simdjson::dom::object extensions) {
        for (auto [key, value] : extensions)
            want[prefix + std::string(key)] = std::string(value.get_string().value());
    };
    for (auto [key, value] : expected) {
        const std::string k(key);
        if (k == "extensions") {
            addExtensions(value.get_object().value());
        } else if (k == "header" && logstash) {
            simdjson::dom::object header = value.get_object().value();
            for (auto [hk, hv] : header)
                want[prefix + std::string(hk)] = std::string(hv.get_string().value());
        } else if (k == "syslog_prefix") {
            want[prefix + "prefix"] = std::string(value.get_string().value());
        } else if (const auto header = kAxosyslogHeader.find(k); header != kAxosyslogHeader.end()) {
            want[header->second] = std::string(value.get_string().value());
        } else {
            want[prefix + k] = std::string(value.get_string().value());
        }
    }
    return want;
}

void expectMatches(const Event& e, simdjson::dom::element doc, const std::string& input, bool cef)
{
    const std::string prefix = cef ? "cef." : "leef.";
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, cef ? "cef" : "leef");
    EXPECT_EQ(e.raw, input);
    const auto want = expectedFields(doc, prefix);
    const auto got = fieldsWithPrefix(e, prefix);
    bool subset = false;
    if (doc["expected_is_subset"].get(subset) != simdjson::SUCCESS)
        subset = false;
    if (subset) {
        for (const auto& [k, v] : want) {
            const auto it = got.find(k);
            ASSERT_NE(it, got.end()) << k << " missing in " << eventToJson(e);
            EXPECT_EQ(it->second, v) << k;
        }
    } else {
        EXPECT_EQ(got, want) << eventToJson(e);
    }
}

TEST_P(CefLeefVector, Matches)
{
    const std::string input(doc_["input"].get_string().value());
    const bool cef = doc_["format"].get_string().value() == "CEF";
    const parse::Format pinned = cef ? parse::Format::Cef : parse::Format::Leef;
    const bool valid = doc_["valid"].get_bool().value();
    if (!valid) {
        for (parse::Format format : {parse::Format::Auto, pinned}) {
            const Event e = parse::parseRecord(input, format, context());
            EXPECT_TRUE(e.parse_error) << parse::formatName(format) << ": " << eventToJson(e);
            EXPECT_EQ(e.raw, input);
            EXPECT_EQ(e.message, input);
            ASSERT_NE(e.field("parse_error"), nullptr);
            EXPECT_NE(e.field("parse_error")->find("[col "), std::string::npos);
        }
        return;
    }
    expectMatches(parse::parseRecord(input, pinned, context()), doc_, input, cef);
    if (input.starts_with(cef ? "CEF:" : "LEEF:")) {
        SCOPED_TRACE("Format::Auto");
        expectMatches(parse::parseRecord(input, parse::Format::Auto, context()), doc_, input, cef);
    }
}

INSTANTIATE_TEST_SUITE_P(Vectors, CefLeefVector, ::testing::ValuesIn(loadVectors()),
                         [](const ::testing::TestParamInfo<Vector>& info) { return info.param.name; });

TEST(CefLeefVectors, AllThirtyEightAreLoaded)
{
    EXPECT_EQ(loadVectors().size(), 38u);
}

// ---------------------------------------------------------------------------------------------
// Targeted cases.

class CefLeef : public ::testing::Test {
protected:
    static Event parse(const std::string& line, parse::Format format = parse::Format::Auto)
    {
        return parse::parseRecord(line, format, context());
    }
    ScopedTz tz_{"UTC"};
};

TEST_F(CefLeef, CefInsideRfc3164TakesHostAndTimeFromTheHeader)
{
    const Event e = parse("<134>Feb  1 10:00:00 fw-01 CEF:0|Acme|Firewall|2.1|100|Connection blocked|5|"
                          "src=10.0.0.1 dst=192.0.2.7 spt=51000 dpt=443 act=blocked");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "cef");
    EXPECT_EQ(e.host, "fw-01");
    EXPECT_EQ(e.ts, utc(2024, 2, 1, 10, 0, 0));
    EXPECT_EQ(e.app, "Firewall");
    EXPECT_EQ(e.facility, 16);
    EXPECT_EQ(e.severity, 4) << "CEF severity 5 (Medium) replaces the PRI's informational";
    EXPECT_EQ(e.message, "Connection blocked");
    EXPECT_EQ(e.source_ip, "10.0.0.1");
    EXPECT_EQ(e.dest_port, 443);
    EXPECT_EQ(e.action, "blocked");
    ASSERT_NE(e.field("cef.device_vendor"), nullptr);
    EXPECT_EQ(*e.field("cef.device_vendor"), "Acme");
}

TEST_F(CefLeef, CefInsideRfc3164WithoutHostnameOrTag)
{
    const Event e =
        parse("<134>Feb  1 10:00:00 CEF:0|Acme|Firewall|2.1|100|Connection blocked|5|src=10.0.0.1");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "cef");
    EXPECT_EQ(e.host, kPeer);
    EXPECT_EQ(e.ts, utc(2024, 2, 1, 10, 0, 0));
    EXPECT_EQ(e.source_ip, "10.0.0.1");

    const Event bare = parse("<134>CEF:0|Acme|Firewall|2.1|100|Connection blocked|5|src=10.0.0.1");
    EXPECT_FALSE(bare.parse_error) << eventToJson(bare);
    EXPECT_EQ(bare.format, "cef");
    EXPECT_EQ(bare.ts, kReceived);
    EXPECT_EQ(bare.facility, 16);
}

TEST_F(CefLeef, CefInsideRfc3164KeepsTheSyslogTagAsApp)
{
    const Event e = parse("<134>Feb  1 10:00:00 bigip1 ASM:CEF:0|F5|ASM|15.1|200|Attack|8|src=10.0.0.1");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "cef");
    EXPECT_EQ(e.app, "ASM");
    EXPECT_EQ(e.severity, 3);
}

TEST_F(CefLeef, CefInsideRfc5424TakesHostAndTimeFromTheHeader)
{
    const Event e =
        parse("<134>1 2024-02-01T10:00:00.250Z fw-02 - - - - CEF:1|Acme|Firewall|2.1|100|Allowed|2|"
              "src=2001:db8::1 dst=2001:db8::2");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "cef");
    EXPECT_EQ(e.host, "fw-02");
    EXPECT_EQ(e.ts, utc(2024, 2, 1, 10, 0, 0, 250));
    EXPECT_EQ(e.severity, 6);
    EXPECT_EQ(e.source_ip, "2001:db8::1");
    EXPECT_EQ(e.dest_ip, "2001:db8::2");
}

TEST_F(CefLeef, DeviceHostAndDeviceTimeWinOverTheEnvelope)
{
    const Event e = parse("<134>Feb  1 10:00:00 relay-01 CEF:0|Acme|Firewall|2.1|100|Blocked|5|"
                          "dvchost=fw-07 rt=1706781600123 src=10.0.0.1");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.host, "fw-07");
    EXPECT_EQ(e.ts, utc(2024, 2, 1, 10, 0, 0, 123));
}

TEST_F(CefLeef, LeefInsideSyslog)
{
    const Event e =
        parse("<13>Feb  1 10:00:00 qradar-src LEEF:2.0|Lancope|StealthWatch|1.0|41|^|src=10.0.1.8^"
              "dst=10.0.0.5^sev=8^srcPort=81^dstPort=21^usrName=joe.black");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "leef");
    EXPECT_EQ(e.host, "qradar-src");
    EXPECT_EQ(e.app, "StealthWatch");
    EXPECT_EQ(e.source_ip, "10.0.1.8");
    EXPECT_EQ(e.dest_ip, "10.0.0.5");
    EXPECT_EQ(e.source_port, 81);
    EXPECT_EQ(e.dest_port, 21);
    EXPECT_EQ(e.user_name, "joe.black");
    EXPECT_EQ(e.severity, 3);
    ASSERT_NE(e.field("leef.delimiter"), nullptr);
    EXPECT_EQ(*e.field("leef.delimiter"), "^");
}

TEST_F(CefLeef, ColumnMapping)
{
    const Event e = parse("CEF:0|Acme|Firewall|2.1|100|Blocked|7|src=10.0.0.1 dst=192.0.2.7 spt=51000 dpt=22 "
                          "suser=alice duser=root act=deny outcome=Failure rt=Feb 01 2024 10:00:00 "
                          "msg=Denied ssh from 10.0.0.1 sproc=sshd cat=authentication dvcpid=412");
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.source_ip, "10.0.0.1");
    EXPECT_EQ(e.dest_ip, "192.0.2.7");
    EXPECT_EQ(e.source_port, 51000);
    EXPECT_EQ(e.dest_port, 22);
    EXPECT_EQ(e.user_name, "alice");
    EXPECT_EQ(e.action, "deny");
    EXPECT_EQ(e.outcome, "failure");
    EXPECT_EQ(e.ts, utc(2024, 2, 1, 10, 0, 0));
    EXPECT_EQ(e.message, "Denied ssh from 10.0.0.1");
    EXPECT_EQ(e.process, "sshd");
    EXPECT_EQ(e.category, "authentication");
    EXPECT_EQ(e.pid, 412);
    EXPECT_EQ(e.host, kPeer);
    // The device's own words are kept next to the normalised columns.
    ASSERT_NE(e.field("cef.outcome"), nullptr);
    EXPECT_EQ(*e.field("cef.outcome"), "Failure");
    ASSERT_NE(e.field("cef.rt"), nullptr);
    EXPECT_EQ(*e.field("cef.rt"), "Feb 01 2024 10:00:00");
}

TEST_F(CefLeef, FullKeyNamesAndFallbacks)
{
    const Event e = parse("CEF:0|Acme|Proxy|1|7|Request|3|sourceAddress=10.1.1.1 destinationPort=8080 "
                          "destinationUserName=bob eventOutcome=/Success dhost=www.example.org app=HTTP");
    EXPECT_EQ(e.source_ip, "10.1.1.1");
    EXPECT_EQ(e.dest_port, 8080);
    EXPECT_EQ(e.user_name, "bob") << "duser when there is no suser";
    EXPECT_EQ(e.outcome, "success");
    EXPECT_EQ(e.host, "www.example.org") << "dhost names the host when nothing else does";
    EXPECT_EQ(e.app, "Proxy") << "CEF app is the protocol, not the program";
    ASSERT_NE(e.field("cef.app"), nullptr);
    EXPECT_EQ(*e.field("cef.app"), "HTTP");
    EXPECT_EQ(e.category, "") << "no ECS category named";
}

TEST_F(CefLeef, ValuesThatDoNotFitAColumnStayInFields)
{
    const Event e = parse("CEF:0|Acme|Firewall|2.1|100|Odd|5|src=not-an-ip spt=70000 dpt=abc outcome=maybe "
                          "cat=/Firewall/Deny rt=yesterday");
    EXPECT_FALSE(e.parse_error);
    EXPECT_EQ(e.source_ip, "");
    EXPECT_FALSE(e.source_port.has_value());
    EXPECT_FALSE(e.dest_port.has_value());
    EXPECT_EQ(e.outcome, "");
    EXPECT_EQ(e.category, "");
    EXPECT_EQ(e.ts, kReceived);
    EXPECT_EQ(*e.field("cef.src"), "not-an-ip");
    EXPECT_EQ(*e.field("cef.spt"), "70000");
    EXPECT_EQ(*e.field("cef.cat"), "/Firewall/Deny");
}

TEST_F(CefLeef, SeverityMapping)
{
    const std::vector<std::pair<std::string, std::optional<int>>> cases = {
        {"0", 6},   {"3", 6},        {"4", 4},   {"6", 4},      {"7", 3},    {"8", 3},
        {"9", 2},   {"10", 2},       {"Low", 6}, {"medium", 4}, {"HIGH", 3}, {"Very-High", 2},
        {" 5 ", 4}, {"Unknown", {}}, {"11", {}}, {"", {}},
    };
    for (const auto& [written, want] : cases) {
        const Event e = parse("CEF:0|Acme|Firewall|2.1|100|Test|" + written + "|src=10.0.0.1");
        EXPECT_FALSE(e.parse_error) << written;
        if (want)
            EXPECT_EQ(e.severity, *want) << "CEF severity '" << written << "'";
        else
            EXPECT_FALSE(e.severity.has_value()) << "CEF severity '" << written << "'";
        ASSERT_NE(e.field("cef.severity"), nullptr);
        EXPECT_EQ(*e.field("cef.severity"), written);
    }
    // Without a readable CEF severity, the envelope's PRI severity stays.
    EXPECT_EQ(parse("<131>Feb  1 10:00:00 fw CEF:0|A|B|1|1|n|Unknown|").severity, 3);
    // LEEF sev, same scale.
    EXPECT_EQ(parse("LEEF:1.0|A|B|1|1|sev=9").severity, 2);
    EXPECT_EQ(parse("LEEF:1.0|A|B|1|1|sev=2").severity, 6);
}

TEST_F(CefLeef, DeviceTimeFormats)
{
    const std::vector<std::pair<std::string, Timestamp>> cases = {
        {"1706781600123", utc(2024, 2, 1, 10, 0, 0, 123)},
        {"1706781600", utc(2024, 2, 1, 10, 0, 0)},
        {"Feb 01 2024 10:00:00", utc(2024, 2, 1, 10, 0, 0)},
        {"Feb 01 2024 10:00:00.250", utc(2024, 2, 1, 10, 0, 0, 250)},
        {"Feb 01 2024 10:00:00 CET", utc(2024, 2, 1, 9, 0, 0)},
        {"Feb 01 2024 10:00:00 +02:00", utc(2024, 2, 1, 8, 0, 0)},
        {"Feb  1 10:00:00", utc(2024, 2, 1, 10, 0, 0)},
        {"2024-02-01T10:00:00.5Z", utc(2024, 2, 1, 10, 0, 0, 500)},
    };
    for (const auto& [written, want] : cases) {
        const Event e = parse("CEF:0|A|B|1|1|n|1|rt=" + written + " src=10.0.0.1");
        EXPECT_EQ(e.ts, want) << "rt=" << written;
    }
    // rt wins over end and start; end over start.
    EXPECT_EQ(parse("CEF:0|A|B|1|1|n|1|start=1706781600000 end=1706781660000").ts, utc(2024, 2, 1, 10, 1, 0));
    EXPECT_EQ(
        parse("LEEF:2.0|A|B|1|1|x09|devTime=Feb 01 2024 10:00:00\tdevTimeFormat=MMM dd yyyy HH:mm:ss").ts,
        utc(2024, 2, 1, 10, 0, 0));
}

TEST_F(CefLeef, ExtensionEscapesAndSpaces)
{
    const Event e = parse("CEF:0|A|B|1|1|n|1|cs1=a\\=b c\\\\d cs1Label=path\\nnext  request=http://x/?q=1 "
                          "cs2=pipe|ok end");
    EXPECT_EQ(*e.field("cef.cs1"), "a=b c\\d");
    EXPECT_EQ(*e.field("cef.cs1Label"), "path\nnext");
    EXPECT_EQ(*e.field("cef.request"), "http://x/?q=1");
    EXPECT_EQ(*e.field("cef.cs2"), "pipe|ok end");
}

TEST_F(CefLeef, KeyShadowingAHeaderFieldAndRepeatedKeys)
{
    const Event e = parse("CEF:0|A|B|1|1|the name|1|name=other foo=1 foo=2");
    EXPECT_EQ(*e.field("cef.name"), "the name");
    EXPECT_EQ(*e.field("cef.ext.name"), "other");
    EXPECT_EQ(fieldsWithPrefix(e, "cef.foo").size(), 1u);
    EXPECT_EQ(*e.field("cef.foo"), "2");
}

TEST_F(CefLeef, LeefDelimiters)
{
    EXPECT_EQ(*parse("LEEF:2.0|A|B|1|1|0x7c|a=1|b=2").field("leef.b"), "2");
    EXPECT_EQ(*parse("LEEF:2.0|A|B|1|1|x09|a=1\tb=2").field("leef.b"), "2");
    EXPECT_EQ(*parse("LEEF:2.0|A|B|1|1|\t|a=1\tb=2").field("leef.a"), "1");
    // A value holding the delimiter keeps it.
    EXPECT_EQ(*parse("LEEF:2.0|A|B|1|1|^|msg=a^b^c=d").field("leef.msg"), "a^b");
    const Event bad = parse("LEEF:2.0|A|B|1|1|x2603|a=1");
    EXPECT_TRUE(bad.parse_error);
}

TEST_F(CefLeef, BrokenHeadersAreFlaggedWithTheirColumn)
{
    struct Case {
        std::string line;
        std::string column;
    };
    for (const Case& c : std::vector<Case>{
             {"CEF:0|Acme|Firewall", "[col 19]"},
             {"CEF:x|Acme|Firewall|1|2|n|3|", "[col 4]"},
             {"LEEF:1.0|Microsoft|MSExchange", "[col 29]"},
             {"LEEF:one|a|b|c|d|", "[col 5]"},
             {"CEF:0|a|b|c|d|e|5|x=1\nCEF:0|a|b|c|d|e|5|x=2", "[col 21]"},
         }) {
        const Event e = parse(c.line);
        EXPECT_TRUE(e.parse_error) << c.line;
        EXPECT_EQ(e.raw, c.line);
        ASSERT_NE(e.field("parse_error"), nullptr);
        EXPECT_NE(e.field("parse_error")->find(c.column), std::string::npos) << *e.field("parse_error");
    }
}

TEST_F(CefLeef, SyslogPrefixBeforeAPinnedFormat)
{
    const Event e = parse("<134>Feb  1 10:00:00 fw-03 CEF:0|A|B|1|1|n|1|src=10.0.0.1", parse::Format::Cef);
    EXPECT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.host, "fw-03");
    EXPECT_EQ(e.ts, utc(2024, 2, 1, 10, 0, 0));
    EXPECT_EQ(e.facility, 16);
    EXPECT_EQ(e.field("cef.prefix"), nullptr);
}

TEST_F(CefLeef, FoldedLinesReadAsSpaces)
{
    const Event e = parse("CEF:0|Kaspersky\nLab|B|1|1|n|1|a=x\ny b=z");
    EXPECT_FALSE(e.parse_error);
    EXPECT_EQ(*e.field("cef.device_vendor"), "Kaspersky Lab");
    EXPECT_EQ(*e.field("cef.a"), "x y");
    EXPECT_EQ(*e.field("cef.b"), "z");
}

TEST_F(CefLeef, InvalidUtf8IsRepairedNotRefused)
{
    const std::string line = "CEF:0|A|B|1|1|n\xff|1|msg=caf\xc3 x";
    const Event e = parse(line);
    EXPECT_FALSE(e.parse_error);
    EXPECT_EQ(*e.field("cef.name"), "n\xEF\xBF\xBD");
    ASSERT_NE(e.field("raw_b64"), nullptr);
}

} // namespace
