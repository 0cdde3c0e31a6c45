// Dashboard JSON format v1: reader (simdjson DOM, every error with its JSON path), checks, tile
// push-down and the canonical writer. Pure functions: any thread.
#include "dashboard/dashboard_spec.h"

#include "event/json_dom.h"
#include "event/json_text.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <optional>
#include <set>

namespace vigie::dashboard {
namespace {

namespace dom = simdjson::dom;

constexpr std::array kAggregationKinds = {"count_over_time", "top",      "distinct", "sum", "avg",
                                          "total",           "baseline", "heatmap",  "list"};
constexpr std::array kVisualizationKinds = {"line",  "area",  "stacked_bar", "bar",    "pie",
                                            "donut", "table", "number",      "heatmap"};
constexpr std::array kColors = {"auto", "severity", "level"};
constexpr std::array kBuckets = {"auto", "1m", "10m", "1h", "1d"};
constexpr std::array kOrders = {"desc", "asc"};
constexpr std::array kSources = {"events", "alerts"};

std::string child(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string indexed(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

std::string jsonQuoted(std::string_view text)
{
    std::string out;
    appendJsonString(out, text);
    return out;
}

template <std::size_t N>
void checkChoice(const std::string& path, const std::string& value, const std::array<const char*, N>& allowed)
{
    if (std::find(allowed.begin(), allowed.end(), std::string_view(value)) != allowed.end())
        return;
    std::string list;
    for (const char* option : allowed)
        list += (list.empty() ? "" : ", ") + std::string(option);
    throw DashboardFormatError(path,
                               "unknown value " + jsonQuoted(value) + " (expected one of: " + list + ")");
}

void checkRange(const std::string& path, long long value, long long low, long long high)
{
    if (value < low || value > high)
        throw DashboardFormatError(path, std::to_string(value) + " is out of range (" + std::to_string(low) +
                                             " to " + std::to_string(high) + ")");
}

// One JSON object being read: each key is taken at most once by the getters; finish() refuses
// the keys nobody took, except "x-" ones which are kept.
class ObjectReader {
public:
    ObjectReader(dom::element element, std::string path) : path_(std::move(path))
    {
        if (element.get(object_) != simdjson::SUCCESS)
            throw DashboardFormatError(path_, "expected an object");
    }

    const std::string& path() const { return path_; }

    std::optional<dom::element> take(std::string_view key)
    {
        taken_.insert(std::string(key));
        return jsonMember(object_, key);
    }

    dom::element require(std::string_view key)
    {
        auto value = take(key);
        if (!value)
            throw DashboardFormatError(child(path_, key), "missing");
        return *value;
    }

    std::string text(std::string_view key, std::string fallback = {})
    {
        const auto value = take(key);
        return value ? textOf(*value, child(path_, key)) : fallback;
    }

    std::string requiredText(std::string_view key) { return textOf(require(key), child(path_, key)); }

    int requiredInteger(std::string_view key) { return integerOf(require(key), child(path_, key)); }

    int integer(std::string_view key, int fallback)
    {
        const auto value = take(key);
        return value ? integerOf(*value, child(path_, key)) : fallback;
    }

    bool boolean(std::string_view key, bool fallback)
    {
        const auto value = take(key);
        if (!value)
            return fallback;
        bool flag = false;
        if (value->get(flag) != simdjson::SUCCESS)
            throw DashboardFormatError(child(path_, key), "expected true or false");
        return flag;
    }

    // `why` completes "unknown key" for keys a kind does not use.
    Extensions finish(const std::string& why = {})
    {
        Extensions extensions;
        for (const auto [key, value] : object_) {
            if (taken_.contains(std::string(key)))
                continue;
            if (!key.starts_with("x-"))
                throw DashboardFormatError(child(path_, key), "unknown key" + why);
            extensions.emplace_back(std::string(key), simdjson::minify(value));
        }
        return extensions;
    }

    static std::string textOf(dom::element value, const std::string& path)
    {
        auto text = jsonText(value);
        if (!text)
            throw DashboardFormatError(path, "expected a string");
        return std::move(*text);
    }

    static int integerOf(dom::element value, const std::string& path)
    {
        const auto number = jsonWholeNumber(value);
        if (!number)
            throw DashboardFormatError(path,
                                       value.is_double() ? "expected a whole number" : "expected a number");
        if (*number < std::numeric_limits<int>::min() || *number > std::numeric_limits<int>::max())
            throw DashboardFormatError(path, std::to_string(*number) + " is out of range");
        return static_cast<int>(*number);
    }

private:
    dom::object object_;
    std::string path_;
    std::set<std::string> taken_;
};

template <typename Read> void forEach(dom::element value, const std::string& path, Read read)
{
    dom::array array;
    if (value.get(array) != simdjson::SUCCESS)
        throw DashboardFormatError(path, "expected an array");
    std::size_t index = 0;
    for (const auto element : array) {
        read(element, indexed(path, index));
        ++index;
    }
}

TimeSpec readTime(dom::element value, const std::string& path)
{
    ObjectReader in(value, path);
    TimeSpec time;
    time.relative = in.text("relative");
    time.from = in.text("from");
    time.to = in.text("to");
    in.finish();
    if (time.relative.empty() && time.from.empty() && time.to.empty())
        throw DashboardFormatError(path, "give either relative, or from and to");
    return time;
}

VariableSpec readVariable(dom::element value, const std::string& path)
{
    ObjectReader in(value, path);
    VariableSpec variable;
    variable.name = in.requiredText("name");
    variable.label = in.text("label", variable.name);
    variable.field = in.requiredText("field");
    variable.values_query = in.text("values_query");
    variable.include_all = in.boolean("include_all", true);
    variable.default_value = in.text("default", variable.include_all ? "*" : "");
    variable.extensions = in.finish();
    return variable;
}

AggregationSpec readAggregation(dom::element value, const std::string& path)
{
    ObjectReader in(value, path);
    AggregationSpec aggregation;
    aggregation.kind = in.requiredText("kind");
    checkChoice(child(path, "kind"), aggregation.kind, kAggregationKinds);
    const auto& kind = aggregation.kind;
    if (kind == "count_over_time") {
        aggregation.bucket = in.text("bucket", "auto");
        aggregation.split_by = in.text("split_by");
        aggregation.split_limit = in.integer("split_limit", aggregation.split_limit);
    } else if (kind == "top") {
        aggregation.field = in.requiredText("field");
        aggregation.limit = in.integer("limit", 10);
        aggregation.order = in.text("order", "desc");
    } else if (kind == "distinct") {
        aggregation.field = in.requiredText("field");
    } else if (kind == "sum" || kind == "avg") {
        aggregation.field = in.requiredText("field");
        aggregation.bucket = in.text("bucket");
    } else if (kind == "baseline") {
        aggregation.bucket = in.text("bucket", "auto");
        aggregation.detector = in.text("detector");
        aggregation.entity = in.text("entity");
    } else if (kind == "list") {
        if (const auto columns = in.take("columns"))
            forEach(*columns, child(path, "columns"), [&](dom::element column, const std::string& at) {
                aggregation.columns.push_back(ObjectReader::textOf(column, at));
            });
        aggregation.limit = in.integer("limit", 20);
    }
    aggregation.extensions = in.finish(" for kind " + jsonQuoted(kind));
    return aggregation;
}

VisualizationSpec readVisualization(dom::element value, const std::string& path)
{
    ObjectReader in(value, path);
    VisualizationSpec visualization;
    visualization.kind = in.requiredText("kind");
    checkChoice(child(path, "kind"), visualization.kind, kVisualizationKinds);
    visualization.colors = in.text("colors", "auto");
    visualization.band = in.boolean("band", false);
    visualization.trend = in.boolean("trend", false);
    visualization.sparkline = in.boolean("sparkline", false);
    visualization.extensions = in.finish();
    return visualization;
}

TileSpec readTile(dom::element value, const std::string& path)
{
    ObjectReader in(value, path);
    TileSpec tile;
    tile.id = in.requiredText("id");
    tile.title = in.text("title");
    tile.x = in.requiredInteger("x");
    tile.y = in.requiredInteger("y");
    tile.w = in.requiredInteger("w");
    tile.h = in.requiredInteger("h");
    tile.source = in.text("source", "events");
    tile.query = in.text("query");
    tile.aggregation = readAggregation(in.require("aggregation"), child(path, "aggregation"));
    tile.visualization = readVisualization(in.require("visualization"), child(path, "visualization"));
    tile.drilldown = in.boolean("drilldown", true);
    tile.extensions = in.finish();
    return tile;
}

GridSpec readGrid(dom::element value, const std::string& path)
{
    ObjectReader in(value, path);
    GridSpec grid;
    grid.columns = in.integer("columns", grid.columns);
    grid.row_height = in.integer("row_height", grid.row_height);
    in.finish();
    return grid;
}

void checkFormatAndVersion(ObjectReader& in)
{
    const auto format = in.requiredText("format");
    if (format != kFormatName)
        throw DashboardFormatError("format", "expected " + jsonQuoted(kFormatName) + ", found " +
                                                 jsonQuoted(format) + ": this is not a Vigie dashboard");
    const int version = in.requiredInteger("version");
    if (version > kFormatVersion)
        throw DashboardFormatError("version",
                                   "this dashboard was made by a newer Vigie (format version " +
                                       std::to_string(version) + "; this Vigie reads up to version " +
                                       std::to_string(kFormatVersion) + "): update Vigie to open it");
    if (version < 1)
        throw DashboardFormatError("version",
                                   std::to_string(version) + " is not a format version (they start at 1)");
}

// --- checks ---------------------------------------------------------------------------------

bool isHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

bool isUuid(std::string_view text)
{
    return text.size() == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-' &&
           isHex(text.substr(0, 8)) && isHex(text.substr(9, 4)) && isHex(text.substr(14, 4)) &&
           isHex(text.substr(19, 4)) && isHex(text.substr(24));
}

bool isIdentifier(std::string_view text)
{
    return !text.empty() && (std::isalpha(static_cast<unsigned char>(text[0])) != 0 || text[0] == '_') &&
           std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; });
}

bool isDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// "-15m", "-24h", "-30d": a whole number of minutes, hours or days back from now.
bool isRelativeRange(std::string_view text)
{
    return text.size() >= 3 && text.size() <= 7 && text.front() == '-' &&
           std::string_view("mhd").find(text.back()) != std::string_view::npos &&
           isDigits(text.substr(1, text.size() - 2)) && text[1] != '0';
}

// "2026-11-22T08:00:00Z": one fixed RFC 3339 form, so that the text compares as the time does.
bool isUtcTimestamp(std::string_view text)
{
    return text.size() == 20 && isDigits(text.substr(0, 4)) && text[4] == '-' &&
           isDigits(text.substr(5, 2)) && text[7] == '-' && isDigits(text.substr(8, 2)) && text[10] == 'T' &&
           isDigits(text.substr(11, 2)) && text[13] == ':' && isDigits(text.substr(14, 2)) &&
           text[16] == ':' && isDigits(text.substr(17, 2)) && text[19] == 'Z';
}

std::size_t codePoints(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

void checkTime(const TimeSpec& time)
{
    if (time.isRelative()) {
        if (!time.from.empty() || !time.to.empty())
            throw DashboardFormatError("time", "give either relative, or from and to, not both");
        if (!isRelativeRange(time.relative))
            throw DashboardFormatError("time.relative", jsonQuoted(time.relative) +
                                                            " is not a relative range such as \"-15m\", "
                                                            "\"-24h\" or \"-7d\"");
        return;
    }
    for (const auto& [key, value] : {std::pair{"from", &time.from}, std::pair{"to", &time.to}})
        if (!isUtcTimestamp(*value))
            throw DashboardFormatError(child("time", key), jsonQuoted(*value) + " is not a UTC time such as "
                                                                                "\"2026-11-22T08:00:00Z\"");
    if (time.from >= time.to)
        throw DashboardFormatError("time.to", "must be later than time.from");
}

void checkAggregation(const AggregationSpec& aggregation, const std::string& path)
{
    checkChoice(child(path, "kind"), aggregation.kind, kAggregationKinds);
    const auto& kind = aggregation.kind;
    const bool usesField = kind == "top" || kind == "distinct" || kind == "sum" || kind == "avg";
    if (usesField && trimmed(aggregation.field).empty())
        throw DashboardFormatError(child(path, "field"),
                                   "missing: kind " + jsonQuoted(kind) + " needs a field");
    if (kind == "count_over_time" || kind == "baseline" ||
        ((kind == "sum" || kind == "avg") && !aggregation.bucket.empty()))
        checkChoice(child(path, "bucket"), aggregation.bucket, kBuckets);
    if (kind == "count_over_time")
        checkRange(child(path, "split_limit"), aggregation.split_limit, 1, 20);
    if (kind == "top") {
        checkRange(child(path, "limit"), aggregation.limit, 1, 100);
        checkChoice(child(path, "order"), aggregation.order, kOrders);
    }
    if (kind == "list")
        checkRange(child(path, "limit"), aggregation.limit, 1, 500);
}

void checkTile(const TileSpec& tile, const std::string& path)
{
    if (trimmed(tile.id).empty())
        throw DashboardFormatError(child(path, "id"), "must not be empty");
    checkRange(child(path, "w"), tile.w, kMinTileSpan, kMaxTileSpan);
    checkRange(child(path, "h"), tile.h, kMinTileSpan, kMaxTileSpan);
    checkRange(child(path, "x"), tile.x, 0, kGridColumns - tile.w);
    checkRange(child(path, "y"), tile.y, 0, 10000);
    if (tile.source == "incidents")
        throw DashboardFormatError(child(path, "source"),
                                   "\"incidents\" is reserved for a later version of the format");
    checkChoice(child(path, "source"), tile.source, kSources);
    checkAggregation(tile.aggregation, child(path, "aggregation"));
    checkChoice(child(path, "visualization.kind"), tile.visualization.kind, kVisualizationKinds);
    checkChoice(child(path, "visualization.colors"), tile.visualization.colors, kColors);
}

// --- writer ---------------------------------------------------------------------------------

// Members of one object, written either one per line (indented) or on one line.
class ObjectWriter {
public:
    ObjectWriter(std::string& out, int indent, bool multiline)
        : out_(out), indent_(indent), multiline_(multiline)
    {
        out_ += '{';
    }

    void text(std::string_view key, std::string_view value) { appendJsonString(this->key(key), value); }
    void integer(std::string_view key, int value) { this->key(key) += std::to_string(value); }
    void boolean(std::string_view key, bool value) { this->key(key) += value ? "true" : "false"; }
    void raw(std::string_view key, std::string_view json) { this->key(key) += json; }
    std::string& key(std::string_view key)
    {
        if (multiline_) {
            out_ += first_ ? "\n" : ",\n";
            out_.append(static_cast<std::size_t>(indent_ + 2), ' ');
        } else if (!first_) {
            out_ += ", ";
        }
        first_ = false;
        appendJsonString(out_, key);
        out_ += ": ";
        return out_;
    }
    void extensions(const Extensions& extensions)
    {
        for (const auto& [name, json] : extensions)
            raw(name, json);
    }
    void close()
    {
        if (multiline_ && !first_) {
            out_ += '\n';
            out_.append(static_cast<std::size_t>(indent_), ' ');
        }
        out_ += '}';
    }

private:
    std::string& out_;
    int indent_;
    bool multiline_;
    bool first_ = true;
};

// An array whose elements each start on their own line at `indent + 2`.
template <typename T, typename Write>
void writeArray(std::string& out, int indent, const std::vector<T>& items, Write write)
{
    if (items.empty()) {
        out += "[]";
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out.append(static_cast<std::size_t>(indent + 2), ' ');
        write(items[i]);
    }
    out += '\n';
    out.append(static_cast<std::size_t>(indent), ' ');
    out += ']';
}

void writeAggregation(std::string& out, const AggregationSpec& aggregation)
{
    ObjectWriter object(out, 0, false);
    const auto& kind = aggregation.kind;
    object.text("kind", kind);
    if (kind == "count_over_time") {
        object.text("bucket", aggregation.bucket);
        if (!aggregation.split_by.empty()) {
            object.text("split_by", aggregation.split_by);
            object.integer("split_limit", aggregation.split_limit);
        }
    } else if (kind == "top") {
        object.text("field", aggregation.field);
        object.integer("limit", aggregation.limit);
        object.text("order", aggregation.order);
    } else if (kind == "distinct") {
        object.text("field", aggregation.field);
    } else if (kind == "sum" || kind == "avg") {
        object.text("field", aggregation.field);
        if (!aggregation.bucket.empty())
            object.text("bucket", aggregation.bucket);
    } else if (kind == "baseline") {
        object.text("bucket", aggregation.bucket);
        if (!aggregation.detector.empty())
            object.text("detector", aggregation.detector);
        if (!aggregation.entity.empty())
            object.text("entity", aggregation.entity);
    } else if (kind == "list") {
        std::string& columns = object.key("columns");
        columns += '[';
        for (std::size_t i = 0; i < aggregation.columns.size(); ++i) {
            if (i > 0)
                columns += ", ";
            appendJsonString(columns, aggregation.columns[i]);
        }
        columns += ']';
        object.integer("limit", aggregation.limit);
    }
    object.extensions(aggregation.extensions);
    object.close();
}

void writeVisualization(std::string& out, const VisualizationSpec& visualization)
{
    ObjectWriter object(out, 0, false);
    object.text("kind", visualization.kind);
    if (visualization.colors != "auto")
        object.text("colors", visualization.colors);
    if (visualization.band)
        object.boolean("band", true);
    if (visualization.trend)
        object.boolean("trend", true);
    if (visualization.sparkline)
        object.boolean("sparkline", true);
    object.extensions(visualization.extensions);
    object.close();
}

void writeTile(std::string& out, int indent, const TileSpec& tile)
{
    ObjectWriter object(out, indent, true);
    object.text("id", tile.id);
    object.text("title", tile.title);
    object.integer("x", tile.x);
    object.integer("y", tile.y);
    object.integer("w", tile.w);
    object.integer("h", tile.h);
    object.text("source", tile.source);
    object.text("query", tile.query);
    writeAggregation(object.key("aggregation"), tile.aggregation);
    writeVisualization(object.key("visualization"), tile.visualization);
    object.boolean("drilldown", tile.drilldown);
    object.extensions(tile.extensions);
    object.close();
}

void writeVariable(std::string& out, const VariableSpec& variable)
{
    ObjectWriter object(out, 0, false);
    object.text("name", variable.name);
    object.text("label", variable.label);
    object.text("field", variable.field);
    object.text("values_query", variable.values_query);
    object.boolean("include_all", variable.include_all);
    object.text("default", variable.default_value);
    object.extensions(variable.extensions);
    object.close();
}

bool overlaps(const TileSpec& a, const TileSpec& b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

} // namespace

DashboardFormatError::DashboardFormatError(const std::string& path, const std::string& problem)
    : std::runtime_error(path.empty() ? problem : path + ": " + problem), path_(path), problem_(problem)
{
}

DashboardSpec readDashboard(std::string_view json)
{
    dom::parser parser;
    dom::element root;
    if (const auto error = parser.parse(json.data(), json.size()).get(root); error != simdjson::SUCCESS)
        throw DashboardFormatError({}, std::string("not valid JSON: ") + simdjson::error_message(error));
    ObjectReader in(root, {});
    checkFormatAndVersion(in);
    DashboardSpec spec;
    spec.uid = in.text("uid");
    spec.name = in.requiredText("name");
    spec.builtin = in.text("builtin");
    if (const auto time = in.take("time"))
        spec.time = readTime(*time, "time");
    spec.refresh_seconds = in.integer("refresh_seconds", spec.refresh_seconds);
    if (const auto variables = in.take("variables"))
        forEach(*variables, "variables", [&](dom::element element, const std::string& path) {
            spec.variables.push_back(readVariable(element, path));
        });
    if (const auto grid = in.take("grid"))
        spec.grid = readGrid(*grid, "grid");
    forEach(in.require("tiles"), "tiles", [&](dom::element element, const std::string& path) {
        spec.tiles.push_back(readTile(element, path));
    });
    spec.extensions = in.finish();
    validate(spec);
    pushDownOverlaps(spec.tiles);
    return spec;
}

void validate(const DashboardSpec& spec)
{
    if (!spec.uid.empty() && !isUuid(spec.uid))
        throw DashboardFormatError("uid", jsonQuoted(spec.uid) + " is not a UUID");
    const auto name = trimmed(spec.name);
    if (name.empty() || codePoints(name) > 200)
        throw DashboardFormatError("name", "must hold 1 to 200 characters");
    if (!spec.builtin.empty() && !std::all_of(spec.builtin.begin(), spec.builtin.end(), [](unsigned char c) {
            return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '-';
        }))
        throw DashboardFormatError("builtin",
                                   jsonQuoted(spec.builtin) + " is not a key such as \"soc-overview\"");
    checkTime(spec.time);
    if (spec.refresh_seconds != 0)
        checkRange("refresh_seconds", spec.refresh_seconds, 5, 86400);
    std::set<std::string> names;
    for (std::size_t i = 0; i < spec.variables.size(); ++i) {
        const auto& variable = spec.variables[i];
        const auto path = indexed("variables", i);
        if (!isIdentifier(variable.name))
            throw DashboardFormatError(child(path, "name"),
                                       jsonQuoted(variable.name) +
                                           " is not a variable name (letters, digits and _)");
        if (!names.insert(variable.name).second)
            throw DashboardFormatError(child(path, "name"),
                                       "a second variable named " + jsonQuoted(variable.name));
        if (trimmed(variable.field).empty())
            throw DashboardFormatError(child(path, "field"), "must not be empty");
    }
    checkRange("grid.columns", spec.grid.columns, kGridColumns, kGridColumns);
    checkRange("grid.row_height", spec.grid.row_height, 20, 400);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < spec.tiles.size(); ++i) {
        const auto path = indexed("tiles", i);
        checkTile(spec.tiles[i], path);
        if (!ids.insert(spec.tiles[i].id).second)
            throw DashboardFormatError(child(path, "id"),
                                       "a second tile with id " + jsonQuoted(spec.tiles[i].id));
    }
}

int pushDownOverlaps(std::vector<TileSpec>& tiles)
{
    std::vector<std::size_t> order(tiles.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(tiles[a].y, tiles[a].x) < std::pair(tiles[b].y, tiles[b].x);
    });
    int moved = 0;
    for (std::size_t placed = 0; placed < order.size(); ++placed) {
        auto& tile = tiles[order[placed]];
        const int original = tile.y;
        // Below every earlier tile it overlaps; moving may create a new overlap further down.
        for (bool again = true; again;) {
            again = false;
            for (std::size_t earlier = 0; earlier < placed; ++earlier) {
                const auto& other = tiles[order[earlier]];
                if (overlaps(tile, other)) {
                    tile.y = other.y + other.h;
                    again = true;
                }
            }
        }
        moved += tile.y != original ? 1 : 0;
    }
    return moved;
}

std::string writeDashboard(const DashboardSpec& spec)
{
    std::string out;
    ObjectWriter object(out, 0, true);
    object.text("format", kFormatName);
    object.integer("version", kFormatVersion);
    if (!spec.uid.empty())
        object.text("uid", spec.uid);
    object.text("name", spec.name);
    if (!spec.builtin.empty())
        object.text("builtin", spec.builtin);
    {
        ObjectWriter time(object.key("time"), 0, false);
        if (spec.time.isRelative()) {
            time.text("relative", spec.time.relative);
        } else {
            time.text("from", spec.time.from);
            time.text("to", spec.time.to);
        }
        time.close();
    }
    object.integer("refresh_seconds", spec.refresh_seconds);
    writeArray(object.key("variables"), 2, spec.variables,
               [&](const VariableSpec& variable) { writeVariable(out, variable); });
    {
        ObjectWriter grid(object.key("grid"), 0, false);
        grid.integer("columns", spec.grid.columns);
        grid.integer("row_height", spec.grid.row_height);
        grid.close();
    }
    writeArray(object.key("tiles"), 2, spec.tiles, [&](const TileSpec& tile) { writeTile(out, 4, tile); });
    object.extensions(spec.extensions);
    object.close();
    out += '\n';
    return out;
}

} // namespace vigie::dashboard
