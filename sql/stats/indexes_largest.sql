-- The largest indexes of this database. $1: how many. As for tables, only the likeliest
-- candidates (by the relpages VACUUM and ANALYZE record; ten times as many, at least 200) are
-- measured; the sizes shown are exact.
WITH candidates AS (
    SELECT c.oid
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'i'
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
    ORDER BY c.relpages DESC
    LIMIT greatest($1::int * 10, 200)
)
SELECT n.nspname, t.relname AS table_name, c.relname AS index_name,
       pg_relation_size(c.oid) AS bytes
FROM candidates k
JOIN pg_class c ON c.oid = k.oid
JOIN pg_index i ON i.indexrelid = c.oid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
ORDER BY bytes DESC, n.nspname, c.relname
LIMIT $1::int
