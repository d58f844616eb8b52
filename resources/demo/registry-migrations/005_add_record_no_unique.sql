-- 005_add_record_no_unique
-- Registration numbers must be unique; enforce it now that the duplicates
-- from the 2022 import have been cleaned up.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('005_add_record_no_unique', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE UNIQUE INDEX IF NOT EXISTS records_record_no_key ON registry.records (record_no);

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '005_add_record_no_unique';
