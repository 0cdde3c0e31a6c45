#pragma once
// IncidentStore: incident tickets (migration 0012) — create from alerts or by hand, edit with
// optimistic locking, move through the allowed states, escalate to level 3, link alerts and
// events, comment, read the audit history. The database decides what the logged-in analyst may
// do (triggers, grants, row-level security); this class sends every value as a parameter and
// turns the server's refusals into typed errors. Qt-free; borrows one PgConnection, so one thread.
#include "event/event.h"
#include "store/pg_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::cases {

struct Incident {
    std::int64_t id = 0;
    std::string title;
    std::string description;
    std::string severity = "medium"; // low, medium, high, critical
    int priority = 3;                // 1 (most urgent) .. 5
    // new, triage, in_progress, escalated, resolved, closed, false_positive, merged
    std::string state = "new";
    std::string tier = "l1"; // l1, l2, l3
    std::optional<std::string> assignee;
    std::vector<std::string> attack_tags;
    Timestamp sla_due{};
    std::optional<std::string> resolution_code;
    std::optional<std::string> resolution_summary;
    std::optional<std::int64_t> merged_into; // state merged: the ticket that took its links
    int version = 1;
    Timestamp created_at{};
    std::string created_by;
    Timestamp updated_at{};
    std::string updated_by;
};

// A ticket opened by hand (alert_ids may be empty) or from alerts.
struct NewIncident {
    std::string title;
    std::string description;
    std::string severity = "medium";
    int priority = 3;
    std::optional<std::string> assignee;
    std::vector<std::string> attack_tags;
    std::vector<std::int64_t> alert_ids; // linked in the same transaction
};

// The fields an edit changes; those left empty keep their stored value.
struct IncidentChanges {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::string> severity;
    std::optional<int> priority;
    std::optional<std::optional<std::string>> assignee; // holds nullopt: unassign
    std::optional<std::vector<std::string>> attack_tags;
    std::optional<std::string> tier; // l1 or l2 (level 3 is reached by escalating)
};

struct EventRef {
    std::int64_t id = 0;
    Timestamp ts{}; // the partition key: an event is identified by both
};

// Everything the level-3 team needs; escalate refuses a request with any part missing.
struct EscalationRequest {
    std::string justification;
    std::string impact; // systems, data, users
    std::string actions_taken;
    std::vector<std::int64_t> evidence_alerts;
    std::vector<EventRef> evidence_events;
    std::string receiving_team;
};

struct HistoryEntry {
    std::int64_t id = 0;
    std::string actor;
    Timestamp at{};
    std::string action; // create, update (one row per field), link_alert, comment, escalate...
    std::optional<std::string> field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    std::optional<std::string> detail;
};

// One row of the incident list.
struct IncidentListing {
    Incident incident;
    int alert_count = 0;
    int event_count = 0;
    int comment_count = 0;
};

struct LinkedAlert {
    std::int64_t id = 0;
    std::string rule_id;
    std::string rule_title;
    std::string level; // informational, low, medium, high, critical
    std::string host;
    std::string entity;
    std::string origin; // live, retro-hunt, anomaly
    std::vector<std::string> tags;
    Timestamp first_ts{};
    Timestamp last_ts{};
    std::int64_t count = 0;
    std::string added_by;
    Timestamp added_at{};
};

struct LinkedEvent {
    EventRef ref;
    bool stored = false; // false: retention dropped the event; the reference and note remain
    std::string host;
    std::string app;
    std::optional<int> severity; // syslog 0..7
    std::string message;
    std::string raw;
    std::string note;
    std::string added_by;
    Timestamp added_at{};
};

struct IncidentComment {
    std::int64_t id = 0;
    std::string author;
    std::string body;
    Timestamp created_at{};
};

// Everything one ticket shows: the incident view reads it in one go.
struct IncidentTicket {
    Incident incident;
    std::vector<LinkedAlert> alerts;       // newest last_ts first
    std::vector<LinkedEvent> events;       // oldest first
    std::vector<IncidentComment> comments; // oldest first
    std::vector<HistoryEntry> history;     // oldest first
};

// A logged-in analyst: a PostgreSQL role and its tier (l1, l2, l3 or admin, as vigie_tier_of).
struct Analyst {
    std::string name;
    std::string tier;
};

struct Transition {
    std::string from;
    std::string to;
};

struct EscalationRecord {
    std::int64_t id = 0;
    std::string escalated_by;
    Timestamp escalated_at{};
    std::string justification;
    std::string impact;
    std::string actions_taken;
    std::string receiving_team;
};

