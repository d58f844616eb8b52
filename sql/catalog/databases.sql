-- The databases of the server a person may see (templates left out).
SELECT d.oid, d.datname, pg_catalog.has_database_privilege(d.oid, 'CONNECT')
FROM pg_catalog.pg_database d
WHERE NOT d.datistemplate
ORDER BY d.datname
