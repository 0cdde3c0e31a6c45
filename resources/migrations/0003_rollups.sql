-- Per-minute event counts by the dimensions dashboards group by (DESIGN §5), kept by the writer
-- in the same transaction as each batch (backend/store/event_writer.cpp), so a chart over a
-- week reads ~10k rows instead of scanning millions of events.
-- A dimension is NULL when the event has no value for it (as in `events`); NULLS NOT DISTINCT
-- (PostgreSQL 15) makes those rows collide like any other value, so each combination has
-- exactly one row and the writer's ON CONFLICT upsert finds it.
CREATE TABLE event_counts_1m (
    minute   timestamptz NOT NULL,
    host     text,
    category text,
    action   text,
    outcome  text,
    severity smallint CHECK (severity BETWEEN 0 AND 7),
    count    bigint      NOT NULL CHECK (count > 0),
    CONSTRAINT event_counts_1m_key UNIQUE NULLS NOT DISTINCT (minute, host, category, action, outcome, severity)
);

-- The key above leads with minute: it serves "all counts over this window" and retention's
-- DELETE by minute. The indexes below serve "counts over time for this X" without reading
-- the other dimensions' rows; rollup rows are few per batch, so they cost ingest little.
CREATE INDEX event_counts_1m_host_idx ON event_counts_1m (host, minute);
CREATE INDEX event_counts_1m_category_idx ON event_counts_1m (category, action, minute);
CREATE INDEX event_counts_1m_outcome_idx ON event_counts_1m (outcome, minute);
CREATE INDEX event_counts_1m_severity_idx ON event_counts_1m (severity, minute);

-- Existing events (a database upgraded to this version) are counted once here; from now on
-- the writer keeps the counts.
INSERT INTO event_counts_1m (minute, host, category, action, outcome, severity, count)
SELECT date_trunc('minute', ts), host, category, action, outcome, severity, count(*)
FROM events
GROUP BY 1, 2, 3, 4, 5, 6;
