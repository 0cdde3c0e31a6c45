#include "parse/json_flatten.h"

#include "event/json_text.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

namespace vigie::parse::detail {

namespace ondemand = simdjson::ondemand;

namespace {

// Deeper nesting is refused rather than recursed into: log records are a few levels deep, and
// On Demand itself puts no bound on depth.
constexpr int kMaxDepth = 128;
// A parser grown by one outsized record is dropped before the next ordinary one, so a single
// 100 MB line does not pin 100s of MB per worker thread for ever.
constexpr std::size_t kKeptCapacity = std::size_t{4} << 20;

const char* describe(simdjson::error_code code)
{
    switch (code) {
    case simdjson::UNCLOSED_STRING:
        return "invalid JSON: unclosed string";
    case simdjson::UTF8_ERROR:
        return "invalid JSON: invalid UTF-8";
    case simdjson::UNESCAPED_CHARS:
        return "invalid JSON: unescaped control character in a string";
    case simdjson::STRING_ERROR:
        return "invalid JSON: bad escape sequence in a string";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return "invalid JSON: unclosed object or array";
    case simdjson::EMPTY:
        return "invalid JSON: empty record";
    case simdjson::CAPACITY:
        return "invalid JSON: record too large";
    case simdjson::MEMALLOC:
        return "invalid JSON: out of memory";
    case simdjson::NUMBER_ERROR:
        return "invalid JSON: bad number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return "invalid JSON: bad literal (expected true, false or null)";
    default: // TAPE_ERROR, INCORRECT_TYPE...: a misplaced comma, colon, brace or value
        return "invalid JSON: unexpected character";
    }
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// On Demand's raw tokens run up to the next token, spaces included.
std::string_view trimToken(std::string_view token)
{
    while (!token.empty() && isJsonSpace(token.back()))
        token.remove_suffix(1);
    return token;
}

// RFC 8259 number grammar. On Demand only checks numbers it is asked to convert, and Vigie keeps
// the text instead (no rounding, no limit on size), so the grammar is checked here.
bool isJsonNumber(std::string_view t)
{
    std::size_t i = 0;
    const std::size_t n = t.size();
    if (i < n && t[i] == '-')
        ++i;
    if (i >= n)
        return false;
    if (t[i] == '0') {
        ++i;
    } else if (t[i] >= '1' && t[i] <= '9') {
        while (i < n && isDigit(t[i]))
            ++i;
    } else {
        return false;
    }
    if (i < n && t[i] == '.') {
        const std::size_t first = ++i;
        while (i < n && isDigit(t[i]))
            ++i;
        if (i == first)
            return false;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            ++i;
        const std::size_t first = i;
        while (i < n && isDigit(t[i]))
            ++i;
        if (i == first)
            return false;
    }
    return i == n;
}

// Stage 1 reports string faults without a position; found again here, on the error path only.
// Returns the offset of the first raw control character inside a string, else of the quote
// opening a string that never closes.
std::size_t locateStringFault(std::string_view text)
{
    bool in_string = false;
    std::size_t opened = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!in_string) {
            if (c == '"') {
                in_string = true;
                opened = i;
            }
        } else if (c == '\\') {
            ++i;
        } else if (c == '"') {
            in_string = false;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            return i;
        }
    }
    return in_string ? opened : text.size();
}

// Offset of the first byte that is not part of a valid UTF-8 sequence (error path only).
std::size_t locateInvalidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned min = 0;
        unsigned code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2, min = 0x80, code = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3, min = 0x800, code = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4, min = 0x10000, code = c & 0x07;
        } else {
            return i;
        }
        if (i + length > text.size())
            return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (cc & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return text.size();
}

} // namespace

struct FlatJson::Engine {
    ondemand::parser parser;
    std::unique_ptr<char[]> buffer; // the record plus SIMDJSON_PADDING readable bytes
    std::size_t capacity = 0;
};

// Walks one document into the FlatJson's leaves. Every function returns false after recording
// the first fault (reason and position); parse() turns that into the ParseFailure.
class FlatJsonWalker {
public:
    explicit FlatJsonWalker(FlatJson& flat) : flat_(flat) {}

    bool walkObject(ondemand::object& object, int depth)
    {
        for (auto result : object) {
            ondemand::field field;
            if (auto error = std::move(result).get(field))
                return fail(error);
            std::string_view key;
            if (auto error = field.unescaped_key().get(key))
                return fail(error);
            ondemand::value value = field.value();
            if (!addValue(key, value, depth))
                return false;
        }
        return true;
    }

