-- problems: one per line ("public.orders: 1200 rows at backup time, 1100 restored").
CREATE TABLE restore_tests (
    id INTEGER PRIMARY KEY,
    backup_id INTEGER NOT NULL,
    tested_at TEXT NOT NULL,
    target TEXT NOT NULL,
    database TEXT NOT NULL,
    passed INTEGER NOT NULL,
    summary TEXT,
    problems TEXT,
    log TEXT,
    duration_ms INTEGER NOT NULL DEFAULT 0)
