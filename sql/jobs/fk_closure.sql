-- The chosen tables and, recursively, every table their foreign keys reference.
WITH RECURSIVE closure(oid) AS (
    SELECT unnest($1::oid[])
    UNION
    SELECT con.confrelid
    FROM pg_constraint con
    JOIN closure cl ON con.conrelid = cl.oid
    WHERE con.contype = 'f'
)
SELECT c.oid, n.nspname, c.relname, NOT (c.oid = ANY ($1::oid[])) AS added
FROM closure cl
JOIN pg_class c ON c.oid = cl.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
ORDER BY 4, 2, 3
