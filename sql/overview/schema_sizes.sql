-- The largest schemas of this database for the overview, estimated from relpages (what VACUUM and
-- ANALYZE last saw), so that no relation's files are read: tables, indexes, materialized views and
-- their TOAST tables are counted in the schema of the table that owns them.
SELECT n.nspname AS name,
       (sum(c.relpages + coalesce(t.relpages, 0))::int8
        * current_setting('block_size')::int8) AS bytes,
       (count(*) FILTER (WHERE c.relkind IN ('r', 'p')))::int AS tables
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class t ON t.oid = c.reltoastrelid
WHERE c.relkind IN ('r', 'p', 'm', 'i')
  AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
GROUP BY n.nspname
ORDER BY 2 DESC, 1
LIMIT $1::int
