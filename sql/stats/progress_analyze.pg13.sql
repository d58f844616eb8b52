-- How far a running ANALYZE has come (sample blocks scanned). New in 13. $1: the backend.
SELECT phase, sample_blks_total, sample_blks_scanned
FROM pg_stat_progress_analyze
WHERE pid = $1::int
