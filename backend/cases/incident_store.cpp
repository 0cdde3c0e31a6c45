// IncidentStore: parameterised statements over the incident tables; the rules themselves live
// in the triggers of migration 0012. One thread (see the header).
#include "cases/incident_store.h"

#include "event/json_text.h"
#include "store/result_values.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace vigie::cases {
namespace {

constexpr const char* kColumns =
    "id, title, description, severity, priority, state, tier, assignee, array_to_string(attack_tags, "
    "E'\\n'), "
    "(extract(epoch FROM sla_due) * 1000000)::bigint, resolution_code, resolution_summary, version, "
    "(extract(epoch FROM created_at) * 1000000)::bigint, created_by, "
    "(extract(epoch FROM updated_at) * 1000000)::bigint, updated_by, merged_into";
constexpr int kColumnCount = 18;

// The SQLSTATE the guard trigger raises for an edit made on a stale version.
constexpr const char* kStaleState = "VG409";
constexpr const char* kStaleMessage = "someone changed this incident meanwhile";

Timestamp microsAt(const store::PgResult& result, int row, int column)
{
    return Timestamp(std::chrono::microseconds(result.integer(row, column)));
}

// Timestamps travel as microseconds since the epoch and are rebuilt exactly in SQL.
std::string micros(Timestamp ts)
{
    return std::to_string(ts.time_since_epoch().count());
}
// The SQL that rebuilds parameter $index (microseconds since the epoch) as a timestamptz, exactly.
std::string timestampParam(int index)
{
    return "(timestamptz 'epoch' + $" + std::to_string(index) + "::bigint * interval '1 microsecond')";
}

std::vector<std::string> splitLines(std::string_view joined)
{
    std::vector<std::string> parts;
    while (!joined.empty()) {
        const auto end = joined.find('\n');
        parts.emplace_back(joined.substr(0, end));
        joined = end == std::string_view::npos ? std::string_view() : joined.substr(end + 1);
    }
    return parts;
}

// A text[] parameter: a JSON array of strings, unpacked by jsonb_array_elements_text.
std::string jsonArray(const std::vector<std::string>& values)
{
    std::string json = "[";
    for (const auto& value : values) {
        if (json.size() > 1)
            json += ',';
        appendJsonString(json, value);
    }
    return json + "]";
}
std::string textArrayParam(int index)
{
    return "ARRAY(SELECT jsonb_array_elements_text($" + std::to_string(index) + "::jsonb))";
}

// A bigint[] parameter: its literal is made of numbers only.
std::string idArray(const std::vector<std::int64_t>& ids)
{
    std::string literal = "{";
    for (const auto id : ids)
        literal += (literal.size() > 1 ? "," : "") + std::to_string(id);
    return literal + "}";
}

Incident rowOf(const store::PgResult& result, int row)
{
    Incident incident;
    incident.id = result.integer(row, 0);
    incident.title = result.text(row, 1);
    incident.description = result.text(row, 2);
    incident.severity = result.text(row, 3);
    incident.priority = static_cast<int>(result.integer(row, 4));
    incident.state = result.text(row, 5);
    incident.tier = result.text(row, 6);
    incident.assignee = store::optionalText(result, row, 7);
    incident.attack_tags = splitLines(result.text(row, 8));
    incident.sla_due = microsAt(result, row, 9);
    incident.resolution_code = store::optionalText(result, row, 10);
    incident.resolution_summary = store::optionalText(result, row, 11);
    incident.version = static_cast<int>(result.integer(row, 12));
    incident.created_at = microsAt(result, row, 13);
    incident.created_by = result.text(row, 14);
    incident.updated_at = microsAt(result, row, 15);
    incident.updated_by = result.text(row, 16);
    if (!result.isNull(row, 17))
        incident.merged_into = result.integer(row, 17);
    return incident;
}

// The server's own sentence ("level 1 may not close ..."), without libpq's prefix and details.
std::string serverSentence(const store::SqlError& error)
{
    std::string_view text = error.what();
    const auto error_tag = text.find("ERROR:");
    if (error_tag != std::string_view::npos)
        text.remove_prefix(error_tag + 6);
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    return std::string(text.substr(0, text.find('\n')));
}

// Turns the guard trigger's refusals into typed errors; other errors pass unchanged.
[[noreturn]] void rethrowTyped(const store::SqlError& error)
{
    if (error.sqlstate() == kStaleState)
        throw StaleIncidentError(kStaleMessage);
    if (error.sqlstate() == "42501" || error.sqlstate() == "23514")
        throw IncidentRefusedError(serverSentence(error));
    throw error;
}

void requirePart(const std::string& value, const char* what)
{
    if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isspace(c) != 0; }))
        throw std::invalid_argument(std::string("the escalation needs ") + what);
}

