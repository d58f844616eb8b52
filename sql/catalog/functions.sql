-- PostgreSQL 10: no prokind (and no procedures); the kind from proisagg and proiswindow.
-- Functions, procedures and aggregates of one schema, with their identity arguments so that
-- overloads can be told apart.
SELECT p.oid AS oid,
       p.proname AS name,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS args,
       CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END::"char"
           AS prokind
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = $1::oid
ORDER BY p.proname, 3
