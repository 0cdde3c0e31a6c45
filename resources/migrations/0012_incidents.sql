-- Incident tickets (issue #7, DESIGN §8, §9): the tickets, their satellites, the analysts' group
-- roles and the rules the database enforces even for a client that bypasses Vigie and speaks SQL:
-- allowed transitions, what each tier may do, optimistic locking and an append-only audit trail.
-- Read and written by backend/cases/incident_store.cpp; analysts are created by
-- `vigiectl db create-analyst` (backend/cases/analyst_role.cpp).
--
-- Who acts is session_user (the analyst who logged in): the audit triggers run as the owner
-- (SECURITY DEFINER, so analysts need no INSERT right on the history), where current_user would
-- name the owner. A role's tier is its highest group; superusers count as vigie_admin (the
-- embedded single-user cluster), a role in no group gets the level-1 rules.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigie_l1') THEN CREATE ROLE vigie_l1 NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigie_l2') THEN CREATE ROLE vigie_l2 NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigie_l3') THEN CREATE ROLE vigie_l3 NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigie_admin') THEN CREATE ROLE vigie_admin NOLOGIN; END IF;
END
$$;

-- Membership is looked up by the groups' oids, so a database restored into a cluster that
-- lacks the groups still works (everyone but superusers then gets the level-1 rules).
CREATE FUNCTION vigie_tier_of(who name) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who AND rolsuper) THEN 'admin'
        WHEN EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'vigie_admin' AND pg_has_role(who, g.oid, 'MEMBER')) THEN 'admin'
        WHEN EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'vigie_l3' AND pg_has_role(who, g.oid, 'MEMBER')) THEN 'l3'
        WHEN EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'vigie_l2' AND pg_has_role(who, g.oid, 'MEMBER')) THEN 'l2'
        ELSE 'l1'
    END
$$;

-- The tickets. version: bumped by every change; an UPDATE must carry the version it was made on
-- (SET version = <the version read>), or it is refused: a stale copy never overwrites a
-- colleague's change. sla_due: from the severity (settings incidents.sla_hours.<severity>).
CREATE TABLE incidents (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title              text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
    description        text        NOT NULL DEFAULT '',
    severity           text        NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    priority           integer     NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    state              text        NOT NULL DEFAULT 'new'
                       CHECK (state IN ('new', 'triage', 'in_progress', 'escalated', 'resolved', 'closed', 'false_positive')),
    tier               text        NOT NULL DEFAULT 'l1' CHECK (tier IN ('l1', 'l2', 'l3')),
    assignee           text,
    attack_tags        text[]      NOT NULL DEFAULT '{}',
    sla_due            timestamptz NOT NULL, -- set by incidents_guard from the severity
    resolution_code    text,
    resolution_summary text,
    version            integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text        NOT NULL DEFAULT session_user,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         text        NOT NULL DEFAULT session_user,
    CONSTRAINT incidents_resolution CHECK (
        state NOT IN ('resolved', 'closed')
        OR (length(btrim(coalesce(resolution_code, ''))) > 0 AND length(btrim(coalesce(resolution_summary, ''))) > 0)),
    CONSTRAINT incidents_escalated_l3 CHECK (state <> 'escalated' OR tier = 'l3')
);
CREATE INDEX incidents_state_idx ON incidents (state, sla_due);
CREATE INDEX incidents_assignee_idx ON incidents (assignee);

-- The allowed transitions, read by the trigger and by the views (buttons for allowed moves only).
CREATE TABLE incident_transitions (
    from_state text NOT NULL,
    to_state   text NOT NULL,
    PRIMARY KEY (from_state, to_state)
);
INSERT INTO incident_transitions VALUES
    ('new', 'triage'), ('triage', 'in_progress'), ('in_progress', 'escalated'), ('in_progress', 'resolved'),
    ('escalated', 'resolved'), ('resolved', 'closed'),
    ('new', 'false_positive'), ('triage', 'false_positive'), ('in_progress', 'false_positive'),
    ('resolved', 'triage'), ('closed', 'triage'), ('false_positive', 'triage');

