-- Tables and materialized views with the oldest relfrozenxid (their TOAST table's counts too):
-- the ones closest to a forced anti-wraparound vacuum. $1: how many.
SELECT n.nspname, c.relname,
       greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))::bigint AS xid_age,
       greatest(mxid_age(c.relminmxid), coalesce(mxid_age(t.relminmxid), 0))::bigint AS mxid_age
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
WHERE c.relkind IN ('r', 'm')
ORDER BY 3 DESC, n.nspname, c.relname
LIMIT $1::int
