// Event files for `vigiectl rules test` (event_input.h): records split by brace depth outside
// JSON strings, so pretty-printed objects may follow each other without separators.
#include "detect/event_input.h"

#include "event/event_json.h"
#include "parse/record_parser.h"

#include <fstream>
#include <sstream>

namespace vigie::detect {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The end of the JSON object starting at text[begin] == '{' (one past its closing brace), or
// text.size() when it never closes. Counts the newlines it passes into `lines`.
std::size_t objectEnd(std::string_view text, std::size_t begin, std::size_t& lines)
{
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = begin; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n')
            ++lines;
        if (in_string) {
            if (c == '\\')
                ++i; // an escaped quote or backslash; an escaped newline cannot occur in JSON
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i + 1;
    }
    return text.size();
}

} // namespace

void forEachEventInText(std::string_view text, std::string_view origin, Timestamp received_at,
                        const EventSink& sink)
{
    const parse::Context context{received_at, {}};
    std::size_t line = 1;
    std::size_t i = 0;
    std::string error;
    while (i < text.size()) {
        if (isSpace(text[i])) {
            if (text[i] == '\n')
                ++line;
            ++i;
            continue;
        }
        const std::size_t start_line = line;
        if (text[i] == '{') {
            const std::size_t end = objectEnd(text, i, line);
            const std::string_view object = text.substr(i, end - i);
            i = end;
            if (auto event = eventFromJson(object, error)) {
                sink(start_line, std::move(*event));
                continue;
            }
            if (!error.empty())
                throw EventInputError(std::string(origin) + ":" + std::to_string(start_line) + ": " + error);
            sink(start_line, parse::parseRecord(object, parse::Format::Auto, context));
            continue;
        }
        std::size_t end = text.find('\n', i);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view record = text.substr(i, end - i);
        while (!record.empty() && record.back() == '\r')
            record.remove_suffix(1);
        i = end;
        sink(start_line, parse::parseRecord(record, parse::Format::Auto, context));
    }
}

void forEachEvent(const std::filesystem::path& path, const EventSink& sink)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw EventInputError(path.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw EventInputError(path.string() + ": read error");
    forEachEventInText(text.str(), path.string(), nowTimestamp(), sink);
}

} // namespace vigie::detect
