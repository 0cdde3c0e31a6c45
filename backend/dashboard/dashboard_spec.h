#pragma once
// Dashboard JSON format v1 (docs/DASHBOARDS.md): the structs an open dashboard is edited as,
// the reader (checks everything, errors name the JSON path) and the canonical writer (fixed
// key order, integers only, so save -> reload -> export gives the same bytes). Pure values and
// functions: any thread.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::dashboard {

inline constexpr std::string_view kFormatName = "vigie.dashboard";
// The newest version this build reads and the one it writes. A later version adds an upgrade
// step in the reader (v1 -> v2), never a second writer.
inline constexpr int kFormatVersion = 1;
inline constexpr int kGridColumns = 12;
inline constexpr int kMinTileSpan = 2; // w and h, in grid cells
inline constexpr int kMaxTileSpan = 12;

// Keys starting with "x-" (tools' own data) are kept, in read order, as minified JSON values;
// any other unknown key is an error.
using Extensions = std::vector<std::pair<std::string, std::string>>;

// Either relative ("-24h": minutes m, hours h or days d back from now) or absolute (from/to,
// RFC 3339 UTC such as "2026-11-22T08:00:00Z").
struct TimeSpec {
    std::string relative = "-24h";
    std::string from;
    std::string to;
    bool isRelative() const { return !relative.empty(); }
    bool operator==(const TimeSpec&) const = default;
};

struct VariableSpec {
    std::string name;         // used as $name in tile queries
    std::string label;        // shown in the variables bar
    std::string field;        // the field its values come from
    std::string values_query; // restricts the values offered ("" = all events)
    bool include_all = true;  // offers "All" (the value "*")
    std::string default_value = "*";
    Extensions extensions;
    bool operator==(const VariableSpec&) const = default;
};

// Which keys are used depends on `kind` (see docs/DASHBOARDS.md); the others keep their
// defaults and are not written.
struct AggregationSpec {
    std::string kind = "count_over_time"; // count_over_time top distinct sum avg total baseline heatmap list
    std::string bucket = "auto";          // auto 1m 10m 1h 1d; sum/avg: "" = one number
    std::string split_by;                 // count_over_time: a field, "" = one series
    int split_limit = 5;
    std::string field;                // top distinct sum avg
    int limit = 10;                   // top, list
    std::string order = "desc";       // top: desc, or asc for rare values
    std::string detector;             // baseline
    std::string entity;               // baseline, e.g. "host=$host"
    std::vector<std::string> columns; // list
    Extensions extensions;
    bool operator==(const AggregationSpec&) const = default;
};

struct VisualizationSpec {
    std::string kind = "line";   // line area stacked_bar bar pie donut table number heatmap
    std::string colors = "auto"; // auto severity level
    bool band = false;           // line/area with a baseline: the usual range
    bool trend = false;          // number: change vs the previous period of equal length
    bool sparkline = false;      // number
    Extensions extensions;
    bool operator==(const VisualizationSpec&) const = default;
};

struct TileSpec {
    std::string id; // unique within the dashboard
    std::string title;
    int x = 0;
    int y = 0;
    int w = 4;
    int h = 4;
    std::string source = "events"; // events or alerts
    std::string query;             // query language, may use $variables
    AggregationSpec aggregation;
    VisualizationSpec visualization;
    bool drilldown = true;
    Extensions extensions;
    bool operator==(const TileSpec&) const = default;
};

struct GridSpec {
    int columns = kGridColumns;
    int row_height = 60; // pixels
    bool operator==(const GridSpec&) const = default;
};

struct DashboardSpec {
    std::string uid; // UUID; "" until stored (the store assigns one)
    std::string name;
    std::string builtin; // shipped dashboard key, "" for the analyst's own
    TimeSpec time;
    int refresh_seconds = 60; // 0 = no automatic refresh
    std::vector<VariableSpec> variables;
    GridSpec grid;
    std::vector<TileSpec> tiles;
    Extensions extensions;
    bool operator==(const DashboardSpec&) const = default;
};

// A definition that cannot be used: `path` is where (e.g. "tiles[3].aggregation.kind", empty
// for the whole text) and what() reads "tiles[3].aggregation.kind: unknown value \"median\"".
class DashboardFormatError : public std::runtime_error {
public:
    DashboardFormatError(const std::string& path, const std::string& problem);
    const std::string& path() const { return path_; }
    const std::string& problem() const { return problem_; }

private:
    std::string path_;
    std::string problem_;
};

// Parses and checks a definition; overlapping tiles are pushed down. Throws
// DashboardFormatError (a newer format version included: "made by a newer Vigie").
DashboardSpec readDashboard(std::string_view json);
// The canonical text: fixed key order, two-space indentation, keys at their default omitted
// where docs/DASHBOARDS.md says so, ends with a newline.
std::string writeDashboard(const DashboardSpec& spec);
// Checks ranges and references of an edited spec (what readDashboard checks after parsing);
// throws DashboardFormatError naming the first problem.
void validate(const DashboardSpec& spec);
// Moves tiles down until none overlaps an earlier one (in (y, x) order), like gridstack does;
// returns how many moved. The tiles keep their order in the vector.
int pushDownOverlaps(std::vector<TileSpec>& tiles);

} // namespace vigie::dashboard
