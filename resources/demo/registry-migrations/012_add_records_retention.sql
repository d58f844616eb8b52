-- 012_add_records_retention (pending)
-- Retention date per record, from its category's retention period, so the
-- yearly purge can find archived records past retention through an index.
-- Uncategorised records keep NULL (never purged automatically).
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('012_add_records_retention', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

ALTER TABLE registry.records ADD COLUMN IF NOT EXISTS retention_until date;

UPDATE registry.records r
SET retention_until = ((r.created_at AT TIME ZONE 'UTC') + c.retention_years * interval '1 year')::date
FROM registry.categories c
WHERE c.category_id = r.category_id
  AND r.retention_until IS NULL;

CREATE INDEX IF NOT EXISTS records_retention_until_idx ON registry.records (retention_until)
    WHERE status = 'archived';

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '012_add_records_retention';
