-- The chosen tables and, recursively, every table their foreign keys reference, each with how
-- many foreign keys away from the chosen ones it first is (0: chosen, 1: referenced directly).
WITH RECURSIVE closure(oid, depth) AS (
    SELECT unnest($1::oid[]), 0
    UNION
    SELECT con.confrelid, cl.depth + 1
    FROM pg_constraint con
    JOIN closure cl ON con.conrelid = cl.oid
    WHERE con.contype = 'f' AND cl.depth < 100
)
SELECT c.oid, n.nspname AS schema, c.relname AS name,
       NOT (c.oid = ANY ($1::oid[])) AS added, min(cl.depth) AS depth
FROM closure cl
JOIN pg_class c ON c.oid = cl.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
GROUP BY c.oid, n.nspname, c.relname
ORDER BY 4, 2, 3
