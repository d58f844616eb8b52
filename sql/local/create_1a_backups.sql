-- Schema version 1, as Strata 0.1 made it: one row per backup written. Every catalog, new or
-- made by an older Strata, takes the same steps from here to the newest version.
CREATE TABLE IF NOT EXISTS backups (id INTEGER PRIMARY KEY, path TEXT NOT NULL, database TEXT,
    server_version TEXT, format TEXT, started TEXT, duration_ms INTEGER, size INTEGER,
    sha256 TEXT, manifest TEXT)
