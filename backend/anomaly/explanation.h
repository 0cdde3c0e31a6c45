#pragma once
// Turns a finding into what an alert carries (design notes §4): an English sentence for
// `alerts.explanation` (vigiectl, exports) — "412 failed logins on web-01 in 10 min; usual for
// Tuesday 14:00 is 3 ± 2" — and the numbers behind it as `details` JSON, from which the GUI
// builds its own translated sentence (template id, observed, mean, sd, slot, z…). Pure.
#include "anomaly/anomaly_finding.h"

#include <string>
#include <string_view>

namespace vigie::anomaly {

// What the detector counts, in the plural ("failed logins"), and its k, both from its settings.
struct ExplanationContext {
    std::string what = "events";
    double k = 4;
};

struct Explanation {
    std::string text;
    std::string details_json;
};

Explanation explain(const AnomalyFinding& finding, const ExplanationContext& context = {});

// "Tuesday 14:00" (long) or "Tue 14:00" (short) for an hour of the week, Monday 00:00 = 0.
std::string slotName(int slot, bool long_day);

} // namespace vigie::anomaly
