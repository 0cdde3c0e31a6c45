// Drill-down (drill_down.h): the tile's query narrowed to the clicked value, as query text.
// Pure functions, any thread.
#include "dashboard/drill_down.h"

#include "query/variables.h"

namespace vigie::dashboard {
namespace {

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The query-language term for the clicked value; "" when the click names no value.
std::string valueTerm(const DrillTarget& target)
{
    if (target.field.empty() || target.other)
        return {};
    if (!target.value)
        return "not _exists_:" + target.field;
    return target.field + ":" + query::quotedValue(*target.value);
}

} // namespace

DrillQuery drillQuery(const DashboardSpec& dashboard, const TileSpec& tile, const TileContext& context,
                      const DrillTarget& target)
{
    DrillQuery drill;
    const std::string base = query::expandVariables(tile.query, variableValues(dashboard, context.variables));
    const std::string term = valueTerm(target);
    if (isBlank(base))
        drill.query = term;
    else if (term.empty())
        drill.query = base;
    else
        drill.query = "(" + base + ") and " + term;
    if (target.bucket_start && target.bucket.count() > 0)
        drill.range = {*target.bucket_start, *target.bucket_start + target.bucket};
    else
        drill.range = absoluteRange(dashboard.time, context.now);
    return drill;
}

} // namespace vigie::dashboard
