-- PostgreSQL 10: no partitioned foreign keys, so no per-partition copies to leave out.
-- Foreign keys of this relation: what it references. Copies a partition inherits from its
-- parent's key are left out (conparentid).
SELECT k.oid, k.conname, rn.nspname, r.relname, pg_catalog.pg_get_constraintdef(k.oid, true)
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
WHERE k.conrelid = $1::oid AND k.contype = 'f'
ORDER BY k.conname
