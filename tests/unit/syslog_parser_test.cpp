// Syslog parsing (parse/record_parser.h) against the public vectors in
// ../shared/data/syslog/syslog_vectors.jsonl, plus targeted cases for what the vectors do not
// pin down: the missing-year rule, local time zones, offsets, SD escaping, BOM, UTF-8 repair
// and JSON output. One GoogleTest case per vector, named after its id.
//
// What is compared, per category:
//  - go-syslog RFC 5424 (rfc5424): valid vectors field by field (PRI, timestamp, hostname,
//    app-name, procid, msgid, structured data, message); VERSION is not kept by Vigie. The
//    message is compared without its leading BOM, which Vigie strips (RFC 5424 §6.4: an encoding
//    mark). Invalid vectors must give parse_error (parsed as Format::Rfc5424, the strict grammar
//    they were written for), with severity/facility when go-syslog's best effort recovered the
//    PRI, and the reason must name the same column as go-syslog's. The compliant-msg vectors are valid under
//    go-syslog's default options, and so in Vigie.
//  - go-syslog RFC 3164 (rfc3164): all fields; a "0000" year means "no year in the input" and is
//    not compared; the zone option (EST) only changes how go-syslog prints the same instant.
//  - rsyslog (rsyslog): hostname, programname -> app, msg -> message (without rsyslog's leading
//    space), pri/severity when the input has a PRI (rsyslog invents 13 otherwise; Vigie leaves
//    severity/facility empty), timestamps, procid. "$RS_HOSTNAME" means "none in the record",
//    i.e. host = the peer address.
//  - syslog-loose (loose): everything it lists; "local" timestamps are read with TZ=UTC, the
//    caller-supplied year comes from received_at = 2020-03-01.
// Deliberate differences are in kSkips below, each with its reason.
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
#include <tuple>
#include <vector>

