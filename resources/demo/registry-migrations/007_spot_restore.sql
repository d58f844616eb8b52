-- 007_spot_restore
-- 120 records were deleted by mistake on 2024-02-18. The rows were extracted
-- from the nightly backup and loaded (pg_restore --data-only) into
-- registry.records_spot_restore_20240219 before this migration ran; here they
-- are re-inserted with their original ids. Rows that already exist are left
-- alone, so the file can be re-run. The side table is kept for the audit.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('007_spot_restore', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE TABLE IF NOT EXISTS registry.records_spot_restore_20240219 (LIKE registry.records);

INSERT INTO registry.records (record_id, record_no, title, owner_id, status, created_at, updated_at, category_id)
SELECT s.record_id, s.record_no, s.title, s.owner_id, s.status, s.created_at, s.updated_at, s.category_id
FROM registry.records_spot_restore_20240219 s
ORDER BY s.record_id
ON CONFLICT (record_id) DO NOTHING;

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '007_spot_restore';
