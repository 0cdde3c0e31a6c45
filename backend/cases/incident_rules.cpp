// The moves the incident view offers, mirroring migration 0012's guard trigger. Pure.
#include "cases/incident_rules.h"

#include <algorithm>
#include <array>

namespace vigie::cases {
namespace {

bool isAtLeastL2(std::string_view tier)
{
    return tier == "l2" || tier == "l3" || tier == "admin";
}

bool isL3(std::string_view tier)
{
    return tier == "l3" || tier == "admin";
}

} // namespace

bool isOpenState(std::string_view state)
{
    constexpr std::array<std::string_view, 4> open{"new", "triage", "in_progress", "escalated"};
    return std::find(open.begin(), open.end(), state) != open.end();
}

bool mayEdit(const Incident& incident, std::string_view tier)
{
    if (incident.state == "merged")
        return false;
    return incident.state != "escalated" || isL3(tier);
}

std::vector<std::string> allowedTransitions(const Incident& incident, std::string_view tier,
                                            const std::vector<Transition>& transitions)
{
    std::vector<std::string> allowed;
    if (!mayEdit(incident, tier))
        return allowed;
    for (const auto& transition : transitions) {
        if (transition.from != incident.state || transition.to == "merged")
            continue;
        const auto& to = transition.to;
        if (to == "escalated" && !isAtLeastL2(tier))
            continue;
        if ((to == "closed" || to == "false_positive") && incident.severity == "critical" && tier == "l1")
            continue;
        allowed.push_back(to);
    }
    return allowed;
}

} // namespace vigie::cases