-- Alerts grouped into a ticket. No foreign key to events below: retention drops partitions, and
-- the ticket keeps the reference (events are identified by id and time, the partition key).
CREATE TABLE incident_alerts (
    incident_id bigint      NOT NULL REFERENCES incidents,
    alert_id    bigint      NOT NULL REFERENCES alerts,
    added_by    text        NOT NULL DEFAULT session_user,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, alert_id)
);
CREATE INDEX incident_alerts_alert_idx ON incident_alerts (alert_id);

CREATE TABLE incident_events (
    incident_id bigint      NOT NULL REFERENCES incidents,
    event_id    bigint      NOT NULL,
    event_ts    timestamptz NOT NULL,
    note        text        NOT NULL DEFAULT '',
    added_by    text        NOT NULL DEFAULT session_user,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, event_id, event_ts)
);

CREATE TABLE incident_comments (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incidents,
    body        text        NOT NULL CHECK (length(btrim(body)) > 0),
    author      text        NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_comments_incident_idx ON incident_comments (incident_id, created_at);

-- The audit trail: one row per changed field of a ticket (action 'update'), or per action on it
-- ('create', 'link_alert', 'comment', 'escalate'...; detail says what). Append-only for everyone.
CREATE TABLE incident_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id bigint      NOT NULL REFERENCES incidents,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    action      text        NOT NULL,
    field       text,
    old_value   text,
    new_value   text,
    detail      text
);
CREATE INDEX incident_history_incident_idx ON incident_history (incident_id, id);

-- Escalations to level 3: everything the receiving team needs; none of it may be blank.
-- evidence: a non-empty JSON array of the alerts and events chosen ({"alert_id":..} / {"event_id":..,"ts":..}).
CREATE TABLE escalations (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id    bigint      NOT NULL REFERENCES incidents,
    escalated_by   text        NOT NULL DEFAULT session_user,
    escalated_at   timestamptz NOT NULL DEFAULT now(),
    justification  text        NOT NULL CHECK (length(btrim(justification)) > 0),
    impact         text        NOT NULL CHECK (length(btrim(impact)) > 0),
    actions_taken  text        NOT NULL CHECK (length(btrim(actions_taken)) > 0),
    evidence       jsonb       NOT NULL CHECK (jsonb_typeof(evidence) = 'array' AND jsonb_array_length(evidence) > 0),
    receiving_team text        NOT NULL CHECK (length(btrim(receiving_team)) > 0)
);
CREATE INDEX escalations_incident_idx ON escalations (incident_id, escalated_at);

