// Incident tickets against the real PostgreSQL, with analysts logged in as roles of different
// tiers: what the database itself refuses (stale edits, forbidden transitions, history edits,
// incomplete escalations, de-escalation by level 1) even through raw SQL, and what it records.
#include "cases/incident_rules.h"
#include "cases/incident_sla.h"
#include "cases/incident_store.h"
#include "parse/record_parser.h"
#include "store/event_writer.h"
#include "store/migrator.h"
#include "support/child_process.h"
#include "support/incident_support.h"
#include "support/shared_data.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <thread>

#include <poll.h>
#include <unistd.h>

namespace {

using namespace vigie;
using cases::IncidentStore;

class Incidents : public ::testing::Test {
protected:
    void SetUp() override
    {
        store::applyMigrations(admin);
        test::addTwoAlerts(admin);
        l1 = connectAs("l1");
        l2 = connectAs("l2");
        l3 = connectAs("l3");
    }

    std::unique_ptr<store::PgConnection> connectAs(const std::string& tier)
    {
        const auto name = roles.create(admin, tier, "secret-" + tier);
        role_of[tier] = name;
        // The test cluster trusts local connections; a later user= overrides the superuser's.
        return std::make_unique<store::PgConnection>(db.conninfo() + " user=" + name);
    }

    // A ticket of `severity` moved by level 2 up to `state` (new, triage or in_progress).
    cases::Incident openedBy(store::PgConnection& who, const std::string& severity, const std::string& state)
    {
        IncidentStore store(who);
        auto incident = store.create(test::incidentByHand("Suspicious logins", severity));
        for (const std::string next : {"triage", "in_progress"}) {
            if (incident.state == state)
                break;
            incident = store.transition(incident.id, next, incident.version);
        }
        return incident;
    }

    // The SQLSTATE of a raw statement's refusal, or "" when it went through.
    static std::string refusal(store::PgConnection& who, const std::string& sql,
                               const std::vector<std::optional<std::string>>& params)
    {
        try {
            who.exec(sql, params);
            return {};
        } catch (const store::SqlError& e) {
            return e.sqlstate();
        }
    }

