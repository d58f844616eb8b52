-- The columns of the relations a diagram draws ($1: their OIDs), with what marks them: part of
-- the primary key, of a foreign key, or the target of one (a referenced key, maybe UNIQUE).
-- The key columns are gathered in one pass over pg_constraint (pg_constraint has no index on
-- confrelid: a test per column would scan it once per column), and the OIDs are joined as rows
-- (= ANY of a 2,000-element array is tested element by element on every catalog row).
WITH marks AS (
    SELECT k.conrelid AS relid, u.attnum, k.contype = 'p' AS pk, k.contype = 'f' AS fk,
           false AS referenced
    FROM pg_catalog.pg_constraint k
    CROSS JOIN LATERAL unnest(k.conkey) AS u(attnum)
    JOIN unnest($1::oid[]) AS r(oid) ON r.oid = k.conrelid
    WHERE k.contype IN ('p', 'f') AND k.conparentid = 0
    UNION ALL
    SELECT k.confrelid, u.attnum, false, false, true
    FROM pg_catalog.pg_constraint k
    CROSS JOIN LATERAL unnest(k.confkey) AS u(attnum)
    JOIN unnest($1::oid[]) AS r(oid) ON r.oid = k.confrelid
    WHERE k.contype = 'f' AND k.conparentid = 0
), marked AS (
    SELECT relid, attnum, bool_or(pk) AS pk, bool_or(fk) AS fk, bool_or(referenced) AS referenced
    FROM marks
    GROUP BY relid, attnum
)
SELECT a.attrelid AS relation_oid,
       a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       coalesce(m.pk, false) AS primary_key,
       coalesce(m.fk, false) AS foreign_key,
       coalesce(m.referenced, false) AS referenced
FROM unnest($1::oid[]) AS r(oid)
JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
LEFT JOIN marked m ON m.relid = a.attrelid AND m.attnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