std::string evidenceJson(const EscalationRequest& request)
{
    std::string json = "[";
    for (const auto alert : request.evidence_alerts)
        json += (json.size() > 1 ? "," : "") + std::string("{\"alert_id\":") + std::to_string(alert) + "}";
    for (const auto& event : request.evidence_events)
        json += (json.size() > 1 ? "," : "") + std::string("{\"event_id\":") + std::to_string(event.id) +
                ",\"ts_us\":" + micros(event.ts) + "}";
    return json + "]";
}

} // namespace

template <typename Work> auto IncidentStore::inTransaction(Work&& work)
{
    db_.exec("BEGIN");
    try {
        auto result = work();
        db_.exec("COMMIT");
        return result;
    } catch (...) {
        try {
            db_.exec("ROLLBACK");
        } catch (const std::exception&) {
            // A broken connection has nothing left to undo.
        }
        throw;
    }
}

Incident IncidentStore::rewrite(const std::string& sql, const std::vector<std::optional<std::string>>& params)
{
    try {
        const auto result = db_.exec(sql + " RETURNING " + kColumns, params);
        if (result.rows() != 1)
            throw StaleIncidentError("this incident no longer exists");
        return rowOf(result, 0);
    } catch (const store::SqlError& e) {
        rethrowTyped(e);
    }
}

Incident IncidentStore::create(const NewIncident& incident)
{
    return inTransaction([&] {
        const auto created =
            rewrite("INSERT INTO incidents (title, description, severity, priority, assignee, attack_tags) "
                    "VALUES ($1, $2, $3, $4, $5, " +
                        textArrayParam(6) + ")",
                    {incident.title, incident.description, incident.severity,
                     std::to_string(incident.priority), incident.assignee, jsonArray(incident.attack_tags)});
        for (const auto alert : incident.alert_ids)
            linkAlert(created.id, alert);
        return created;
    });
}

Incident IncidentStore::createFromAlerts(const std::vector<std::int64_t>& alert_ids)
{
    if (alert_ids.empty())
        throw std::invalid_argument("select at least one alert to open an incident");
    // One statement sums the alerts up: the worst level (informational counts as low), their
    // tags, hosts, and the title of the most severe alert's rule for the ticket's.
    const auto summary =
        db_.exec("WITH chosen AS (SELECT * FROM alerts WHERE id = ANY ($1::bigint[])) "
                 "SELECT (SELECT rule_title FROM chosen ORDER BY array_position(ARRAY['critical', 'high', 'medium', "
                 "  'low', 'informational'], level), id LIMIT 1), (SELECT count(*) FROM chosen), "
                 "  (ARRAY['low', 'low', 'medium', 'high', 'critical'])[(SELECT max(array_position("
                 "    ARRAY['informational', 'low', 'medium', 'high', 'critical'], level)) FROM chosen)], "
                 "  coalesce((SELECT string_agg(DISTINCT tag, E'\\n' ORDER BY tag) FROM chosen, unnest(tags) "
                 "tag), ''), "
                 "  coalesce((SELECT string_agg(DISTINCT host, ', ') FROM chosen), '')",
                 {idArray(alert_ids)});
    if (summary.isNull(0, 0) || summary.integer(0, 1) != static_cast<long long>(alert_ids.size()))
        throw std::invalid_argument("some of the selected alerts no longer exist");
    NewIncident incident;
    const auto more = summary.integer(0, 1) - 1;
    incident.title =
        std::string(summary.text(0, 0)) +
        (more > 0 ? " and " + std::to_string(more) + (more == 1 ? " more alert" : " more alerts") : "");
    incident.severity = summary.text(0, 2);
    incident.attack_tags = splitLines(summary.text(0, 3));
    incident.description =
        summary.text(0, 4).empty() ? std::string() : "Hosts: " + std::string(summary.text(0, 4));
    incident.alert_ids = alert_ids;
    return create(incident);
}

