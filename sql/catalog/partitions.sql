-- The direct partitions of a partitioned table, with their bounds; a partition may live in
-- another schema than its parent.
SELECT c.oid,
       c.relname,
       c.relkind,
       c.reltuples::bigint,
       c.relpages::bigint * current_setting('block_size')::bigint,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits j WHERE j.inhparent = c.oid)
            ELSE 0 END AS partitions,
       n.oid,
       n.nspname,
       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
FROM pg_catalog.pg_inherits i
JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE i.inhparent = $1::oid
ORDER BY c.relname
