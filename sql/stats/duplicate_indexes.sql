-- Indexes of one table with the same access method, columns, operator classes, collations,
-- options, expressions and predicate: all but one are dead weight. Grouped first, measured
-- after, so a large catalog costs one pass and sizes only for the duplicates.
WITH groups AS (
    SELECT i.indrelid, array_agg(i.indexrelid ORDER BY c.relname) AS members
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
    GROUP BY i.indrelid, c.relam, i.indkey::text, i.indclass::text, i.indcollation::text,
             i.indoption::text,
             CASE WHEN i.indexprs IS NULL THEN '' ELSE pg_get_expr(i.indexprs, i.indrelid) END,
             CASE WHEN i.indpred IS NULL THEN '' ELSE pg_get_expr(i.indpred, i.indrelid) END
    HAVING count(*) > 1
)
SELECT n.nspname, t.relname AS table_name,
       (SELECT array_agg(c.relname::text ORDER BY m.ord)
        FROM unnest(g.members) WITH ORDINALITY m(oid, ord)
        JOIN pg_class c ON c.oid = m.oid)::text AS index_names,
       (SELECT array_agg(pg_relation_size(m.oid) ORDER BY m.ord)
        FROM unnest(g.members) WITH ORDINALITY m(oid, ord))::text AS index_bytes,
       pg_get_indexdef(g.members[1]) AS definition
FROM groups g
JOIN pg_class t ON t.oid = g.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
ORDER BY n.nspname, t.relname
