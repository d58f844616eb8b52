-- PostgreSQL 10: no prokind (and no procedures); the kind from proisagg and proiswindow.
-- One function: signature, language, source, full definition (not for aggregates, which
-- pg_get_functiondef refuses), owner, privileges, comment.
SELECT p.oid,
       n.nspname,
       p.proname,
       pg_catalog.pg_get_function_identity_arguments(p.oid),
       pg_catalog.pg_get_function_result(p.oid),
       l.lanname,
       CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END::"char",
       p.prosrc,
       CASE WHEN NOT p.proisagg THEN pg_catalog.pg_get_functiondef(p.oid) END,
       pg_catalog.pg_get_userbyid(p.proowner),
       p.proacl::text,
       pg_catalog.obj_description(p.oid, 'pg_proc'),
       p.provolatile
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.oid = $1::oid
