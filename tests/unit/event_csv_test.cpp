// CSV export rows (event/event_csv.h): the header, RFC 4180 quoting (comma, quote, CR, LF),
// the formula-injection guard on text cells only, UTF-8 kept byte for byte, times in UTC with
// milliseconds, and real Suricata EVE lines (full of commas and quotes) read back intact by an
// RFC 4180 reader.
#include "event/event_csv.h"
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace vigie;

std::string cell(std::string_view text)
{
    std::string out;
    appendCsvText(out, text);
    return out;
}

// Splits one CSV record (RFC 4180) into its fields; *end is where the next record starts.
std::vector<std::string> readRecord(std::string_view csv, std::size_t* end)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    std::size_t i = 0;
    for (; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                fields.back().push_back(csv[++i]);
            else if (c == '"')
                quoted = false;
            else
                fields.back().push_back(c);
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            i += 2;
            break;
        } else {
            fields.back().push_back(c);
        }
    }
    *end = i;
    return fields;
}

Timestamp at(long long micros)
{
    return Timestamp(std::chrono::microseconds(micros));
}

TEST(EventCsvTest, HeaderNamesTheFixedColumns)
{
    std::string out;
    appendCsvHeader(out);
    EXPECT_EQ(out, "time,host,app,severity,category,action,outcome,user_name,source_ip,source_port,dest_ip,"
                   "dest_port,message,raw\r\n");
}

TEST(EventCsvTest, RowHasEveryColumnInOrderAndEmptyCellsForAbsentValues)
{
    Event e;
    e.ts = at(1'795'327'319'123'456); // 2026-11-22T06:01:59.123456Z
    e.host = "bastion-01";
    e.app = "sshd";
    e.severity = 5;
    e.category = "authentication";
    e.action = "ssh_login";
    e.outcome = "failure";
    e.user_name = "root";
    e.source_ip = "2001:db8::7";
    e.source_port = 51022;
    e.message = "Failed password for root from 2001:db8::7 port 51022 ssh2";
    e.raw = "<37>Nov 22 06:01:59 bastion-01 sshd[42]: " + e.message;
    std::string out;
    appendCsvRow(out, e);
    EXPECT_EQ(out, "2026-11-22T06:01:59.123Z,bastion-01,sshd,5,authentication,ssh_login,failure,root,"
                   "2001:db8::7,51022,,,Failed password for root from 2001:db8::7 port 51022 ssh2,"
                   "<37>Nov 22 06:01:59 bastion-01 sshd[42]: Failed password for root from 2001:db8::7 "
                   "port 51022 ssh2\r\n");

    const Event empty;
    out.clear();
    appendCsvRow(out, empty);
    EXPECT_EQ(out, "1970-01-01T00:00:00.000Z,,,,,,,,,,,,,\r\n");
}

TEST(EventCsvTest, QuotesFieldsHoldingCommaQuoteOrLineBreaks)
{
    struct Case {
        std::string_view text;
        std::string_view expected;
    };
    const Case cases[] = {
        {"plain text", "plain text"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"\"", "\"\"\"\""},
        {"line one\nline two", "\"line one\nline two\""},
        {"crlf\r\nend", "\"crlf\r\nend\""},
        {"semi;colon and 'single' quotes", "semi;colon and 'single' quotes"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(cell(c.text), c.expected) << c.text;
}

TEST(EventCsvTest, TextThatWouldStartAFormulaGetsAnApostrophe)
{
    struct Case {
        std::string_view text;
        std::string_view expected;
    };
    const Case cases[] = {
        {"=1+1", "'=1+1"},
        {"+33 6 12", "'+33 6 12"},
        {"-- MARK --", "'-- MARK --"},
        {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
        {"\tcmd", "'\tcmd"},
        {"\rcmd", "\"'\rcmd\""},
        // Quoted and guarded: the apostrophe goes inside the quotes.
        {"=HYPERLINK(\"http://evil.example\",\"click\")",
         "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""},
        {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
        // Only the first character counts.
        {"a=b", "a=b"},
        {" =1+1", " =1+1"},
        {"10.0.0.1", "10.0.0.1"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(cell(c.text), c.expected) << c.text;
}

TEST(EventCsvTest, NumbersAreNeverGuardedOrQuoted)
{
    Event e;
    e.severity = 0;
    e.source_port = 65535;
    e.dest_port = 0;
    e.host = "-";
    std::string out;
    appendCsvRow(out, e);
    EXPECT_EQ(out, "1970-01-01T00:00:00.000Z,'-,,0,,,,,,65535,,0,,\r\n");
}

TEST(EventCsvTest, Utf8IsKeptByteForByte)
{
    EXPECT_EQ(cell("échec de connexion pour «rené»"), "échec de connexion pour «rené»");
    EXPECT_EQ(cell("ログイン失敗, 🔒"), "\"ログイン失敗, 🔒\"");
    // A full-width equals sign is not a formula to spreadsheets; it stays as it is.
    EXPECT_EQ(cell("＝1+1"), "＝1+1");
}

TEST(EventCsvTest, TimesAreUtcWithMillisecondsTruncated)
{
    EXPECT_EQ(formatTimestampMillis(at(0)), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(formatTimestampMillis(at(1'795'327'319'999'999)), "2026-11-22T06:01:59.999Z");
    EXPECT_EQ(formatTimestampMillis(at(1'795'327'319'000'999)), "2026-11-22T06:01:59.000Z");
    EXPECT_EQ(formatTimestampMillis(at(-1'000)), "1969-12-31T23:59:59.999Z");
}

TEST(EventCsvTest, RealEveLinesReadBackIntact)
{
    const auto lines = test::readLines(test::sharedData("suricata/eve_doc_examples.jsonl"));
    ASSERT_FALSE(lines.empty());
    std::string csv;
    appendCsvHeader(csv);
    std::vector<Event> events;
    for (const auto& line : lines) {
        events.push_back(parse::parseRecord(line, parse::Format::Auto, {}));
        appendCsvRow(csv, events.back());
    }
    std::size_t end = 0;
    std::string_view rest = csv;
    const auto header = readRecord(rest, &end);
    ASSERT_EQ(header.size(), csvColumns().size());
    for (const Event& e : events) {
        rest.remove_prefix(end);
        const auto fields = readRecord(rest, &end);
        ASSERT_EQ(fields.size(), csvColumns().size()) << e.raw;
        EXPECT_EQ(fields[0], formatTimestampMillis(e.ts));
        EXPECT_EQ(fields[1], e.host);
        EXPECT_EQ(fields[8], e.source_ip);
        EXPECT_EQ(fields[9], e.source_port ? std::to_string(*e.source_port) : std::string());
        EXPECT_EQ(fields[10], e.dest_ip);
        EXPECT_EQ(fields[12], e.message);
        EXPECT_EQ(fields[13], e.raw); // a JSON object: begins with '{', no guard
    }
    rest.remove_prefix(end);
    EXPECT_TRUE(rest.empty());
}

} // namespace
