-- Resolves table names as a person writes them in SQL ("Sales"."Order items", orders) to OIDs.
SELECT t.name, c.oid, n.nspname, c.relname, c.relkind
FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord)
LEFT JOIN pg_class c ON c.oid = to_regclass(t.name)
LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
ORDER BY t.ord