    test::AnalystRoles roles; // dropped after the database
    test::TestDatabase db{"incidents"};
    store::PgConnection admin{db.conninfo()};
    std::unique_ptr<store::PgConnection> l1, l2, l3;
    std::map<std::string, std::string> role_of; // tier -> login role
};

TEST_F(Incidents, CreatedFromAlertsWithSeverityTagsSlaAndHistory)
{
    IncidentStore store(*l1);
    const auto incident = store.createFromAlerts({1, 2});
    EXPECT_EQ(incident.title, "Root login and 1 more alert"); // the most severe alert's rule
    EXPECT_EQ(incident.severity, "critical");
    EXPECT_EQ(incident.attack_tags, (std::vector<std::string>{"attack.t1078", "attack.t1110"}));
    EXPECT_EQ(incident.state, "new");
    EXPECT_EQ(incident.version, 1);
    EXPECT_EQ(incident.sla_due - incident.created_at, std::chrono::hours(1)); // critical: 1 h by default
    EXPECT_EQ(store.alertIds(incident.id), (std::vector<std::int64_t>{1, 2}));
    const auto history = store.history(incident.id);
    ASSERT_EQ(history.size(), 3u); // create, two alerts linked
    EXPECT_EQ(history[0].action, "create");
    EXPECT_EQ(history[0].actor, incident.created_by);
    EXPECT_EQ(history[1].action, "link_alert");

    // The SLA follows the administrator's setting.
    admin.execScript("INSERT INTO settings (key, value) VALUES ('incidents.sla_hours.low', '8')");
    const auto low = store.create(test::incidentByHand("Odd DNS", "low"));
    EXPECT_EQ(low.sla_due - low.created_at, std::chrono::hours(8));
}

TEST_F(Incidents, ConcurrentEditOnAStaleCopyIsRefused)
{
    IncidentStore first(*l1);
    IncidentStore second(*l2);
    const auto ticket = first.create(test::incidentByHand("Port scan", "medium"));

    // Level 1 edits inside an open transaction; level 2's edit of the same version waits for
    // the row, then is refused once the first commits.
    l1->execScript("BEGIN");
    cases::IncidentChanges retitle;
    retitle.title = "Port scan from 203.0.113.7";
    first.update(ticket.id, ticket.version, retitle);
    auto late = std::async(std::launch::async, [&] {
        cases::IncidentChanges raise;
        raise.severity = "high";
        second.update(ticket.id, ticket.version, raise);
    });
    EXPECT_EQ(late.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
    l1->execScript("COMMIT");
    try {
        late.get();
        FAIL() << "the stale edit went through";
    } catch (const cases::StaleIncidentError& e) {
        EXPECT_STREQ(e.what(), "someone changed this incident meanwhile");
    }
    const auto stored = second.find(ticket.id);
    EXPECT_EQ(stored->title, "Port scan from 203.0.113.7");
    EXPECT_EQ(stored->severity, "medium");
    EXPECT_EQ(stored->version, 2);

    // Raw SQL carrying the old version is refused by the database itself.
    EXPECT_EQ(refusal(*l2, "UPDATE incidents SET version = $2, severity = 'high' WHERE id = $1",
                      {std::to_string(ticket.id), "1"}),
              "VG409");
    // Reloaded, the edit goes through and is audited field by field.
    cases::IncidentChanges raise;
    raise.severity = "high";
    EXPECT_EQ(second.update(ticket.id, stored->version, raise).version, 3);
    // The last edit wrote two rows: the severity, and the SLA due time it recomputed.
    const auto history = second.history(ticket.id);
    ASSERT_GE(history.size(), 2u);
    const auto& severity = history[history.size() - 2];
    EXPECT_EQ(severity.field, "severity");
    EXPECT_EQ(severity.old_value, "medium");
    EXPECT_EQ(severity.new_value, "high");
    EXPECT_EQ(severity.actor, role_of["l2"]); // who logged in, not what the client claims
    EXPECT_EQ(history.back().field, "sla_due");
}

TEST_F(Incidents, ForbiddenTransitionsThroughRawSqlAreRefused)
{
    IncidentStore store(*l2);
    auto critical = openedBy(*l2, "critical", "in_progress");
    const std::string close = "UPDATE incidents SET version = $2, state = $3 WHERE id = $1";
    // Not an allowed move at all.
    EXPECT_EQ(refusal(*l2, close, {std::to_string(critical.id), std::to_string(critical.version), "closed"}),
              "23514");
    // Level 1 may not mark a critical incident as a false positive, nor close it.
    EXPECT_EQ(refusal(*l1, close,
                      {std::to_string(critical.id), std::to_string(critical.version), "false_positive"}),
              "42501");
    EXPECT_THROW(store.transition(critical.id, "resolved", critical.version), std::invalid_argument);
    critical = store.transition(critical.id, "resolved", critical.version, "contained",
                                "Account locked, host rebuilt");
    EXPECT_EQ(refusal(*l1, close, {std::to_string(critical.id), std::to_string(critical.version), "closed"}),
              "42501");
    try {
        IncidentStore(*l1).transition(critical.id, "closed", critical.version);
        FAIL() << "level 1 closed a critical incident";
    } catch (const cases::IncidentRefusedError& e) {
        EXPECT_STREQ(e.what(), "level 1 may not close or mark as false positive a critical incident");
    }
    // Level 1 cannot get round it by lowering the severity first.
    EXPECT_EQ(refusal(*l1, "UPDATE incidents SET version = $2, severity = 'low' WHERE id = $1",
                      {std::to_string(critical.id), std::to_string(critical.version)}),
              "42501");
    EXPECT_EQ(store.transition(critical.id, "closed", critical.version).state, "closed");

    // Level 1 closes what is not critical.
    auto minor = openedBy(*l1, "low", "in_progress");
    minor = IncidentStore(*l1).transition(minor.id, "resolved", minor.version, "benign", "Scheduled scan");
    EXPECT_EQ(IncidentStore(*l1).transition(minor.id, "closed", minor.version).state, "closed");
}

TEST_F(Incidents, HistoryIsAppendOnlyForEveryone)
{
    const auto ticket = openedBy(*l2, "high", "triage");
    const std::string id = std::to_string(ticket.id);
    for (auto* who : {l1.get(), l2.get(), l3.get(), &admin}) {
        EXPECT_EQ(refusal(*who, "UPDATE incident_history SET actor = 'nobody' WHERE incident_id = $1", {id}),
                  "42501");
        EXPECT_EQ(refusal(*who, "DELETE FROM incident_history WHERE incident_id = $1", {id}), "42501");
    }
    EXPECT_EQ(refusal(admin, "TRUNCATE incident_history CASCADE", {}), "42501");
    EXPECT_EQ(refusal(*l1,
                      "INSERT INTO incident_history (incident_id, actor, action) VALUES ($1, 'x', 'forged')",
                      {id}),
              "42501");
    EXPECT_EQ(IncidentStore(admin).history(ticket.id).size(), 2u); // create, then state new -> triage
}

TEST_F(Incidents, EscalationNeedsEveryPartAndRecordsIt)
{
    auto ticket = openedBy(*l2, "high", "in_progress");
    IncidentStore store(*l2);
    cases::EscalationRequest request;
    request.impact = "web-01 and its customer database";
    request.actions_taken = "Blocked 203.0.113.7 at the firewall";
    request.evidence_alerts = {1};
    request.receiving_team = "CSIRT";
    try {
        store.escalate(ticket.id, ticket.version, request);
        FAIL() << "escalated without a justification";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "the escalation needs a justification");
    }
    // Nor by raw SQL: no escalation record, or one with a blank part.
    EXPECT_EQ(refusal(*l2,
                      "UPDATE incidents SET version = $2, state = 'escalated', tier = 'l3' WHERE id = $1",
                      {std::to_string(ticket.id), std::to_string(ticket.version)}),
              "23514");
    EXPECT_EQ(refusal(*l2,
                      "INSERT INTO escalations (incident_id, justification, impact, actions_taken, evidence, "
                      "receiving_team) VALUES ($1, ' ', 'x', 'y', '[1]', 'CSIRT')",
                      {std::to_string(ticket.id)}),
              "23514");
    // Level 1 hands over to level 2, not to level 3.
    request.justification = "Successful login after a brute force: likely compromise";
    EXPECT_THROW(IncidentStore(*l1).escalate(ticket.id, ticket.version, request),
                 cases::IncidentRefusedError);

    const auto escalated = store.escalate(ticket.id, ticket.version, request);
    EXPECT_EQ(escalated.state, "escalated");
    EXPECT_EQ(escalated.tier, "l3");
    const auto record = admin.exec("SELECT escalated_by, justification, receiving_team, evidence::text "
                                   "FROM escalations WHERE incident_id = $1",
                                   {std::to_string(ticket.id)});
    ASSERT_EQ(record.rows(), 1);
    EXPECT_EQ(record.text(0, 0), escalated.updated_by);
    EXPECT_EQ(record.text(0, 1), request.justification);
    EXPECT_EQ(record.text(0, 2), "CSIRT");
    EXPECT_EQ(record.text(0, 3), "[{\"alert_id\": 1}]");
    const auto history = store.history(ticket.id);
    bool escalate_logged = false, state_logged = false, tier_logged = false;
    for (const auto& entry : history) {
        escalate_logged |= entry.action == "escalate";
        state_logged |= entry.field == "state" && entry.new_value == "escalated";
        tier_logged |= entry.field == "tier" && entry.new_value == "l3";
    }
    EXPECT_TRUE(escalate_logged);
    EXPECT_TRUE(state_logged);
    EXPECT_TRUE(tier_logged);
}

TEST_F(Incidents, OnlyLevelThreeActsOnAnEscalatedIncident)
{
    auto ticket = openedBy(*l2, "high", "in_progress");
    cases::EscalationRequest request{
        "Lateral movement", "Finance file server", "Isolated the laptop", {1}, {}, "CSIRT"};
    ticket = IncidentStore(*l2).escalate(ticket.id, ticket.version, request);
    const std::string id = std::to_string(ticket.id), version = std::to_string(ticket.version);
    // De-escalation by level 1, by state or by tier, is refused; level 2 cannot either.
    EXPECT_EQ(refusal(*l1,
                      "UPDATE incidents SET version = $2, state = 'resolved', resolution_code = 'x', "
                      "resolution_summary = 'y' WHERE id = $1",
                      {id, version}),
              "42501");
    EXPECT_EQ(refusal(*l1, "UPDATE incidents SET version = $2, tier = 'l2' WHERE id = $1", {id, version}),
              "42501");
    EXPECT_EQ(refusal(*l2, "UPDATE incidents SET version = $2, tier = 'l2' WHERE id = $1", {id, version}),
              "42501");
    // Nobody deletes a ticket.
    EXPECT_EQ(refusal(*l1, "DELETE FROM incidents WHERE id = $1", {id}), "42501");
    // Level 3 resolves it.
    const auto resolved =
        IncidentStore(*l3).transition(ticket.id, "resolved", ticket.version, "contained", "Laptop reimaged");
    EXPECT_EQ(resolved.state, "resolved");
    EXPECT_EQ(resolved.tier, "l3");
}

TEST_F(Incidents, AnalystsEditOnlyTheirOwnCommentsAndLinksAreAudited)
{
    const auto ticket = openedBy(*l1, "medium", "triage");
    IncidentStore(*l1).comment(ticket.id, "Checked with the user: not her");
    const std::string id = std::to_string(ticket.id);
    // Row-level security: level 3's edit of level 1's comment touches no row.
    const std::string edit = "UPDATE incident_comments SET body = $2 WHERE incident_id = $1 RETURNING id";
    EXPECT_EQ(l3->exec(edit, {id, "rewritten"}).rows(), 0);
    EXPECT_EQ(l1->exec(edit, {id, "Checked: not her"}).rows(), 1);

    IncidentStore store(*l2);
    const cases::EventRef event{42, std::chrono::sys_days{std::chrono::November / 20 / 2026} +
                                        std::chrono::hours(9)};
    store.linkEvent(ticket.id, event, "first failed login");
    ASSERT_EQ(store.events(ticket.id).size(), 1u);
    EXPECT_EQ(store.events(ticket.id).front().ts, event.ts);
    store.unlinkEvent(ticket.id, event);
    EXPECT_TRUE(store.events(ticket.id).empty());
    std::vector<std::string> actions;
    for (const auto& entry : store.history(ticket.id))
        actions.push_back(entry.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "update", "comment", "edit_comment", "link_event",
                                                 "unlink_event"}));
}

