-- PostgreSQL 12 has no pg_stat_progress_analyze: no rows, the job shows a busy indicator.
SELECT ''::text AS phase, 0::bigint AS sample_blks_total, 0::bigint AS sample_blks_scanned
WHERE $1::int IS NULL AND false
