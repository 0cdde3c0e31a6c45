-- Hourly event counts per value of one field at a time, for the histogram of a single-field
-- query over days or weeks (`user_name:alice`, `source_ip:10.1.0.0/16`, `dest_port:3389`):
-- hundreds of rows instead of millions of events (docs/PERFORMANCE.md, issue #4).
-- Each row counts one hour of events by one field, named in `field`; that field's column holds
-- the value (NULL: the events without one) and every other column is NULL. The columns carry
-- the names and types of `events`, so the query language's compiled filter applies unchanged.
-- Rows are not written per batch: the writer marks the hours it touched in
-- event_field_rollup_pending, in the batch's transaction, and a closed pending hour is later
-- recounted from `events` in one transaction (backend/store/field_rollups.cpp). A histogram
-- counts pending hours from `events`, so it is exact whatever has been compacted.
CREATE TABLE event_field_counts_1h (
    hour      timestamptz NOT NULL,
    field     text        NOT NULL,
    host      text,
    app       text,
    severity  smallint,
    facility  smallint,
    category  text,
    action    text,
    outcome   text,
    user_name text,
    source_ip inet,
    dest_ip   inet,
    dest_port integer,
    process   text,
    format    text,
    count     bigint      NOT NULL CHECK (count > 0)
);

-- One partial index per field, leading with its value: "this value over this period" reads
-- only its own rows, and with the count included, often without visiting the table. The table
-- is written an hour at a time, so these cost ingest nothing.
CREATE INDEX event_field_counts_1h_hour_idx ON event_field_counts_1h (hour);
CREATE INDEX event_field_counts_1h_host_idx ON event_field_counts_1h (host, hour) INCLUDE (count) WHERE field = 'host';
CREATE INDEX event_field_counts_1h_app_idx ON event_field_counts_1h (app, hour) INCLUDE (count) WHERE field = 'app';
CREATE INDEX event_field_counts_1h_severity_idx ON event_field_counts_1h (severity, hour) INCLUDE (count) WHERE field = 'severity';
CREATE INDEX event_field_counts_1h_facility_idx ON event_field_counts_1h (facility, hour) INCLUDE (count) WHERE field = 'facility';
CREATE INDEX event_field_counts_1h_category_idx ON event_field_counts_1h (category, hour) INCLUDE (count) WHERE field = 'category';
CREATE INDEX event_field_counts_1h_action_idx ON event_field_counts_1h (action, hour) INCLUDE (count) WHERE field = 'action';
CREATE INDEX event_field_counts_1h_outcome_idx ON event_field_counts_1h (outcome, hour) INCLUDE (count) WHERE field = 'outcome';
CREATE INDEX event_field_counts_1h_user_name_idx ON event_field_counts_1h (user_name, hour) INCLUDE (count) WHERE field = 'user_name';
CREATE INDEX event_field_counts_1h_source_ip_idx ON event_field_counts_1h (source_ip, hour) INCLUDE (count) WHERE field = 'source_ip';
CREATE INDEX event_field_counts_1h_dest_ip_idx ON event_field_counts_1h (dest_ip, hour) INCLUDE (count) WHERE field = 'dest_ip';
CREATE INDEX event_field_counts_1h_dest_port_idx ON event_field_counts_1h (dest_port, hour) INCLUDE (count) WHERE field = 'dest_port';
CREATE INDEX event_field_counts_1h_process_idx ON event_field_counts_1h (process, hour) INCLUDE (count) WHERE field = 'process';
CREATE INDEX event_field_counts_1h_format_idx ON event_field_counts_1h (format, hour) INCLUDE (count) WHERE field = 'format';

-- Hours whose events changed since they were last counted. `touched_at` is updated (not just
-- inserted) by every batch so that the batch takes this row's lock: a recount holding the lock
-- then either sees the batch's rows or is followed by a fresh pending row.
CREATE TABLE event_field_rollup_pending (
    hour       timestamptz PRIMARY KEY,
    touched_at timestamptz NOT NULL DEFAULT now()
);

-- A database upgraded to this version has every hour of its history to count.
INSERT INTO event_field_rollup_pending (hour)
SELECT DISTINCT date_bin('1 hour', ts, '1970-01-01 00:00:00+00') FROM events;

-- PostgreSQL's JIT compiles a statement whose estimated cost is high, which these histogram
-- statements over weeks of partitions always are, for about a second, while they run in tens
-- of milliseconds (measured in docs/PERFORMANCE.md). Off for every new session of this
-- database; a server where Vigie does not own its database keeps its own setting.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'jit left as configured: %', SQLERRM;
END
$$;
