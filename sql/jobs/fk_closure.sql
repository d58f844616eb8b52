-- The chosen tables and, recursively, every table their foreign keys reference, each
-- partitioned table with the partitions under it (its rows live there). $1: the chosen tables
-- (their partitions already among them). added: brought in by the closure; depth: how many
-- foreign keys away from the chosen ones it first is (0: chosen, 1: referenced directly; a
-- partition is as far as its parent).
WITH RECURSIVE closure(oid, depth) AS (
    SELECT unnest($1::oid[]), 0
    UNION
    SELECT next.oid, cl.depth + next.step
    FROM closure cl
    CROSS JOIN LATERAL (
        SELECT con.confrelid, 1
        FROM pg_constraint con
        WHERE con.conrelid = cl.oid AND con.contype = 'f'
        UNION ALL
        SELECT i.inhrelid, 0
        FROM pg_inherits i
        JOIN pg_class p ON p.oid = i.inhrelid
        WHERE i.inhparent = cl.oid AND p.relispartition
    ) AS next(oid, step)
    WHERE cl.depth < 100
)
SELECT c.oid, n.nspname AS schema, c.relname AS name,
       NOT (c.oid = ANY ($1::oid[])) AS added, min(cl.depth) AS depth
FROM closure cl
JOIN pg_class c ON c.oid = cl.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
GROUP BY c.oid, n.nspname, c.relname
ORDER BY 4, 2, 3
