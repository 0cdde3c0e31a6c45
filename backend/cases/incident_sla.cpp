// Incident SLA hours in `settings`, read through incident_sla_due so the defaults stay in SQL.
#include "cases/incident_sla.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

namespace vigie::cases {
namespace {

constexpr std::array<std::string_view, 4> kSeverities{"critical", "high", "medium", "low"};

} // namespace

std::vector<std::pair<std::string, int>> slaHours(store::PgConnection& db)
{
    std::vector<std::pair<std::string, int>> hours;
    for (const auto severity : kSeverities) {
        const auto result =
            db.exec("SELECT (extract(epoch FROM incident_sla_due($1, timestamptz 'epoch')) / 3600)::integer",
                    {std::string(severity)});
        hours.emplace_back(std::string(severity), static_cast<int>(result.integer(0, 0)));
    }
    return hours;
}

void setSlaHours(store::PgConnection& db, const std::string& severity, int hours)
{
    if (std::find(kSeverities.begin(), kSeverities.end(), severity) == kSeverities.end())
        throw std::invalid_argument("unknown severity '" + severity + "' (low, medium, high or critical)");
    if (hours < 0 || hours > 8760)
        throw std::invalid_argument("SLA hours must be between 0 and 8760 (one year)");
    db.exec("INSERT INTO settings (key, value) VALUES ($1, $2) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
            {"incidents.sla_hours." + severity, std::to_string(hours)});
}

} // namespace vigie::cases
