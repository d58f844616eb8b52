-- How far a running VACUUM has come (heap blocks scanned of all). $1: the vacuuming backend.
SELECT phase, heap_blks_total, heap_blks_scanned
FROM pg_stat_progress_vacuum
WHERE pid = $1::int
