-- The tables whose rows pg_dump will copy, with their on-disk size (heap + TOAST) and row
-- estimate, to weight the progress. $1: schemas, $2: table OIDs (pg_dump takes the union of -n
-- and -t); both NULL: every table.
-- Extension members are left out except extension configuration tables, whose rows pg_dump dumps.
SELECT c.oid, n.nspname, c.relname, pg_table_size(c.oid) AS bytes,
       greatest(c.reltuples, 0)::bigint AS est_rows
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
  AND (($1::text[] IS NULL AND $2::oid[] IS NULL)
       OR n.nspname = ANY ($1::text[]) OR c.oid = ANY ($2::oid[]))
  AND (NOT EXISTS (SELECT 1 FROM pg_depend d
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                     AND d.deptype = 'e')
       OR EXISTS (SELECT 1 FROM pg_extension e WHERE c.oid = ANY (e.extconfig)))
ORDER BY n.nspname, c.relname
