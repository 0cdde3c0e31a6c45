-- Dashboards (issue #6): one row per dashboard tab, shared by every analyst of the database.
-- `definition` is the dashboard in JSON format v1 (docs/DASHBOARDS.md), read and written by
-- backend/dashboard/dashboard_spec.cpp through backend/store/dashboard_store.cpp.
--   position  tab order (ascending, then id)
--   uid       survives export and import: importing a known uid offers replace or copy
--   name      copy of definition->>'name' kept by the store (the definition is authoritative)
--   builtin   key of a shipped dashboard ('soc-overview'...), NULL for the analyst's own. Shipped
--             dashboards are not inserted here: the store seeds them at start, once each (the
--             settings key dashboards.seeded.<builtin> remembers it), so a deleted one stays
--             deleted until "Restore shipped dashboards"
--   version   bumped by every change: a save made on an older version is refused (optimistic
--             locking) rather than silently overwriting a colleague's change
CREATE TABLE dashboards (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position   integer     NOT NULL DEFAULT 0,
    uid        uuid        NOT NULL UNIQUE,
    name       text        NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    builtin    text        UNIQUE,
    definition jsonb       NOT NULL CHECK (definition->>'format' = 'vigie.dashboard'
                                           AND (definition->>'version')::int >= 1),
    version    integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL DEFAULT current_user,
    updated_by text        NOT NULL DEFAULT current_user
);

-- Other desktops LISTEN on vigie_dashboards and reload their tabs; one notification per
-- statement, whoever wrote (the store, vigiectl, a script).
CREATE FUNCTION dashboards_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('vigie_dashboards', TG_OP);
    RETURN NULL;
END
$$;
CREATE TRIGGER dashboards_changed AFTER INSERT OR UPDATE OR DELETE ON dashboards
    FOR EACH STATEMENT EXECUTE FUNCTION dashboards_notify();
