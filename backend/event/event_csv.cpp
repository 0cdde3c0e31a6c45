// CSV rows of Events (event_csv.h).
#include "event/event_csv.h"

#include "event/event_json.h"

namespace vigie {
namespace {

// What spreadsheets read as the start of a formula (OWASP "CSV Injection").
bool looksLikeFormula(std::string_view text)
{
    if (text.empty())
        return false;
    switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

template <typename Int> void appendNumber(std::string& out, const std::optional<Int>& value)
{
    if (value)
        out.append(std::to_string(*value));
}

} // namespace

const std::vector<std::string_view>& csvColumns()
{
    static const std::vector<std::string_view> columns = {
        "time",      "host",      "app",         "severity", "category",  "action",  "outcome",
        "user_name", "source_ip", "source_port", "dest_ip",  "dest_port", "message", "raw"};
    return columns;
}

void appendCsvHeader(std::string& out)
{
    bool first = true;
    for (const auto column : csvColumns()) {
        if (!first)
            out.push_back(',');
        first = false;
        out.append(column); // plain ASCII names: never quoted
    }
    out.append("\r\n");
}

void appendCsvText(std::string& out, std::string_view text)
{
    const bool guard = looksLikeFormula(text);
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote)
        out.push_back('"');
    if (guard)
        out.push_back('\'');
    for (const char c : text) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    if (quote)
        out.push_back('"');
}

std::string formatTimestampMillis(Timestamp ts)
{
    // formatTimestamp ends with six digits of microseconds and 'Z': keep three.
    std::string text = formatTimestamp(ts);
    text.resize(text.size() - 4);
    text.push_back('Z');
    return text;
}

void appendCsvRow(std::string& out, const Event& event)
{
    out.append(formatTimestampMillis(event.ts));
    const auto text = [&out](const std::string& value) {
        out.push_back(',');
        appendCsvText(out, value);
    };
    const auto number = [&out](const auto& value) {
        out.push_back(',');
        appendNumber(out, value);
    };
    text(event.host);
    text(event.app);
    number(event.severity);
    text(event.category);
    text(event.action);
    text(event.outcome);
    text(event.user_name);
    text(event.source_ip);
    number(event.source_port);
    text(event.dest_ip);
    number(event.dest_port);
    text(event.message);
    text(event.raw);
    out.append("\r\n");
}

} // namespace vigie
