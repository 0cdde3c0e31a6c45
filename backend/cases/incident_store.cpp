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
    "(extract(epoch FROM updated_at) * 1000000)::bigint, updated_by";

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
    // tags, hosts, and the first rule's title for the ticket's.
    const auto summary =
        db_.exec("WITH chosen AS (SELECT * FROM alerts WHERE id = ANY ($1::bigint[])) "
                 "SELECT (SELECT rule_title FROM chosen ORDER BY id LIMIT 1), (SELECT count(*) FROM chosen), "
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

} // namespace vigie::cases
