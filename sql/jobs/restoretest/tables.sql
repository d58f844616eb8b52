-- The restored database's tables (partitioned ones too), outside the system schemas. An
-- extension's table (PostGIS's spatial_ref_sys) gets rows from CREATE EXTENSION as well as
-- from the archive, which holds only the rows added after it.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       EXISTS (SELECT 1 FROM pg_depend d
               WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                 AND d.deptype = 'e') AS of_extension
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
ORDER BY 1, 2