std::optional<Incident> IncidentStore::find(std::int64_t id)
{
    const auto result =
        db_.exec(std::string("SELECT ") + kColumns + " FROM incidents WHERE id = $1", {std::to_string(id)});
    return result.rows() == 1 ? std::optional(rowOf(result, 0)) : std::nullopt;
}

Incident IncidentStore::update(std::int64_t id, int expected_version, const IncidentChanges& changes)
{
    // Each column keeps its value unless its parameter is given (NULL means "unchanged",
    // except for the assignee, whose own flag $9 says whether to set it, possibly to NULL).
    const bool set_assignee = changes.assignee.has_value();
    return rewrite(
        "UPDATE incidents SET version = $2, title = coalesce($3, title), "
        "description = coalesce($4, description), severity = coalesce($5, severity), "
        "priority = coalesce($6::integer, priority), tier = coalesce($7, tier), "
        "attack_tags = CASE WHEN $8::jsonb IS NULL THEN attack_tags ELSE " +
            textArrayParam(8) +
            " END, "
            "assignee = CASE WHEN $9::boolean THEN $10 ELSE assignee END WHERE id = $1",
        {std::to_string(id), std::to_string(expected_version), changes.title, changes.description,
         changes.severity, changes.priority ? std::optional(std::to_string(*changes.priority)) : std::nullopt,
         changes.tier, changes.attack_tags ? std::optional(jsonArray(*changes.attack_tags)) : std::nullopt,
         set_assignee ? "true" : "false", set_assignee ? *changes.assignee : std::nullopt});
}

Incident IncidentStore::transition(std::int64_t id, const std::string& to, int expected_version,
                                   const std::optional<std::string>& resolution_code,
                                   const std::optional<std::string>& resolution_summary)
{
    if (to == "escalated")
        throw std::invalid_argument("escalating needs an escalation request: use escalate");
    if (to == "resolved" &&
        (!resolution_code || resolution_code->empty() || !resolution_summary || resolution_summary->empty()))
        throw std::invalid_argument("resolving an incident needs a resolution code and a summary");
    return rewrite(
        "UPDATE incidents SET version = $2, state = $3, "
        "resolution_code = coalesce($4, resolution_code), "
        "resolution_summary = coalesce($5, resolution_summary) WHERE id = $1",
        {std::to_string(id), std::to_string(expected_version), to, resolution_code, resolution_summary});
}

Incident IncidentStore::escalate(std::int64_t id, int expected_version, const EscalationRequest& request)
{
    requirePart(request.justification, "a justification");
    requirePart(request.impact, "the impact (systems, data, users)");
    requirePart(request.actions_taken, "the actions already taken");
    if (request.evidence_alerts.empty() && request.evidence_events.empty())
        throw std::invalid_argument("the escalation needs evidence (alerts or events of the ticket)");
    requirePart(request.receiving_team, "the receiving team");
    return inTransaction([&] {
        try {
            db_.exec("INSERT INTO escalations (incident_id, justification, impact, actions_taken, evidence, "
                     "receiving_team) VALUES ($1, $2, $3, $4, $5::jsonb, $6)",
                     {std::to_string(id), request.justification, request.impact, request.actions_taken,
                      evidenceJson(request), request.receiving_team});
        } catch (const store::SqlError& e) {
            rethrowTyped(e);
        }
        return rewrite("UPDATE incidents SET version = $2, state = 'escalated', tier = 'l3' WHERE id = $1",
                       {std::to_string(id), std::to_string(expected_version)});
    });
}

