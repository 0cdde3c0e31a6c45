-- Incident tickets, continued (issue #7): live updates for every workstation and merging.
--
-- NOTIFY vigie_incidents after every change of a ticket, its links or its comments, so other
-- desktops refresh their lists and open views within a second and announce new critical
-- incidents and escalations. The payload is JSON: {"id", "event", "severity", "title", "actor"},
-- event one of created, updated, escalated, merged, linked, commented. Notifications are sent at
-- commit, so nobody hears of a change that was rolled back.
--
-- Merging: a duplicate ticket goes to state `merged`, pointing at the ticket that took its alerts
-- and events (merged_into); IncidentStore::merge does both in one transaction.

ALTER TABLE incidents ADD COLUMN merged_into bigint REFERENCES incidents;
ALTER TABLE incidents DROP CONSTRAINT incidents_state_check;
ALTER TABLE incidents ADD CONSTRAINT incidents_state_check
    CHECK (state IN ('new', 'triage', 'in_progress', 'escalated', 'resolved', 'closed', 'false_positive', 'merged'));
ALTER TABLE incidents ADD CONSTRAINT incidents_merged_target
    CHECK ((state = 'merged') = (merged_into IS NOT NULL) AND merged_into IS DISTINCT FROM id);
INSERT INTO incident_transitions VALUES ('new', 'merged'), ('triage', 'merged'), ('in_progress', 'merged');
GRANT UPDATE (merged_into) ON incidents TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;

-- A ticket is merged only into one that is still open: merging into a closed ticket would hide
-- its alerts from everyone's queue.
CREATE FUNCTION incidents_merge_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.state = 'merged' AND OLD.state <> 'merged' AND NOT EXISTS (
        SELECT 1 FROM incidents WHERE id = NEW.merged_into AND state IN ('new', 'triage', 'in_progress', 'escalated')) THEN
        RAISE EXCEPTION 'an incident is merged only into an open incident' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER incidents_merge_guard BEFORE UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_merge_guard();

-- The target's own history says what was merged into it (the source's says where it went).
CREATE FUNCTION incidents_merge_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO incident_history (incident_id, actor, action, detail)
    VALUES (NEW.merged_into, session_user, 'merge', NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER incidents_merge_audit AFTER UPDATE ON incidents FOR EACH ROW
    WHEN (NEW.state = 'merged' AND OLD.state <> 'merged') EXECUTE FUNCTION incidents_merge_audit();

CREATE FUNCTION incident_notify(incident_id bigint, event text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_notify('vigie_incidents', json_build_object(
        'id', i.id, 'event', event, 'severity', i.severity, 'title', i.title, 'actor', session_user)::text)
    FROM incidents i WHERE i.id = incident_id
$$;

CREATE FUNCTION incidents_notify() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM incident_notify(NEW.id, CASE
        WHEN TG_OP = 'INSERT' THEN 'created'
        WHEN NEW.state = 'escalated' AND OLD.state <> 'escalated' THEN 'escalated'
        WHEN NEW.state = 'merged' AND OLD.state <> 'merged' THEN 'merged'
        ELSE 'updated' END);
    RETURN NULL;
END
$$;
CREATE TRIGGER incidents_notify AFTER INSERT OR UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_notify();

CREATE FUNCTION incident_satellite_notify() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    PERFORM incident_notify((row_data ->> 'incident_id')::bigint,
                            CASE TG_TABLE_NAME WHEN 'incident_comments' THEN 'commented' ELSE 'linked' END);
    RETURN NULL;
END
$$;
CREATE TRIGGER incident_alerts_notify AFTER INSERT OR DELETE ON incident_alerts
    FOR EACH ROW EXECUTE FUNCTION incident_satellite_notify();
CREATE TRIGGER incident_events_notify AFTER INSERT OR DELETE ON incident_events
    FOR EACH ROW EXECUTE FUNCTION incident_satellite_notify();
CREATE TRIGGER incident_comments_notify AFTER INSERT OR UPDATE OR DELETE ON incident_comments
    FOR EACH ROW EXECUTE FUNCTION incident_satellite_notify();

GRANT EXECUTE ON FUNCTION incident_notify(bigint, text) TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;

-- An analyst's desktop connected as their own role reads what the workstation shows (events,
-- rollups, alerts, rules, dashboards, detectors, settings: no secret is kept in the database),
-- acknowledges alerts (as themselves: acknowledged_by is checked by nobody but the audit), and
-- keeps their saved searches and dashboards. Ingest, rules, retention and detectors stay with
-- the owner (the server's `vigiectl serve`) and administrators.
GRANT SELECT ON events, sources, ingest_batches, event_counts_1m, saved_searches, settings, event_field_counts_1h,
    alerts, detection_rules, dashboards, event_dim_counts_1h, event_dim_counts_1d, event_dim_days,
    anomaly_detectors, anomaly_baselines TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT UPDATE (status, acknowledged_by, acknowledged_at) ON alerts TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT INSERT, UPDATE, DELETE ON saved_searches, dashboards TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
-- The desktop checks that the schema is current before an analyst works on it.
GRANT SELECT ON schema_migrations TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT INSERT, UPDATE, DELETE ON detection_rules, anomaly_detectors TO vigie_admin;