TEST_F(Incidents, VigiectlCreatesAnAnalystWithAQuotedName)
{
    const auto name = roles.track("ana\"lyst; DROP TABLE incidents; -- " + std::to_string(getpid()));
    test::ChildProcess create(
        {VIGIECTL_PATH, "db", "create-analyst", "--database", db.conninfo(), name, "--tier", "l2"});
    create.writeInput("s3cret\n");
    create.closeInput();
    ASSERT_EQ(create.wait(), 0);
    EXPECT_EQ(admin
                  .exec("SELECT count(*) FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
                        "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = $1 AND r.rolcanlogin "
                        "AND g.rolname = 'vigie_l2'",
                        {name})
                  .integer(0, 0),
              1);
    EXPECT_EQ(admin.exec("SELECT to_regclass('incidents') IS NOT NULL").text(0, 0), "t");

    test::ChildProcess bad(
        {VIGIECTL_PATH, "db", "create-analyst", "--database", db.conninfo(), "x", "--tier", "l9"});
    bad.closeInput();
    EXPECT_EQ(bad.wait(), 2);
}

TEST_F(Incidents, MergeMovesTheLinksAndLeavesATrace)
{
    IncidentStore store(*l1);
    auto duplicate = store.createFromAlerts({1});
    auto kept = store.createFromAlerts({2});
    const cases::EventRef event{7, std::chrono::sys_days{std::chrono::November / 20 / 2026}};
    store.linkEvent(duplicate.id, event, "the first failure");
    duplicate = *store.find(duplicate.id);

    // A stale copy of either ticket refuses the whole merge.
    EXPECT_THROW(store.merge(duplicate.id, duplicate.version, kept.id, kept.version + 1),
                 cases::StaleIncidentError);
    EXPECT_EQ(store.alertIds(kept.id), (std::vector<std::int64_t>{2}));

    const auto merged = store.merge(duplicate.id, duplicate.version, kept.id, kept.version);
    EXPECT_EQ(merged.id, kept.id);
    EXPECT_EQ(store.alertIds(kept.id), (std::vector<std::int64_t>{1, 2}));
    const auto events = store.linkedEvents(kept.id);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].note, "the first failure");
    EXPECT_FALSE(events[0].stored); // no such event stored: the reference and note remain
    const auto source = *store.find(duplicate.id);
    EXPECT_EQ(source.state, "merged");
    EXPECT_EQ(source.merged_into, kept.id);
    const auto history = store.history(kept.id);
    ASSERT_FALSE(history.empty());
    EXPECT_TRUE(std::any_of(history.begin(), history.end(), [&](const cases::HistoryEntry& entry) {
        return entry.action == "merge" && entry.detail == std::to_string(duplicate.id) &&
               entry.actor == role_of["l1"];
    }));

    // The list shows both, with their links counted.
    const auto listed = store.list();
    ASSERT_EQ(listed.size(), 2u);
    const auto& first = listed.front().incident.id == kept.id ? listed.front() : listed.back();
    EXPECT_EQ(first.alert_count, 2);
    EXPECT_EQ(first.event_count, 1);

    // Nothing merges into a ticket that is no longer open.
    auto done = openedBy(*l2, "low", "in_progress");
    done = IncidentStore(*l2).transition(done.id, "resolved", done.version, "benign", "Backup job");
    auto another = store.create(test::incidentByHand("Same backup job", "low"));
    EXPECT_THROW(store.merge(another.id, another.version, done.id, done.version),
                 cases::IncidentRefusedError);
}

