-- The direct partitions of a partitioned table, with their bounds; a partition may live in
-- another schema than its parent.
SELECT c.oid AS oid,
       c.relname AS name,
       c.relkind AS relkind,
       c.reltuples::bigint AS estimated_rows,
       c.relpages::bigint * (SELECT pg_catalog.current_setting('block_size')::bigint)
           AS estimated_bytes,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits j WHERE j.inhparent = c.oid)
            ELSE 0 END AS partitions,
       n.oid AS schema_oid,
       n.nspname AS schema_name,
       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound
FROM pg_catalog.pg_inherits i
JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE i.inhparent = $1::oid
ORDER BY c.relname
