-- The largest tables, partitioned tables and materialized views of this database: heap, TOAST,
-- indexes, total. A partitioned table counts what every partition beneath it holds (its own
-- relation has no storage); its partitions are listed as well, each with its parent. $1: how
-- many. Measuring a relation costs a few file-system calls per fork, so on a catalog of tens of
-- thousands of tables only the likeliest candidates are measured: the largest by the page
-- counts VACUUM and ANALYZE record (relpages of the table, its TOAST table and indexes; a
-- partitioned table's are its partitions'), ten times as many as asked for, at least 200. A
-- large table never vacuumed nor analyzed can be missed; the sizes shown are exact.
WITH RECURSIVE pages AS (
    SELECT c.oid, c.relkind,
           c.relpages::bigint + coalesce(t.relpages, 0)
           + coalesce((SELECT sum(ic.relpages) FROM pg_index i
                       JOIN pg_class ic ON ic.oid = i.indexrelid
                       WHERE i.indrelid = c.oid), 0) AS pages
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
    WHERE c.relkind IN ('r', 'm', 'p')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
),
tree AS (
    -- Each partitioned table with every relation beneath it, at any depth.
    SELECT p.oid AS root, p.oid AS relid
    FROM pages p
    WHERE p.relkind = 'p'
  UNION ALL
    SELECT t.root, i.inhrelid
    FROM tree t
    JOIN pg_inherits i ON i.inhparent = t.relid
),
partition_pages AS (
    SELECT t.root, sum(p.pages) AS pages
    FROM tree t
    JOIN pages p ON p.oid = t.relid
    WHERE t.relid <> t.root
    GROUP BY t.root
),
candidates AS (
    SELECT p.oid
    FROM pages p
    LEFT JOIN partition_pages pp ON pp.root = p.oid
    ORDER BY CASE WHEN p.relkind = 'p' THEN coalesce(pp.pages, 0) ELSE p.pages END DESC
    LIMIT greatest($1::int * 10, 200)
),
members AS (
    -- What a candidate's sizes add up: itself, and for a partitioned table its partitions.
    SELECT k.oid AS owner, k.oid AS relid FROM candidates k
  UNION ALL
    SELECT t.root, t.relid FROM tree t JOIN candidates k ON k.oid = t.root
    WHERE t.relid <> t.root
),
totals AS (
    SELECT m.owner, sum(pg_total_relation_size(m.relid))::bigint AS total_bytes
    FROM members m
    GROUP BY m.owner
),
top AS (
    -- Only the relations shown are measured fork by fork.
    SELECT t.owner, t.total_bytes, n.nspname, c.relname
    FROM totals t
    JOIN pg_class c ON c.oid = t.owner
    JOIN pg_namespace n ON n.oid = c.relnamespace
    ORDER BY t.total_bytes DESC, n.nspname, c.relname
    LIMIT $1::int
)
SELECT k.nspname, k.relname, c.relkind::text,
       s.heap_bytes, s.toast_bytes, s.index_bytes, k.total_bytes,
       CASE WHEN c.relkind = 'p' THEN s.partition_rows ELSE c.reltuples::float8 END
           AS row_estimate,
       s.partitions,
       pn.nspname AS parent_schema, pc.relname AS parent_name
FROM top k
JOIN pg_class c ON c.oid = k.owner
CROSS JOIN LATERAL (
    SELECT sum(pg_relation_size(r.oid))::bigint AS heap_bytes,
           sum(coalesce(pg_total_relation_size(NULLIF(r.reltoastrelid, 0)), 0))::bigint
               AS toast_bytes,
           sum(pg_indexes_size(r.oid))::bigint AS index_bytes,
           count(*) FILTER (WHERE r.oid <> m.owner AND r.relkind <> 'p')::int AS partitions,
           -- -1 (never analyzed) unless some partition was
           coalesce(sum(r.reltuples) FILTER (WHERE r.oid <> m.owner AND r.relkind <> 'p'
                                             AND r.reltuples >= 0), -1)::float8
               AS partition_rows
    FROM members m
    JOIN pg_class r ON r.oid = m.relid
    WHERE m.owner = k.owner
) s
LEFT JOIN pg_inherits ih ON ih.inhrelid = c.oid AND c.relispartition
LEFT JOIN pg_class pc ON pc.oid = ih.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
ORDER BY k.total_bytes DESC, k.nspname, k.relname
