-- The largest tables and materialized views of this database: heap, TOAST, indexes, total.
-- $1: how many. Measuring a relation costs a few file-system calls per fork, so on a catalog of
-- tens of thousands of tables only the likeliest candidates are measured: the largest by the
-- page counts VACUUM and ANALYZE record (relpages of the table, its TOAST table and indexes),
-- ten times as many as asked for, at least 200. A large table never vacuumed nor analyzed
-- can be missed; the sizes shown are exact.
WITH candidates AS (
    SELECT c.oid
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
    WHERE c.relkind IN ('r', 'm')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
    ORDER BY c.relpages::bigint + coalesce(t.relpages, 0)
             + coalesce((SELECT sum(ic.relpages) FROM pg_index i
                         JOIN pg_class ic ON ic.oid = i.indexrelid
                         WHERE i.indrelid = c.oid), 0) DESC
    LIMIT greatest($1::int * 10, 200)
)
SELECT n.nspname, c.relname, c.relkind::text,
       pg_relation_size(c.oid) AS heap_bytes,
       coalesce(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0) AS toast_bytes,
       pg_indexes_size(c.oid) AS index_bytes,
       pg_total_relation_size(c.oid) AS total_bytes,
       c.reltuples::float8 AS row_estimate
FROM candidates k
JOIN pg_class c ON c.oid = k.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
ORDER BY total_bytes DESC, n.nspname, c.relname
LIMIT $1::int
