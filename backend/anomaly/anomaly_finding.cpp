// Names of finding levels and templates, as stored in alerts (`level`, `details.template`).
// Pure functions, any thread.
#include "anomaly/anomaly_finding.h"

namespace vigie::anomaly {

std::string_view levelName(AnomalyLevel level)
{
    switch (level) {
    case AnomalyLevel::Low:
        return "low";
    case AnomalyLevel::Medium:
        return "medium";
    case AnomalyLevel::High:
        return "high";
    case AnomalyLevel::Critical:
        return "critical";
    }
    return "medium";
}

std::string_view templateId(FindingTemplate kind)
{
    switch (kind) {
    case FindingTemplate::RateSpike:
        return "rate_spike";
    case FindingTemplate::RateShift:
        return "rate_shift";
    case FindingTemplate::RateNewEntity:
        return "rate_new_entity";
    case FindingTemplate::FirstSeen:
        return "first_seen";
    case FindingTemplate::FirstSeenNewHost:
        return "first_seen_new_host";
    case FindingTemplate::BruteForce:
        return "brute_force";
    case FindingTemplate::RareValue:
        return "rare_value";
    case FindingTemplate::RareNew:
        return "rare_new";
    }
    return "rate_spike";
}

} // namespace vigie::anomaly
