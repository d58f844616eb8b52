-- Dead tuples and the last (auto)vacuum and analyze of user tables, most dead tuples first.
-- n_ins_since_vacuum drives insert-only autovacuum (13+). $1: how many.
SELECT s.schemaname, s.relname, s.n_live_tup, s.n_dead_tup,
       extract(epoch FROM s.last_vacuum)::float8 AS last_vacuum,
       extract(epoch FROM s.last_autovacuum)::float8 AS last_autovacuum,
       extract(epoch FROM s.last_analyze)::float8 AS last_analyze,
       extract(epoch FROM s.last_autoanalyze)::float8 AS last_autoanalyze,
       s.vacuum_count, s.autovacuum_count, s.n_mod_since_analyze,
       s.n_ins_since_vacuum,
       coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions)
                 WHERE option_name = 'autovacuum_enabled'), 'true')::boolean AS autovacuum_enabled
FROM pg_stat_user_tables s
JOIN pg_class c ON c.oid = s.relid
ORDER BY s.n_dead_tup DESC, s.schemaname, s.relname
LIMIT $1
