-- Tables whose name a migration framework uses, in every schema at once, with their columns and
-- types. $1: the table names (text[]). System schemas are skipped.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       array_agg(a.attname::text ORDER BY a.attnum) AS column_names,
       array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS column_types
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND c.relname = ANY ($1::text[])
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
GROUP BY n.nspname, c.relname
ORDER BY n.nspname, c.relname
