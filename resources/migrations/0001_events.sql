-- The event history: one row per received record, range-partitioned by event time with one
-- partition a day (created ahead by the writer; see backend/store/partition_manager).
CREATE SEQUENCE events_id_seq AS bigint;

CREATE TABLE events (
    id          bigint      NOT NULL DEFAULT nextval('events_id_seq'),
    ts          timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    host        text,
    app         text,
    pid         integer,
    severity    smallint CHECK (severity BETWEEN 0 AND 7),
    facility    smallint CHECK (facility BETWEEN 0 AND 23),
    category    text,
    action      text,
    outcome     text,
    user_name   text,
    source_ip   inet,
    source_port integer CHECK (source_port BETWEEN 0 AND 65535),
    dest_ip     inet,
    dest_port   integer CHECK (dest_port BETWEEN 0 AND 65535),
    process     text,
    format      text        NOT NULL,
    message     text,
    fields      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    raw         text        NOT NULL,
    parse_error boolean     NOT NULL DEFAULT false
) PARTITION BY RANGE (ts);

ALTER SEQUENCE events_id_seq OWNED BY events.id;

-- Keyset pagination (newest first) walks (ts, id); BRIN alone cannot give an ordered scan.
CREATE INDEX events_ts_id_idx ON events (ts, id);
CREATE INDEX events_host_idx ON events (host, ts);
-- The live tail asks for rows newer than the newest id seen; ids only grow, so this index is
-- appended to at its right edge and costs little at ingest.
CREATE INDEX events_id_idx ON events (id);
CREATE INDEX events_parse_error_idx ON events (ts) WHERE parse_error;

COMMENT ON COLUMN events.raw IS 'The record exactly as received (invalid UTF-8 replaced; exact bytes in fields.raw_b64)';
COMMENT ON COLUMN events.parse_error IS 'true when the record did not parse; message then holds the raw text and fields.parse_error the reason';
