-- What each view and materialized view reads: the relations its rewrite rule depends on, a
-- partition counted as its root.
WITH RECURSIVE root(oid, root) AS (
    SELECT c.oid, c.oid
    FROM pg_catalog.pg_class c
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
    UNION ALL
    SELECT i.inhrelid, r.root
    FROM pg_catalog.pg_inherits i
    JOIN root r ON i.inhparent = r.oid
)
SELECT DISTINCT rw.ev_class AS view_oid, r.root AS source_oid
FROM pg_catalog.pg_rewrite rw
JOIN pg_catalog.pg_depend d
  ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
 AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'n'
JOIN root r ON r.oid = d.refobjid
JOIN pg_catalog.pg_class v ON v.oid = rw.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
WHERE v.relkind IN ('v', 'm')
  AND r.root <> rw.ev_class
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2