-- SLA: hours from severity, configurable in `settings` (incidents.sla_hours.critical...).
-- SECURITY DEFINER: analysts need not read every setting.
CREATE FUNCTION incident_sla_due(severity text, opened timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT opened + make_interval(hours => coalesce(
        (SELECT value::integer FROM settings WHERE key = 'incidents.sla_hours.' || severity AND value ~ '^[0-9]{1,5}$'),
        CASE severity WHEN 'critical' THEN 1 WHEN 'high' THEN 4 WHEN 'medium' THEN 24 ELSE 72 END))
$$;

-- Before every write of a ticket: who and when, the SLA, the version check, allowed transitions
-- and what the caller's tier may do.
CREATE FUNCTION incidents_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    tier text := vigie_tier_of(session_user);
    severities constant text[] := ARRAY['low', 'medium', 'high', 'critical'];
BEGIN
    NEW.updated_at := now();
    NEW.updated_by := session_user;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'new' THEN
            RAISE EXCEPTION 'a new incident starts in state new, not %', NEW.state USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.tier = 'l3' AND tier NOT IN ('l3', 'admin') THEN
            RAISE EXCEPTION 'only level 3 or an administrator may open an incident at level 3' USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.version := 1;
        NEW.created_at := now();
        NEW.created_by := session_user;
        NEW.sla_due := incident_sla_due(NEW.severity, NEW.created_at); -- from the settings, never the client
        RETURN NEW;
    END IF;

    IF NEW.version IS DISTINCT FROM OLD.version THEN
        RAISE EXCEPTION 'someone changed this incident meanwhile'
            USING ERRCODE = 'VG409', DETAIL = format('stored version %s, the change was made on version %s', OLD.version, NEW.version);
    END IF;
    NEW.version := OLD.version + 1;
    IF NEW.id <> OLD.id OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by THEN
        RAISE EXCEPTION 'the identity and creation of an incident cannot change' USING ERRCODE = 'insufficient_privilege';
    END IF;

    IF OLD.state = 'escalated' AND tier NOT IN ('l3', 'admin') THEN
        RAISE EXCEPTION 'only level 3 or an administrator may change an escalated incident' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF tier = 'l1' AND array_position(severities, NEW.severity) < array_position(severities, OLD.severity) THEN
        RAISE EXCEPTION 'level 1 may raise the severity of an incident, not lower it' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.tier <> OLD.tier AND (NEW.tier = 'l3' OR OLD.tier = 'l3') AND NEW.state <> 'escalated'
       AND tier NOT IN ('l3', 'admin') THEN
        RAISE EXCEPTION 'only level 3 or an administrator may move an incident into or out of level 3 (escalate instead)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;

    IF NEW.state <> OLD.state THEN
        IF NOT EXISTS (SELECT 1 FROM incident_transitions WHERE from_state = OLD.state AND to_state = NEW.state) THEN
            RAISE EXCEPTION 'an incident cannot go from % to %', OLD.state, NEW.state USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.state IN ('closed', 'false_positive') AND 'critical' IN (OLD.severity, NEW.severity) AND tier = 'l1' THEN
            RAISE EXCEPTION 'level 1 may not close or mark as false positive a critical incident' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.state = 'escalated' THEN
            IF tier = 'l1' THEN
                RAISE EXCEPTION 'level 1 hands incidents to level 2; escalation to level 3 is for level 2 and above'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            -- The escalation must be recorded in the same transaction (now() is its start time).
            IF NOT EXISTS (SELECT 1 FROM escalations WHERE incident_id = NEW.id AND escalated_at = now()) THEN
                RAISE EXCEPTION 'an incident is escalated only with its escalation record (justification, impact, actions, evidence, team)'
                    USING ERRCODE = 'check_violation';
            END IF;
            NEW.tier := 'l3';
        END IF;
        IF NEW.state = 'triage' AND OLD.state IN ('resolved', 'closed', 'false_positive') THEN
            NEW.resolution_code := NULL; -- reopened: the old resolution stays in the history
            NEW.resolution_summary := NULL;
        END IF;
    END IF;
    IF NEW.severity <> OLD.severity THEN
        NEW.sla_due := incident_sla_due(NEW.severity, NEW.created_at);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER incidents_guard BEFORE INSERT OR UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_guard();

-- After every write of a ticket: one history row per changed field (or 'create').
CREATE FUNCTION incidents_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO incident_history (incident_id, actor, action, detail)
        VALUES (NEW.id, session_user, 'create', NEW.title);
        RETURN NULL;
    END IF;
    INSERT INTO incident_history (incident_id, actor, action, field, old_value, new_value)
    SELECT NEW.id, session_user, 'update', o.key, o.value #>> '{}', n.value #>> '{}'
    FROM jsonb_each(to_jsonb(OLD)) o JOIN jsonb_each(to_jsonb(NEW)) n USING (key)
    WHERE o.value IS DISTINCT FROM n.value AND o.key NOT IN ('version', 'updated_at', 'updated_by')
    ORDER BY o.key;
    RETURN NULL;
END
$$;
CREATE TRIGGER incidents_audit AFTER INSERT OR UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION incidents_audit();

-- Satellites: who and when are the server's, not the client's; each change is in the history.
CREATE FUNCTION incident_satellite_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'escalations' THEN NEW.escalated_by := session_user; NEW.escalated_at := now();
        WHEN 'incident_comments' THEN NEW.author := session_user; NEW.created_at := now();
        ELSE NEW.added_by := session_user; NEW.added_at := now();
    END CASE;
    RETURN NEW;
END
$$;

CREATE FUNCTION incident_satellite_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    row_data jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    action text;
    detail text;
BEGIN
    CASE TG_TABLE_NAME
        WHEN 'incident_alerts' THEN
            action := CASE TG_OP WHEN 'INSERT' THEN 'link_alert' ELSE 'unlink_alert' END;
            detail := row_data ->> 'alert_id';
        WHEN 'incident_events' THEN
            action := CASE TG_OP WHEN 'INSERT' THEN 'link_event' ELSE 'unlink_event' END;
            detail := concat_ws(' ', row_data ->> 'event_id', row_data ->> 'event_ts', nullif(row_data ->> 'note', ''));
        WHEN 'incident_comments' THEN
            action := CASE TG_OP WHEN 'INSERT' THEN 'comment' WHEN 'UPDATE' THEN 'edit_comment' ELSE 'delete_comment' END;
            detail := row_data ->> 'body';
        ELSE
            action := 'escalate';
            detail := concat('to ', row_data ->> 'receiving_team', ': ', row_data ->> 'justification');
    END CASE;
    INSERT INTO incident_history (incident_id, actor, action, detail)
    VALUES ((row_data ->> 'incident_id')::bigint, session_user, action, detail);
    RETURN NULL;
END
$$;

CREATE TRIGGER incident_alerts_stamp BEFORE INSERT ON incident_alerts FOR EACH ROW EXECUTE FUNCTION incident_satellite_stamp();
CREATE TRIGGER incident_events_stamp BEFORE INSERT ON incident_events FOR EACH ROW EXECUTE FUNCTION incident_satellite_stamp();
CREATE TRIGGER incident_comments_stamp BEFORE INSERT ON incident_comments FOR EACH ROW EXECUTE FUNCTION incident_satellite_stamp();
CREATE TRIGGER escalations_stamp BEFORE INSERT ON escalations FOR EACH ROW EXECUTE FUNCTION incident_satellite_stamp();
CREATE TRIGGER incident_alerts_audit AFTER INSERT OR DELETE ON incident_alerts FOR EACH ROW EXECUTE FUNCTION incident_satellite_audit();
CREATE TRIGGER incident_events_audit AFTER INSERT OR DELETE ON incident_events FOR EACH ROW EXECUTE FUNCTION incident_satellite_audit();
CREATE TRIGGER incident_comments_audit AFTER INSERT OR UPDATE OR DELETE ON incident_comments FOR EACH ROW EXECUTE FUNCTION incident_satellite_audit();
CREATE TRIGGER escalations_audit AFTER INSERT ON escalations FOR EACH ROW EXECUTE FUNCTION incident_satellite_audit();

-- Escalations are records, like the history: never edited or removed.
CREATE FUNCTION refuse_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: its rows are never changed or removed', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER incident_history_append_only BEFORE UPDATE OR DELETE ON incident_history
    FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER incident_history_no_truncate BEFORE TRUNCATE ON incident_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER escalations_append_only BEFORE UPDATE OR DELETE ON escalations
    FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER escalations_no_truncate BEFORE TRUNCATE ON escalations
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();

-- Grants: every tier reads what it works on and edits tickets (the triggers above decide which
-- edits); nobody but the owner deletes a ticket, and the history is read-only for all.
REVOKE ALL ON incidents, incident_transitions, incident_alerts, incident_events, incident_comments,
    incident_history, escalations FROM PUBLIC;
GRANT SELECT ON alerts, events, incidents, incident_transitions, incident_alerts, incident_events,
    incident_comments, incident_history, escalations TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT INSERT ON incidents, incident_alerts, incident_events, incident_comments, escalations
    TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT UPDATE (title, description, severity, priority, state, tier, assignee, attack_tags, resolution_code,
    resolution_summary, version) ON incidents TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT DELETE ON incident_alerts, incident_events, incident_comments TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT UPDATE (body) ON incident_comments TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO vigie_admin;
REVOKE UPDATE, DELETE, TRUNCATE ON incident_history, escalations FROM vigie_l1, vigie_l2, vigie_l3, vigie_admin;
GRANT EXECUTE ON FUNCTION incident_sla_due(text, timestamptz), vigie_tier_of(name)
    TO vigie_l1, vigie_l2, vigie_l3, vigie_admin;

-- Row-level security: an analyst edits or removes only their own comments (an administrator any);
-- nobody records an escalation in someone else's name (the stamp trigger sets it anyway).
ALTER TABLE incident_comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_read ON incident_comments FOR SELECT USING (true);
CREATE POLICY comments_write ON incident_comments FOR INSERT WITH CHECK (true);
CREATE POLICY comments_own_edit ON incident_comments FOR UPDATE
    USING (author = session_user OR vigie_tier_of(session_user) = 'admin');
CREATE POLICY comments_own_delete ON incident_comments FOR DELETE
    USING (author = session_user OR vigie_tier_of(session_user) = 'admin');
