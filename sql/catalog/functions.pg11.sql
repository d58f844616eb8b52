-- Functions, procedures and aggregates of one schema, with their identity arguments so that
-- overloads can be told apart.
SELECT p.oid AS oid,
       p.proname AS name,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS args,
       p.prokind AS prokind
FROM pg_catalog.pg_proc p
WHERE p.pronamespace = $1::oid
ORDER BY p.proname, 3
