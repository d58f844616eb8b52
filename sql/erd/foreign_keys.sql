-- PostgreSQL 10: no conparentid (and no keys on partitioned tables, so no copies of one).
-- Every foreign key between user tables, with both ends moved to the root of their partition
-- tree (a key declared on a partitioned table is copied to each partition, and a key that
-- references one is copied for each referenced partition: those copies, conparentid <> 0, are
-- left out). Column names in key order, as JSON arrays.
WITH RECURSIVE root(oid, root) AS (
    SELECT c.oid, c.oid
    FROM pg_catalog.pg_class c
    WHERE c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition
    UNION ALL
    SELECT i.inhrelid, r.root
    FROM pg_catalog.pg_inherits i
    JOIN root r ON i.inhparent = r.oid
)
SELECT k.oid AS oid,
       k.conname AS name,
       fr.root AS from_oid,
       tr.root AS to_oid,
       (SELECT pg_catalog.json_agg(a.attname ORDER BY u.ord)
        FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum)
           AS from_columns,
       (SELECT pg_catalog.json_agg(a.attname ORDER BY u.ord)
        FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum)
           AS to_columns,
       pg_catalog.pg_get_constraintdef(k.oid, true) AS definition
FROM pg_catalog.pg_constraint k
JOIN root fr ON fr.oid = k.conrelid
JOIN root tr ON tr.oid = k.confrelid
JOIN pg_catalog.pg_class c ON c.oid = fr.root
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE k.contype = 'f'
 
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY k.oid