// An evidence alert with the raw lines of its events (at most kEvidenceLinesPerAlert).
struct EvidenceAlert {
    LinkedAlert alert;
    std::vector<std::string> raw_lines;
};

// What the escalation package holds: the ticket as escalated, the escalation, the evidence
// chosen (with raw lines), the timeline (history) and the comments.
struct EscalationPackage {
    Incident incident;
    EscalationRecord escalation;
    std::vector<EvidenceAlert> evidence_alerts;
    std::vector<LinkedEvent> evidence_events;
    std::vector<HistoryEntry> history;
    std::vector<IncidentComment> comments;
};

// The edit was made on a stale copy (someone saved meanwhile) or the ticket is gone: nothing
// was changed; reload and apply it again.
class StaleIncidentError : public store::StoreError {
public:
    using store::StoreError::StoreError;
};

// The logged-in analyst's tier may not do this (SQLSTATE 42501), or the transition is not
// allowed from the ticket's state: the server's message says which.
class IncidentRefusedError : public store::StoreError {
public:
    using store::StoreError::StoreError;
};

class IncidentStore {
public:
    explicit IncidentStore(store::PgConnection& db) : db_(db) {}

    // Opens a ticket in state `new`, its SLA due time from the severity; links its alerts.
    Incident create(const NewIncident& incident);
    // Opens one ticket for these alerts: the highest of their levels as severity, the union of
    // their ATT&CK tags, a title from the most severe alert's rule ("… and N more alerts").
    Incident createFromAlerts(const std::vector<std::int64_t>& alert_ids);
    std::optional<Incident> find(std::int64_t id);

    // Each throws StaleIncidentError when `expected_version` is not the stored one.
    Incident update(std::int64_t id, int expected_version, const IncidentChanges& changes);
    // Moves to `to`; resolving needs the resolution code and summary (std::invalid_argument).
    Incident transition(std::int64_t id, const std::string& to, int expected_version,
                        const std::optional<std::string>& resolution_code = std::nullopt,
                        const std::optional<std::string>& resolution_summary = std::nullopt);
    // Records the escalation and moves the ticket to state escalated, tier l3, in one
    // transaction. std::invalid_argument naming the first missing part of the request.
    Incident escalate(std::int64_t id, int expected_version, const EscalationRequest& request);

    void linkAlert(std::int64_t id, std::int64_t alert_id);
    void unlinkAlert(std::int64_t id, std::int64_t alert_id);
    void linkEvent(std::int64_t id, const EventRef& event, const std::string& note);
    void unlinkEvent(std::int64_t id, const EventRef& event);
    std::vector<std::int64_t> alertIds(std::int64_t id);
    std::vector<EventRef> events(std::int64_t id);
    void comment(std::int64_t id, const std::string& body);
    // Oldest first.
    std::vector<HistoryEntry> history(std::int64_t id);

    // Every ticket (at most `limit`), most recently updated first, with its link counts.
    std::vector<IncidentListing> list(int limit = 5000);
    // The ticket with its links, comments and history; nullopt when it does not exist.
    std::optional<IncidentTicket> ticket(std::int64_t id);
    std::vector<LinkedAlert> linkedAlerts(std::int64_t id);
    std::vector<LinkedEvent> linkedEvents(std::int64_t id);
    std::vector<IncidentComment> comments(std::int64_t id);

    // Merges `source` into `target` in one transaction: the source's alerts and events (with
    // their notes) are linked to the target, the source goes to state merged (merged_into =
    // target) and the target's history records the merge (action merge, detail the source's id).
    // Both versions are checked.
    // Returns the target as now stored.
    Incident merge(std::int64_t source, int source_version, std::int64_t target, int target_version);

    // The logged-in analyst (session_user) and their tier.
    Analyst currentAnalyst();
    // The analysts tickets can be assigned to: LOGIN roles in a vigie group, and the current
    // one, by name.
    std::vector<Analyst> analysts();
    // The allowed moves (incident_transitions), as the database enforces them.
    std::vector<Transition> transitions();

    // The latest escalation of `id` and its evidence; nullopt when it was never escalated.
    static constexpr int kEvidenceLinesPerAlert = 20;
    std::optional<EscalationPackage> escalationPackage(std::int64_t id);

private:
    // Runs a statement that rewrites one ticket and returns it (RETURNING its columns).
    Incident rewrite(const std::string& sql, const std::vector<std::optional<std::string>>& params);
    template <typename Work> auto inTransaction(Work&& work);

    store::PgConnection& db_;
};

} // namespace vigie::cases
