#pragma once
// The shipped dashboards (resources/dashboards/*.json, format v1), embedded at build time so
// that DashboardStore::seedBuiltins needs no file at run time. Any thread.
#include <span>
#include <string_view>

namespace vigie::resources {

struct EmbeddedDashboardFile {
    std::string_view name; // the file name, e.g. "soc_overview.json"
    std::string_view text; // the JSON definition
};

// In file name order.
std::span<const EmbeddedDashboardFile> shippedDashboards();

} // namespace vigie::resources
