#include "event/event_json.h"

#include "event/json_text.h"

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

} // namespace vigie
