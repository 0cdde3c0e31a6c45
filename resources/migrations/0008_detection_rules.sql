-- Detection rules (issue #5): the Sigma texts the engine runs, one row per text as it was
-- imported or edited. A text may hold several documents (a correlation and its base rule), so
-- a row is the unit an analyst enables, edits or removes.
--   name      the file name it was imported from, or the title of a rule written in Vigie
--   origin    'builtin' (shipped with Vigie, seeded at start when absent and never overwritten,
--             so an analyst may disable or tune it), 'imported' (from files), 'custom' (written
--             in the rule editor)
--   rule_ids  the Sigma ids of its documents, to find the text an alert came from
--   version   bumped by every edit of the text: an edit made on an older version is refused
--             (optimistic locking) rather than silently overwriting a colleague's change
CREATE TABLE detection_rules (
    id         bigserial   PRIMARY KEY,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
    yaml       text        NOT NULL,
    enabled    boolean     NOT NULL DEFAULT true,
    origin     text        NOT NULL CHECK (origin IN ('builtin', 'imported', 'custom')),
    rule_ids   text[]      NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer     NOT NULL DEFAULT 1 CHECK (version > 0)
);

-- Seeding the built-in rules is keyed by their file name: at most one row per built-in file.
CREATE UNIQUE INDEX detection_rules_builtin_name ON detection_rules (name) WHERE origin = 'builtin';