    const char* reason() const { return reason_; }
    const char* where() const { return at_; }

private:
    bool fail(simdjson::error_code error)
    {
        reason_ = describe(error);
        return false;
    }
    bool fail(const char* reason, const char* at)
    {
        reason_ = reason;
        at_ = at;
        return false;
    }

    void pushLeaf(std::string_view key, std::string_view value, JsonType type)
    {
        auto& leaves = flat_.leaves_;
        if (flat_.path_.empty()) {
            // Top-level keys live in the parser's string buffer already: no copy.
            leaves.push_back({key, value, type, false});
            return;
        }
        const auto offset = static_cast<std::uint32_t>(flat_.keys_.size());
        flat_.keys_.append(flat_.path_).append(key);
        flat_.deferred_keys_.push_back({static_cast<std::uint32_t>(leaves.size()), offset,
                                        static_cast<std::uint32_t>(flat_.keys_.size() - offset)});
        leaves.push_back({{}, value, type, false});
    }

    bool addValue(std::string_view key, ondemand::value& value, int depth)
    {
        ondemand::json_type type;
        if (auto error = value.type().get(type))
            return fail(error);
        switch (type) {
        case ondemand::json_type::object: {
            if (depth + 1 >= kMaxDepth)
                return fail("invalid JSON: nested deeper than 128 levels", value.raw_json_token().data());
            ondemand::object child;
            if (auto error = value.get_object().get(child))
                return fail(error);
            const std::size_t mark = flat_.path_.size();
            flat_.path_.append(key).push_back('.');
            const bool ok = walkObject(child, depth + 1);
            flat_.path_.resize(mark);
            return ok;
        }
        case ondemand::json_type::array: {
            const auto offset = static_cast<std::uint32_t>(flat_.arrays_.size());
            if (!appendCompact(value, depth + 1))
                return false;
            flat_.deferred_arrays_.push_back({static_cast<std::uint32_t>(flat_.leaves_.size()), offset,
                                              static_cast<std::uint32_t>(flat_.arrays_.size() - offset)});
            pushLeaf(key, {}, JsonType::Array);
            return true;
        }
        case ondemand::json_type::string: {
            std::string_view text;
            if (auto error = value.get_string().get(text))
                return fail(error);
            pushLeaf(key, text, JsonType::String);
            return true;
        }
        case ondemand::json_type::number: {
            const std::string_view token = trimToken(value.raw_json_token());
            if (!isJsonNumber(token))
                return fail(describe(simdjson::NUMBER_ERROR), token.data());
            pushLeaf(key, token, JsonType::Number);
            return true;
        }
        case ondemand::json_type::boolean: {
            const std::string_view token = trimToken(value.raw_json_token());
            if (token != "true" && token != "false")
                return fail(describe(simdjson::T_ATOM_ERROR), token.data());
            pushLeaf(key, token, JsonType::Bool);
            return true;
        }
        case ondemand::json_type::null: {
            const std::string_view token = trimToken(value.raw_json_token());
            if (token != "null")
                return fail(describe(simdjson::N_ATOM_ERROR), token.data());
            return true; // null says "no value": nothing to keep
        }
        }
        return fail(simdjson::TAPE_ERROR);
    }

    // Writes `value` as compact JSON into arrays_: strings re-escaped from their unescaped
    // text (so every escape is checked, and "\/" or "\u00e9" come out in one canonical form).
    bool appendCompact(ondemand::value& value, int depth)
    {
        std::string& out = flat_.arrays_;
        const std::string_view token = trimToken(value.raw_json_token());
        if (depth >= kMaxDepth)
            return fail("invalid JSON: nested deeper than 128 levels", token.data());
        ondemand::json_type type;
        if (auto error = value.type().get(type))
            return fail(error);
        switch (type) {
        case ondemand::json_type::array: {
            ondemand::array array;
            if (auto error = value.get_array().get(array))
                return fail(error);
            out.push_back('[');
            bool first = true;
            for (auto result : array) {
                ondemand::value element;
                if (auto error = std::move(result).get(element))
                    return fail(error);
                if (!first)
                    out.push_back(',');
                first = false;
                if (!appendCompact(element, depth + 1))
                    return false;
            }
            out.push_back(']');
            return true;
        }
        case ondemand::json_type::object: {
            ondemand::object object;
            if (auto error = value.get_object().get(object))
                return fail(error);
            out.push_back('{');
            bool first = true;
            for (auto result : object) {
                ondemand::field field;
                if (auto error = std::move(result).get(field))
                    return fail(error);
                std::string_view key;
                if (auto error = field.unescaped_key().get(key))
                    return fail(error);
                if (!first)
                    out.push_back(',');
                first = false;
                appendJsonString(out, key);
                out.push_back(':');
                ondemand::value member = field.value();
                if (!appendCompact(member, depth + 1))
                    return false;
            }
            out.push_back('}');
            return true;
        }
        case ondemand::json_type::string: {
            std::string_view text;
            if (auto error = value.get_string().get(text))
                return fail(error);
            appendJsonString(out, text);
            return true;
        }
        case ondemand::json_type::number:
            if (!isJsonNumber(token))
                return fail(describe(simdjson::NUMBER_ERROR), token.data());
            out.append(token);
            return true;
        case ondemand::json_type::boolean:
        case ondemand::json_type::null:
            if (token != "true" && token != "false" && token != "null")
                return fail(describe(simdjson::N_ATOM_ERROR), token.data());
            out.append(token);
            return true;
        }
        return fail(simdjson::TAPE_ERROR);
    }

