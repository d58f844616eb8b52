-- Everything about one relation that fits in one row: owner, privileges, comment, estimates,
-- sizes, partition facts, view definition. No row when it no longer exists.
SELECT c.oid,
       n.oid,
       n.nspname,
       c.relname,
       c.relkind,
       pg_catalog.pg_get_userbyid(c.relowner),
       c.relacl::text,
       pg_catalog.obj_description(c.oid, 'pg_class'),
       c.reltuples::bigint,
       -- A partitioned table has no storage of its own: its sizes are its partitions' sums.
       CASE WHEN c.relkind = 'p'
            THEN (SELECT coalesce(sum(pg_catalog.pg_relation_size(t.relid)), 0)::bigint
                  FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf)
            ELSE pg_catalog.pg_relation_size(c.oid) END,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT coalesce(sum(pg_catalog.pg_indexes_size(t.relid)), 0)::bigint
                  FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf)
            ELSE pg_catalog.pg_indexes_size(c.oid) END,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(tc.reltoastrelid)), 0)::bigint
                  FROM pg_catalog.pg_partition_tree(c.oid) t
                  JOIN pg_catalog.pg_class tc ON tc.oid = t.relid
                  WHERE t.isleaf AND tc.reltoastrelid <> 0)
            WHEN c.reltoastrelid <> 0
            THEN pg_catalog.pg_total_relation_size(c.reltoastrelid) ELSE 0 END,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT coalesce(sum(pg_catalog.pg_total_relation_size(t.relid)), 0)::bigint
                  FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.isleaf)
            ELSE pg_catalog.pg_total_relation_size(c.oid) END,
       c.relispartition,
       (SELECT i.inhparent FROM pg_catalog.pg_inherits i
        WHERE i.inhrelid = c.oid AND c.relispartition) AS parent_oid,
       (SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
        WHERE i.inhrelid = c.oid AND c.relispartition) AS parent_name,
       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END,
       c.relpersistence,
       coalesce(ts.spcname, ''),
       c.relpages::bigint * current_setting('block_size')::bigint
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
WHERE c.oid = $1::oid
