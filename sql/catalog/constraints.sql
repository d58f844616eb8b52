-- The constraints of a relation (foreign keys included; see foreign_keys_* for both directions).
-- NOT NULL is shown with each column (attnotnull); from PostgreSQL 18 it is also a constraint
-- row ('n'), which is left out here so that every version shows the same list.
SELECT k.oid, k.conname, k.contype, pg_catalog.pg_get_constraintdef(k.oid, true)
FROM pg_catalog.pg_constraint k
WHERE k.conrelid = $1::oid AND k.contype <> 'n'
ORDER BY CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'f' THEN 2 ELSE 3 END, k.conname
