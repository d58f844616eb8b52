-- The given tables and, for a partitioned one, every partition under it (partitions of
-- partitions too): pg_dump -t takes a partitioned table's definition alone, while its rows live
-- in its partitions. $1: table OIDs. added: a partition that was not among them; depth: 0 (a
-- partition is as far from the chosen tables as its parent).
WITH RECURSIVE tree(oid) AS (
    SELECT unnest($1::oid[])
    UNION
    SELECT i.inhrelid
    FROM pg_inherits i
    JOIN tree t ON i.inhparent = t.oid
    JOIN pg_class c ON c.oid = i.inhrelid
    WHERE c.relispartition
)
SELECT c.oid, n.nspname AS schema, c.relname AS name,
       NOT (c.oid = ANY ($1::oid[])) AS added, 0 AS depth
FROM tree t
JOIN pg_class c ON c.oid = t.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
ORDER BY 4, 2, 3
