#pragma once
// The SLA of incident tickets: hours from opening to due time, per severity, kept in `settings`
// (incidents.sla_hours.<severity>) so every desktop and collector applies the same; the
// defaults (critical 1, high 4, medium 24, low 72) live in migration 0012's incident_sla_due,
// which these read back rather than repeat. Qt-free; one thread (borrows a PgConnection).
#include "store/pg_connection.h"

#include <string>
#include <utility>
#include <vector>

namespace vigie::cases {

// The hours in force for each severity, most severe first.
std::vector<std::pair<std::string, int>> slaHours(store::PgConnection& db);
// Sets the hours of `severity` (low, medium, high, critical; 0 to 8760), for tickets opened or
// re-rated from now on. std::invalid_argument on a bad severity or number.
void setSlaHours(store::PgConnection& db, const std::string& severity, int hours);

} // namespace vigie::cases
