-- Sequences and how much of their range is used, measured against the column they feed when
-- that column's type is narrower (an int4 column fed by a bigint sequence stops at 2^31-1).
-- A sequence feeds a column when it is owned by it (serial, identity) or named in its DEFAULT.
-- last_value is NULL for a sequence never used or one this role may not read.
WITH feeds AS (
    SELECT d.objid AS seqid, d.refobjid AS relid, d.refobjsubid AS attnum
    FROM pg_depend d
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
    UNION
    SELECT d.refobjid, ad.adrelid, ad.adnum
    FROM pg_depend d
    JOIN pg_attrdef ad ON ad.oid = d.objid
    WHERE d.classid = 'pg_attrdef'::regclass AND d.refclassid = 'pg_class'::regclass
), fed AS (
    SELECT f.seqid, min(tn.nspname) AS table_schema, min(t.relname) AS table_name,
           min(a.attname) AS column_name, min(format_type(a.atttypid, NULL)) AS column_type,
           min(CASE a.atttypid WHEN 'int2'::regtype THEN 32767
                               WHEN 'int4'::regtype THEN 2147483647
                               ELSE 9223372036854775807 END) AS column_max,
           max(CASE a.atttypid WHEN 'int2'::regtype THEN -32768
                               WHEN 'int4'::regtype THEN -2147483648
                               ELSE -9223372036854775808 END) AS column_min
    FROM feeds f
    JOIN pg_class t ON t.oid = f.relid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = f.relid AND a.attnum = f.attnum
    GROUP BY f.seqid
)
SELECT sn.nspname, sc.relname, format_type(s.seqtypid, NULL) AS sequence_type,
       s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcycle,
       CASE WHEN has_sequence_privilege(sc.oid, 'SELECT,USAGE')
            THEN pg_sequence_last_value(sc.oid) END AS last_value,
       has_sequence_privilege(sc.oid, 'SELECT,USAGE') AS readable,
       coalesce(fed.table_schema, '') AS table_schema,
       coalesce(fed.table_name, '') AS table_name,
       coalesce(fed.column_name, '') AS column_name,
       coalesce(fed.column_type, '') AS column_type,
       CASE WHEN s.seqincrement > 0 THEN least(s.seqmax, coalesce(fed.column_max, s.seqmax))
            ELSE greatest(s.seqmin, coalesce(fed.column_min, s.seqmin)) END AS effective_limit
FROM pg_sequence s
JOIN pg_class sc ON sc.oid = s.seqrelid
JOIN pg_namespace sn ON sn.oid = sc.relnamespace
LEFT JOIN fed ON fed.seqid = s.seqrelid
ORDER BY sn.nspname, sc.relname
