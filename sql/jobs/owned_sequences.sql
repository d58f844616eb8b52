-- Every sequence owned by a table column: serial/bigserial (dependency 'a', from OWNED BY) and
-- identity columns (dependency 'i'), with the sequence's increment.
SELECT s.oid AS seq_oid, sn.nspname AS seq_schema, s.relname AS seq_name,
       t.oid AS table_oid, tn.nspname AS table_schema, t.relname AS table_name,
       a.attname AS column_name, d.deptype = 'i' AS is_identity, sq.seqincrement
FROM pg_depend d
JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_sequence sq ON sq.seqrelid = s.oid
JOIN pg_class t ON t.oid = d.refobjid
JOIN pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_class'::regclass
  AND d.refclassid = 'pg_class'::regclass
  AND d.deptype IN ('a', 'i')
  AND d.refobjsubid > 0
  AND tn.nspname <> 'information_schema' AND tn.nspname NOT LIKE 'pg\_%'
ORDER BY tn.nspname, t.relname, a.attname
