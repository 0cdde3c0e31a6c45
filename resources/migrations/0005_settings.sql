-- Settings shared by every program writing to this database (DESIGN §10: several `vigiectl serve`
-- collectors and analysts' desktops use one database), such as the retention window: kept here
-- rather than in a desktop's local settings file, so a headless collector honours what an
-- administrator chose in the GUI. Read and written by backend/store/settings_store.cpp.
CREATE TABLE settings (
    key        text PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
