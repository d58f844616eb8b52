-- Tables and materialized views with the oldest relfrozenxid (their TOAST table's counts too):
-- the ones closest to a forced anti-wraparound vacuum. $1: how many user tables, oldest first.
-- System catalogs (pg_catalog, information_schema) keep the age of the template they were
-- copied from until autovacuum freezes them on its own schedule, so in a young database they
-- would fill the list; one is listed (after the user tables) only once its age has passed
-- autovacuum_freeze_max_age, when autovacuum should already have frozen it.
WITH ages AS (
    SELECT n.nspname, c.relname,
           n.nspname IN ('pg_catalog', 'information_schema') AS system,
           greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))::bigint AS xid_age,
           greatest(mxid_age(c.relminmxid), coalesce(mxid_age(t.relminmxid), 0))::bigint
               AS mxid_age
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
    WHERE c.relkind IN ('r', 'm')
)
SELECT nspname, relname, system, xid_age, mxid_age
FROM (
    (SELECT * FROM ages WHERE NOT system
     ORDER BY xid_age DESC, nspname, relname LIMIT $1::int)
    UNION ALL
    (SELECT * FROM ages
     WHERE system AND xid_age > current_setting('autovacuum_freeze_max_age')::bigint
     ORDER BY xid_age DESC, nspname, relname LIMIT $1::int)
) listed
ORDER BY system, xid_age DESC, nspname, relname