void IncidentStore::linkAlert(std::int64_t id, std::int64_t alert_id)
{
    db_.exec("INSERT INTO incident_alerts (incident_id, alert_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
             {std::to_string(id), std::to_string(alert_id)});
}

void IncidentStore::unlinkAlert(std::int64_t id, std::int64_t alert_id)
{
    db_.exec("DELETE FROM incident_alerts WHERE incident_id = $1 AND alert_id = $2",
             {std::to_string(id), std::to_string(alert_id)});
}

void IncidentStore::linkEvent(std::int64_t id, const EventRef& event, const std::string& note)
{
    db_.exec("INSERT INTO incident_events (incident_id, event_id, event_ts, note) VALUES ($1, $2, " +
                 timestampParam(3) + ", $4) ON CONFLICT DO NOTHING",
             {std::to_string(id), std::to_string(event.id), micros(event.ts), note});
}

void IncidentStore::unlinkEvent(std::int64_t id, const EventRef& event)
{
    db_.exec("DELETE FROM incident_events WHERE incident_id = $1 AND event_id = $2 AND event_ts = " +
                 timestampParam(3),
             {std::to_string(id), std::to_string(event.id), micros(event.ts)});
}

std::vector<std::int64_t> IncidentStore::alertIds(std::int64_t id)
{
    const auto result =
        db_.exec("SELECT alert_id FROM incident_alerts WHERE incident_id = $1 ORDER BY alert_id",
                 {std::to_string(id)});
    std::vector<std::int64_t> ids;
    for (int row = 0; row < result.rows(); ++row)
        ids.push_back(result.integer(row, 0));
    return ids;
}

std::vector<EventRef> IncidentStore::events(std::int64_t id)
{
    const auto result = db_.exec("SELECT event_id, (extract(epoch FROM event_ts) * 1000000)::bigint "
                                 "FROM incident_events WHERE incident_id = $1 ORDER BY event_ts, event_id",
                                 {std::to_string(id)});
    std::vector<EventRef> refs;
    for (int row = 0; row < result.rows(); ++row)
        refs.push_back(EventRef{result.integer(row, 0), microsAt(result, row, 1)});
    return refs;
}

void IncidentStore::comment(std::int64_t id, const std::string& body)
{
    db_.exec("INSERT INTO incident_comments (incident_id, body) VALUES ($1, $2)", {std::to_string(id), body});
}

std::vector<HistoryEntry> IncidentStore::history(std::int64_t id)
{
    const auto result =
        db_.exec("SELECT id, actor, (extract(epoch FROM at) * 1000000)::bigint, action, field, "
                 "old_value, new_value, detail FROM incident_history WHERE incident_id = $1 "
                 "ORDER BY id",
                 {std::to_string(id)});
    std::vector<HistoryEntry> entries;
    for (int row = 0; row < result.rows(); ++row)
        entries.push_back(
            HistoryEntry{result.integer(row, 0), std::string(result.text(row, 1)), microsAt(result, row, 2),
                         std::string(result.text(row, 3)), store::optionalText(result, row, 4),
                         store::optionalText(result, row, 5), store::optionalText(result, row, 6),
                         store::optionalText(result, row, 7)});
    return entries;
}

