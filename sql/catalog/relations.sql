-- The relations of one kind in one schema (by OID, not name: a name would be evaluated per row),
-- partitions left out (they sit under their parent). Sizes are page estimates from the catalog:
-- asking the file system for 50,000 tables would take seconds. The block size is read once (an
-- InitPlan), not once per row.
SELECT c.oid AS oid,
       c.relname AS name,
       c.relkind AS relkind,
       c.reltuples::bigint AS estimated_rows,
       c.relpages::bigint * (SELECT pg_catalog.current_setting('block_size')::bigint)
           AS estimated_bytes,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid)
            ELSE 0 END AS partitions
FROM pg_catalog.pg_class c
WHERE c.relnamespace = $1::oid
  AND c.relkind = $2::"char"
  AND NOT c.relispartition
ORDER BY c.relname
