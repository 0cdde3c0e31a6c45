-- Alerts: what the detection rules found (issue #5), one row per rule, entity and suppression
-- window, so a storm of matches is one alert with a count. Kept when retention drops the
-- events they point at: an alert is a finding, not history.
--   entity        what the rule's suppression groups by, as "key=value" pairs joined by spaces
--                 ("source_ip=203.0.113.7", "host=web-01 user_name=bob"; '' when nothing)
--   window_start  the start of the suppression window this row stands for
--   event_ids     the first matched events' ids when they are known (retro-hunts read stored
--                 events; live matches are found before the writer gives rows their ids)
--   sample        the first matched event as Vigie's normalised JSON, shown without a search
CREATE TABLE alerts (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id         text        NOT NULL,
    rule_title      text        NOT NULL,
    level           text        NOT NULL CHECK (level IN ('informational', 'low', 'medium', 'high', 'critical')),
    tags            text[]      NOT NULL DEFAULT '{}',
    host            text,
    entity          text        NOT NULL DEFAULT '',
    window_start    timestamptz NOT NULL,
    first_ts        timestamptz NOT NULL,
    last_ts         timestamptz NOT NULL,
    count           bigint      NOT NULL CHECK (count > 0),
    event_ids       bigint[]    NOT NULL DEFAULT '{}',
    sample          jsonb,
    origin          text        NOT NULL DEFAULT 'live' CHECK (origin IN ('live', 'retro-hunt')),
    status          text        NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged')),
    acknowledged_by text,
    acknowledged_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alerts_window_key UNIQUE (rule_id, entity, window_start, origin),
    CONSTRAINT alerts_time_order CHECK (first_ts <= last_ts)
);

-- The alert queue: open alerts, newest first.
CREATE INDEX alerts_queue_idx ON alerts (status, last_ts DESC);
