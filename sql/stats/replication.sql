-- Standbys streaming from this server and how far behind they are (bytes and replay lag).
SELECT r.pid, coalesce(r.application_name, '') AS application_name,
       coalesce(host(r.client_addr), '') AS client_addr,
       coalesce(r.state, '') AS state, coalesce(r.sync_state, '') AS sync_state,
       r.sent_lsn::text AS sent_lsn, r.replay_lsn::text AS replay_lsn,
       CASE WHEN pg_is_in_recovery() THEN NULL
            ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::bigint END AS lag_bytes,
       extract(epoch FROM r.replay_lag)::float8 AS replay_lag_seconds
FROM pg_stat_replication r
ORDER BY r.application_name, r.pid
