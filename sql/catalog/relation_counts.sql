-- How many columns, indexes, constraints, triggers and partitions a relation has (the tree's
-- sub-groups under an object). No row when the relation no longer exists.
SELECT (SELECT count(*) FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
       (SELECT count(*) FROM pg_catalog.pg_index x WHERE x.indrelid = c.oid),
       (SELECT count(*) FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid),
       (SELECT count(*) FROM pg_catalog.pg_trigger t
        WHERE t.tgrelid = c.oid AND NOT t.tgisinternal),
       (SELECT count(*) FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid),
       c.relkind
FROM pg_catalog.pg_class c
WHERE c.oid = $1::oid
