-- Saved searches: a name an analyst gives to a query and its time range, listed in the
-- "Saved searches" panel and shared by every analyst of the database.
-- The range keeps the form it was asked in, so it runs again as the analyst meant it:
--   relative  last_minutes = minutes back from the moment it runs (0: all time), no bounds;
--   absolute  last_minutes IS NULL and at least one bound (a pivot around an event, a zoom on
--             the histogram); a missing bound is an open end.
CREATE TABLE saved_searches (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    query        text        NOT NULL,
    last_minutes integer     CHECK (last_minutes >= 0),
    range_from   timestamptz,
    range_to     timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL DEFAULT current_user,
    CONSTRAINT saved_searches_one_range_kind
        CHECK ((last_minutes IS NOT NULL) <> (range_from IS NOT NULL OR range_to IS NOT NULL)),
    CONSTRAINT saved_searches_range_order
        CHECK (range_from IS NULL OR range_to IS NULL OR range_from <= range_to)
);
