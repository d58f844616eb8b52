-- Dead tuples and the last (auto)vacuum and analyze of user tables, most dead tuples first.
-- Read with the functions pg_stat_user_tables is built on, for the top rows only (the view
-- computes every column of every table first). PostgreSQL 12 has no
-- pg_stat_get_ins_since_vacuum (13+). $1: how many.
WITH top AS (
    SELECT c.oid, n.nspname, c.relname, c.reloptions
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%'
    ORDER BY pg_stat_get_dead_tuples(c.oid) DESC, n.nspname, c.relname
    LIMIT $1::int
)
SELECT t.nspname AS schemaname, t.relname,
       pg_stat_get_live_tuples(t.oid) AS n_live_tup,
       pg_stat_get_dead_tuples(t.oid) AS n_dead_tup,
       extract(epoch FROM pg_stat_get_last_vacuum_time(t.oid))::float8 AS last_vacuum,
       extract(epoch FROM pg_stat_get_last_autovacuum_time(t.oid))::float8 AS last_autovacuum,
       extract(epoch FROM pg_stat_get_last_analyze_time(t.oid))::float8 AS last_analyze,
       extract(epoch FROM pg_stat_get_last_autoanalyze_time(t.oid))::float8 AS last_autoanalyze,
       pg_stat_get_vacuum_count(t.oid) AS vacuum_count,
       pg_stat_get_autovacuum_count(t.oid) AS autovacuum_count,
       pg_stat_get_mod_since_analyze(t.oid) AS n_mod_since_analyze,
       NULL::bigint AS n_ins_since_vacuum,
       coalesce((SELECT option_value FROM pg_options_to_table(t.reloptions)
                 WHERE option_name = 'autovacuum_enabled'), 'true')::boolean AS autovacuum_enabled
FROM top t
ORDER BY n_dead_tup DESC, t.nspname, t.relname