namespace {

using namespace vigie;
using test::ScopedTz;
using namespace std::chrono;

// ---------------------------------------------------------------------------------------------
// Helpers independent of the code under test.

std::string base64Decode(std::string_view in)
{
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    std::string out;
    int bits = 0;
    unsigned acc = 0;
    for (char c : in) {
        const int v = value(c);
        if (v < 0)
            continue;
        acc = (acc << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

Timestamp utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0, int us = 0)
{
    return time_point_cast<microseconds>(sys_days{year{y} / month{mo} / day{d}}) + hours(h) + minutes(mi) +
           seconds(s) + microseconds(us);
}

// "2003-10-11T22:14:15.003Z", "...-07:00", or without zone (then UTC). nullopt if unparsable.
std::optional<Timestamp> parseIso(const std::string& text, bool* had_zone = nullptr)
{
    int y, mo, d, h, mi, s, consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6)
        return std::nullopt;
    std::size_t i = static_cast<std::size_t>(consumed);
    int us = 0;
    if (i < text.size() && text[i] == '.') {
        int scale = 100000;
        for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, scale /= 10)
            us += (text[i] - '0') * scale;
    }
    Timestamp t = utc(y, static_cast<unsigned>(mo), static_cast<unsigned>(d), h, mi, s, us);
    bool zone = false;
    if (i < text.size() && text[i] == 'Z') {
        zone = true;
    } else if (i + 5 < text.size() && (text[i] == '+' || text[i] == '-')) {
        const int oh = std::stoi(text.substr(i + 1, 2));
        const int om = std::stoi(text.substr(i + 4, 2));
        const auto offset = hours(oh) + minutes(om);
        t = text[i] == '+' ? t - offset : t + offset;
        zone = true;
    }
    if (had_zone)
        *had_zone = zone;
    return t;
}

struct Civil {
    int year;
    unsigned month, day;
    long long hour, minute, second;
};

Civil civilUtc(Timestamp t)
{
    const auto dp = floor<days>(t);
    const year_month_day ymd(dp);
    const long long secs = duration_cast<seconds>(t - dp).count();
    return {static_cast<int>(ymd.year()),
            static_cast<unsigned>(ymd.month()),
            static_cast<unsigned>(ymd.day()),
            secs / 3600,
            secs / 60 % 60,
            secs % 60};
}

// "Mar  7 19:06:53" (day space-padded) or, with zero_pad, "Mar 07 19:06:53".
std::string bsdText(Timestamp t, bool zero_pad)
{
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const Civil c = civilUtc(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, zero_pad ? "%s %02u %02lld:%02lld:%02lld" : "%s %2u %02lld:%02lld:%02lld",
                  kMonths[c.month - 1], c.day, c.hour, c.minute, c.second);
    return buf;
}

// The same repair the parser promises (invalid UTF-8 / NUL -> U+FFFD), applied to expected
// values through a throwaway Event.
std::string sanitized(std::string text)
{
    Event e;
    e.message = std::move(text);
    parse::sanitizeForText(e);
    return e.message;
}

const std::string kPeer = "192.0.2.99";

// ---------------------------------------------------------------------------------------------
// Vector loading and bookkeeping.

std::string str(simdjson::dom::element e)
{
    return std::string(e.get_string().value());
}
std::string str(simdjson::simdjson_result<simdjson::dom::element>&& e)
{
    return std::string(e.get_string().value());
}

// An expected text value: plain string, or {"invalid_utf8_b64": ...}.
std::string text(simdjson::dom::element e)
{
    if (e.is_string())
        return str(e);
    return base64Decode(e["invalid_utf8_b64"].get_string().value());
}

struct Vector {
    std::string id;
    std::string json; // the vector's line, parsed again in the test body
};

// Failures name the vector, not its bytes.
void PrintTo(const Vector& v, std::ostream* os)
{
    *os << v.id;
}

std::string categoryOf(std::string_view source, std::string_view format)
{
    if (source == "influxdata/go-syslog" && format == "rfc5424")
        return "rfc5424";
    if (source == "influxdata/go-syslog" && format == "rfc3164")
        return "rfc3164";
    if (source == "rsyslog/rsyslog")
        return "rsyslog";
    if (source == "StephenWakely/syslog-loose")
        return "loose";
    return "other"; // framing vectors: stream_framer_test
}

std::vector<Vector> loadVectors(const std::string& category)
{
    std::vector<Vector> out;
    try {
        simdjson::dom::parser parser;
        for (const auto& line : test::readLines(test::sharedData("syslog/syslog_vectors.jsonl"))) {
            if (line.empty())
                continue;
            simdjson::dom::element doc = parser.parse(line);
            const std::string_view source = doc["source"].get_string().value();
            const std::string_view format = doc["format"].get_string().value();
            if (categoryOf(source, format) == category)
                out.push_back({std::string(doc["id"].get_string().value()), line});
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cannot load syslog vectors: %s\n", e.what());
    }
    return out;
}

// Vectors that show behaviour Vigie deliberately does not copy.
const std::map<std::string, std::string> kSkips = {
    {"syslog-0728", "rsyslog accepts a space after '=' in an SD-PARAM (eventSource= \"Application\"); "
                    "RFC 5424 and go-syslog, our RFC 5424 reference, do not: Vigie flags a parse error and "
                    "keeps the raw text"},
    {"syslog-0748", "needs rsyslog's force.tagEndingByColon option; Vigie takes rsyslog's default (a word "
                    "after the hostname is the tag even without ':')"},
    {"syslog-0765", "syslog-loose's lenient mode takes any text as a message; Vigie keeps it whole too but "
                    "flags it as a parse error, since neither PRI nor timestamp was understood (see "
                    "RecordWithNeitherPriNorTimestampIsKeptRawAndFlagged)"},
    {"syslog-0767", "syslog-loose silently drops a malformed SD element ([incorrect x]); Vigie flags the "
                    "record as a parse error instead of losing data silently (DESIGN §2)"},
};

struct Tally {
    int passed = 0, skipped = 0, failed = 0;
};
std::map<std::string, Tally>& tallies()
{
    static std::map<std::string, Tally> t;
    return t;
}

class SummaryPrinter : public ::testing::Environment {
public:
    void TearDown() override
    {
        std::printf("\nSyslog vectors per category (passed / skipped / failed):\n");
        for (const auto& [category, t] : tallies())
            std::printf("  %-8s %3d / %d / %d\n", category.c_str(), t.passed, t.skipped, t.failed);
    }
};
[[maybe_unused]] ::testing::Environment* const kSummary =
    ::testing::AddGlobalTestEnvironment(new SummaryPrinter);

class VectorTest : public ::testing::TestWithParam<Vector> {
protected:
    void SetUp() override
    {
        tz_.emplace("UTC");
        doc_ = parser_.parse(GetParam().json);
        if (const auto skip = kSkips.find(GetParam().id); skip != kSkips.end()) {
            ++tallies()[category()].skipped;
            skipped_ = true;
            GTEST_SKIP() << skip->second;
        }
    }
    void TearDown() override
    {
        if (skipped_)
            return;
        auto& t = tallies()[category()];
        (HasFailure() ? t.failed : t.passed) += 1;
    }
    std::string category() const
    {
        return categoryOf(doc_["source"].get_string().value(), doc_["format"].get_string().value());
    }
    std::string input() const { return base64Decode(doc_["input_b64"].get_string().value()); }
    static parse::Context context(Timestamp received_at = utc(2020, 3, 1)) { return {received_at, kPeer}; }

    std::optional<ScopedTz> tz_;
    simdjson::dom::parser parser_;
    simdjson::dom::element doc_;
    bool skipped_ = false;
};

std::string vectorName(const ::testing::TestParamInfo<Vector>& info)
{
    std::string name = info.param.id;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name;
}

// Checks the fields go-syslog's `expected` (or `best_effort_partial`) lists.
void expectGoSyslogFields(const Event& e, simdjson::dom::object expected, bool strip_bom)
{
    int64_t pri = -1;
    if (expected["priority"].get(pri) == simdjson::SUCCESS) {
        EXPECT_EQ(e.severity, pri % 8);
        EXPECT_EQ(e.facility, pri / 8);
    }
    std::string_view s;
    EXPECT_EQ(e.host, expected["hostname"].get(s) == simdjson::SUCCESS ? std::string(s) : kPeer);
    EXPECT_EQ(e.app, expected["appname"].get(s) == simdjson::SUCCESS ? std::string(s) : "");
    if (expected["procid"].get(s) == simdjson::SUCCESS) {
        const bool numeric = s.find_first_not_of("0123456789") == std::string_view::npos;
        if (numeric) {
            EXPECT_EQ(e.pid, std::stoi(std::string(s)));
        } else {
            ASSERT_NE(e.field("procid"), nullptr);
            EXPECT_EQ(*e.field("procid"), s);
        }
    } else {
        EXPECT_FALSE(e.pid.has_value());
        EXPECT_EQ(e.field("procid"), nullptr);
    }
    if (expected["msgid"].get(s) == simdjson::SUCCESS) {
        ASSERT_NE(e.field("msgid"), nullptr);
        EXPECT_EQ(*e.field("msgid"), s);
    } else {
        EXPECT_EQ(e.field("msgid"), nullptr);
    }
    std::map<std::string, std::string> want_sd, got_sd;
    simdjson::dom::object sd;
    if (expected["structured_data"].get(sd) == simdjson::SUCCESS) {
        for (auto [id, params] : sd) {
            simdjson::dom::object p = params.get_object().value();
            if (p.size() == 0)
                want_sd["sd." + std::string(id)] = "";
            for (auto [name, value] : p)
                want_sd["sd." + std::string(id) + "." + std::string(name)] =
                    std::string(value.get_string().value());
        }
    }
    for (const auto& [k, v] : e.fields)
        if (k.starts_with("sd."))
            got_sd[k] = v;
    EXPECT_EQ(got_sd, want_sd);
    simdjson::dom::element message;
    std::string want_message;
    if (expected["message"].get(message) == simdjson::SUCCESS)
        want_message = text(message);
    if (strip_bom && want_message.starts_with("\xEF\xBB\xBF"))
        want_message.erase(0, 3);
    EXPECT_EQ(e.message, sanitized(want_message));
}

// ---------------------------------------------------------------------------------------------
// go-syslog RFC 5424

class Rfc5424Vector : public VectorTest {};

TEST_P(Rfc5424Vector, Matches)
{
    const std::string in = input();
    const Event e = parse::parseRecord(in, parse::Format::Rfc5424, context());
    EXPECT_EQ(e.raw, sanitized(in));
    EXPECT_EQ(e.received_at, utc(2020, 3, 1));
    const bool valid = doc_["valid"].get_bool().value();
    const std::string options = str(doc_["parser_options"]);
    if (!valid && options.find("compliant-msg") == std::string::npos) {
        EXPECT_TRUE(e.parse_error) << eventToJson(e);
        ASSERT_NE(e.field("parse_error"), nullptr);
        // The reason names the same column as go-syslog's error.
        const std::string error = str(doc_["error"]);
        const std::string column = error.substr(error.rfind("[col "));
        EXPECT_NE(e.field("parse_error")->find(column), std::string::npos)
            << *e.field("parse_error") << " vs " << error;
        EXPECT_EQ(e.message, sanitized(in));
        EXPECT_EQ(e.host, kPeer);
        EXPECT_EQ(e.ts, e.received_at);
        simdjson::dom::object partial;
        int64_t pri = -1;
        if (doc_["best_effort_partial"].get(partial) == simdjson::SUCCESS &&
            partial["priority"].get(pri) == simdjson::SUCCESS) {
            EXPECT_EQ(e.severity, pri % 8);
            EXPECT_EQ(e.facility, pri / 8);
        }
        return;
    }
    ASSERT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "rfc5424");
    if (!valid) {
        // compliant-msg: valid by default; the message is everything after the BOM.
        simdjson::dom::object partial = doc_["best_effort_partial"].get_object().value();
        const int64_t pri = partial["priority"].get_int64().value();
        EXPECT_EQ(e.severity, pri % 8);
        const std::size_t bom = in.find("\xEF\xBB\xBF");
        ASSERT_NE(bom, std::string::npos);
        EXPECT_EQ(e.message, sanitized(in.substr(bom + 3)));
        return;
    }
    simdjson::dom::object expected = doc_["expected"].get_object().value();
    expectGoSyslogFields(e, expected, true);
    std::string_view ts;
    if (expected["timestamp"].get(ts) == simdjson::SUCCESS) {
        EXPECT_EQ(e.ts, parseIso(std::string(ts)));
    } else {
        EXPECT_EQ(e.ts, e.received_at);
    }
    // Auto detection must agree on every valid RFC 5424 vector.
    const Event automatic = parse::parseRecord(in, parse::Format::Auto, context());
    EXPECT_EQ(eventToJson(automatic), eventToJson(e));
}

INSTANTIATE_TEST_SUITE_P(GoSyslog, Rfc5424Vector, ::testing::ValuesIn(loadVectors("rfc5424")), vectorName);

// ---------------------------------------------------------------------------------------------
// go-syslog RFC 3164

class Rfc3164Vector : public VectorTest {};

TEST_P(Rfc3164Vector, Matches)
{
    simdjson::dom::object expected = doc_["expected"].get_object().value();
    const std::string want_ts = str(expected["timestamp"]);
    const auto want = parseIso(want_ts);
    ASSERT_TRUE(want);
    const bool has_year = !want_ts.starts_with("0000");
    // The year a record lacks comes from when it was received.
    const Timestamp received = has_year ? utc(civilUtc(*want).year, 3, 1) : utc(2020, 3, 1);
    const Event e = parse::parseRecord(input(), parse::Format::Auto, context(received));
    ASSERT_FALSE(e.parse_error) << eventToJson(e);
    EXPECT_EQ(e.format, "rfc3164");
    expectGoSyslogFields(e, expected, false);
    if (has_year) {
        EXPECT_EQ(e.ts, *want);
    } else {
        const Civil got = civilUtc(e.ts), exp = civilUtc(*want);
        EXPECT_EQ(std::tie(got.month, got.day, got.hour, got.minute, got.second),
                  std::tie(exp.month, exp.day, exp.hour, exp.minute, exp.second));
    }
}

INSTANTIATE_TEST_SUITE_P(GoSyslog, Rfc3164Vector, ::testing::ValuesIn(loadVectors("rfc3164")), vectorName);

// ---------------------------------------------------------------------------------------------
// rsyslog

class RsyslogVector : public VectorTest {};

TEST_P(RsyslogVector, Matches)
{
    const std::string in = input();
    const Event e = parse::parseRecord(in, parse::Format::Auto, context());
    ASSERT_FALSE(e.parse_error) << eventToJson(e);
    simdjson::dom::object expected = doc_["expected_rsyslog"].get_object().value();
    std::string_view s;
    if (expected["hostname"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(e.host, s == "$RS_HOSTNAME" ? kPeer : std::string(s));
    }
    if (expected["programname"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(e.app, s);
    }
    if (expected["msg"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(e.message, s.substr(std::min(s.find_first_not_of(' '), s.size())));
    }
    const bool has_pri = in.starts_with("<");
    if (expected["pri"].get(s) == simdjson::SUCCESS) {
        if (has_pri) {
            const int pri = std::stoi(std::string(s));
            EXPECT_EQ(e.severity, pri % 8);
            EXPECT_EQ(e.facility, pri / 8);
        } else {
            EXPECT_FALSE(e.severity.has_value()); // rsyslog's default 13 is not in the record
        }
    }
    if (expected["severity"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(e.severity, std::stoi(std::string(s)));
    }
    if (expected["procid"].get(s) == simdjson::SUCCESS && s.empty()) {
        EXPECT_FALSE(e.pid.has_value());
        EXPECT_EQ(e.field("procid"), nullptr);
    }
    if (expected["timestamp_rfc3164"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(bsdText(e.ts, false), s);
    }
    if (expected["timestamp_rfc3164_buggyday"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(bsdText(e.ts, true), s);
    }
    if (expected["timestamp_rfc3339"].get(s) == simdjson::SUCCESS) {
        EXPECT_EQ(e.ts, parseIso(std::string(s)));
    }
}

INSTANTIATE_TEST_SUITE_P(Rsyslog, RsyslogVector, ::testing::ValuesIn(loadVectors("rsyslog")), vectorName);

// ---------------------------------------------------------------------------------------------
// syslog-loose

class LooseVector : public VectorTest {};

TEST_P(LooseVector, Matches)
{
    simdjson::dom::object expected = doc_["expected"].get_object().value();
    // "...+01:00 (tz Europe/Paris supplied; ...)": the caller's zone is the process TZ here.
    std::string ts_text;
    std::string_view s;
    if (expected["timestamp"].get(s) == simdjson::SUCCESS) {
        ts_text = std::string(s);
        if (const auto tz = ts_text.find("(tz "); tz != std::string::npos) {
            std::string zone = ts_text.substr(tz + 4, ts_text.find(' ', tz + 4) - tz - 4);
            if (zone[0] == '+' || zone[0] == '-') // "+05:00" -> POSIX "<+0500>-05:00"
                zone = "<" + zone.substr(0, 3) + zone.substr(4, 2) + ">" + (zone[0] == '+' ? "-" : "+") +
                       zone.substr(1);
            tz_.reset();
            tz_.emplace(zone.c_str());
        }
    }
    const std::string in = input();
    const Event e = parse::parseRecord(in, parse::Format::Auto, context());
    ASSERT_FALSE(e.parse_error) << eventToJson(e);
    int64_t n = 0;
    if (expected["facility"].get(n) == simdjson::SUCCESS) {
        EXPECT_EQ(e.facility, n);
    } else {
        EXPECT_FALSE(e.facility.has_value());
    }
    if (expected["severity"].get(n) == simdjson::SUCCESS) {
        EXPECT_EQ(e.severity, n);
    } else {
        EXPECT_FALSE(e.severity.has_value());
    }
    EXPECT_EQ(e.host, expected["hostname"].get(s) == simdjson::SUCCESS ? std::string(s) : kPeer);
    EXPECT_EQ(e.app, expected["appname"].get(s) == simdjson::SUCCESS ? std::string(s) : "");
    if (expected["procid"].get(n) == simdjson::SUCCESS) {
        EXPECT_EQ(e.pid, n);
    } else {
        EXPECT_FALSE(e.pid.has_value());
    }
    if (expected["msgid"].get(s) == simdjson::SUCCESS) {
        ASSERT_NE(e.field("msgid"), nullptr);
        EXPECT_EQ(*e.field("msgid"), s);
    } else {
        EXPECT_EQ(e.field("msgid"), nullptr);
    }
    const std::string protocol = str(expected["protocol"]);
    EXPECT_EQ(e.format, protocol.starts_with("RFC5424") ? "rfc5424" : "rfc3164");
    std::vector<std::pair<std::string, std::string>> want_sd, got_sd;
    const simdjson::dom::array elements = expected["structured_data"].get_array().value();
    for (simdjson::dom::element element : elements) {
        const std::string id(element["id"].get_string().value());
        simdjson::dom::array params = element["params"].get_array().value();
        if (params.size() == 0)
            want_sd.emplace_back("sd." + id, "");
        for (simdjson::dom::element kv : params)
            want_sd.emplace_back("sd." + id + "." + str(kv.at(0)), str(kv.at(1)));
    }
    for (const auto& [k, v] : e.fields)
        if (k.starts_with("sd."))
            got_sd.emplace_back(k, v);
    EXPECT_EQ(got_sd, want_sd);
    EXPECT_EQ(e.message, str(expected["msg"]));
    if (ts_text.empty()) {
        EXPECT_EQ(e.ts, e.received_at);
    } else {
        const auto want = parseIso(ts_text.substr(0, ts_text.find(' ')));
        ASSERT_TRUE(want) << ts_text;
        EXPECT_EQ(e.ts, *want) << ts_text; // "local" stamps: TZ is UTC here
    }
}

INSTANTIATE_TEST_SUITE_P(SyslogLoose, LooseVector, ::testing::ValuesIn(loadVectors("loose")), vectorName);

TEST(SyslogVectors, AllCategoriesLoaded)
{
    EXPECT_GT(loadVectors("rfc5424").size(), 300u);
    EXPECT_GT(loadVectors("rfc3164").size(), 5u);
    EXPECT_GT(loadVectors("rsyslog").size(), 20u);
    EXPECT_GT(loadVectors("loose").size(), 15u);
}

// ---------------------------------------------------------------------------------------------
// Targeted cases.

parse::Context ctxAt(Timestamp received)
{
    return {received, kPeer};
}

TEST(Rfc3164Year, ClosestYearToReceivedTime)
{
    ScopedTz tz("UTC");
    // Received early January: a December stamp is last December.
    Event e = parse::parseRecord("<13>Dec 31 23:59:58 h app: x", parse::Format::Auto,
                                 ctxAt(utc(2025, 1, 1, 0, 0, 5)));
    EXPECT_EQ(e.ts, utc(2024, 12, 31, 23, 59, 58));
    // Received on Dec 31 from a sender whose clock is a bit ahead: Jan 1 of next year.
    e = parse::parseRecord("<13>Jan  1 00:00:10 h app: x", parse::Format::Auto,
                           ctxAt(utc(2024, 12, 31, 23, 59, 50)));
    EXPECT_EQ(e.ts, utc(2025, 1, 1, 0, 0, 10));
    // Less than a day ahead is clock skew, same year.
    e = parse::parseRecord("<13>Jun 10 12:00:00 h app: x", parse::Format::Auto,
                           ctxAt(utc(2024, 6, 10, 0, 0, 0)));
    EXPECT_EQ(e.ts, utc(2024, 6, 10, 12, 0, 0));
    // More than a day ahead: not the future, last year.
    e = parse::parseRecord("<13>Jun 12 12:00:00 h app: x", parse::Format::Auto,
                           ctxAt(utc(2024, 6, 10, 0, 0, 0)));
    EXPECT_EQ(e.ts, utc(2023, 6, 12, 12, 0, 0));
    // Feb 29 resolves to the latest leap year not in the future.
    e = parse::parseRecord("<13>Feb 29 08:00:00 h app: x", parse::Format::Auto, ctxAt(utc(2025, 3, 1)));
    EXPECT_EQ(e.ts, utc(2024, 2, 29, 8, 0, 0));
    // A day that exists in no year is refused, not guessed.
    e = parse::parseRecord("<13>Apr 31 08:00:00 h app: x", parse::Format::Auto, ctxAt(utc(2025, 3, 1)));
    EXPECT_TRUE(e.parse_error);
    EXPECT_EQ(e.severity, 5);
    // A year in the stamp wins.
    e = parse::parseRecord("<13>Mar 7 2008 19:06:53: h app: x", parse::Format::Auto, ctxAt(utc(2025, 3, 1)));
    EXPECT_EQ(e.ts, utc(2008, 3, 7, 19, 6, 53));
    EXPECT_EQ(e.host, "h");
}

TEST(Rfc3164LocalTime, UsesProcessTimeZone)
{
    ScopedTz tz("Europe/Paris");
    // Winter: CET = UTC+1.
    Event e = parse::parseRecord("<13>Jan 15 10:00:00 h app: x", parse::Format::Auto, ctxAt(utc(2024, 2, 1)));
    EXPECT_EQ(e.ts, utc(2024, 1, 15, 9, 0, 0));
    // Summer: CEST = UTC+2, across the DST change with the per-hour cache warm.
    e = parse::parseRecord("<13>Jul 15 10:00:00 h app: x", parse::Format::Auto, ctxAt(utc(2024, 8, 1)));
    EXPECT_EQ(e.ts, utc(2024, 7, 15, 8, 0, 0));
    e = parse::parseRecord("<13>Mar 31 01:30:00 h app: x", parse::Format::Auto, ctxAt(utc(2024, 4, 1)));
    EXPECT_EQ(e.ts, utc(2024, 3, 31, 0, 30, 0));
    e = parse::parseRecord("<13>Mar 31 03:30:00 h app: x", parse::Format::Auto, ctxAt(utc(2024, 4, 1)));
    EXPECT_EQ(e.ts, utc(2024, 3, 31, 1, 30, 0));
    {
        // Changing TZ is seen at once (the offset cache is keyed by the zone).
        ScopedTz ny("America/New_York");
        e = parse::parseRecord("<13>Jan 15 10:00:00 h app: x", parse::Format::Auto, ctxAt(utc(2024, 2, 1)));
        EXPECT_EQ(e.ts, utc(2024, 1, 15, 15, 0, 0));
    }
    // An ISO stamp without zone is local too; with a zone it is exact.
    e = parse::parseRecord("<13>2024-01-15T10:00:00 h app: x", parse::Format::Auto, ctxAt(utc(2024, 2, 1)));
    EXPECT_EQ(e.ts, utc(2024, 1, 15, 9, 0, 0));
    e = parse::parseRecord("<13>2024-01-15T10:00:00.5+05:30 h app: x", parse::Format::Auto,
                           ctxAt(utc(2024, 2, 1)));
    EXPECT_EQ(e.ts, utc(2024, 1, 15, 4, 30, 0, 500000));
}

TEST(Rfc5424Timestamp, FractionsAndOffsets)
{
    auto ts = [](const std::string& stamp) {
        return parse::parseRecord("<13>1 " + stamp + " h a - - -", parse::Format::Rfc5424,
                                  ctxAt(utc(2020, 1, 1)));
    };
    EXPECT_EQ(ts("2003-10-11T22:14:15Z").ts, utc(2003, 10, 11, 22, 14, 15));
    EXPECT_EQ(ts("2003-10-11T22:14:15.1Z").ts, utc(2003, 10, 11, 22, 14, 15, 100000));
    EXPECT_EQ(ts("2003-10-11T22:14:15.000003-07:00").ts, utc(2003, 10, 12, 5, 14, 15, 3));
    EXPECT_EQ(ts("2003-10-11T22:14:15.123456+05:45").ts, utc(2003, 10, 11, 16, 29, 15, 123456));
    EXPECT_EQ(ts("2018-12-31T23:59:59.999999-23:59").ts, utc(2019, 1, 1, 23, 58, 59, 999999));
    EXPECT_EQ(ts("2024-02-29T00:00:00Z").ts, utc(2024, 2, 29));
    EXPECT_TRUE(ts("2023-02-29T00:00:00Z").parse_error);         // no such day
    EXPECT_TRUE(ts("2003-10-11T22:14:15.1234567Z").parse_error); // RFC 5424: at most 6 digits
    EXPECT_TRUE(ts("2003-10-11T22:14:15").parse_error);          // zone required
    EXPECT_TRUE(ts("2003-10-11T24:00:00Z").parse_error);
    const Event bad = ts("2003-10-11T22:14:15.Z");
    ASSERT_NE(bad.field("parse_error"), nullptr);
    EXPECT_NE(bad.field("parse_error")->find("[col 26]"), std::string::npos) << *bad.field("parse_error");
}

TEST(Rfc5424StructuredData, EscapesAndFlattening)
{
    const Event e = parse::parseRecord(
        R"(<165>1 2003-10-11T22:14:15.003Z host app 42 ID7 [a@1 q="say \"hi\"" b="back\\slash" c="br\]acket" d="keep \n"][b x=""][empty] msg)",
        parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    ASSERT_FALSE(e.parse_error) << eventToJson(e);
    const EventFields want = {
        {"msgid", "ID7"},         {"sd.a@1.q", "say \"hi\""}, {"sd.a@1.b", "back\\slash"},
        {"sd.a@1.c", "br]acket"}, {"sd.a@1.d", "keep \\n"},   {"sd.b.x", ""},
        {"sd.empty", ""}};
    EXPECT_EQ(e.fields, want);
    EXPECT_EQ(e.pid, 42);
    EXPECT_EQ(e.message, "msg");
    EXPECT_EQ(e.host, "host");
    EXPECT_EQ(e.app, "app");

    const Event dup =
        parse::parseRecord("<1>1 - - - - - [x][x]", parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    EXPECT_TRUE(dup.parse_error);
    const Event unescaped =
        parse::parseRecord(R"(<1>1 - - - - - [x a="]"])", parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    EXPECT_TRUE(unescaped.parse_error);
    EXPECT_EQ(unescaped.severity, 1);
    EXPECT_EQ(unescaped.facility, 0);
    EXPECT_EQ(unescaped.format, "rfc5424");
}

TEST(Rfc5424Message, BomStrippedAndProcid)
{
    Event e = parse::parseRecord("<13>1 - h a worker-3 - - \xEF\xBB\xBFhello \xC3\xA9t\xC3\xA9",
                                 parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    ASSERT_FALSE(e.parse_error);
    EXPECT_EQ(e.message, "hello \xC3\xA9t\xC3\xA9");
    EXPECT_FALSE(e.pid.has_value());
    ASSERT_NE(e.field("procid"), nullptr);
    EXPECT_EQ(*e.field("procid"), "worker-3");
    EXPECT_EQ(e.raw, "<13>1 - h a worker-3 - - \xEF\xBB\xBFhello \xC3\xA9t\xC3\xA9");
    // NILVALUE host -> the peer; NILVALUE timestamp -> received_at.
    e = parse::parseRecord("<13>1 - - - - - -\n", parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    EXPECT_EQ(e.host, kPeer);
    EXPECT_EQ(e.ts, utc(2020, 1, 1));
    EXPECT_EQ(e.raw, "<13>1 - - - - - -\n");
}

TEST(AutoDetection, FallsBackToBsdOnlyBeforeTheTimestamp)
{
    Event e = parse::parseRecord("<13>1 apple fell", parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    EXPECT_FALSE(e.parse_error);
    EXPECT_EQ(e.format, "rfc3164");
    EXPECT_EQ(e.message, "1 apple fell");
    // Past the timestamp it is certainly RFC 5424: a real parse error.
    e = parse::parseRecord("<13>1 2020-01-01T00:00:00Z host app - - [bad", parse::Format::Auto,
                           ctxAt(utc(2020, 1, 1)));
    EXPECT_TRUE(e.parse_error);
    EXPECT_EQ(e.format, "rfc5424");
    EXPECT_EQ(e.severity, 5);
    // Pinned RFC 5424 never falls back.
    e = parse::parseRecord("<13>Jan  1 00:00:00 h a: x", parse::Format::Rfc5424, ctxAt(utc(2020, 1, 1)));
    EXPECT_TRUE(e.parse_error);
    EXPECT_EQ(e.message, "<13>Jan  1 00:00:00 h a: x");
    EXPECT_EQ(e.ts, utc(2020, 1, 1));
    // Failing both: empty or a broken PRI.
    e = parse::parseRecord("  \r\n", parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    EXPECT_TRUE(e.parse_error);
    e = parse::parseRecord("<999>Jan  1 00:00:00 h a: x", parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    EXPECT_TRUE(e.parse_error);
    EXPECT_FALSE(e.severity.has_value());
    EXPECT_EQ(e.format, "rfc3164");
    ASSERT_NE(e.field("parse_error"), nullptr);
    EXPECT_NE(e.field("parse_error")->find("[col 3]"), std::string::npos) << *e.field("parse_error");
}

TEST(Rfc3164Tags, HostnameHeuristics)
{
    Event e = parse::parseRecord("<13>Feb  5 17:32:18 10.0.0.99 sshd[123]: Accepted", parse::Format::Rfc3164,
                                 ctxAt(utc(2020, 3, 1)));
    EXPECT_EQ(e.host, "10.0.0.99");
    EXPECT_EQ(e.app, "sshd");
    EXPECT_EQ(e.pid, 123);
    EXPECT_EQ(e.message, "Accepted");
    e = parse::parseRecord("<13>Feb  5 17:32:18 sshd[123]: Accepted", parse::Format::Rfc3164,
                           ctxAt(utc(2020, 3, 1)));
    EXPECT_EQ(e.host, kPeer);
    EXPECT_EQ(e.app, "sshd");
    e = parse::parseRecord("<13>Feb  5 17:32:18 su: ok", parse::Format::Rfc3164, ctxAt(utc(2020, 3, 1)));
    EXPECT_EQ(e.host, kPeer);
    EXPECT_EQ(e.app, "su");
    EXPECT_EQ(e.message, "ok");
    // No PRI (a file of BSD lines).
    e = parse::parseRecord("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure",
                           parse::Format::Auto, ctxAt(utc(2020, 7, 1)));
    EXPECT_FALSE(e.severity.has_value());
    EXPECT_EQ(e.host, "combo");
    EXPECT_EQ(e.app, "sshd(pam_unix)");
    EXPECT_EQ(e.pid, 19939);
}

TEST(SanitizeForText, InvalidUtf8AndNul)
{
    const std::string raw = std::string("<13>1 - h a - - - caf\xC3\xA9 \xFF\xFE x\0y \xE2\x82", 33);
    const Event e = parse::parseRecord(raw, parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    ASSERT_FALSE(e.parse_error) << eventToJson(e);
    // Each maximal invalid subsequence -> one U+FFFD; NUL -> U+FFFD; valid UTF-8 untouched.
    EXPECT_EQ(e.message, "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD x\xEF\xBF\xBDy \xEF\xBF\xBD");
    EXPECT_EQ(e.raw, "<13>1 - h a - - - " + e.message);
    ASSERT_NE(e.field("raw_b64"), nullptr);
    EXPECT_EQ(base64Decode(*e.field("raw_b64")), raw);

    Event clean;
    clean.raw = "fine \xE2\x82\xAC";
    clean.fields = {{"k\xC0", "v\xED\xA0\x80"}}; // overlong lead and a UTF-16 surrogate
    parse::sanitizeForText(clean);
    EXPECT_EQ(clean.raw, "fine \xE2\x82\xAC");
    EXPECT_EQ(clean.field("raw_b64"), nullptr);
    ASSERT_EQ(clean.fields.size(), 1u);
    EXPECT_EQ(clean.fields[0].first, "k\xEF\xBF\xBD");
    EXPECT_EQ(clean.fields[0].second, "v\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(FormatNames, RoundTrip)
{
    for (auto f : {parse::Format::Auto, parse::Format::Rfc5424, parse::Format::Rfc3164})
        EXPECT_EQ(parse::formatFromName(parse::formatName(f)), f);
    EXPECT_FALSE(parse::formatFromName("RFC5424"));
    EXPECT_FALSE(parse::formatFromName(""));
}

TEST(EventJson, KeysEscapingAndOmissions)
{
    Event e;
    e.ts = utc(2026, 11, 22, 6, 1, 59, 123456);
    e.received_at = utc(2026, 11, 22, 6, 2, 0, 7);
    e.host = "web-01";
    e.severity = 3;
    e.format = "rfc5424";
    e.message = std::string("quote\" back\\ nl\n tab\t bell\x07 nul\0 del\x7F \xC3\xA9", 40);
    e.fields = {{"sd.x.k", "v\"1"}};
    e.raw = "r";
    const std::string json = eventToJson(e);
    EXPECT_EQ(json, "{\"ts\":\"2026-11-22T06:01:59.123456Z\",\"received_at\":\"2026-11-22T06:02:00.000007Z\","
                    "\"host\":\"web-01\",\"severity\":3,\"format\":\"rfc5424\","
                    "\"message\":\"quote\\\" back\\\\ nl\\n tab\\t bell\\u0007 nul\\u0000 del\x7F \xC3\xA9\","
                    "\"fields\":{\"sd.x.k\":\"v\\\"1\"},\"raw\":\"r\",\"parse_error\":false}");
    // And it is JSON simdjson accepts, with the same values back.
    simdjson::dom::parser parser;
    simdjson::dom::element doc = parser.parse(json);
    EXPECT_EQ(std::string(doc["message"].get_string().value()), e.message);
    EXPECT_EQ(doc["severity"].get_int64().value(), 3);

    EXPECT_EQ(formatTimestamp(utc(1969, 12, 31, 23, 59, 59, 500000)), "1969-12-31T23:59:59.500000Z");
    EXPECT_EQ(formatTimestamp(Timestamp{}), "1970-01-01T00:00:00.000000Z");
}

TEST(EventJson, ParsedEventIsValidJson)
{
    const Event e = parse::parseRecord(std::string("<13>1 - h a - - - bad \xFF byte", 28),
                                       parse::Format::Auto, ctxAt(utc(2020, 1, 1)));
    simdjson::dom::parser parser;
    simdjson::dom::element doc = parser.parse(eventToJson(e));
    EXPECT_EQ(std::string(doc["host"].get_string().value()), "h");
    EXPECT_FALSE(doc["pid"].error() == simdjson::SUCCESS);
    EXPECT_FALSE(doc["parse_error"].get_bool().value());
    EXPECT_EQ(base64Decode(doc["fields"]["raw_b64"].get_string().value()), e.raw.substr(0, 22) + "\xFF byte");
}

TEST(Rfc3164, RecordWithNeitherPriNorTimestampIsKeptRawAndFlagged)
{
    const auto event = parse::parseRecord("complete and utter gobbledegook", parse::Format::Auto,
                                          parse::Context{nowTimestamp(), "192.0.2.1"});
    EXPECT_TRUE(event.parse_error);
    EXPECT_EQ(event.message, "complete and utter gobbledegook");
    EXPECT_EQ(event.raw, "complete and utter gobbledegook");
    EXPECT_EQ(event.host, "192.0.2.1");
    ASSERT_NE(event.field("parse_error"), nullptr);
}

} // namespace
