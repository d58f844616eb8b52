-- Indexes never scanned since the statistics were last reset, that enforce nothing (not unique,
-- not backing a constraint), largest first. Scans on standbys are not counted here. last_idx_scan is new in 16.
SELECT s.schemaname, s.relname AS table_name, s.indexrelname AS index_name,
       pg_relation_size(s.indexrelid) AS bytes, s.idx_scan,
       extract(epoch FROM s.last_idx_scan)::float8 AS last_idx_scan,
       pg_get_indexdef(s.indexrelid) AS definition
FROM pg_stat_user_indexes s
JOIN pg_index i ON i.indexrelid = s.indexrelid
WHERE s.idx_scan = 0
  AND NOT i.indisunique
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid)
ORDER BY bytes DESC, s.schemaname, s.indexrelname
