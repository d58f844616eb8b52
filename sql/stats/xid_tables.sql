-- Tables (and materialized views, TOAST tables by their owner) with the oldest relfrozenxid:
-- the ones closest to a forced anti-wraparound vacuum. $1: how many.
SELECT n.nspname, coalesce(o.relname, c.relname) AS relname,
       age(c.relfrozenxid)::bigint AS xid_age,
       mxid_age(c.relminmxid)::bigint AS mxid_age
FROM pg_class c
LEFT JOIN pg_class o ON c.relkind = 't' AND o.reltoastrelid = c.oid
JOIN pg_namespace n ON n.oid = coalesce(o.relnamespace, c.relnamespace)
WHERE c.relkind IN ('r', 'm', 't')
  AND c.relfrozenxid <> '0'
ORDER BY age(c.relfrozenxid) DESC, n.nspname, relname
LIMIT $1
