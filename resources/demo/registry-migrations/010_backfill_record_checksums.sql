-- 010_backfill_record_checksums
-- Integrity checksum per record. The backfill commits every 5000 rows so it
-- does not hold locks for long; run this file with psql in autocommit mode
-- (COMMIT inside DO is not allowed within an explicit transaction). If it is
-- interrupted, re-running it continues where it stopped.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('010_backfill_record_checksums', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

ALTER TABLE registry.records ADD COLUMN IF NOT EXISTS checksum text;
CREATE INDEX IF NOT EXISTS records_checksum_idx ON registry.records (checksum);

DO $$
DECLARE
    n bigint;
BEGIN
    LOOP
        UPDATE registry.records
        SET checksum = md5(record_no || '|' || title || '|' || owner_id)
        WHERE record_id IN (SELECT record_id FROM registry.records
                            WHERE checksum IS NULL
                            ORDER BY record_id
                            LIMIT 5000);
        GET DIAGNOSTICS n = ROW_COUNT;
        EXIT WHEN n = 0;
        COMMIT;
    END LOOP;
END
$$;

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '010_backfill_record_checksums';
