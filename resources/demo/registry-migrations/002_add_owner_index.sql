-- 002_add_owner_index
-- "All records of an owner" was a sequential scan.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('002_add_owner_index', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE INDEX IF NOT EXISTS records_owner_id_idx ON registry.records (owner_id);

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '002_add_owner_index';
