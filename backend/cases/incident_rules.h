#pragma once
// What the incident view offers an analyst: the moves allowed from a ticket's state for their
// tier. It mirrors the rules migration 0012's guard trigger enforces, so the view shows only
// buttons that will work; the database stays the judge (a refusal is still reported). Pure.
#include "cases/incident_store.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigie::cases {

// The states `incident` may move to, in the order of `transitions`, for an analyst of `tier`
// (l1, l2, l3, admin). "escalated" is included when the analyst may escalate (the view opens
// the escalation dialog for it); "merged" never is (merging has its own action).
std::vector<std::string> allowedTransitions(const Incident& incident, std::string_view tier,
                                            const std::vector<Transition>& transitions);

// True when an analyst of `tier` may edit the ticket at all (escalated tickets: level 3 and
// administrators only; merged tickets: nobody).
bool mayEdit(const Incident& incident, std::string_view tier);

// Open states: the ticket still needs work (new, triage, in_progress, escalated).
bool isOpenState(std::string_view state);

} // namespace vigie::cases
