-- Replication slots and the WAL each one holds back. wal_status is new in 13.
SELECT s.slot_name::text, coalesce(s.plugin::text, '') AS plugin, s.slot_type,
       coalesce(s.database::text, '') AS database, s.active, s.temporary,
       pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()
                            ELSE pg_current_wal_lsn() END, s.restart_lsn)::bigint AS retained_bytes,
       '' AS wal_status
FROM pg_replication_slots s
ORDER BY s.slot_name
