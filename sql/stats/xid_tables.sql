-- Tables and materialized views with the oldest relfrozenxid (a TOAST table counts for its
-- owner): the ones closest to a forced anti-wraparound vacuum. $1: how many.
SELECT n.nspname, t.relname,
       max(age(c.relfrozenxid))::bigint AS xid_age,
       max(mxid_age(c.relminmxid))::bigint AS mxid_age
FROM pg_class c
LEFT JOIN pg_class o ON c.relkind = 't' AND o.reltoastrelid = c.oid
JOIN pg_class t ON t.oid = coalesce(o.oid, c.oid)
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE c.relkind IN ('r', 'm', 't')
  AND c.relfrozenxid <> '0'
GROUP BY n.nspname, t.relname, t.oid
ORDER BY xid_age DESC, n.nspname, t.relname
LIMIT $1
