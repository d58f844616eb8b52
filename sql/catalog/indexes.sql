-- The indexes of a relation with their definitions and sizes.
SELECT x.indexrelid,
       ic.relname,
       pg_catalog.pg_get_indexdef(x.indexrelid),
       x.indisprimary,
       x.indisunique,
       x.indisvalid,
       pg_catalog.pg_relation_size(x.indexrelid)
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
WHERE x.indrelid = $1::oid
ORDER BY x.indisprimary DESC, ic.relname
