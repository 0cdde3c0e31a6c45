-- Dimension counts per hour and per day, for dashboard tiles over weeks (issue #6,
-- docs/DASHBOARDS.md): "context + one value". Each row counts the events of one hour (or one
-- UTC day) by the four context dimensions (category, action, outcome, severity) and at most
-- one value field, named in `field` ('ctx' for none); that field's column holds the value
-- (NULL: the events without one) and the other value columns are NULL. So a tile filtering on
-- context dimensions and grouping by (or filtering on) one value field — failed logins by host,
-- blocked connections by port — is summed from these rows instead of scanning the events.
-- Addresses are counted per network (/24, /64) as in event_field_counts_1h (0006). The columns
-- carry the names and types of `events`, so the query language's compiled filter applies as is.
-- Hourly rows are rebuilt in the same transaction as the hour's field counts when the hour is
-- recounted (backend/store/field_rollups.cpp, dim_rollups.cpp), so event_field_rollup_pending
-- says which hours are stale for both tables; a tile counts those from `events`.
CREATE TABLE event_dim_counts_1h (
    hour      timestamptz NOT NULL,
    field     text        NOT NULL,
    category  text,
    action    text,
    outcome   text,
    severity  smallint,
    host      text,
    app       text,
    user_name text,
    process   text,
    dest_port integer,
    source_ip inet,
    dest_ip   inet,
    count     bigint      NOT NULL CHECK (count > 0)
);

-- The same rows summed over a UTC day (`hour` holds the day's start), written once the day is
-- closed and every hour of it recounted. A day's rows are usable only while it is listed in
-- event_dim_days and none of its hours is pending: a late event reopens an hour, and the day
-- is read hour by hour until rebuilt.
CREATE TABLE event_dim_counts_1d (LIKE event_dim_counts_1h INCLUDING ALL);

CREATE TABLE event_dim_days (
    day      timestamptz PRIMARY KEY,
    built_at timestamptz NOT NULL DEFAULT now()
);

-- Days with a recounted hour whose daily rows are to be (re)built once the day is closed.
CREATE TABLE event_dim_day_pending (
    day timestamptz PRIMARY KEY
);

-- By hour (day): the recount's and retention's deletes, the daily build's reads.
CREATE INDEX event_dim_counts_1h_hour_idx ON event_dim_counts_1h (hour);
CREATE INDEX event_dim_counts_1d_hour_idx ON event_dim_counts_1d (hour);
-- A tile reads one field's rows of an hour (a day) matching context conditions, grouped by the
-- value or a context dimension: one partial index per field, leading with the hour, then the
-- context dimensions tiles filter on most (category first), covering the value and the count
-- so that, once vacuumed, the rows are read from the index alone. The tables are written an
-- hour (a day) at a time, so these cost ingest nothing.
CREATE INDEX event_dim_counts_1h_ctx_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (count) WHERE field = 'ctx';
CREATE INDEX event_dim_counts_1h_host_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (host, count) WHERE field = 'host';
CREATE INDEX event_dim_counts_1h_app_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (app, count) WHERE field = 'app';
CREATE INDEX event_dim_counts_1h_user_name_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (user_name, count) WHERE field = 'user_name';
CREATE INDEX event_dim_counts_1h_process_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (process, count) WHERE field = 'process';
CREATE INDEX event_dim_counts_1h_dest_port_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (dest_port, count) WHERE field = 'dest_port';
CREATE INDEX event_dim_counts_1h_source_ip_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (source_ip, count) WHERE field = 'source_ip';
CREATE INDEX event_dim_counts_1h_dest_ip_idx ON event_dim_counts_1h (hour, category, outcome, action, severity) INCLUDE (dest_ip, count) WHERE field = 'dest_ip';
CREATE INDEX event_dim_counts_1d_ctx_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (count) WHERE field = 'ctx';
CREATE INDEX event_dim_counts_1d_host_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (host, count) WHERE field = 'host';
CREATE INDEX event_dim_counts_1d_app_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (app, count) WHERE field = 'app';
CREATE INDEX event_dim_counts_1d_user_name_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (user_name, count) WHERE field = 'user_name';
CREATE INDEX event_dim_counts_1d_process_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (process, count) WHERE field = 'process';
CREATE INDEX event_dim_counts_1d_dest_port_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (dest_port, count) WHERE field = 'dest_port';
CREATE INDEX event_dim_counts_1d_source_ip_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (source_ip, count) WHERE field = 'source_ip';
CREATE INDEX event_dim_counts_1d_dest_ip_idx ON event_dim_counts_1d (hour, category, outcome, action, severity) INCLUDE (dest_ip, count) WHERE field = 'dest_ip';

-- A database upgraded to this version has every hour of its history to count again: until
-- then those hours are pending and read from `events`, so tiles stay exact.
INSERT INTO event_field_rollup_pending (hour)
SELECT DISTINCT date_bin('1 hour', ts, '1970-01-01 00:00:00+00') FROM events
ON CONFLICT (hour) DO NOTHING;
