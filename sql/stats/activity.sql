-- Client sessions other than this one (one this role may not see has no backend_type).
-- Durations in seconds against the server's clock;
-- query text of other roles reads '<insufficient privilege>' without pg_read_all_stats.
SELECT a.pid, coalesce(a.datname, '') AS datname, coalesce(a.usename, '') AS usename,
       coalesce(a.application_name, '') AS application_name,
       coalesce(host(a.client_addr), '') AS client_addr,
       a.state,
       extract(epoch FROM clock_timestamp() - a.xact_start)::float8 AS xact_seconds,
       extract(epoch FROM clock_timestamp() - a.query_start)::float8 AS query_seconds,
       extract(epoch FROM clock_timestamp() - a.state_change)::float8 AS state_seconds,
       coalesce(a.wait_event_type, '') AS wait_event_type,
       coalesce(a.wait_event, '') AS wait_event,
       a.query,
       a.backend_xid IS NOT NULL AS has_xid
FROM pg_stat_activity a
WHERE (a.backend_type = 'client backend'
       OR (a.backend_type IS NULL AND a.usesysid IS NOT NULL))
  AND a.pid <> pg_backend_pid()
ORDER BY a.xact_start NULLS LAST, a.pid
