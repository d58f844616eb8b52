-- Extensions whose objects live in one schema.
SELECT e.oid, e.extname, e.extversion
FROM pg_catalog.pg_extension e
WHERE e.extnamespace = $1::oid
ORDER BY e.extname
