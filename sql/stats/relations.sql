-- The largest tables and materialized views of this database: heap, TOAST, indexes, total.
-- $1: how many.
SELECT n.nspname, c.relname, c.relkind::text,
       pg_relation_size(c.oid) AS heap_bytes,
       coalesce(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) AS toast_bytes,
       pg_indexes_size(c.oid) AS index_bytes,
       pg_total_relation_size(c.oid) AS total_bytes,
       c.reltuples::float8 AS row_estimate
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
ORDER BY total_bytes DESC, n.nspname, c.relname
LIMIT $1
