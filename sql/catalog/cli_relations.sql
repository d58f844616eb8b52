-- Every relation of one schema for strata-cli schema, partitions included with their parent,
-- with exact sizes (the CLI is not interactive; the tree uses page estimates instead).
SELECT c.relname,
       c.relkind,
       (SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
        WHERE i.inhrelid = c.oid AND c.relispartition) AS parent,
       c.reltuples::bigint,
       CASE WHEN c.relkind IN ('r', 'm', 'S', 't', 'p')
            THEN pg_catalog.pg_total_relation_size(c.oid) END
FROM pg_catalog.pg_class c
WHERE c.relnamespace = $1::oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
ORDER BY c.relname
