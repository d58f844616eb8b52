-- Foreign keys of other relations that reference this one (referenced-by).
SELECT k.oid, k.conname, sn.nspname, s.relname, pg_catalog.pg_get_constraintdef(k.oid, true)
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class s ON s.oid = k.conrelid
JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
WHERE k.confrelid = $1::oid AND k.contype = 'f' AND k.conparentid = 0
ORDER BY sn.nspname, s.relname, k.conname