std::vector<IncidentListing> IncidentStore::list(int limit)
{
    const auto result = db_.exec(std::string("SELECT ") + kColumns +
                                     ", (SELECT count(*) FROM incident_alerts a WHERE a.incident_id = i.id), "
                                     "(SELECT count(*) FROM incident_events e WHERE e.incident_id = i.id), "
                                     "(SELECT count(*) FROM incident_comments c WHERE c.incident_id = i.id) "
                                     "FROM incidents i ORDER BY updated_at DESC, id DESC LIMIT $1",
                                 {std::to_string(std::max(limit, 0))});
    std::vector<IncidentListing> listings;
    listings.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row)
        listings.push_back(IncidentListing{rowOf(result, row),
                                           static_cast<int>(result.integer(row, kColumnCount)),
                                           static_cast<int>(result.integer(row, kColumnCount + 1)),
                                           static_cast<int>(result.integer(row, kColumnCount + 2))});
    return listings;
}

std::optional<IncidentTicket> IncidentStore::ticket(std::int64_t id)
{
    // One snapshot: the ticket and its satellites as of the same moment.
    db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
        std::optional<IncidentTicket> ticket;
        if (auto incident = find(id))
            ticket = IncidentTicket{std::move(*incident), linkedAlerts(id), linkedEvents(id), comments(id),
                                    history(id)};
        db_.exec("COMMIT");
        return ticket;
    } catch (...) {
        try {
            db_.exec("ROLLBACK");
        } catch (const std::exception&) {
            // A broken connection has nothing left to undo.
        }
        throw;
    }
}

namespace {

constexpr const char* kAlertColumns =
    "a.id, a.rule_id, a.rule_title, a.level, coalesce(a.host, ''), a.entity, a.origin, "
    "array_to_string(a.tags, E'\\n'), (extract(epoch FROM a.first_ts) * 1000000)::bigint, "
    "(extract(epoch FROM a.last_ts) * 1000000)::bigint, a.count";

LinkedAlert alertOf(const store::PgResult& result, int row)
{
    LinkedAlert alert;
    alert.id = result.integer(row, 0);
    alert.rule_id = result.text(row, 1);
    alert.rule_title = result.text(row, 2);
    alert.level = result.text(row, 3);
    alert.host = result.text(row, 4);
    alert.entity = result.text(row, 5);
    alert.origin = result.text(row, 6);
    alert.tags = splitLines(result.text(row, 7));
    alert.first_ts = microsAt(result, row, 8);
    alert.last_ts = microsAt(result, row, 9);
    alert.count = result.integer(row, 10);
    return alert;
}

// Linked events with what retention left of them: the LEFT JOIN keeps the reference of an event
// whose partition was dropped.
constexpr const char* kLinkedEventsSql =
    "SELECT l.event_id, (extract(epoch FROM l.event_ts) * 1000000)::bigint, e.id IS NOT NULL, "
    "coalesce(e.host, ''), coalesce(e.app, ''), e.severity, coalesce(e.message, ''), coalesce(e.raw, ''), "
    "l.note, l.added_by, (extract(epoch FROM l.added_at) * 1000000)::bigint "
    "FROM incident_events l LEFT JOIN events e ON e.id = l.event_id AND e.ts = l.event_ts "
    "WHERE l.incident_id = $1";

LinkedEvent eventOf(const store::PgResult& result, int row)
{
    LinkedEvent event;
    event.ref = EventRef{result.integer(row, 0), microsAt(result, row, 1)};
    event.stored = result.text(row, 2) == "t";
    event.host = result.text(row, 3);
    event.app = result.text(row, 4);
    if (!result.isNull(row, 5))
        event.severity = static_cast<int>(result.integer(row, 5));
    event.message = result.text(row, 6);
    event.raw = result.text(row, 7);
    event.note = result.text(row, 8);
    event.added_by = result.text(row, 9);
    event.added_at = microsAt(result, row, 10);
    return event;
}

} // namespace

