-- One extension: version, schema, owner, comment.
SELECT e.oid, e.extname, e.extversion, n.nspname,
       pg_catalog.pg_get_userbyid(e.extowner),
       pg_catalog.obj_description(e.oid, 'pg_extension'),
       e.extrelocatable
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.oid = $1::oid
