-- A table's pieces as the server writes them: its constraints, its indexes other than the
-- primary key's, its triggers; each statement a row in order. $1: the table's oid.
SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname, co.conname,
              pg_catalog.pg_get_constraintdef(co.oid)) AS statement,
       0 AS ord, co.conname::text AS name
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE co.conrelid = $1::oid
UNION ALL
SELECT pg_catalog.pg_get_indexdef(i.indexrelid) || ';', 1, i.indexrelid::regclass::text
FROM pg_catalog.pg_index i
WHERE i.indrelid = $1::oid AND NOT i.indisprimary
UNION ALL
SELECT pg_catalog.pg_get_triggerdef(t.oid) || ';', 2, t.tgname::text
FROM pg_catalog.pg_trigger t
WHERE t.tgrelid = $1::oid AND NOT t.tgisinternal
ORDER BY ord, name
