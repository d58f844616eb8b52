-- The statements that took the most time (pg_stat_statements 1.7 and older: total_time).
-- The variant is chosen by the extension's version, not the server's. $1: how many.
-- {{extension_schema}}: the extension's schema (it need not be on the search path).
-- strata:fixture: CREATE SCHEMA {{extension_schema}}; CREATE EXTENSION pg_stat_statements SCHEMA {{extension_schema}}
-- strata:for-extension: pg_stat_statements < 1.8
SELECT s.queryid::text AS queryid, s.query, s.calls,
       s.total_time::float8 AS total_ms, s.mean_time::float8 AS mean_ms, s.rows,
       s.shared_blks_hit, s.shared_blks_read,
       s.blk_read_time::float8 AS read_ms,
       coalesce(pg_get_userbyid(s.userid)::text, '') AS usename,
       coalesce((SELECT datname FROM pg_database WHERE oid = s.dbid)::text, '') AS datname
FROM {{extension_schema}}.pg_stat_statements s
ORDER BY s.total_time DESC
LIMIT $1
