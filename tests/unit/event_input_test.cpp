// Event files for `vigiectl rules test` (detect/event_input.h) and the reader of Vigie's own
// event JSON (event/event_json.h eventFromJson): normalised lines round-trip to the same
// Event, raw records go through parseRecord, evtx-dump files of pretty-printed objects
// concatenated without separators are split, and each event reports the line it starts on.
#include "detect/event_input.h"
#include "event/event_json.h"
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace vigie;
using namespace vigie::detect;
namespace fs = std::filesystem;

struct Read {
    std::size_t line;
    Event event;
};

std::vector<Read> readText(std::string_view text)
{
    std::vector<Read> out;
    forEachEventInText(text, "test", Timestamp{}, [&](std::size_t line, Event&& event) {
        out.push_back({line, std::move(event)});
    });
    return out;
}

Event sampleEvent()
{
    Event event;
    event.ts = Timestamp{std::chrono::microseconds{1'795'000'000'123'456}};
    event.received_at = event.ts + std::chrono::microseconds{250};
    event.host = "web01";
    event.app = "sshd";
    event.pid = 4242;
    event.severity = 6;
    event.facility = 4;
    event.category = "authentication";
    event.action = "ssh_login";
    event.outcome = "failure";
    event.user_name = "root";
    event.source_ip = "2001:db8::7";
    event.source_port = 52113;
    event.dest_ip = "10.0.0.1";
    event.dest_port = 22;
    event.process = "sshd";
    event.format = "rfc5424";
    event.message = "Failed password for root from 2001:db8::7 port 52113 ssh2 \"quoted\" \\ é\n";
    event.fields = {
        {"ssh.method", "password"}, {"empty", ""}, {"zeek.log", "ssh"}, {"dup", "1"}, {"dup", "2"}};
    event.raw = "<38>1 2026-11-22T06:01:59Z web01 sshd 4242 - - Failed password\ttab";
    event.parse_error = true;
    return event;
}

TEST(EventFromJson, RoundTripsEveryMember)
{
    const Event original = sampleEvent();
    std::string error;
    const auto back = eventFromJson(eventToJson(original), error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->ts, original.ts);
    EXPECT_EQ(back->received_at, original.received_at);
    EXPECT_EQ(back->host, original.host);
    EXPECT_EQ(back->pid, original.pid);
    EXPECT_EQ(back->severity, original.severity);
    EXPECT_EQ(back->facility, original.facility);
    EXPECT_EQ(back->source_ip, original.source_ip);
    EXPECT_EQ(back->source_port, original.source_port);
    EXPECT_EQ(back->dest_port, original.dest_port);
    EXPECT_EQ(back->message, original.message);
    EXPECT_EQ(back->fields, original.fields);
    EXPECT_EQ(back->raw, original.raw);
    EXPECT_TRUE(back->parse_error);
    EXPECT_EQ(eventToJson(*back), eventToJson(original)); // every other member too
}

TEST(EventFromJson, OptionalMembersStayAbsent)
{
    Event minimal;
    minimal.format = "raw";
    minimal.message = "x";
    std::string error;
    const auto back = eventFromJson(eventToJson(minimal), error);
    ASSERT_TRUE(back) << error;
    EXPECT_FALSE(back->pid);
    EXPECT_FALSE(back->source_port);
    EXPECT_TRUE(back->host.empty());
    EXPECT_TRUE(back->fields.empty());
    EXPECT_EQ(eventToJson(*back), eventToJson(minimal));
}

TEST(EventFromJson, NotAnEventLineOrABrokenOne)
{
    std::string error;
    EXPECT_FALSE(eventFromJson(R"({"ts": 1692161622.036086, "uid": "C1"})", error)); // Zeek
    EXPECT_TRUE(error.empty());
    EXPECT_FALSE(eventFromJson("not json", error));
    EXPECT_TRUE(error.empty());
    EXPECT_FALSE(eventFromJson(R"({"ts":"yesterday","format":"raw"})", error));
    EXPECT_EQ(error, "\"ts\" must be an RFC 3339 timestamp");
    EXPECT_FALSE(eventFromJson(R"({"ts":"2026-11-22T06:01:59Z","format":"raw","pid":"12"})", error));
    EXPECT_EQ(error, "\"pid\" must be an integer");
    EXPECT_FALSE(eventFromJson(R"({"ts":"2026-11-22T06:01:59Z","format":"raw","fields":{"a":1}})", error));
    EXPECT_EQ(error, "\"fields\" must be an object of strings");
    EXPECT_FALSE(
        eventFromJson(R"({"ts":"2026-11-22T06:01:59Z","format":"raw","dest_port":99999999999})", error));
    // received_at defaults to ts when a hand-written line leaves it out.
    const auto event = eventFromJson(R"({"ts":"2026-11-22T06:01:59Z","format":"raw","message":"m"})", error);
    ASSERT_TRUE(event) << error;
    EXPECT_EQ(event->received_at, event->ts);
}

TEST(EventInput, MixedFormatsWithLineNumbers)
{
    const Event normalised = sampleEvent();
    std::string text;
    text += eventToJson(normalised) + "\n";                                                     // line 1
    text += "\n";                                                                               // 2: blank
    text += "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8\r\n"; // 3
    text +=
        R"({"ts": 1692161622.036086, "uid": "Cnsu5m395zFmE9ikp4", "id.orig_h": "192.168.1.41", )"
        R"("id.orig_p": 52605, "id.resp_h": "192.168.1.4", "id.resp_p": 53, "proto": "udp", "query": "x.example"})"
        "\n";                                                                           // 4: raw Zeek
    text += "type=EXECVE msg=audit(1604994496.155:92733): argc=2 a0=\"arp\" a1=\"-a\""; // 5, no final newline
    const auto events = readText(text);
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].line, 1u);
    EXPECT_EQ(eventToJson(events[0].event), eventToJson(normalised));
    EXPECT_EQ(events[1].line, 3u);
    EXPECT_EQ(events[1].event.app, "su");
    EXPECT_EQ(events[1].event.host, "mymachine");
    EXPECT_EQ(events[2].line, 4u);
    EXPECT_EQ(events[2].event.format, "zeek");
    EXPECT_EQ(events[2].event.source_ip, "192.168.1.41");
    EXPECT_EQ(events[3].line, 5u);
    EXPECT_EQ(events[3].event.message,
              "type=EXECVE msg=audit(1604994496.155:92733): argc=2 a0=\"arp\" a1=\"-a\"");
}

