-- Each table's row count at backup time (counted in pg_dump's output as it was written, or read
-- from the archive when a backup was found), for the restore test.
CREATE TABLE backup_tables (
    backup_id INTEGER NOT NULL,
    schema_name TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_count INTEGER,
    PRIMARY KEY (backup_id, schema_name, table_name))
