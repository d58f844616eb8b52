-- Extensions whose objects live in one schema.
SELECT e.oid AS oid, e.extname AS name, e.extversion AS version
FROM pg_catalog.pg_extension e
WHERE e.extnamespace = $1::oid
ORDER BY e.extname
