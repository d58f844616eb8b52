-- The largest indexes of this database. $1: how many.
SELECT n.nspname, t.relname AS table_name, c.relname AS index_name,
       pg_relation_size(c.oid) AS bytes
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
ORDER BY bytes DESC, n.nspname, c.relname
LIMIT $1
