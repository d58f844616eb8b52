-- The chosen tables and, recursively, every table their foreign keys reference, each
-- partitioned table with the partitions under it (its rows live there). $1: the chosen tables
-- (their partitions already among them). added: brought in by the closure.
WITH RECURSIVE closure(oid) AS (
    SELECT unnest($1::oid[])
    UNION
    SELECT next.oid
    FROM closure cl
    CROSS JOIN LATERAL (
        SELECT con.confrelid
        FROM pg_constraint con
        WHERE con.conrelid = cl.oid AND con.contype = 'f'
        UNION ALL
        SELECT i.inhrelid
        FROM pg_inherits i
        JOIN pg_class p ON p.oid = i.inhrelid
        WHERE i.inhparent = cl.oid AND p.relispartition
    ) AS next(oid)
)
SELECT c.oid, n.nspname, c.relname, NOT (c.oid = ANY ($1::oid[])) AS added
FROM closure cl
JOIN pg_class c ON c.oid = cl.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
ORDER BY 4, 2, 3
