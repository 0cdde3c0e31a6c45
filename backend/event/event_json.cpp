#include "event/event_json.h"

#include "event/json_text.h"
#include "query/time_text.h"

#include <simdjson.h>

#include <cstdio>
#include <limits>

namespace vigie {

namespace {

void appendKey(std::string& out, std::string_view key, bool& first)
{
    if (!first)
        out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(key); // column names: plain ASCII
    out.append("\":");
}

} // namespace

std::string formatDate(std::chrono::sys_days day)
{
    const std::chrono::year_month_day ymd(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

std::string formatTimestamp(Timestamp ts)
{
    using namespace std::chrono;
    const auto day = floor<days>(ts);
    const year_month_day ymd(day);
    const long long micros = (ts - day).count(); // into the day, never negative
    const long long secs = micros / 1'000'000;
    std::string out;
    out.reserve(27);
    auto digits = [&out](long long value, int width) {
        char buf[20];
        int k = 0;
        do {
            buf[k++] = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0 && k < 20);
        for (int pad = k; pad < width; ++pad)
            out.push_back('0');
        while (k > 0)
            out.push_back(buf[--k]);
    };
    const int year = static_cast<int>(ymd.year());
    if (year < 0)
        out.push_back('-'); // outside RFC 3339, but never garbled
    digits(year < 0 ? -static_cast<long long>(year) : year, 4);
    out.push_back('-');
    digits(static_cast<unsigned>(ymd.month()), 2);
    out.push_back('-');
    digits(static_cast<unsigned>(ymd.day()), 2);
    out.push_back('T');
    digits(secs / 3600, 2);
    out.push_back(':');
    digits(secs / 60 % 60, 2);
    out.push_back(':');
    digits(secs % 60, 2);
    out.push_back('.');
    digits(micros % 1'000'000, 6);
    out.push_back('Z');
    return out;
}

std::string eventToJson(const Event& event)
{
    std::string out;
    out.reserve(256 + event.raw.size() * 2 + event.message.size());
    bool first = true;
    out.push_back('{');
    auto text = [&](std::string_view key, std::string_view value) {
        appendKey(out, key, first);
        appendJsonString(out, value);
    };
    // Optional text columns are NULL in the table when empty: leave them out here too.
    auto optionalText = [&](std::string_view key, const std::string& value) {
        if (!value.empty())
            text(key, value);
    };
    auto number = [&](std::string_view key, auto value) {
        if (value) {
            appendKey(out, key, first);
            out.append(std::to_string(*value));
        }
    };
    text("ts", formatTimestamp(event.ts));
    text("received_at", formatTimestamp(event.received_at));
    optionalText("host", event.host);
    optionalText("app", event.app);
    number("pid", event.pid);
    number("severity", event.severity);
    number("facility", event.facility);
    optionalText("category", event.category);
    optionalText("action", event.action);
    optionalText("outcome", event.outcome);
    optionalText("user_name", event.user_name);
    optionalText("source_ip", event.source_ip);
    number("source_port", event.source_port);
    optionalText("dest_ip", event.dest_ip);
    number("dest_port", event.dest_port);
    optionalText("process", event.process);
    text("format", event.format);
    text("message", event.message);
    appendKey(out, "fields", first);
    appendJsonObject(out, event.fields);
    text("raw", event.raw);
    appendKey(out, "parse_error", first);
    out.append(event.parse_error ? "true" : "false");
    out.push_back('}');
    return out;
}

namespace {

// Reads the members eventToJson writes; false (with `error`) on a member of the wrong type.
class EventJsonReader {
public:
    EventJsonReader(Event& event, std::string& error) : event_(event), error_(error) {}

    bool member(std::string_view key, simdjson::dom::element value)
    {
        if (key == "ts")
            return time(key, value, event_.ts);
        if (key == "received_at")
            return time(key, value, event_.received_at);
        if (key == "pid")
            return integer(key, value, event_.pid);
        if (key == "severity")
            return integer(key, value, event_.severity);
        if (key == "facility")
            return integer(key, value, event_.facility);
        if (key == "source_port")
            return integer(key, value, event_.source_port);
        if (key == "dest_port")
            return integer(key, value, event_.dest_port);
        if (key == "fields")
            return fields(value);
        if (key == "parse_error") {
            if (!value.is_bool())
                return fail(key, "true or false");
            event_.parse_error = value.get_bool().value();
            return true;
        }
        if (std::string* column = textColumn(key)) {
            if (!value.is_string())
                return fail(key, "a string");
            column->assign(value.get_string().value());
        }
        return true; // unknown members: a later writer's addition
    }

private:
    std::string* textColumn(std::string_view key)
    {
        struct Column {
            std::string_view name;
            std::string Event::*member;
        };
        static constexpr Column kColumns[] = {
            {"host", &Event::host},           {"app", &Event::app},         {"category", &Event::category},
            {"action", &Event::action},       {"outcome", &Event::outcome}, {"user_name", &Event::user_name},
            {"source_ip", &Event::source_ip}, {"dest_ip", &Event::dest_ip}, {"process", &Event::process},
            {"format", &Event::format},       {"message", &Event::message}, {"raw", &Event::raw},
        };
        for (const Column& column : kColumns)
            if (column.name == key)
                return &(event_.*column.member);
        return nullptr;
    }

    bool fail(std::string_view key, std::string_view expected)
    {
        error_ = "\"" + std::string(key) + "\" must be " + std::string(expected);
        return false;
    }

    bool time(std::string_view key, simdjson::dom::element value, Timestamp& out)
    {
        const auto parsed =
            value.is_string() ? query::parseIsoTimestamp(value.get_string().value()) : std::nullopt;
        if (!parsed)
            return fail(key, "an RFC 3339 timestamp");
        out = parsed->ts;
        return true;
    }

    template <typename Int>
    bool integer(std::string_view key, simdjson::dom::element value, std::optional<Int>& out)
    {
        if (!value.is_int64())
            return fail(key, "an integer");
        const std::int64_t number = value.get_int64().value();
        if (number < std::numeric_limits<Int>::min() || number > std::numeric_limits<Int>::max())
            return fail(key, "a smaller integer");
        out = static_cast<Int>(number);
        return true;
    }

    bool fields(simdjson::dom::element value)
    {
        simdjson::dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS)
            return fail("fields", "an object of strings");
        for (const auto field : object) {
            if (!field.value.is_string())
                return fail("fields", "an object of strings");
            event_.fields.emplace_back(field.key, field.value.get_string().value());
        }
        return true;
    }

    Event& event_;
    std::string& error_;
};

} // namespace

std::optional<Event> eventFromJson(std::string_view json, std::string& error)
{
    error.clear();
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(simdjson::padded_string(json)).get(root) != simdjson::SUCCESS || !root.is_object())
        return std::nullopt;
    const simdjson::dom::object object = root.get_object().value();
    simdjson::dom::element ts;
    simdjson::dom::element format;
    if (object["ts"].get(ts) != simdjson::SUCCESS || object["format"].get(format) != simdjson::SUCCESS ||
        !ts.is_string() || !format.is_string())
        return std::nullopt; // not an event line
    Event event;
    EventJsonReader reader(event, error);
    bool has_received_at = false;
    for (const auto member : object) {
        has_received_at = has_received_at || member.key == "received_at";
        if (!reader.member(member.key, member.value))
            return std::nullopt;
    }
    if (!has_received_at)
        event.received_at = event.ts;
    return event;
}

} // namespace vigie
