-- Objects whose name matches $1 (an ILIKE pattern) in every schema, internal ones only when $3.
-- The path columns let the tree load its way to a match: a partition carries its ancestors, root
-- first, and the root's schema.
SELECT m.kind, m.oid, m.name, m.nsp_oid, m.nspname, m.path, m.root_nsp_oid, m.root_nspname,
       m.detail
FROM (
    SELECT c.relkind::text AS kind, c.oid, c.relname::text AS name,
           n.oid AS nsp_oid, n.nspname::text AS nspname,
           CASE WHEN c.relispartition
                THEN (SELECT array_agg(a.relid::oid ORDER BY a.ord DESC)
                      FROM pg_catalog.pg_partition_ancestors(c.oid)
                           WITH ORDINALITY AS a(relid, ord)) END AS path,
           CASE WHEN c.relispartition
                THEN (SELECT r.relnamespace FROM pg_catalog.pg_class r
                      WHERE r.oid = (SELECT a.relid
                                     FROM pg_catalog.pg_partition_ancestors(c.oid)
                                          WITH ORDINALITY AS a(relid, ord)
                                     ORDER BY a.ord DESC LIMIT 1)) END AS root_nsp_oid,
           NULL::text AS root_nspname,
           NULL::text AS detail
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relname ILIKE $1
    UNION ALL
    SELECT 'function', p.oid, p.proname::text, n.oid, n.nspname::text, NULL, NULL, NULL,
           pg_catalog.pg_get_function_identity_arguments(p.oid)
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.proname ILIKE $1
) m
WHERE $3::bool
   OR NOT (m.nspname IN ('pg_catalog', 'information_schema', 'topology')
           OR m.nspname LIKE 'pg\_toast%' OR m.nspname LIKE 'pg\_temp\_%'
           OR m.nspname LIKE '\_timescaledb\_%' OR m.nspname LIKE 'tiger%')
ORDER BY lower(m.name) = lower($4::text) DESC, length(m.name), m.name, m.nspname
LIMIT $2::int
