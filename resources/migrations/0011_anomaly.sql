-- Anomaly detection (issue #6, design notes §4): the detectors, what they learned, and their
-- alerts, which join the rule alerts in `alerts` with origin 'anomaly'.
--   alerts.explanation  English sentence for vigiectl and exports ("412 failed logins on web-01
--                       in 10 min; usual for Tuesday 14:00 is 3 ± 2"); the GUI builds its own,
--                       translated, from `details`
--   alerts.details      the numbers behind it: {"template":"rate_spike","observed":412,...}
ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_origin_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_origin_check CHECK (origin IN ('live', 'retro-hunt', 'anomaly'));
ALTER TABLE alerts ADD COLUMN explanation text, ADD COLUMN details jsonb;

-- One row per detector. settings: the kind's keys (anomaly/detector_config.h); version is
-- bumped by each saved change (optimistic locking, and the runner's cue to reload).
CREATE TABLE anomaly_detectors (
    id         text        PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('rate', 'first_seen', 'brute_force', 'rare')),
    title      text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
    enabled    boolean     NOT NULL DEFAULT true,
    settings   jsonb       NOT NULL,
    version    integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text        NOT NULL DEFAULT current_user
);

-- The runner's progress per detector. settings_hash: the settings the state was learned with
-- (a different hash means relearn). learned_from/learned_until: history read while learning;
-- evaluated_until: NULL while learning, then the end of the last evaluated window — moved in
-- the same transaction as the baselines and alerts of that window, so each is evaluated once.
CREATE TABLE anomaly_state (
    detector_id     text        PRIMARY KEY REFERENCES anomaly_detectors ON DELETE CASCADE,
    settings_hash   text        NOT NULL,
    learned_from    timestamptz,
    learned_until   timestamptz,
    evaluated_until timestamptz
);

-- Rate detectors' seasonal baselines, one row per (detector, entity; '' = the whole count):
-- 168 hour-of-week slots plus global stats, the entity's overdispersion and its CUSUM.
CREATE TABLE anomaly_baselines (
    detector_id text        NOT NULL REFERENCES anomaly_detectors ON DELETE CASCADE,
    entity      text        NOT NULL,
    slot_n      integer[]   NOT NULL,
    slot_mean   float8[]    NOT NULL,
    slot_var    float8[]    NOT NULL,
    g_n         integer     NOT NULL,
    g_mean      float8      NOT NULL,
    g_var       float8      NOT NULL,
    dispersion  float8      NOT NULL DEFAULT 0,
    cusum       float8      NOT NULL DEFAULT 0,
    last_window timestamptz NOT NULL,
    PRIMARY KEY (detector_id, entity)
);

-- First-seen and rare detectors: every (key1, key2) pair seen, exactly (no Bloom filter).
CREATE TABLE anomaly_seen (
    detector_id text        NOT NULL REFERENCES anomaly_detectors ON DELETE CASCADE,
    key1        text        NOT NULL,
    key2        text        NOT NULL DEFAULT '',
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    count       bigint      NOT NULL,
    PRIMARY KEY (detector_id, key1, key2)
);

INSERT INTO anomaly_detectors (id, kind, title, settings) VALUES
('anomaly.rate.failed_logins.host', 'rate', 'Unusual failed logins on a host',
 '{"query":"category:authentication and outcome:failure","entity":"host","window_minutes":10,"k":4,"min_count":10,"min_ratio":3,"direction":"up","what":"failed logins"}'),
('anomaly.rate.failed_logins.user', 'rate', 'Unusual failed logins for a user',
 '{"query":"category:authentication and outcome:failure","entity":"user_name","window_minutes":10,"k":4,"min_count":10,"min_ratio":3,"direction":"up","what":"failed logins"}'),
('anomaly.rate.failed_logins.source', 'rate', 'Unusual failed logins from a source address',
 '{"query":"category:authentication and outcome:failure","entity":"source_ip","window_minutes":10,"k":4,"min_count":10,"min_ratio":3,"direction":"up","what":"failed logins"}'),
('anomaly.rate.failed_logins.kind', 'rate', 'Unusual number of failed logins overall',
 '{"query":"category:authentication and outcome:failure","entity":"none","window_minutes":10,"k":4,"min_count":10,"min_ratio":3,"direction":"up","what":"failed logins"}'),
('anomaly.rate.blocked.source', 'rate', 'Unusual blocked connections from a source address',
 '{"query":"category:network and action:blocked","entity":"source_ip","window_minutes":10,"k":4,"min_count":20,"min_ratio":3,"direction":"up","what":"blocked connections"}'),
('anomaly.first_seen.user_host', 'first_seen', 'First login of a user on a host',
 '{"query":"category:authentication and outcome:success","key1":"user_name","key2":"host","learning_days":14,"new_host_grace_hours":24,"what":"logins"}'),
('anomaly.first_seen.process_host', 'first_seen', 'First run of a process on a host',
 '{"query":"_exists_:process","key1":"process","key2":"host","learning_days":14,"new_host_grace_hours":24,"what":"events"}'),
('anomaly.first_seen.source_user', 'first_seen', 'First login of a user from a source address',
 '{"query":"category:authentication and outcome:success","key1":"source_ip","key2":"user_name","learning_days":14,"new_host_grace_hours":0,"what":"logins"}'),
('anomaly.brute_force.source', 'brute_force', 'Brute force from a source address',
 '{"query":"category:authentication and outcome:failure","success_query":"category:authentication and outcome:success","key1":"source_ip","key2":"","failures":20,"failure_window_minutes":10,"success_within_minutes":30,"level":"high","what":"failed logins"}'),
('anomaly.brute_force.user_host', 'brute_force', 'Brute force on an account',
 '{"query":"category:authentication and outcome:failure","success_query":"category:authentication and outcome:success","key1":"user_name","key2":"host","failures":20,"failure_window_minutes":10,"success_within_minutes":30,"level":"high","what":"failed logins"}'),
('anomaly.rare.dest_port', 'rare', 'Rare destination port on a host',
 '{"query":"category:network and _exists_:dest_port","key1":"dest_port","key2":"host","max_count":3,"learning_days":14,"what":"connections"}');

-- A host's whole event volume swings with every deployment and log-level change, so this one
-- ships switched off, for the analysts to switch on where volumes are steady.
INSERT INTO anomaly_detectors (id, kind, title, enabled, settings) VALUES
('anomaly.rate.events.host', 'rate', 'Unusual event volume on a host', false,
 '{"query":"","entity":"host","window_minutes":10,"k":6,"min_count":200,"min_ratio":3,"direction":"up","what":"events"}');
