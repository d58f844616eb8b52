-- User-visible types of one schema: domains, enums, ranges, base types and standalone composite
-- types (not the row type every table has, not array types).
SELECT t.oid AS oid,
       t.typname AS name,
       t.typtype AS typtype,
       pg_catalog.format_type(t.oid, NULL) AS formatted
FROM pg_catalog.pg_type t
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
WHERE t.typnamespace = $1::oid
  AND t.typcategory <> 'A'
  AND (t.typrelid = 0 OR tc.relkind = 'c')
ORDER BY t.typname
