-- The statements that took the most time (pg_stat_statements 1.11 and newer: shared_blk_read_time).
-- The variant is chosen by the extension's version, not the server's. $1: how many.
-- strata:template: %1 is the extension's schema, quoted. tst_stats PREPAREs the variant that
-- fits the test server's extension.
SELECT s.queryid::text AS queryid, s.query, s.calls,
       s.total_exec_time::float8 AS total_ms, s.mean_exec_time::float8 AS mean_ms, s.rows,
       s.shared_blks_hit, s.shared_blks_read,
       s.shared_blk_read_time::float8 AS read_ms,
       coalesce(pg_get_userbyid(s.userid)::text, '') AS usename,
       coalesce((SELECT datname FROM pg_database WHERE oid = s.dbid)::text, '') AS datname
FROM %1.pg_stat_statements s
ORDER BY s.total_exec_time DESC
LIMIT $1
