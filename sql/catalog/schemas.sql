-- Every schema, whether it is internal (hidden behind the UI's toggle), and how many objects each
-- group holds. One grouped pass over each catalog instead of a count per schema.
WITH rel AS (
    SELECT c.relnamespace AS nsp,
           count(*) FILTER (WHERE c.relkind = 'r' AND NOT c.relispartition) AS tables,
           count(*) FILTER (WHERE c.relkind = 'p' AND NOT c.relispartition) AS partitioned,
           count(*) FILTER (WHERE c.relkind = 'v') AS views,
           count(*) FILTER (WHERE c.relkind = 'm') AS matviews,
           count(*) FILTER (WHERE c.relkind = 'S') AS sequences,
           count(*) FILTER (WHERE c.relkind = 'f' AND NOT c.relispartition) AS foreign_tables
    FROM pg_catalog.pg_class c
    GROUP BY c.relnamespace
), fn AS (
    SELECT p.pronamespace AS nsp, count(*) AS functions
    FROM pg_catalog.pg_proc p
    GROUP BY p.pronamespace
), typ AS (
    SELECT t.typnamespace AS nsp, count(*) AS types
    FROM pg_catalog.pg_type t
    LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
    WHERE t.typcategory <> 'A' AND (t.typrelid = 0 OR tc.relkind = 'c')
    GROUP BY t.typnamespace
), ext AS (
    SELECT e.extnamespace AS nsp, count(*) AS extensions
    FROM pg_catalog.pg_extension e
    GROUP BY e.extnamespace
)
SELECT n.oid,
       n.nspname,
       pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
       (n.nspname IN ('pg_catalog', 'information_schema', 'topology')
        OR n.nspname LIKE 'pg\_toast%' OR n.nspname LIKE 'pg\_temp\_%'
        OR n.nspname LIKE '\_timescaledb\_%' OR n.nspname LIKE 'tiger%') AS internal,
       coalesce(rel.tables, 0), coalesce(rel.partitioned, 0), coalesce(rel.views, 0),
       coalesce(rel.matviews, 0), coalesce(rel.sequences, 0), coalesce(fn.functions, 0),
       coalesce(typ.types, 0), coalesce(rel.foreign_tables, 0), coalesce(ext.extensions, 0),
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
       n.nspacl::text
FROM pg_catalog.pg_namespace n
LEFT JOIN rel ON rel.nsp = n.oid
LEFT JOIN fn ON fn.nsp = n.oid
LEFT JOIN typ ON typ.nsp = n.oid
LEFT JOIN ext ON ext.nsp = n.oid
ORDER BY n.nspname
