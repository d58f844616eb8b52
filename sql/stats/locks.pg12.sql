-- Sessions waiting on a lock and the sessions that block them (pg_blocking_pids), with the
-- lock each waiter asks for. Only sessions waiting on a heavyweight lock can have blockers,
-- so pg_blocking_pids (which takes the lock manager's locks) is called for those alone.
WITH waiting AS MATERIALIZED (
    SELECT pid, pg_blocking_pids(pid) AS blockers
    FROM pg_stat_activity
    WHERE wait_event_type = 'Lock'
), involved AS (
    SELECT pid FROM waiting WHERE cardinality(blockers) > 0
    UNION
    SELECT unnest(blockers) FROM waiting
)
SELECT a.pid,
       coalesce((SELECT w.blockers FROM waiting w WHERE w.pid = a.pid), '{}'::int[])::text
           AS blocked_by,
       coalesce(a.datname, '') AS datname, coalesce(a.usename, '') AS usename,
       coalesce(a.state, '') AS state,
       coalesce(a.wait_event_type, '') AS wait_event_type,
       coalesce(a.wait_event, '') AS wait_event,
       extract(epoch FROM clock_timestamp() - a.xact_start)::float8 AS xact_seconds,
       extract(epoch FROM clock_timestamp() - a.query_start)::float8 AS query_seconds,
       a.query,
       (SELECT l.locktype FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1)
           AS wanted_locktype,
       (SELECT l.mode FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1)
           AS wanted_mode,
       (SELECT CASE WHEN l.relation IS NULL THEN NULL
                    WHEN l.database = (SELECT oid FROM pg_database
                                       WHERE datname = current_database())
                    THEN l.relation::regclass::text
                    ELSE 'oid ' || l.relation::text END
        FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1) AS wanted_relation
FROM pg_stat_activity a
WHERE a.pid IN (SELECT pid FROM involved)
ORDER BY a.pid
