// The query language (query/query.h): grammar, precedence, escaping, every field type, the
// errors analysts see, and hostile input that must never reach SQL as SQL.
#include "event/event_json.h"
#include "query/query.h"
#include "query/time_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

namespace {

using namespace vigie;
using query::compileFilter;
using query::Placeholders;
using query::SyntaxError;

using Params = std::vector<std::optional<std::string>>;

struct Compiled {
    std::string sql;
    Params params;
};

Compiled compile(std::string_view q)
{
    auto r = compileFilter(q);
    return {r.sql, r.params};
}

// The position of the SyntaxError `q` throws (npos when it compiles).
std::size_t errorAt(std::string_view q, std::string* message = nullptr)
{
    try {
        compileFilter(q);
    } catch (const SyntaxError& e) {
        if (message)
            *message = e.what();
        return e.position();
    }
    return std::string::npos;
}

TEST(Query, EmptyIsTrue)
{
    EXPECT_EQ(compile("").sql, "TRUE");
    EXPECT_EQ(compile("  \t\n").sql, "TRUE");
    EXPECT_TRUE(compile("").params.empty());
}

TEST(Query, TextFieldIsExactAndValueIsAParameter)
{
    const auto c = compile("host:web-01");
    EXPECT_EQ(c.sql, "(host = $1)");
    EXPECT_EQ(c.params, (Params{"web-01"}));
}

TEST(Query, ImplicitAndExplicitOperatorsAndPrecedence)
{
    EXPECT_EQ(compile("host:a app:b").sql, "((host = $1) AND (app = $2))");
    for (const auto* q : {"host:a and app:b", "host:a AND app:b", "host:a && app:b", "host:a AnD app:b"})
        EXPECT_EQ(compile(q).sql, "((host = $1) AND (app = $2))") << q;
    for (const auto* q : {"host:a or app:b", "host:a OR app:b", "host:a || app:b"})
        EXPECT_EQ(compile(q).sql, "((host = $1) OR (app = $2))") << q;
    for (const auto* q : {"not host:a", "NOT host:a", "!host:a", "-host:a"})
        EXPECT_EQ(compile(q).sql, "(((host = $1)) IS NOT TRUE)") << q;
    // NOT > AND > OR
    EXPECT_EQ(compile("host:a or app:b and not pid:1").sql,
              "((host = $1) OR ((app = $2) AND (((pid = $3::bigint)) IS NOT TRUE)))");
    EXPECT_EQ(compile("(host:a or app:b) and pid:1").sql,
              "(((host = $1) OR (app = $2)) AND (pid = $3::bigint))");
    EXPECT_EQ(compile("not (host:a or app:b)").sql, "((((host = $1) OR (app = $2))) IS NOT TRUE)");
    // A word that only starts like a keyword is free text.
    EXPECT_EQ(compile("android").params, (Params{"%android%"}));
    EXPECT_EQ(compile("ornament").params, (Params{"%ornament%"}));
}

TEST(Query, FreeTextAndMessageAreCaseInsensitiveSubstrings)
{
    const auto word = compile("failed");
    EXPECT_EQ(word.sql, "(message ILIKE $1 ESCAPE '\\')");
    EXPECT_EQ(word.params, (Params{"%failed%"}));
    const auto phrase = compile("message:\"Failed password\"");
    EXPECT_EQ(phrase.sql, "(message ILIKE $1 ESCAPE '\\')");
    EXPECT_EQ(phrase.params, (Params{"%Failed password%"}));
    EXPECT_EQ(compile("\"a \\\"quoted\\\" \\\\ word\"").params, (Params{"%a \"quoted\" \\\\ word%"}));
    EXPECT_EQ(compile("message=exact").sql, "(message = $1)");
}

TEST(Query, WildcardsBecomeLikeWithTheUsersOwnMetacharactersEscaped)
{
    const auto c = compile("user_name:adm*");
    EXPECT_EQ(c.sql, "(user_name LIKE $1 ESCAPE '\\')");
    EXPECT_EQ(c.params, (Params{"adm%"}));
    EXPECT_EQ(compile("user_name:a?m").params, (Params{"a_m"}));
    EXPECT_EQ(compile("user_name:100%_*").params, (Params{"100\\%\\_%"}));
    EXPECT_EQ(compile("user_name:back\\\\slash*").params, (Params{"back\\\\slash%"}));
    // Escaped and quoted stars are literal: no LIKE at all.
    EXPECT_EQ(compile("user_name:adm\\*").sql, "(user_name = $1)");
    EXPECT_EQ(compile("user_name:adm\\*").params, (Params{"adm*"}));
    EXPECT_EQ(compile("user_name:\"adm*\"").params, (Params{"adm*"}));
    EXPECT_EQ(compile("user_name=adm*").sql, "(user_name = $1)") << "= takes wildcards literally";
    EXPECT_EQ(compile("fai?ed*").params, (Params{"%fai_ed%%"}));
    EXPECT_EQ(compile("50%").params, (Params{"%50\\%%"}));
}

TEST(Query, IntegersAndComparisons)
{
    EXPECT_EQ(compile("severity<=3").sql, "(severity <= $1::bigint)");
    EXPECT_EQ(compile("severity<=3").params, (Params{"3"}));
    EXPECT_EQ(compile("severity<3").sql, "(severity < $1::bigint)");
    EXPECT_EQ(compile("severity>3").sql, "(severity > $1::bigint)");
    EXPECT_EQ(compile("severity>=3").sql, "(severity >= $1::bigint)");
    EXPECT_EQ(compile("severity=3").sql, "(severity = $1::bigint)");
    EXPECT_EQ(compile("severity:3").sql, "(severity = $1::bigint)");
    EXPECT_EQ(compile("severity:>=3").sql, "(severity >= $1::bigint)");
    EXPECT_EQ(compile("pid:-1").params, (Params{"-1"}));
    std::string message;
    EXPECT_EQ(errorAt("severity:high", &message), 9u);
    EXPECT_NE(message.find("integer"), std::string::npos) << message;
    EXPECT_NE(message.find("position 9"), std::string::npos) << message;
    EXPECT_EQ(errorAt("dest_port:8o"), 10u);
    EXPECT_EQ(errorAt("dest_port:99999999999999999999999"), 10u);
    EXPECT_EQ(errorAt("pid:1*"), 4u);
}

TEST(Query, Ranges)
{
    const auto inclusive = compile("dest_port:[1 TO 1024]");
    EXPECT_EQ(inclusive.sql, "(dest_port >= $1::bigint AND dest_port <= $2::bigint)");
    EXPECT_EQ(inclusive.params, (Params{"1", "1024"}));
    EXPECT_EQ(compile("dest_port:{1 TO 1024}").sql, "(dest_port > $1::bigint AND dest_port < $2::bigint)");
    EXPECT_EQ(compile("dest_port:[1 to 1024}").sql, "(dest_port >= $1::bigint AND dest_port < $2::bigint)");
    EXPECT_EQ(compile("dest_port:[* TO 1024]").sql, "(dest_port <= $1::bigint)");
    EXPECT_EQ(compile("dest_port:[1024 TO *]").sql, "(dest_port >= $1::bigint)");
    EXPECT_EQ(compile("dest_port:[* TO *]").sql, "(dest_port IS NOT NULL)");
    EXPECT_EQ(compile("host:[a TO m]").sql, "(host >= $1 AND host <= $2)");
    EXPECT_EQ(compile("ts:[2026-11-22 TO 2026-11-23]").params,
              (Params{"2026-11-22T00:00:00.000000Z", "2026-11-24T00:00:00.000000Z"}));
    EXPECT_EQ(compile("ts:[2026-11-22 TO 2026-11-23]").sql,
              "(ts >= $1::timestamptz AND ts < $2::timestamptz)");
    EXPECT_EQ(errorAt("dest_port:[1 1024]"), 13u);
    EXPECT_EQ(errorAt("dest_port:[1 TO 1024"), 10u);
    EXPECT_EQ(errorAt("dest_port:[a TO 5]"), 11u);
    EXPECT_NE(errorAt("parse_error:[true TO false]"), std::string::npos);
}

TEST(Query, AddressesAndCidr)
{
    EXPECT_EQ(compile("source_ip:10.0.0.0/8").sql, "(source_ip <<= $1::inet)");
    EXPECT_EQ(compile("source_ip:10.0.0.0/8").params, (Params{"10.0.0.0/8"}));
    EXPECT_EQ(compile("source_ip:10.1.2.3").sql, "(source_ip = $1::inet)");
    EXPECT_EQ(compile("dest_ip:2001:db8::/32").sql, "(dest_ip <<= $1::inet)");
    EXPECT_EQ(compile("dest_ip:\"::1\"").sql, "(dest_ip = $1::inet)");
    EXPECT_EQ(compile("source_ip:[10.0.0.1 TO 10.0.0.9]").sql,
              "(source_ip >= $1::inet AND source_ip <= $2::inet)");
    EXPECT_EQ(errorAt("source_ip:10.0.0.300"), 10u);
    EXPECT_EQ(errorAt("source_ip:10.0.0.0/33"), 19u);
    EXPECT_EQ(errorAt("source_ip:10.0.0.0/"), 19u);
    EXPECT_EQ(errorAt("source_ip:10.0.*"), 10u);
    EXPECT_EQ(errorAt("source_ip:web-01"), 10u);
    EXPECT_EQ(errorAt("source_ip>10.0.0.0/8"), 10u);
}

TEST(Query, Timestamps)
{
    const auto c = compile("ts>=2026-11-22T10:00:00.5+01:00");
    EXPECT_EQ(c.sql, "(ts >= $1::timestamptz)");
    EXPECT_EQ(c.params, (Params{"2026-11-22T09:00:00.500000Z"}));
    const auto day = compile("received_at:2026-11-22");
    EXPECT_EQ(day.sql, "(received_at >= $1::timestamptz AND received_at < $2::timestamptz)");
    EXPECT_EQ(day.params, (Params{"2026-11-22T00:00:00.000000Z", "2026-11-23T00:00:00.000000Z"}));
    EXPECT_EQ(compile("ts:\"2026-11-22 10:00\"").params, (Params{"2026-11-22T10:00:00.000000Z"}));
    EXPECT_EQ(errorAt("ts>yesterday"), 3u);
    EXPECT_EQ(errorAt("ts:2026-02-30"), 3u);
    EXPECT_EQ(errorAt("ts:2026-11-22T25:00"), 3u);
    EXPECT_EQ(errorAt("ts:2026-11-22T10:00:00.1234567Z"), 3u) << "finer than microseconds";
}

TEST(Query, IsoTimestampParser)
{
    using query::parseIsoTimestamp;
    const auto a = parseIsoTimestamp("2026-11-22 10:00:00.000001+00");
    ASSERT_TRUE(a);
    EXPECT_EQ(formatTimestamp(a->ts), "2026-11-22T10:00:00.000001Z");
    const auto b = parseIsoTimestamp("2026-11-22T10:00:00-05:30");
    ASSERT_TRUE(b);
    EXPECT_EQ(formatTimestamp(b->ts), "2026-11-22T15:30:00.000000Z");
    EXPECT_TRUE(parseIsoTimestamp("2026-11-22")->date_only);
    for (const auto* bad : {"", "2026", "2026-11-22T", "2026-11-22X10:00", "2026-13-01",
                            "2026-11-22T10:00Zjunk", "2026-11-22T10:00:00."})
        EXPECT_FALSE(parseIsoTimestamp(bad)) << bad;
}

TEST(Query, Booleans)
{
    EXPECT_EQ(compile("parse_error:true").sql, "(parse_error = $1::boolean)");
    EXPECT_EQ(compile("parse_error:FALSE").params, (Params{"false"}));
    EXPECT_EQ(errorAt("parse_error:yes"), 12u);
    EXPECT_EQ(errorAt("parse_error>true"), 0u);
}

TEST(Query, ExistsAndStar)
{
    EXPECT_EQ(compile("_exists_:user_name").sql, "(user_name IS NOT NULL)");
    EXPECT_EQ(compile("user_name:*").sql, "(user_name IS NOT NULL)");
    const auto json = compile("_exists_:fields.sd.origin.ip");
    EXPECT_EQ(json.sql, "((fields ->> $1) IS NOT NULL)");
    EXPECT_EQ(json.params, (Params{"sd.origin.ip"}));
    EXPECT_EQ(errorAt("_exists_:nosuch"), 9u);
}

TEST(Query, JsonFieldsKeepTheirDottedKeyAsAParameter)
{
    const auto c = compile("fields.sd.origin.ip:10.0.0.1");
    EXPECT_EQ(c.sql, "((fields ->> $1) = $2)");
    EXPECT_EQ(c.params, (Params{"sd.origin.ip", "10.0.0.1"}));
    const auto like = compile("fields.rule_id:22*");
    EXPECT_EQ(like.sql, "((fields ->> $1) LIKE $2 ESCAPE '\\')");
    EXPECT_EQ(like.params, (Params{"rule_id", "22%"}));
    EXPECT_EQ(compile("fields.x-y:1").params, (Params{"x-y", "1"}));
    // Numbers compare as numbers (a non-numeric value is no match, not an SQL error)...
    const auto numeric = compile("fields.rule_id>=2000");
    EXPECT_EQ(numeric.sql,
              "((CASE WHEN (fields ->> $1) ~ $2 THEN (fields ->> $3)::numeric END) >= $4::numeric)");
    EXPECT_EQ(numeric.params, (Params{"rule_id", "^-?[0-9]+(\\.[0-9]+)?$", "rule_id", "2000"}));
    EXPECT_EQ(compile("fields.rule_id:[100 TO 200.5]").params.size(), 8u);
    EXPECT_EQ(compile("fields.rule_id:[100 TO *]").params.size(), 4u);
    // ...anything else as text.
    EXPECT_EQ(compile("fields.name:[a TO m]").sql, "((fields ->> $1) >= $2 AND (fields ->> $3) <= $4)");
    EXPECT_EQ(compile("fields.name>1.2.3").sql, "((fields ->> $1) > $2)");
    EXPECT_EQ(compile("fields.name:[* TO *]").sql, "((fields ->> $1) IS NOT NULL)");
}

TEST(Query, UnknownFieldsSuggestCloseNames)
{
    std::string message;
    EXPECT_EQ(errorAt("hots:web-01", &message), 0u);
    EXPECT_NE(message.find("did you mean host"), std::string::npos) << message;
    EXPECT_EQ(errorAt("app:x and user:root", &message), 10u);
    EXPECT_NE(message.find("user_name"), std::string::npos) << message;
    // Not an identifier before '=': just free text.
    EXPECT_EQ(compile("tcp-seq=5").params, (Params{"%tcp-seq=5%"}));
}

TEST(Query, SyntaxErrorsNameThePositionAndWhatWasExpected)
{
    struct Case {
        const char* query;
        std::size_t position;
        const char* expected;
    };
    const Case cases[] = {
        {"host:", 5, "expected a value after ':'"},
        {"host: web", 5, "expected a value after ':'"},
        {"severity<=", 10, "expected a value after '<='"},
        {"(host:a", 0, "unbalanced parenthesis"},
        {"host:a)", 6, "unbalanced parenthesis"},
        {"((host:a)", 0, "unbalanced parenthesis"},
        {"\"abc", 0, "unterminated quoted phrase"},
        {"message:\"abc\\\"", 8, "unterminated quoted phrase"},
        {"host:a and", 10, "expected a term after 'and'"},
        {"host:a or", 9, "expected a term after 'or'"},
        {"and host:a", 0, "expected a term before"},
        {"not", 3, "expected a term"},
        {"()", 1, "expected a term inside the parentheses"},
        {"host:a \\", 7, "expected a character after"},
    };
    for (const auto& c : cases) {
        try {
            compileFilter(c.query);
            ADD_FAILURE() << c.query << " compiled";
        } catch (const SyntaxError& e) {
            EXPECT_EQ(e.position(), c.position) << c.query << ": " << e.what();
            EXPECT_NE(e.expected().find(c.expected), std::string::npos) << c.query << ": " << e.expected();
            EXPECT_NE(std::string(e.what()).find("position " + std::to_string(c.position)), std::string::npos)
                << e.what();
        }
    }
}

TEST(Query, LimitsAreSyntaxErrorsNotCrashes)
{
    EXPECT_EQ(errorAt(std::string(64 * 1024 + 1, 'a')), 64u * 1024);
    EXPECT_EQ(errorAt(std::string("host:a\0b", 8)), 6u);
    EXPECT_EQ(errorAt("host:\xff"), 5u);
    std::string deep(65, '(');
    deep += "a" + std::string(65, ')');
    EXPECT_NE(errorAt(deep), std::string::npos);
    std::string ok(64, '(');
    ok += "a" + std::string(64, ')');
    EXPECT_EQ(errorAt(ok), std::string::npos);
    EXPECT_NE(errorAt(std::string(100000, '(')), std::string::npos);
    std::string nots;
    for (int i = 0; i < 1000; ++i)
        nots += "not ";
    EXPECT_NE(errorAt(nots + "a"), std::string::npos);
    EXPECT_NE(errorAt(std::string(1 << 20, '!') + "a"), std::string::npos);
    // Wide but shallow is fine: thousands of terms.
    std::string wide;
    for (int i = 0; i < 4000; ++i)
        wide += "host:h" + std::to_string(i) + " or ";
    wide += "host:x";
    EXPECT_EQ(compile(wide).params.size(), 4001u);
}

TEST(Query, QuestionPlaceholdersAndFirstParam)
{
    const auto q = compileFilter("host:a fields.k:v", Placeholders::Question);
    EXPECT_EQ(q.sql, "((host = ?) AND ((fields ->> ?) = ?))");
    EXPECT_EQ(q.params.size(), 3u);
    EXPECT_EQ(compileFilter("host:a", Placeholders::Dollar, 4).sql, "(host = $4)");
}

TEST(Query, PageAndHistogramStatements)
{
    query::SearchRequest request;
    request.query = "host:a";
    request.limit = 50;
    request.range.from = query::parseIsoTimestamp("2026-11-22T00:00:00Z")->ts;
    request.range.to = query::parseIsoTimestamp("2026-11-23T00:00:00Z")->ts;
    request.after = query::Cursor{query::parseIsoTimestamp("2026-11-22T12:00:00Z")->ts, 42};
    const auto page = query::buildEventPage(request);
    EXPECT_EQ(page.sql,
              "SELECT id, ts, received_at, host, app, pid, severity, facility, category, action, "
              "outcome, user_name, source_ip, source_port, dest_ip, dest_port, process, format, "
              "message, fields, raw, parse_error FROM events WHERE (host = $1) AND ts >= "
              "$2::timestamptz AND ts < $3::timestamptz AND (ts, id) < ($4::timestamptz, $5::bigint) "
              "ORDER BY ts DESC, id DESC LIMIT 50");
    EXPECT_EQ(page.params, (Params{"a", "2026-11-22T00:00:00.000000Z", "2026-11-23T00:00:00.000000Z",
                                   "2026-11-22T12:00:00.000000Z", "42"}));
    // A retro-hunt walks the same index the other way.
    request.oldest_first = true;
    const auto ascending = query::buildEventPage(request);
    EXPECT_NE(ascending.sql.find("AND (ts, id) > ($4::timestamptz, $5::bigint) ORDER BY ts, id LIMIT 50"),
              std::string::npos)
        << ascending.sql;
    request.oldest_first = false;
    // host is a rollup dimension: whole-minute buckets are summed from event_counts_1m...
    const auto histogram = query::buildHistogram(request, std::chrono::minutes(5));
    EXPECT_NE(histogram.sql.find("date_bin($1::interval, minute, $2::timestamptz)"), std::string::npos);
    EXPECT_NE(histogram.sql.find("FROM event_counts_1m WHERE (host = $3) AND minute >= $4::timestamptz"),
              std::string::npos);
    EXPECT_EQ(histogram.params[0], "300 seconds");
    // ...while a field the rollups do not keep, free text, or sub-minute buckets count events.
    for (const auto& [text, seconds] : {std::pair{"user_name:a", 300}, std::pair{"timeout", 300},
                                        std::pair{"host:a and not (outcome:failure or severity<=3)", 30}}) {
        request.query = text;
        const auto counted = query::buildHistogram(request, std::chrono::seconds(seconds));
        EXPECT_NE(counted.sql.find("date_bin($1::interval, ts, $2::timestamptz)"), std::string::npos) << text;
        EXPECT_NE(counted.sql.find("FROM events WHERE"), std::string::npos) << text;
    }
    request.query = "host:a and not (outcome:failure or severity<=3) and _exists_:category";
    EXPECT_NE(query::buildHistogram(request, std::chrono::hours(12)).sql.find("FROM event_counts_1m"),
              std::string::npos);
    request.query = "";
    EXPECT_NE(
        query::buildHistogram(request, std::chrono::hours(1)).sql.find("FROM event_counts_1m WHERE TRUE"),
        std::string::npos);
    EXPECT_EQ(query::eventColumns().size(), 22u);
    EXPECT_EQ(query::knownFields().back(), "fields.");
}

TEST(Query, HistogramOfOneFieldInWholeHoursReadsTheHourlyFieldCounts)
{
    query::SearchRequest request;
    request.range = {Timestamp(std::chrono::hours(492000)) + std::chrono::minutes(20),
                     Timestamp(std::chrono::hours(492720)) + std::chrono::minutes(5)};
    // Any condition on one counted field, however combined, over whole-hour buckets...
    for (const auto* text : {"user_name:alice", "not user_name:al* or user_name:bob", "source_ip:10.0.0.0/8",
                             "not dest_ip:2001:db8::/48", "dest_port:[1 TO 1024]", "_exists_:process", "host:web-7"}) {
        request.query = text;
        const auto hourly = query::buildHistogram(request, std::chrono::hours(12));
        EXPECT_NE(hourly.sql.find("FROM event_field_counts_1h r WHERE r.field = '"), std::string::npos) << text;
        // ...with the partial hours at both ends and the pending hours counted from events.
        EXPECT_NE(hourly.sql.find("CROSS JOIN LATERAL (SELECT ts FROM events WHERE"), std::string::npos) << text;
    }
    request.query = "user_name:alice";
    const auto hourly = query::buildHistogram(request, std::chrono::hours(12));
    EXPECT_EQ(hourly.params[3], "2026-02-16T01:00:00.000000Z"); // the first whole hour
    EXPECT_EQ(hourly.params[4], "2026-03-18T00:00:00.000000Z"); // the last one ends here
    // Two fields, free text, jsonb keys, sub-hour buckets or less than a whole hour: elsewhere.
    const std::vector<std::pair<std::string, std::chrono::seconds>> elsewhere = {
        {"user_name:alice and host:web-7", std::chrono::hours(12)},
        {"timeout", std::chrono::hours(12)},
        {"fields.rule:5", std::chrono::hours(12)},
        {"user_name:alice", std::chrono::minutes(30)},
        // addresses are counted per /24 (/64): a single address or a narrower block is not
        {"source_ip:10.1.2.3", std::chrono::hours(12)},
        {"source_ip:10.1.2.0/25", std::chrono::hours(12)},
        {"dest_ip:2001:db8::/96", std::chrono::hours(12)},
        {"source_ip:[10.0.0.1 TO 10.0.0.9]", std::chrono::hours(12)},
    };
    for (const auto& [text, bucket] : elsewhere) {
        request.query = text;
        EXPECT_EQ(query::buildHistogram(request, bucket).sql.find("event_field_counts_1h"), std::string::npos)
            << text;
    }
    request.query = "user_name:alice";
    request.range = {Timestamp(std::chrono::hours(492000)) + std::chrono::minutes(20),
                     Timestamp(std::chrono::hours(492001)) + std::chrono::minutes(5)};
    EXPECT_EQ(query::buildHistogram(request, std::chrono::hours(1)).sql.find("event_field_counts_1h"),
              std::string::npos);
}

// SQL text comes only from the compiler's vocabulary: apart from the fixed ESCAPE '\' it
// holds no quote, semicolon, comment or backslash, whatever the input.
void expectSafe(const std::string& input)
{
    try {
        const auto c = compileFilter(input);
        std::string sql = c.sql;
        for (std::size_t at; (at = sql.find("ESCAPE '\\'")) != std::string::npos;)
            sql.erase(at, 10);
        EXPECT_EQ(sql.find_first_of("'\";\\"), std::string::npos) << input << " → " << c.sql;
        EXPECT_EQ(sql.find("--"), std::string::npos) << input << " → " << c.sql;
        EXPECT_EQ(sql.find("/*"), std::string::npos) << input << " → " << c.sql;
        EXPECT_TRUE(std::regex_match(sql, std::regex(R"([A-Za-z0-9_ ()$<>=:,.!?~-]*)")))
            << input << " → " << c.sql;
        EXPECT_EQ(std::count(c.sql.begin(), c.sql.end(), '$'), static_cast<long>(c.params.size())) << input;
        // The statement may only name the columns and SQL keywords it is built from.
        static const std::regex word(R"([A-Za-z_][A-Za-z0-9_]*)");
        static const std::set<std::string> vocabulary = {
            "CASE",    "WHEN",      "THEN",      "END",         "numeric",  "TRUE",      "AND",
            "OR",      "IS",        "NOT",       "NULL",        "ILIKE",    "LIKE",      "ESCAPE",
            "fields",  "bigint",    "inet",      "timestamptz", "boolean",  "ts",        "received_at",
            "host",    "app",       "pid",       "severity",    "facility", "category",  "action",
            "outcome", "user_name", "source_ip", "source_port", "dest_ip",  "dest_port", "process",
            "format",  "message",   "raw",       "parse_error"};
        for (auto it = std::sregex_iterator(sql.begin(), sql.end(), word); it != std::sregex_iterator(); ++it)
            EXPECT_TRUE(vocabulary.count(it->str())) << input << " → " << c.sql;
    } catch (const SyntaxError& e) {
        EXPECT_LE(e.position(), input.size()) << input;
    }
}

std::vector<std::string> hostileInputs()
{
    std::vector<std::string> inputs = {
        "'; DROP TABLE events; --",
        "host:\"x' OR '1'='1\"",
        "host:x' OR '1'='1",
        "x' OR 1=1 --",
        "\" OR \"\"=\"",
        "host:a; DELETE FROM events",
        "host:a);DROP TABLE events;--",
        "host:'a'",
        "message:\"'; SELECT pg_sleep(10); --\"",
        "fields.\"a'b\":c",
        "fields.a'b:c",
        "fields.a;b:c",
        "fields.a--b:c",
        "fields.a/*b:c*/",
        "fields.$1:x",
        "$1",
        "host:$1",
        "host:$1::text",
        "severity:1;DROP",
        "severity:1 OR 1=1",
        "severity<=3) OR (1=1",
        "source_ip:10.0.0.1'--",
        "source_ip:\"10.0.0.0/8' OR '1'='1\"",
        "ts>2026-01-01'; DROP TABLE x;--",
        "ts:[2026-01-01 TO 2026-01-02'] ",
        "parse_error:true'--",
        "_exists_:host;DROP",
        "_exists_:fields.x'",
        "user_name:adm*'--",
        "user_name:%",
        "user_name:_",
        "user_name:\\",
        "user_name:\\\\",
        "user_name:a\\%b",
        "message:\\'",
        "\\'",
        "\\",
        "\"\\\"",
        "\"",
        "\"\"",
        "\"\"\"",
        "'",
        "''",
        "(",
        ")",
        "((",
        "))",
        "(()",
        "())",
        "(host:a",
        "host:a)",
        "[1 TO 2]",
        "dest_port:[1 TO",
        "dest_port:[",
        "dest_port:{",
        "dest_port:[1 TO 2",
        "dest_port:[; TO ;]",
        "dest_port:['1' TO '2']",
        "host:[' TO ;]",
        "and",
        "or",
        "not",
        "&&",
        "||",
        "!",
        "-",
        "- -",
        "!!!!",
        "host:a and and host:b",
        "host:a or or",
        ":",
        "::",
        ":::::",
        "host::a",
        "<",
        "<=",
        ">=3",
        "=",
        "host=",
        "host<<3",
        "host<>3",
        "host!=3",
        "severity=>3",
        "*",
        "?",
        "**",
        "*:*",
        "_exists_:",
        "_exists_:*",
        "fields.:x",
        "fields.",
        "héllo wörld",
        "host:\"日本語\"",
        "用户:root",
        "user_name:Ω*",
        "message:\"emoji 😀 ' ;\"",
        "\xe2\x80\x8b",
        "\xef\xbb\xbf host:a",
        "\xc0\xaf",
        "\xed\xa0\x80",
        "\xf4\x90\x80\x80",
        "host:\x80",
        "\xff\xfe",
        std::string("\0", 1),
        std::string("host:a\0' OR 1=1", 15),
        std::string("\"a\0b\"", 5),
        "host:a\nOR 1=1",
        "host:a\r\n;--",
        "\t\v\f",
        "host:a/*",
        "*/ host:a",
        "-- comment",
        "/* comment */",
        "host:a -- comment",
        "E'\\x41'",
        "U&'\\0041'",
        "$$ dollar quoted $$",
        "$tag$ x $tag$",
        "host:$$",
        "host:a' || pg_read_file('/etc/passwd') || '",
        "COPY events TO '/tmp/x'",
        "host:a UNION SELECT * FROM pg_shadow",
        "host:a) UNION SELECT 1--",
        "\\\\\\\\\\\\\\",
        "\\\"",
        "message:\"\\",
        "fields.k:\"v\\\"' OR 1=1 --\"",
        "fields.sd.origin.ip:10.0.0.1' OR 'x'='x",
        "source_ip:[10.0.0.1 TO 10.0.0.0/8]",
        "ts:[* TO *]",
        "ts:[2026-01-01 TO *]'",
        std::string(64 * 1024, 'a'),
        std::string(64 * 1024 + 1, 'a'),
        std::string(1 << 20, 'x'),
        std::string(1 << 20, '('),
        std::string(1 << 20, '"'),
        std::string(1 << 20, '\\'),
        std::string(100, '(') + "a" + std::string(100, ')'),
        std::string(70, '-') + "a",
    };
    std::string many_quotes;
    for (int i = 0; i < 1000; ++i)
        many_quotes += "host:\"'\" ";
    inputs.push_back(many_quotes);
    for (int c = 1; c < 128; ++c) { // every ASCII character, alone and as a value
        inputs.push_back(std::string(1, static_cast<char>(c)));
        inputs.push_back("host:" + std::string(1, static_cast<char>(c)));
        inputs.push_back("fields." + std::string(1, static_cast<char>(c)) + ":x");
    }
    return inputs;
}

TEST(QueryHostile, NothingTheUserTypesBecomesSql)
{
    const auto inputs = hostileInputs();
    EXPECT_GT(inputs.size(), 100u);
    for (const auto& input : inputs)
        expectSafe(input);
}

TEST(QueryHostile, ParametersHoldTheUsersTextVerbatim)
{
    const auto c = compile("host:\"x' OR '1'='1\"");
    EXPECT_EQ(c.sql, "(host = $1)");
    EXPECT_EQ(c.params, (Params{"x' OR '1'='1"}));
    const auto d = compile("fields.a;b:'; DROP TABLE events; --");
    EXPECT_EQ(d.sql.substr(0, 30), "(((fields ->> $1) = $2) AND (m");
    ASSERT_GE(d.params.size(), 2u);
    EXPECT_EQ(d.params[0], "a;b");
    EXPECT_EQ(d.params[1], "';");
}

} // namespace