std::vector<LinkedAlert> IncidentStore::linkedAlerts(std::int64_t id)
{
    const auto result = db_.exec(std::string("SELECT ") + kAlertColumns +
                                     ", l.added_by, (extract(epoch FROM l.added_at) * 1000000)::bigint "
                                     "FROM incident_alerts l JOIN alerts a ON a.id = l.alert_id "
                                     "WHERE l.incident_id = $1 ORDER BY a.last_ts DESC, a.id DESC",
                                 {std::to_string(id)});
    std::vector<LinkedAlert> alerts;
    for (int row = 0; row < result.rows(); ++row) {
        auto alert = alertOf(result, row);
        alert.added_by = result.text(row, 11);
        alert.added_at = microsAt(result, row, 12);
        alerts.push_back(std::move(alert));
    }
    return alerts;
}

std::vector<LinkedEvent> IncidentStore::linkedEvents(std::int64_t id)
{
    const auto result =
        db_.exec(std::string(kLinkedEventsSql) + " ORDER BY l.event_ts, l.event_id", {std::to_string(id)});
    std::vector<LinkedEvent> events;
    for (int row = 0; row < result.rows(); ++row)
        events.push_back(eventOf(result, row));
    return events;
}

std::vector<IncidentComment> IncidentStore::comments(std::int64_t id)
{
    const auto result =
        db_.exec("SELECT id, author, body, (extract(epoch FROM created_at) * 1000000)::bigint "
                 "FROM incident_comments WHERE incident_id = $1 ORDER BY created_at, id",
                 {std::to_string(id)});
    std::vector<IncidentComment> comments;
    for (int row = 0; row < result.rows(); ++row)
        comments.push_back(IncidentComment{result.integer(row, 0), std::string(result.text(row, 1)),
                                           std::string(result.text(row, 2)), microsAt(result, row, 3)});
    return comments;
}

Incident IncidentStore::merge(std::int64_t source, int source_version, std::int64_t target,
                              int target_version)
{
    if (source == target)
        throw std::invalid_argument("an incident cannot be merged into itself");
    return inTransaction([&] {
        const auto source_id = std::to_string(source);
        const auto target_id = std::to_string(target);
        // The target's version is checked (and bumped) first, so a stale target refuses the
        // whole merge before anything moved.
        rewrite("UPDATE incidents SET version = $2 WHERE id = $1",
                {target_id, std::to_string(target_version)});
        db_.exec("INSERT INTO incident_alerts (incident_id, alert_id) "
                 "SELECT $2, alert_id FROM incident_alerts WHERE incident_id = $1 ON CONFLICT DO NOTHING",
                 {source_id, target_id});
        db_.exec("INSERT INTO incident_events (incident_id, event_id, event_ts, note) "
                 "SELECT $2, event_id, event_ts, note FROM incident_events WHERE incident_id = $1 "
                 "ON CONFLICT DO NOTHING",
                 {source_id, target_id});
        rewrite("UPDATE incidents SET version = $2, state = 'merged', merged_into = $3 WHERE id = $1",
                {source_id, std::to_string(source_version), target_id});
        const auto merged = find(target);
        if (!merged)
            throw StaleIncidentError("this incident no longer exists");
        return *merged;
    });
}

Analyst IncidentStore::currentAnalyst()
{
    const auto result = db_.exec("SELECT session_user, vigie_tier_of(session_user)");
    return Analyst{std::string(result.text(0, 0)), std::string(result.text(0, 1))};
}

std::vector<Analyst> IncidentStore::analysts()
{
    const auto result =
        db_.exec("SELECT r.rolname, vigie_tier_of(r.rolname) FROM pg_roles r "
                 "WHERE r.rolname = session_user OR (r.rolcanlogin AND EXISTS (SELECT 1 FROM pg_roles g "
                 "  WHERE g.rolname IN ('vigie_l1', 'vigie_l2', 'vigie_l3', 'vigie_admin') AND "
                 "pg_has_role(r.oid, g.oid, "
                 "'MEMBER'))) "
                 "ORDER BY r.rolname");
    std::vector<Analyst> analysts;
    for (int row = 0; row < result.rows(); ++row)
        analysts.push_back(Analyst{std::string(result.text(row, 0)), std::string(result.text(row, 1))});
    return analysts;
}