// What the incident view offers must be exactly what the database accepts, for every tier.
TEST_F(Incidents, OfferedTransitionsAreExactlyThoseTheDatabaseAccepts)
{
    const auto transitions = IncidentStore(admin).transitions();
    ASSERT_FALSE(transitions.empty());
    for (const std::string tier : {"l1", "l2", "l3"}) {
        auto& who = tier == "l1" ? *l1 : tier == "l2" ? *l2 : *l3;
        EXPECT_EQ(IncidentStore(who).currentAnalyst().tier, tier);
        for (const std::string severity : {"medium", "critical"}) {
            for (const std::string state : {"new", "triage", "in_progress"}) {
                const auto ticket = openedBy(*l2, severity, state);
                const auto offered = cases::allowedTransitions(ticket, tier, transitions);
                for (const std::string to :
                     {"triage", "in_progress", "resolved", "closed", "false_positive"}) {
                    if (to == state)
                        continue; // not a move
                    who.exec("BEGIN");
                    bool accepted = true;
                    try {
                        IncidentStore(who).transition(ticket.id, to, ticket.version, "contained", "done");
                    } catch (const store::StoreError&) {
                        accepted = false;
                    }
                    who.exec("ROLLBACK");
                    const bool is_offered = std::find(offered.begin(), offered.end(), to) != offered.end();
                    EXPECT_EQ(is_offered, accepted)
                        << tier << " " << severity << " " << state << " -> " << to;
                }
                const bool may_escalate =
                    std::find(offered.begin(), offered.end(), "escalated") != offered.end();
                EXPECT_EQ(may_escalate, state == "in_progress" && tier != "l1") << tier << " " << state;
            }
        }
    }
    const auto analysts = IncidentStore(*l1).analysts();
    for (const std::string tier : {"l1", "l2", "l3"})
        EXPECT_TRUE(std::any_of(analysts.begin(), analysts.end(), [&](const cases::Analyst& analyst) {
            return analyst.name == role_of[tier] && analyst.tier == tier;
        })) << tier;
}

