// RFC 6587 framing (ingest/stream_framer.h): the go-syslog framing vectors from
// ../shared/data/syslog/syslog_vectors.jsonl, fed whole and one byte at a time, plus mixed
// framing on one stream, oversize records and finish() with a partial record.
//
// go-syslog stops a stream at the first framing error; Vigie's framer never drops bytes: what
// go-syslog refuses as a frame ("xaaa", "16<1>1", " - - -") becomes a newline-framed record
// that the parser then flags. So per vector: every frame go-syslog parsed (best-effort list,
// message not null) must come out in order and parse (as RFC 5424) to the same fields, with a
// parse error exactly when go-syslog reported one; any further record must be one the RFC 5424
// parser rejects, matching go-syslog's trailing error.
#include "ingest/stream_framer.h"
#include "parse/record_parser.h"
#include "support/shared_data.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cctype>
#include <ostream>
#include <string>
#include <vector>

namespace {

using vigie::ingest::StreamFramer;

std::string base64Decode(std::string_view in)
{
    std::string out;
    int bits = 0;
    unsigned acc = 0;
    for (char c : in) {
        int v = -1;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
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

std::vector<std::string> frameAll(StreamFramer& framer, std::string_view input, std::size_t chunk)
{
    std::vector<std::string> records;
    const auto sink = [&](std::string_view r) { records.emplace_back(r); };
    for (std::size_t i = 0; i < input.size(); i += chunk)
        framer.feed(input.substr(i, chunk), sink);
    framer.finish(sink);
    return records;
}

std::vector<std::string> frameAll(std::string_view input, std::size_t chunk = SIZE_MAX,
                                  std::size_t max_record = 64 * 1024)
{
    StreamFramer framer(max_record);
    return frameAll(framer, input, chunk == SIZE_MAX ? std::max<std::size_t>(input.size(), 1) : chunk);
}

struct FramingVector {
    std::string id;
    std::string json;
};

// Failures name the vector, not its bytes.
void PrintTo(const FramingVector& v, std::ostream* os)
{
    *os << v.id;
}

std::vector<FramingVector> loadFramingVectors()
{
    std::vector<FramingVector> out;
    try {
        simdjson::dom::parser parser;
        for (const auto& line :
             vigie::test::readLines(vigie::test::sharedData("syslog/syslog_vectors.jsonl"))) {
            if (line.empty())
                continue;
            simdjson::dom::element doc = parser.parse(line);
            if (std::string_view(doc["format"].get_string().value()).starts_with("rfc6587"))
                out.push_back({std::string(doc["id"].get_string().value()), line});
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cannot load syslog vectors: %s\n", e.what());
    }
    return out;
}

class FramingVectorTest : public ::testing::TestWithParam<FramingVector> {};

TEST_P(FramingVectorTest, MatchesGoSyslogFrames)
{
    simdjson::dom::parser parser;
    simdjson::dom::element doc = parser.parse(GetParam().json);
    const std::string input = base64Decode(doc["input_b64"].get_string().value());
    const vigie::parse::Context context{vigie::Timestamp{}, "192.0.2.99"};

    const std::vector<std::string> whole = frameAll(input);
    // Any split of the input gives the same records.
    EXPECT_EQ(frameAll(input, 1), whole);
    EXPECT_EQ(frameAll(input, 7), whole);

    std::size_t next = 0;
    const simdjson::dom::array frames = doc["stream_results_best_effort"].get_array().value();
    for (simdjson::dom::element frame : frames) {
        simdjson::dom::object message;
        const bool has_error = !frame["error"].is_null();
        if (frame["message"].get(message) != simdjson::SUCCESS) {
            // go-syslog gave up here; whatever bytes remain must not parse as RFC 5424.
            for (; next < whole.size(); ++next)
                EXPECT_TRUE(vigie::parse::parseRecord(whole[next], vigie::parse::Format::Rfc5424, context)
                                .parse_error)
                    << whole[next];
            break;
        }
        ASSERT_LT(next, whole.size()) << "missing frame";
        const vigie::Event e =
            vigie::parse::parseRecord(whole[next++], vigie::parse::Format::Rfc5424, context);
        EXPECT_EQ(e.parse_error, has_error) << e.raw;
        const int64_t pri = message["priority"].get_int64().value();
        EXPECT_EQ(e.severity, pri % 8);
        EXPECT_EQ(e.facility, pri / 8);
        if (has_error)
            continue;
        std::string_view s;
        EXPECT_EQ(e.host, message["hostname"].get(s) == simdjson::SUCCESS ? std::string(s) : "192.0.2.99");
        EXPECT_EQ(e.app, message["appname"].get(s) == simdjson::SUCCESS ? std::string(s) : "");
        EXPECT_EQ(e.message, message["message"].get(s) == simdjson::SUCCESS ? std::string(s) : "");
    }
    EXPECT_EQ(next, whole.size()) << "unexpected extra records";
}

std::string vectorName(const ::testing::TestParamInfo<FramingVector>& info)
{
    std::string name = info.param.id;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(GoSyslog, FramingVectorTest, ::testing::ValuesIn(loadFramingVectors()), vectorName);

TEST(StreamFramer, VectorsLoaded)
{
    EXPECT_EQ(loadFramingVectors().size(), 12u);
}

TEST(StreamFramer, NewlineTrailers)
{
    using V = std::vector<std::string>;
    EXPECT_EQ(frameAll("a\nb\r\nc\0d\n\n\r\ne"), V({"a", "b", "c"}));
    EXPECT_EQ(frameAll(std::string_view("a\nb\r\nc\0d\n\n\r\ne", 13)), V({"a", "b", "c", "d", "e"}));
    EXPECT_EQ(frameAll(std::string_view("a\nb\r\nc\0d\n\n\r\ne", 13), 1), V({"a", "b", "c", "d", "e"}));
}

TEST(StreamFramer, OctetCountingKeepsNewlinesInside)
{
    const std::string stream = "10 <1>1 - a\nb8 <2>1 x\ny\n";
    using V = std::vector<std::string>;
    EXPECT_EQ(frameAll(stream), V({"<1>1 - a\nb", "<2>1 x\ny"}));
    for (std::size_t chunk = 1; chunk <= stream.size(); ++chunk)
        EXPECT_EQ(frameAll(stream, chunk), V({"<1>1 - a\nb", "<2>1 x\ny"})) << "chunk " << chunk;
}

TEST(StreamFramer, MixedFramingOnOneStream)
{
    // Octet-counted, then newline, then octet-counted after a stray LF, then text that starts
    // with digits: "123abc" (no space) and "42 errors" (no '<' after the count) are lines.
    const std::string stream = "5 <1>ab<2>1 line one\n\n5 <3>xy123abc\n42 errors found\r\n<4>last";
    using V = std::vector<std::string>;
    const V want = {"<1>ab", "<2>1 line one", "<3>xy", "123abc", "42 errors found", "<4>last"};
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, stream.size()})
        EXPECT_EQ(frameAll(stream, chunk), want) << "chunk " << chunk;
}

TEST(StreamFramer, OversizeRecordsAreCutEmittedAndCounted)
{
    using V = std::vector<std::string>;
    for (std::size_t chunk : {std::size_t{1}, std::size_t{4}, std::size_t{100}}) {
        StreamFramer framer(8);
        // A line of 12 bytes, an exact-size line, an octet frame of 10, an exact octet frame.
        const std::string stream = "abcdefghijkl\n12345678\r\n10 <123456789ok\n8 <1234567";
        EXPECT_EQ(frameAll(framer, stream, chunk), V({"abcdefgh", "12345678", "<1234567", "ok", "<1234567"}))
            << "chunk " << chunk;
        EXPECT_EQ(framer.oversizeRecords(), 2u);
    }
}

TEST(StreamFramer, FinishEmitsPartialRecords)
{
    using V = std::vector<std::string>;
    EXPECT_EQ(frameAll("<1>1 no trailer"), V({"<1>1 no trailer"}));
    EXPECT_EQ(frameAll("20 <1>1 cut short"), V({"<1>1 cut short"}));
    EXPECT_EQ(frameAll("12"), V({"12"}));
    EXPECT_EQ(frameAll("12 "), V({"12 "}));
    EXPECT_EQ(frameAll("line\r"), V({"line"}));
    EXPECT_EQ(frameAll(""), V());

    // The framer is reusable after finish().
    StreamFramer framer;
    std::vector<std::string> records;
    const auto sink = [&](std::string_view r) { records.emplace_back(r); };
    framer.feed("5 <1>a", sink);
    framer.finish(sink);
    framer.feed("b\n", sink);
    framer.finish(sink);
    EXPECT_EQ(records, V({"<1>a", "b"}));
}

} // namespace
