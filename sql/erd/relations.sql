-- The tables, views and foreign tables a diagram can draw: every one in the user's schemas (or in
-- the schemas $1 names; NULL: all of them), partitions left out (folded into their root, whose
-- row counts them), and what an extension made (PostGIS's spatial_ref_sys, pg_stat_statements):
-- those belong to the extension, not to the schema's design. Names only, no columns: cheap even
-- for 50,000 tables.
SELECT c.oid AS oid,
       n.nspname AS schema_name,
       c.relname AS name,
       c.relkind AS kind,
       CASE pt.partstrat WHEN 'r' THEN 'range' WHEN 'l' THEN 'list' WHEN 'h' THEN 'hash' END
           AS partition_strategy,
       CASE WHEN c.relkind = 'p' THEN
           (WITH RECURSIVE tree(oid) AS (
                SELECT i.inhrelid FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid
                UNION ALL
                SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN tree t ON i.inhparent = t.oid)
            SELECT count(*) FROM tree)
       ELSE 0 END AS partitions
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_partitioned_table pt ON pt.partrelid = c.oid
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                    AND d.deptype = 'e')
ORDER BY n.nspname, c.relname
