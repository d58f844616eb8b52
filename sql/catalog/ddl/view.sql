-- A view's or materialized view's definition, then its indexes, each statement a row in order.
-- Written by the server (format's %I quotes a name only where it must). $1: the view's oid.
SELECT format(E'CREATE %s %I.%I AS\n%s', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                       ELSE 'OR REPLACE VIEW' END,
              n.nspname, c.relname,
              rtrim(rtrim(pg_catalog.pg_get_viewdef(c.oid, true)), ';') || ';') AS statement,
       0 AS ord
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = $1::oid
UNION ALL
SELECT pg_catalog.pg_get_indexdef(i.indexrelid) || ';', 1
FROM pg_catalog.pg_index i
WHERE i.indrelid = $1::oid
ORDER BY ord, statement