// Another workstation, listening as a level-3 analyst, hears the escalation as soon as it is
// committed (the issue asks for under 2 s).
TEST_F(Incidents, AnotherWorkstationHearsTheEscalationWithinTwoSeconds)
{
    auto ticket = openedBy(*l2, "high", "in_progress");
    l3->exec("LISTEN vigie_incidents");
    // Drain the notices of the ticket's creation.
    PQconsumeInput(l3->native());
    while (PGnotify* notice = PQnotifies(l3->native()))
        PQfreemem(notice);

    const auto started = std::chrono::steady_clock::now();
    IncidentStore(*l2).escalate(
        ticket.id, ticket.version,
        {"Admin login after brute force", "web-01", "Password reset", {1}, {}, "CSIRT"});
    std::string payload;
    while (payload.find("\"escalated\"") == std::string::npos &&
           std::chrono::steady_clock::now() - started < std::chrono::seconds(5)) {
        pollfd socket{PQsocket(l3->native()), POLLIN, 0};
        ::poll(&socket, 1, 100);
        PQconsumeInput(l3->native());
        while (PGnotify* notice = PQnotifies(l3->native())) {
            payload = notice->extra;
            PQfreemem(notice);
        }
    }
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_LT(waited, std::chrono::seconds(2));
    EXPECT_NE(payload.find("\"escalated\""), std::string::npos) << payload;
    EXPECT_NE(payload.find("\"" + role_of["l2"] + "\""), std::string::npos) << payload;
    EXPECT_NE(payload.find("\"id\" : " + std::to_string(ticket.id)), std::string::npos) << payload;
}

