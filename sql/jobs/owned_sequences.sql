-- Every sequence a table's column draws from: owned by it (serial and bigserial: dependency
-- 'a' from OWNED BY; identity columns: 'i'), or only named in its default (DEFAULT
-- nextval('x_seq') without OWNED BY, common in hand-written and older schemas: the default
-- depends on the sequence, 'n'), with the sequence's increment. A partition's default is its
-- parent's: the parent (whose max covers every partition) stands for them.
-- $1: "schema.table" names of the restored tables (as pg_restore names them), NULL for all; a
-- partitioned table counts as restored when any partition under it is.
WITH uses AS (
    SELECT d.objid AS seq, d.refobjid AS tbl, d.refobjsubid AS attnum,
           d.deptype = 'i' AS is_identity
    FROM pg_depend d
    WHERE d.classid = 'pg_class'::regclass
      AND d.refclassid = 'pg_class'::regclass
      AND d.deptype IN ('a', 'i')
      AND d.refobjsubid > 0
    UNION
    SELECT d.refobjid, ad.adrelid, ad.adnum, false
    FROM pg_attrdef ad
    JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'n'
)
SELECT s.oid AS seq_oid, sn.nspname AS seq_schema, s.relname AS seq_name,
       t.oid AS table_oid, tn.nspname AS table_schema, t.relname AS table_name,
       a.attname AS column_name, u.is_identity, sq.seqincrement
FROM uses u
JOIN pg_class s ON s.oid = u.seq AND s.relkind = 'S'
JOIN pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_sequence sq ON sq.seqrelid = s.oid
JOIN pg_class t ON t.oid = u.tbl AND t.relkind IN ('r', 'p') AND NOT t.relispartition
JOIN pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum
WHERE tn.nspname <> 'information_schema' AND tn.nspname NOT LIKE 'pg\_%'
  AND ($1::text[] IS NULL OR EXISTS (
        WITH RECURSIVE tree(oid) AS (
            SELECT t.oid
            UNION
            SELECT i.inhrelid FROM pg_inherits i JOIN tree ON i.inhparent = tree.oid
        )
        SELECT FROM tree
        JOIN pg_class c ON c.oid = tree.oid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname || '.' || c.relname = ANY ($1::text[])))
ORDER BY tn.nspname, t.relname, a.attname
