-- The columns of the relations a diagram draws ($1: their OIDs), with what marks them: part of
-- the primary key, of a foreign key, or the target of one (a referenced key, maybe UNIQUE).
SELECT a.attrelid AS relation_oid,
       a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
               WHERE k.conrelid = a.attrelid AND k.contype = 'p' AND a.attnum = ANY (k.conkey))
           AS primary_key,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
               WHERE k.conrelid = a.attrelid AND k.contype = 'f' AND k.conparentid = 0
                 AND a.attnum = ANY (k.conkey))
           AS foreign_key,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
               WHERE k.confrelid = a.attrelid AND k.contype = 'f' AND k.conparentid = 0
                 AND a.attnum = ANY (k.confkey))
           AS referenced
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = ANY ($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
