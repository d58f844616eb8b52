-- The statement that makes an extension as it is installed. $1: the extension's oid.
SELECT format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I VERSION %L;',
              e.extname, n.nspname, e.extversion) AS statement
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.oid = $1::oid
