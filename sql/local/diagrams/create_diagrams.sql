-- Diagrams remembered per database: a named one (a subject area) under its name, the unnamed
-- diagram of the moment under its scope. target: server and database ("host:5432/db").
CREATE TABLE IF NOT EXISTS diagrams (
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    scope TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (target, key)
)
