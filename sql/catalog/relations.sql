-- The relations of one kind in one schema (by OID, not name: a name would be evaluated per row),
-- partitions left out (they sit under their parent). Sizes are page estimates from the catalog:
-- asking the file system for 50,000 tables would take seconds.
SELECT c.oid,
       c.relname,
       c.relkind,
       c.reltuples::bigint,
       c.relpages::bigint * current_setting('block_size')::bigint,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT count(*) FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid)
            ELSE 0 END AS partitions
FROM pg_catalog.pg_class c
WHERE c.relnamespace = $1::oid
  AND c.relkind = $2::"char"
  AND NOT c.relispartition
ORDER BY c.relname