    FlatJson& flat_;
    const char* reason_ = nullptr;
    const char* at_ = nullptr;
};

FlatJson::FlatJson() : engine_(std::make_unique<Engine>()) {}
FlatJson::~FlatJson() = default;

bool FlatJson::parse(std::string_view text, std::size_t column_base, ParseFailure& failure)
{
    leaves_.clear();
    path_.clear();
    keys_.clear();
    arrays_.clear();
    deferred_keys_.clear();
    deferred_arrays_.clear();
    kept_.clear();

    // A raw NUL is never valid JSON, and stage 1 would take it for part of a scalar.
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        failure = {column_base + static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()),
                   "invalid JSON: NUL byte"};
        return false;
    }

    Engine& engine = *engine_;
    if (engine.capacity > kKeptCapacity && text.size() < kKeptCapacity) {
        engine.parser = ondemand::parser{};
        engine.buffer.reset();
        engine.capacity = 0;
    }
    // The caller's bytes may end anywhere; simdjson reads up to SIMDJSON_PADDING past the end.
    const std::size_t needed = text.size() + simdjson::SIMDJSON_PADDING;
    if (engine.capacity < needed) {
        engine.capacity = std::max<std::size_t>({needed, engine.capacity * 2, 4096});
        engine.buffer = std::make_unique_for_overwrite<char[]>(engine.capacity);
    }
    char* const base = engine.buffer.get();
    std::memcpy(base, text.data(), text.size());
    std::memset(base + text.size(), 0, simdjson::SIMDJSON_PADDING);

    const auto failAt = [&](const char* reason, std::size_t offset) {
        failure = {column_base + std::min(offset, text.size()), reason};
        return false;
    };

    ondemand::document document;
    if (auto error = engine.parser.iterate(base, text.size(), engine.capacity).get(document)) {
        if (error == simdjson::UTF8_ERROR)
            return failAt(describe(error), locateInvalidUtf8(text));
        if (error == simdjson::UNCLOSED_STRING || error == simdjson::UNESCAPED_CHARS)
            return failAt(describe(error), locateStringFault(text));
        return failAt(describe(error), 0);
    }
    const auto location = [&]() -> std::size_t {
        const char* at = nullptr;
        if (document.current_location().get(at) || at < base)
            return text.size();
        return static_cast<std::size_t>(at - base);
    };

    ondemand::json_type type;
    if (auto error = document.type().get(type))
        return failAt(describe(error), 0);
    if (type != ondemand::json_type::object)
        return failAt("JSON record is not an object", 0);
    ondemand::object root;
    if (auto error = document.get_object().get(root))
        return failAt(describe(error), error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ? text.size() : 0);

    FlatJsonWalker walker(*this);
    if (!walker.walkObject(root, 0)) {
        const std::size_t at = walker.where() ? static_cast<std::size_t>(walker.where() - base) : location();
        return failAt(walker.reason(), at);
    }
    const char* rest = nullptr;
    if (!document.current_location().get(rest)) // anything left after the closing brace
        return failAt("invalid JSON: trailing content after the object",
                      static_cast<std::size_t>(rest - base));

    for (const Deferred& d : deferred_keys_)
        leaves_[d.leaf].key = std::string_view(keys_).substr(d.offset, d.length);
    for (const Deferred& d : deferred_arrays_)
        leaves_[d.leaf].value = std::string_view(arrays_).substr(d.offset, d.length);
    return true;
}

std::string_view FlatJson::keep(std::string text)
{
    return kept_.emplace_back(std::move(text));
}

void FlatJson::appendFields(Event& event) const
{
    event.fields.reserve(event.fields.size() + leaves_.size());
    for (const JsonLeaf& leaf : leaves_)
        if (!leaf.taken)
            event.fields.emplace_back(leaf.key, leaf.value);
}

FlatJson& threadFlatJson()
{
    thread_local FlatJson flat;
    return flat;
}

} // namespace vigie::parse::detail
