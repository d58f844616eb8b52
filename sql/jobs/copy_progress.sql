-- strata:since: 14
-- COPY progress of the tool's backends (pg_dump / pg_restore run with PGAPPNAME = $1).
SELECT p.relid::oid AS relid, p.bytes_processed, p.tuples_processed, n.nspname, c.relname
FROM pg_stat_progress_copy p
JOIN pg_stat_activity a ON a.pid = p.pid
LEFT JOIN pg_class c ON c.oid = p.relid
LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.application_name = $1
