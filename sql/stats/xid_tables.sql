-- Tables and materialized views with the oldest relfrozenxid (their TOAST table's counts too):
-- the ones closest to a forced anti-wraparound vacuum. $1: how many user tables, oldest first.
-- System catalogs (pg_catalog, information_schema) keep the age of the template they were
-- copied from until autovacuum freezes them on its own schedule, so in a young database they
-- would fill the list; one is listed (after the user tables) only once its age has passed
-- autovacuum_freeze_max_age, when autovacuum should already have frozen it.
-- One top-N sort: the overdue catalogs (a few dozen at most: 200 is room to spare) first, then
-- the user tables; the outer query keeps $1 of each and puts the user tables first.
SELECT nspname, relname, system, xid_age, mxid_age
FROM (
    SELECT o.*, row_number() OVER (PARTITION BY o.system ORDER BY o.xid_age DESC, o.nspname,
                                                                   o.relname) AS place
    FROM (
        SELECT n.nspname, c.relname,
               n.nspname IN ('pg_catalog', 'information_schema') AS system,
               greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))::bigint
                   AS xid_age,
               greatest(mxid_age(c.relminmxid), coalesce(mxid_age(t.relminmxid), 0))::bigint
                   AS mxid_age
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
        WHERE c.relkind IN ('r', 'm')
          AND (n.nspname NOT IN ('pg_catalog', 'information_schema')
               OR greatest(age(c.relfrozenxid), coalesce(age(t.relfrozenxid), 0))
                  > current_setting('autovacuum_freeze_max_age')::bigint)
        ORDER BY 3 DESC, 4 DESC, 1, 2
        LIMIT $1::int + 200
    ) o
) ranked
WHERE place <= $1::int
ORDER BY system, xid_age DESC, nspname, relname