std::vector<Transition> IncidentStore::transitions()
{
    const auto result = db_.exec("SELECT from_state, to_state FROM incident_transitions ORDER BY from_state, "
                                 "array_position(ARRAY['triage', 'in_progress', 'escalated', 'resolved', "
                                 "'closed', 'false_positive', 'merged'], to_state)");
    std::vector<Transition> transitions;
    for (int row = 0; row < result.rows(); ++row)
        transitions.push_back(Transition{std::string(result.text(row, 0)), std::string(result.text(row, 1))});
    return transitions;
}

std::optional<EscalationPackage> IncidentStore::escalationPackage(std::int64_t id)
{
    auto ticket_now = ticket(id);
    if (!ticket_now)
        return std::nullopt;
    const auto escalation =
        db_.exec("SELECT id, escalated_by, (extract(epoch FROM escalated_at) * 1000000)::bigint, "
                 "justification, impact, "
                 "actions_taken, receiving_team, evidence FROM escalations WHERE incident_id = $1 "
                 "ORDER BY escalated_at DESC, id DESC LIMIT 1",
                 {std::to_string(id)});
    if (escalation.rows() == 0)
        return std::nullopt;
    EscalationPackage package;
    package.incident = ticket_now->incident;
    package.escalation =
        EscalationRecord{escalation.integer(0, 0),           std::string(escalation.text(0, 1)),
                         microsAt(escalation, 0, 2),         std::string(escalation.text(0, 3)),
                         std::string(escalation.text(0, 4)), std::string(escalation.text(0, 5)),
                         std::string(escalation.text(0, 6))};
    const auto escalation_id = std::to_string(package.escalation.id);
    // The evidence chosen, read back from the escalation's JSON so the package shows exactly
    // what was recorded.
    const auto alerts = db_.exec(std::string("SELECT ") + kAlertColumns +
                                     " FROM escalations x, jsonb_array_elements(x.evidence) item "
                                     "JOIN alerts a ON a.id = (item ->> 'alert_id')::bigint "
                                     "WHERE x.id = $1 ORDER BY a.last_ts DESC, a.id DESC",
                                 {escalation_id});
    for (int row = 0; row < alerts.rows(); ++row) {
        EvidenceAlert evidence{alertOf(alerts, row), {}};
        const auto lines =
            db_.exec("SELECT e.raw FROM alerts a, unnest(a.event_ids) WITH ORDINALITY k(event_id, n) "
                     "JOIN events e ON e.id = k.event_id "
                     "WHERE a.id = $1 AND e.ts BETWEEN a.first_ts AND a.last_ts "
                     "ORDER BY k.n LIMIT $2",
                     {std::to_string(evidence.alert.id), std::to_string(kEvidenceLinesPerAlert)});
        for (int line = 0; line < lines.rows(); ++line)
            evidence.raw_lines.emplace_back(lines.text(line, 0));
        package.evidence_alerts.push_back(std::move(evidence));
    }
    const auto events =
        db_.exec(std::string(kLinkedEventsSql) +
                     " AND EXISTS (SELECT 1 FROM escalations x, jsonb_array_elements(x.evidence) item "
                     "WHERE x.id = $2 AND (item ->> 'event_id')::bigint = l.event_id "
                     "AND (item ->> 'ts_us')::bigint = (extract(epoch FROM l.event_ts) * 1000000)::bigint) "
                     "ORDER BY l.event_ts, l.event_id",
                 {std::to_string(id), escalation_id});
    for (int row = 0; row < events.rows(); ++row)
        package.evidence_events.push_back(eventOf(events, row));
    package.history = std::move(ticket_now->history);
    package.comments = std::move(ticket_now->comments);
    return package;
}

} // namespace vigie::cases
