-- Indexes of one table with the same columns, operator classes, collations, options,
-- expressions and predicate: all but one are dead weight.
SELECT n.nspname, t.relname AS table_name,
       array_agg(c.relname::text ORDER BY c.relname)::text AS index_names,
       array_agg(pg_relation_size(c.oid) ORDER BY c.relname)::text AS index_bytes,
       min(pg_get_indexdef(c.oid)) AS definition
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
GROUP BY n.nspname, t.relname, i.indrelid, c.relam, i.indkey::text, i.indclass::text,
         i.indcollation::text, i.indoption::text,
         coalesce(pg_get_expr(i.indexprs, i.indrelid), ''),
         coalesce(pg_get_expr(i.indpred, i.indrelid), '')
HAVING count(*) > 1
ORDER BY n.nspname, t.relname
