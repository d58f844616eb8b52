-- What each view and materialized view reads: the relations its rewrite rule depends on, a
-- partition counted as its root (pg_partition_root; the base file walks pg_inherits).
SELECT DISTINCT rw.ev_class AS view_oid,
       coalesce(pg_catalog.pg_partition_root(d.refobjid)::oid, d.refobjid) AS source_oid
FROM pg_catalog.pg_rewrite rw
JOIN pg_catalog.pg_depend d
  ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
 AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'n'
JOIN pg_catalog.pg_class v ON v.oid = rw.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
WHERE v.relkind IN ('v', 'm')
  AND d.refobjid <> rw.ev_class
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2
