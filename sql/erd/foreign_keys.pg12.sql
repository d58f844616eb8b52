-- Every foreign key between user tables, with both ends moved to the root of their partition
-- tree (pg_partition_root; a key declared on a partitioned table is copied to each partition,
-- and a key that references one is copied for each referenced partition: those copies,
-- conparentid <> 0, are left out). Column names in key order, as JSON arrays. (The base file
-- walks pg_inherits instead, for PostgreSQL 11; its estimates are large enough to start JIT.)
SELECT k.oid AS oid,
       k.conname AS name,
       coalesce(pg_catalog.pg_partition_root(k.conrelid)::oid, k.conrelid) AS from_oid,
       coalesce(pg_catalog.pg_partition_root(k.confrelid)::oid, k.confrelid) AS to_oid,
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
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE k.contype = 'f'
  AND k.conparentid = 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY k.oid
