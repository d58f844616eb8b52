-- A scheduled backup: the connection (never a password), where and how often, what to keep.
-- every: a systemd calendar expression ("daily", "Mon *-*-* 03:00"). A keep_ count of 0 is not
-- used; all four 0 keep everything.
CREATE TABLE schedules (
    name TEXT PRIMARY KEY,
    conninfo TEXT NOT NULL,
    profile_id TEXT,
    output_dir TEXT NOT NULL,
    pattern TEXT NOT NULL,
    every TEXT NOT NULL,
    options TEXT,
    keep_last INTEGER NOT NULL DEFAULT 0,
    keep_daily INTEGER NOT NULL DEFAULT 0,
    keep_weekly INTEGER NOT NULL DEFAULT 0,
    keep_monthly INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL)