// The package's content: the ticket as escalated, the escalation's parts, and the evidence
// chosen, with the raw lines of the alert's events (real sshd lines) and of linked events.
TEST_F(Incidents, EscalationPackageHoldsTheEvidenceWithItsRawLines)
{
    const auto lines = test::readLines(test::sharedData("loghub/OpenSSH/OpenSSH_2k.log"));
    ASSERT_GE(lines.size(), 30u);
    std::vector<Event> batch;
    const parse::Context context{std::chrono::sys_days{std::chrono::December / 31 / 2026}, "10.0.0.5"};
    for (std::size_t i = 0; i < 30; ++i)
        batch.push_back(parse::parseRecord(lines[i], parse::Format::Auto, context));
    store::EventWriter writer(db.conninfo());
    ASSERT_TRUE(writer.write(batch, "sshd-sample"));
    admin.execScript(
        "INSERT INTO alerts (rule_id, rule_title, level, host, window_start, first_ts, last_ts, count, "
        "event_ids) SELECT 'r3', 'SSH invalid users', 'high', 'LabSZ', min(ts), min(ts), max(ts), "
        "count(*), array_agg(id ORDER BY id) FROM (SELECT id, ts FROM events ORDER BY id LIMIT 25) e");
    const auto alert_id = test::scalar(admin, "SELECT max(id) FROM alerts");
    const auto last =
        admin.exec("SELECT id, (extract(epoch FROM ts) * 1000000)::bigint FROM events ORDER BY id DESC "
                   "LIMIT 1");
    const cases::EventRef linked{last.integer(0, 0),
                                 Timestamp(std::chrono::microseconds(last.integer(0, 1)))};

    IncidentStore store(*l2);
    auto ticket = store.createFromAlerts({alert_id, 1});
    store.linkEvent(ticket.id, linked, "last line of the sample");
    ticket = *store.find(ticket.id);
    for (const std::string next : {"triage", "in_progress"})
        ticket = store.transition(ticket.id, next, ticket.version);
    EXPECT_FALSE(store.escalationPackage(ticket.id)); // never escalated
    ticket = store.escalate(ticket.id, ticket.version,
                            {"Many invalid users from one address",
                             "LabSZ sshd; no data touched yet",
                             "Blocked the address",
                             {alert_id},
                             {linked},
                             "CSIRT"});

    const auto package = store.escalationPackage(ticket.id);
    ASSERT_TRUE(package);
    EXPECT_EQ(package->incident.state, "escalated");
    EXPECT_EQ(package->escalation.receiving_team, "CSIRT");
    EXPECT_EQ(package->escalation.escalated_by, role_of["l2"]);
    ASSERT_EQ(package->evidence_alerts.size(), 1u); // only the alert chosen as evidence
    EXPECT_EQ(package->evidence_alerts[0].alert.id, alert_id);
    const auto& raw = package->evidence_alerts[0].raw_lines;
    ASSERT_EQ(raw.size(), static_cast<std::size_t>(IncidentStore::kEvidenceLinesPerAlert));
    for (std::size_t i = 0; i < raw.size(); ++i)
        EXPECT_EQ(raw[i], lines[i]);
    ASSERT_EQ(package->evidence_events.size(), 1u);
    EXPECT_TRUE(package->evidence_events[0].stored);
    EXPECT_EQ(package->evidence_events[0].raw, lines[29]);
    EXPECT_EQ(package->evidence_events[0].note, "last line of the sample");
    EXPECT_FALSE(package->history.empty());
}

TEST_F(Incidents, VigiectlSetsTheSlaHoursNewTicketsFollow)
{
    test::ChildProcess sla(
        {VIGIECTL_PATH, "db", "sla", "--database", db.conninfo(), "--critical", "2", "--low", "96"});
    sla.closeInput();
    ASSERT_EQ(sla.wait(), 0);
    EXPECT_EQ(sla.output(), "critical 2 h\nhigh 4 h\nmedium 24 h\nlow 96 h\n");
    const auto critical =
        IncidentStore(*l2).create(test::incidentByHand("Ransomware note on FS-01", "critical"));
    EXPECT_EQ(critical.sla_due - critical.created_at, std::chrono::hours(2));

    test::ChildProcess bad({VIGIECTL_PATH, "db", "sla", "--database", db.conninfo(), "--high", "soon"});
    bad.closeInput();
    EXPECT_NE(bad.wait(), 0);
    EXPECT_EQ(cases::slaHours(admin)[1], (std::pair<std::string, int>{"high", 4}));
}

} // namespace