TEST(EventInput, ConcatenatedPrettyObjectsAreSplit)
{
    const std::string text =
        "{\n  \"Event\": {\n    \"System\": {\"EventID\": 1, \"Channel\": "
        "\"Microsoft-Windows-Sysmon/Operational\", \"Computer\": \"h1\"},\n"
        "    \"EventData\": {\"CommandLine\": \"cmd /c \\\"echo }{\\\"\", \"Image\": \"C:\\\\a.exe\"}\n"
        "  }\n}{\n  \"Event\": {\"System\": {\"EventID\": 11, \"Channel\": "
        "\"Microsoft-Windows-Sysmon/Operational\"},\n  \"EventData\": {\"TargetFilename\": \"t\"}}\n}\n"
        "\n{\"Event\": {\"System\": {\"EventID\": 13, \"Channel\": "
        "\"Microsoft-Windows-Sysmon/Operational\"}}}\n";
    const auto events = readText(text);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].line, 1u);
    EXPECT_EQ(events[1].line, 6u);
    EXPECT_EQ(events[2].line, 11u);
    EXPECT_EQ(*events[0].event.field("CommandLine"), "cmd /c \"echo }{\""); // braces inside a string
    EXPECT_EQ(*events[0].event.field("Image"), "C:\\a.exe");
    EXPECT_EQ(events[0].event.app, "sysmon");
    EXPECT_EQ(*events[1].event.field("EventID"), "11");
    EXPECT_EQ(*events[2].event.field("EventID"), "13");
    for (const Read& read : events)
        EXPECT_FALSE(read.event.parse_error) << read.line;
}

TEST(EventInput, RegressionFilesSplitIntoTheirEventCount)
{
    // pairs.jsonl says how many events each regression file holds.
    std::size_t files = 0;
    std::size_t events = 0;
    for (const std::string& line : test::readLines(test::sharedData("sigma/regression_dev/pairs.jsonl"))) {
        const auto field = [&](std::string_view key) {
            const std::size_t at = line.find("\"" + std::string(key) + "\": ");
            EXPECT_NE(at, std::string::npos) << key;
            std::size_t begin = at + key.size() + 4;
            if (line[begin] == '"')
                return line.substr(begin + 1, line.find('"', begin + 1) - begin - 1);
            return line.substr(begin, line.find_first_of(",}", begin) - begin);
        };
        const fs::path path = test::sharedData("sigma/" + field("event_file"));
        const std::size_t expected = std::stoul(field("events_in_file"));
        std::vector<std::size_t> lines;
        forEachEvent(path, [&](std::size_t at, Event&& event) {
            EXPECT_EQ(event.format, "windows") << path << ":" << at;
            EXPECT_FALSE(event.parse_error) << path << ":" << at;
            lines.push_back(at);
        });
        EXPECT_EQ(lines.size(), expected) << path;
        ASSERT_FALSE(lines.empty());
        EXPECT_EQ(lines.front(), 1u);
        EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
        ++files;
        events += lines.size();
    }
    EXPECT_EQ(files, 68u);
    EXPECT_GE(events, 68u);
}

TEST(EventInput, UnreadableFileAndBrokenEventLine)
{
    EXPECT_THROW(forEachEvent("/nonexistent/events.jsonl", [](std::size_t, Event&&) {}), EventInputError);
    try {
        readText("\n\n{\"ts\":\"2026-11-22T06:01:59Z\",\"format\":\"raw\",\"pid\":\"x\"}\n");
        FAIL() << "accepted";
    } catch (const EventInputError& e) {
        EXPECT_STREQ(e.what(), "test:3: \"pid\" must be an integer");
    }
}

} // namespace
