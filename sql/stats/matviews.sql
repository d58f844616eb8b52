-- Materialized views with their size, whether they hold data, and whether a unique index lets
-- REFRESH ... CONCURRENTLY run (valid, unique, plain columns only, no WHERE clause).
SELECT n.nspname, c.relname, c.relispopulated AS populated,
       pg_total_relation_size(c.oid) AS bytes,
       pg_get_userbyid(c.relowner) AS owner,
       EXISTS (SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid
                 AND i.indexprs IS NULL AND i.indpred IS NULL) AS concurrent_ok
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'm'
ORDER BY n.nspname, c.relname
